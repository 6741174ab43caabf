package org.teachertraining.core.teacher;

import org.teachertraining.core.common.FieldError;
import org.teachertraining.core.common.Outcome;
import org.teachertraining.core.common.PlainText;
import org.teachertraining.core.common.Violations;
import org.teachertraining.core.identity.Access;
import org.teachertraining.core.identity.Caller;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Bulk create/update of teachers from a list with a header row, CSV or an Excel workbook ({@link UploadedList}; English
 * or Chinese column names, enum values by name or by their Chinese label, dates as 2015-09-01, 2015-9-1, 2015/9/1,
 * 2015.9.1, 2015年9月1日 or a workbook's date cell; codes, dates and labels also in full-width characters). Each valid row is
 * saved; each invalid row is reported with its line and problems and writes nothing; a row of empty cells is skipped.
 */
public final class ImportTeachers {
    /**
     * Rows a list may hold: what one request saves well within the API's 29 s wherever it runs. Saved
     * {@value #SAVED_AT_ONCE} at a time on a 2-core machine, 1,000 rows took 5–6 s in the local runtime's memory and
     * 14.9–26 s on its on-disk store (DynamoDB Local's SQLite, CPU-bound), too near the 29 s; 3,000 took 16.8 s in memory
     * and ran past 29 s on disk. A larger list is refused before anything is saved, and imported in parts. (Until
     * 2026-12-07 10,000 rows were taken and saved one at a time: 1,000 rows took 10.6 s in memory, 3,000 ran past the
     * 29 s, the rows saved until then kept and no report given.)
     */
    public static final int MAX_ROWS = 500;

    public record RowProblems(int line, List<FieldError> problems) {}

    /** {@code rejected}: the rows not imported, in file order (500 rows wrong in every column answered 466 KB). */
    public record Report(int imported, List<RowProblems> rejected) {}

    /**
     * Rows saved at once. On DynamoDB each row's save mostly waits (a read, a transaction and its compliance rows); even
     * on DynamoDB Local, CPU-bound on 2 cores, 8 at a time saved 1,000 rows 1.7× as fast as one at a time in memory (on
     * its on-disk store 16 at a time were no faster than 8).
     * The rows are distinct teachers: an ID twice in a file, or in another case ("b1" after "B1"), is refused before any
     * row is saved, the later row (before, "B1" and "b1" raced, and either could be the one stored).
     */
    static final int SAVED_AT_ONCE = 8;

    private enum Column {
        ID("id", "教师编号", "工号"), NAME("name", "姓名"), JURISDICTION("jurisdiction", "行政区划代码", "区划代码"),
        SCHOOL_ID("schoolId", "学校编号", "学校代码"), STAGE("stage", "学段"), SUBJECTS("subjects", "任教学科", "学科"),
        ROLE("role", "岗位", "职务"), SCHOOL_LOCATION("schoolLocation", "学校所在地", "学校类型"),
        TEACHING_SINCE("teachingSince", "从教时间", "参加工作时间"), BACKBONE_LEVEL("backboneLevel", "骨干级别");

        final List<String> names;

        Column(String... names) {
            this.names = List.of(names);
        }

        String field() {
            return names.get(0);
        }
    }

    private static final EnumSet<Column> REQUIRED = EnumSet.of(Column.ID, Column.NAME, Column.JURISDICTION, Column.STAGE,
            Column.ROLE, Column.SCHOOL_LOCATION, Column.TEACHING_SINCE);

    private static final Map<String, Stage> STAGES = labels(Stage.values(), Map.of(
            "幼儿园", Stage.KINDERGARTEN, "学前", Stage.KINDERGARTEN, "小学", Stage.PRIMARY, "初中", Stage.JUNIOR, "高中", Stage.SENIOR));
    private static final Map<String, TeacherRole> ROLES = labels(TeacherRole.values(), Map.of(
            "教师", TeacherRole.TEACHER, "校长", TeacherRole.PRINCIPAL, "园长", TeacherRole.PRINCIPAL, "班主任", TeacherRole.HEAD_TEACHER,
            "乡村首席教师", TeacherRole.CHIEF_TEACHER, "首席教师", TeacherRole.CHIEF_TEACHER, "生活指导教师", TeacherRole.LIFE_TEACHER,
            "心理健康教育教师", TeacherRole.PSYCHOLOGY_TEACHER, "道德与法治教师", TeacherRole.MORAL_EDUCATION_TEACHER,
            "思政教师", TeacherRole.MORAL_EDUCATION_TEACHER));
    private static final Map<String, SchoolLocation> LOCATIONS = labels(SchoolLocation.values(), Map.of(
            "乡村", SchoolLocation.RURAL, "村", SchoolLocation.RURAL, "农村", SchoolLocation.RURAL, "乡镇", SchoolLocation.TOWN,
            "镇", SchoolLocation.TOWN, "镇区", SchoolLocation.TOWN, "城区", SchoolLocation.URBAN, "城市", SchoolLocation.URBAN));
    private static final Map<String, BackboneLevel> BACKBONE = labels(BackboneLevel.values(), Map.of(
            "校级", BackboneLevel.SCHOOL, "县级", BackboneLevel.COUNTY, "市级", BackboneLevel.CITY,
            "省级", BackboneLevel.PROVINCIAL, "国家级", BackboneLevel.NATIONAL));
    // strict: a day the month does not have (2010/2/30) is refused, never moved to the month's last day
    private static final DateTimeFormatter SLASHED = strict("uuuu/M/d");
    private static final DateTimeFormatter DOTTED = strict("uuuu.M.d");
    private static final DateTimeFormatter DASHED = strict("uuuu-M-d");
    private static final DateTimeFormatter CHINESE_DATE = strict("uuuu年M月d日");
    /** The columns of codes, dates and labels, read NFKC-normalized: typed with a Chinese IME's full-width digits too. */
    private static final EnumSet<Column> NORMALIZED = EnumSet.of(Column.ID, Column.JURISDICTION, Column.SCHOOL_ID, Column.STAGE,
            Column.ROLE, Column.SCHOOL_LOCATION, Column.TEACHING_SINCE, Column.BACKBONE_LEVEL);
    /**
     * A date cell of a workbook: Excel keeps the date as its day number since 1899-12-30 (the 1900 date system, right
     * for every day after 1900-02-28) and shows it formatted; five digits are 1927–2173, never a date written out.
     */
    private static final Pattern EXCEL_SERIAL = Pattern.compile("\\d{5}(\\.0+)?");
    private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);

    private final SaveTeacher saveTeacher;

    public ImportTeachers(SaveTeacher saveTeacher) {
        this.saveTeacher = saveTeacher;
    }

    public Outcome<Report> execute(Caller caller, byte[] file) {   // CSV or XLSX bytes
        if (!caller.hasRole(SaveTeacher.ROLES)) return Outcome.refused(Access.roleRefusal(SaveTeacher.ROLES));
        var read = UploadedList.read(file);
        if (read instanceof UploadedList.Unreadable u) return fileProblem(u.why().zh(), u.why().en());
        List<Csv.Row> rows = ((UploadedList.Rows) read).rows();
        if (rows.isEmpty()) return fileProblem("文件为空，需要标题行", "The file is empty; a header row is required");
        if (rows.size() - 1 > MAX_ROWS) {
            return fileProblem("一次最多导入 " + MAX_ROWS + " 行（本文件 " + (rows.size() - 1) + " 行），请分成几个文件导入",
                    "At most " + MAX_ROWS + " rows per import (this file has " + (rows.size() - 1) + "): import it in parts");
        }

        var columns = new HashMap<Column, Integer>();
        var unknown = new ArrayList<String>();
        var header = rows.get(0).fields();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).strip();
            boolean known = false;
            for (Column col : Column.values()) {
                if (col.names.stream().anyMatch(n -> n.equalsIgnoreCase(name))) {
                    columns.put(col, i);
                    known = true;
                }
            }
            if (!known && !name.isEmpty() && unknown.size() < 10) unknown.add(PlainText.quote(name));
        }
        var missing = REQUIRED.stream().filter(c -> !columns.containsKey(c)).toList();
        if (!missing.isEmpty()) {
            // named as a clerk's sheet would head them, with the other names each is read under, and what was not recognized
            String zh = missing.stream().map(c -> c.names.get(1) + "（也可写作 " + String.join(" 或 ", c.names.subList(2, c.names.size())) + (c.names.size() > 2 ? " 或 " : "")
                    + c.field() + "）").collect(java.util.stream.Collectors.joining("、"));
            String en = missing.stream().map(c -> c.field() + " (or " + String.join(", ", c.names.subList(1, c.names.size())) + ")").collect(java.util.stream.Collectors.joining(", "));
            return fileProblem("标题行缺少列：" + zh + (unknown.isEmpty() ? "" : "；未识别的列：" + String.join("、", unknown)),
                    "The header row lacks the columns: " + en + (unknown.isEmpty() ? "" : "; not recognized: " + String.join(", ", unknown)));
        }

        var rejected = new ArrayList<RowProblems>();
        var valid = new ArrayList<Map.Entry<Integer, SaveTeacher.Command>>();
        var seen = new HashMap<String, String>();   // by the ID in upper case: the ID as the first row gave it
        for (var row : rows.subList(1, rows.size())) {
            // a row of empty cells (",,,,,,," where a spreadsheet saved rows it had formatted) is a blank line
            if (row.fields().stream().allMatch(String::isBlank)) continue;
            var problems = new Violations();
            var command = toCommand(row, columns, problems);
            if (problems.isEmpty()) {
                var v = saveTeacher.validate(command);
                v.errors().forEach(e -> problems.add(e.field(), e.message().zh(), e.message().en()));
            }
            String earlier = problems.isEmpty() ? seen.putIfAbsent(command.id().toUpperCase(Locale.ROOT), command.id()) : null;
            if (earlier != null && earlier.equals(command.id())) {
                problems.add("id", "文件中重复的教师编号 " + command.id(), "teacher id " + command.id() + " appears twice in the file");
            } else if (earlier != null) {   // IDs are one whatever their case: saved at once, either row could have won
                problems.add("id", "教师编号 " + command.id() + " 与文件中前面的 " + earlier + " 只差大小写，是同一编号",
                        "teacher id " + command.id() + " differs only in case from " + earlier + " earlier in the file: the same ID");
            }
            if (problems.isEmpty()) valid.add(Map.entry(row.line(), command));
            else rejected.add(new RowProblems(row.line(), problems.errors()));
        }
        var refused = saveAll(caller, valid);
        rejected.addAll(refused);
        rejected.sort(Comparator.comparingInt(RowProblems::line));
        return Outcome.done(new Report(valid.size() - refused.size(), List.copyOf(rejected)));
    }

    /** Saves the valid rows, {@value #SAVED_AT_ONCE} at a time; answers those the save refused. */
    private List<RowProblems> saveAll(Caller caller, List<Map.Entry<Integer, SaveTeacher.Command>> valid) {
        var refused = Collections.synchronizedList(new ArrayList<RowProblems>());
        if (valid.isEmpty()) return refused;
        var saving = new ArrayList<Future<?>>();
        try (var pool = Executors.newFixedThreadPool(Math.min(SAVED_AT_ONCE, valid.size()))) {
            for (var row : valid) {
                saving.add(pool.submit(() -> {
                    var saved = saveTeacher.save(caller, SaveTeacher.toTeacher(row.getValue()));
                    if (saved instanceof Outcome.Refused<Boolean> r) {
                        // an ID another teacher holds in another case (409) is the row's id; anything else, its unit's (403)
                        String field = r.refusal().kind() == org.teachertraining.core.common.Refusal.Kind.CONFLICT ? "id" : "jurisdiction";
                        refused.add(new RowProblems(row.getKey(), new Violations().add(field, r.refusal().message().zh(), r.refusal().message().en()).errors()));
                    }
                }));
            }
            for (var save : saving) save.get();   // a row the table failed fails the import, as it did row by row
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failed) throw failed;
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("teacher import interrupted", e);
        }
        return refused;
    }

    private static SaveTeacher.Command toCommand(Csv.Row row, Map<Column, Integer> columns, Violations problems) {
        Function<Column, String> get = col -> {
            Integer at = columns.get(col);
            if (at == null || at >= row.fields().size()) return null;
            String s = NORMALIZED.contains(col) ? PlainText.typed(row.fields().get(at)) : row.fields().get(at).strip();
            return s.isEmpty() ? null : s;
        };
        String subjects = get.apply(Column.SUBJECTS);
        return new SaveTeacher.Command(get.apply(Column.ID), get.apply(Column.NAME), get.apply(Column.JURISDICTION),
                get.apply(Column.SCHOOL_ID), parse(Column.STAGE, get.apply(Column.STAGE), STAGES, problems),
                subjects == null ? List.of() : Arrays.stream(subjects.split("[;；、|,，]")).map(String::strip).filter(s -> !s.isEmpty()).toList(),
                parse(Column.ROLE, get.apply(Column.ROLE), ROLES, problems),
                parse(Column.SCHOOL_LOCATION, get.apply(Column.SCHOOL_LOCATION), LOCATIONS, problems),
                date(get.apply(Column.TEACHING_SINCE), problems),
                parse(Column.BACKBONE_LEVEL, get.apply(Column.BACKBONE_LEVEL), BACKBONE, problems));
    }

    private static <E> E parse(Column col, String value, Map<String, E> labels, Violations problems) {
        if (value == null) return null;
        E e = labels.get(value.toUpperCase(Locale.ROOT));
        if (e == null) {
            problems.add(col.field(), "未知的取值：" + PlainText.quote(value), "unknown value '" + PlainText.quote(value) + "'; allowed: " + String.join(", ", labels.keySet().stream().sorted().toList()));
        }
        return e;
    }

    private static LocalDate date(String value, Violations problems) {
        if (value == null) return null;
        if (EXCEL_SERIAL.matcher(value).matches()) {
            return EXCEL_EPOCH.plusDays(Long.parseLong(value.substring(0, 5)));
        }
        try {
            if (value.contains("/")) return LocalDate.parse(value, SLASHED);
            if (value.contains(".")) return LocalDate.parse(value, DOTTED);
            if (value.contains("年")) return LocalDate.parse(value, CHINESE_DATE);
            return LocalDate.parse(value, DASHED);
        } catch (DateTimeParseException e) {
            problems.add(Column.TEACHING_SINCE.field(), "日期格式应为 2015-09-01：" + PlainText.quote(value), "expected a date like 2015-09-01, got '" + PlainText.quote(value) + "'");
            return null;
        }
    }

    private static DateTimeFormatter strict(String pattern) {
        return DateTimeFormatter.ofPattern(pattern).withResolverStyle(ResolverStyle.STRICT);
    }

    private static <E extends Enum<E>> Map<String, E> labels(E[] values, Map<String, E> chinese) {
        var map = new HashMap<String, E>(chinese);
        for (E e : values) map.put(e.name(), e);
        return Map.copyOf(map);
    }

    private static Outcome<Report> fileProblem(String zh, String en) {
        return Outcome.refused(new Violations().add("file", zh, en).refusal());
    }
}
