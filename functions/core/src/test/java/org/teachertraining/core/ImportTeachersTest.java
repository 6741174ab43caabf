package org.teachertraining.core;

import org.junit.jupiter.api.Test;
import org.teachertraining.core.teacher.SchoolLocation;
import org.teachertraining.core.teacher.Stage;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.teachertraining.core.World.done;
import static org.teachertraining.core.World.refused;

class ImportTeachersTest {
    final World w = new World();
    static final String CHINESE = "教师编号,姓名,行政区划代码,学段,任教学科,岗位,学校所在地,从教时间,骨干级别\r\n"
            + "T001,王芳,411523,小学,语文、数学,班主任,乡村,2012/9/1,县级\r\n"
            + "T002,\"李,娜\",411522,初中,英语,教师,乡镇,2008-09-01,\r\n";

    @Test
    void excelsGb18030WithChineseHeadersAndLabels() {
        var report = done(w.importTeachers.execute(World.XINYANG, CHINESE.getBytes(Charset.forName("GB18030"))));
        assertEquals(2, report.imported());
        var t = w.ports.teachers.find("T001").orElseThrow();
        assertEquals("王芳", t.name());
        assertEquals(Stage.PRIMARY, t.stage());
        assertEquals(2, t.subjects().size());
        assertEquals("李,娜", w.ports.teachers.find("T002").orElseThrow().name());
        assertEquals(SchoolLocation.TOWN, w.ports.teachers.find("T002").orElseThrow().schoolLocation());
    }

    @Test
    void utf8WithAndWithoutBom() {
        byte[] plain = CHINESE.getBytes(StandardCharsets.UTF_8);
        byte[] bom = new byte[plain.length + 3];
        bom[0] = (byte) 0xEF;
        bom[1] = (byte) 0xBB;
        bom[2] = (byte) 0xBF;
        System.arraycopy(plain, 0, bom, 3, plain.length);
        assertEquals(2, done(w.importTeachers.execute(World.XINYANG, bom)).imported());
        assertEquals("王芳", w.ports.teachers.find("T001").orElseThrow().name());
        assertEquals(2, done(new World().importTeachers.execute(World.XINYANG, plain)).imported());
    }

    /**
     * One teacher per ID whatever its case: "t-x1" beside "T-X1" (an ID card's "x" for "X") was a second teacher, who
     * could hold a second seat of the same project, a second ledger, and escape the first one's ban.
     */
    @Test
    void aNewTeacherWhoseIdDiffersOnlyInCaseIsRefused_andTheRegisteredOneIsNamed() {
        w.addTeacher("T-X1", "411523");
        var refusal = refused(w.saveTeacher.execute(World.XINYANG, w.teacher("t-x1", "411523")));
        assertEquals(org.teachertraining.core.common.Refusal.Kind.CONFLICT, refusal.kind());
        assertTrue(refusal.message().zh().contains("T-X1"), refusal.message().zh());
        assertEquals("T-X1", refusal.details().get("existing"));
        assertTrue(w.ports.teachers.find("t-x1").isEmpty());
        w.addTeacher("T-X1", "411522");   // the registered one is updated as before
        assertEquals("411522", w.ports.teachers.find("T-X1").orElseThrow().jurisdiction());

        String csv = "id,name,jurisdiction,stage,subjects,role,schoolLocation,teachingSince\n"
                + "B1,张伟,411523,PRIMARY,语文,TEACHER,RURAL,2010-09-01\n"
                + "b1,张伟,411523,PRIMARY,语文,TEACHER,RURAL,2010-09-01\n";
        var report = done(w.importTeachers.execute(World.XINYANG, csv.getBytes(StandardCharsets.UTF_8)));
        assertEquals(1, report.imported());
        assertEquals(List.of(3), report.rejected().stream().map(r -> r.line()).toList());
        assertEquals("id", report.rejected().getFirst().problems().getFirst().field(), "the row's ID is what to mend, not its unit");
        // refused before any row is saved: the rows are saved at once, and "B1" and "b1" raced (either could be stored)
        assertEquals("教师编号 b1 与文件中前面的 B1 只差大小写，是同一编号", report.rejected().getFirst().problems().getFirst().message().zh());
        assertTrue(w.ports.teachers.find("B1").isPresent());
        assertTrue(w.ports.teachers.find("b1").isEmpty());
    }

    /** A sheet headed in its own words is told, in Chinese, the headers each missing column is read under and which of its own were not recognized. */
    @Test
    void missingColumnsAreNamedAsASheetHeadsThem_withTheHeadersNotRecognized() {
        String csv = "教师编号,姓名,县区代码,学段,任教学科,岗位,学校类型,任教起始日期\nIMP-1,李雷,411523,小学,语文,教师,农村,2012-09-01\n";
        var refusal = refused(w.importTeachers.execute(World.XINYANG, csv.getBytes(StandardCharsets.UTF_8)));
        assertEquals("标题行缺少列：行政区划代码（也可写作 区划代码 或 jurisdiction）、从教时间（也可写作 参加工作时间 或 teachingSince）；未识别的列：县区代码、任教起始日期",
                refusal.errors().get(0).message().zh());
        assertEquals("The header row lacks the columns: jurisdiction (or 行政区划代码, 区划代码), teachingSince (or 从教时间, 参加工作时间); not recognized: 县区代码, 任教起始日期",
                refusal.errors().get(0).message().en());
        assertEquals(0, w.ports.teachers.countRegisteredAt("411523"));
    }

    /**
     * A full list of 500 rows, saved eight at a time: every valid row stored, every refusal reported by its line and in
     * line order — rows wrong in every column (refused before saving) and rows of another city's unit (refused by the
     * save). 501 rows are refused before anything is saved.
     */
    @Test
    void aFullListIsSavedEightAtATime_andTheReportListsTheFirstRejectedWithTheCount() {
        var csv = new StringBuilder("id,name,jurisdiction,stage,subjects,role,schoolLocation,teachingSince\n");
        int wrong = 0, outside = 0;
        for (int i = 0; i < 500; i++) {
            if (i % 4 == 1) { csv.append("B").append(i).append(",,999999,NURSERY,语文,BOSS,CAPITAL,1800-13-45\n"); wrong++; }
            else if (i % 4 == 2) { csv.append("B").append(i).append(",刘洋,410102,PRIMARY,语文,TEACHER,RURAL,2010-09-01\n"); outside++; }
            else csv.append("B").append(i).append(",张伟,411523,PRIMARY,语文,TEACHER,RURAL,2010-09-01\n");
        }
        var report = done(w.importTeachers.execute(World.XINYANG, csv.toString().getBytes(StandardCharsets.UTF_8)));
        assertEquals(500 - wrong - outside, report.imported());
        assertEquals(wrong + outside, report.rejected().size());
        var lines = report.rejected().stream().map(r -> r.line()).toList();
        assertEquals(lines.stream().sorted().toList(), lines);
        assertEquals(3, lines.get(0));
        assertEquals("jurisdiction", report.rejected().get(1).problems().get(0).field());   // line 4: 郑州 is outside 信阳
        for (int i = 0; i < 500; i++) assertEquals(i % 4 == 0 || i % 4 == 3, w.ports.teachers.find("B" + i).isPresent(), "B" + i);

        var tooMany = new StringBuilder("id,name,jurisdiction,stage,subjects,role,schoolLocation,teachingSince\n");
        for (int i = 0; i < 501; i++) tooMany.append("C").append(i).append(",张伟,411523,PRIMARY,语文,TEACHER,RURAL,2010-09-01\n");
        var refusal = refused(w.importTeachers.execute(World.XINYANG, tooMany.toString().getBytes(StandardCharsets.UTF_8)));
        assertEquals("一次最多导入 500 行（本文件 501 行），请分成几个文件导入", refusal.errors().get(0).message().zh());
        assertTrue(w.ports.teachers.find("C0").isEmpty());
    }

    @Test
    void brokenRowsAreReportedByLineAndWriteNothing() {
        String csv = "id,name,jurisdiction,stage,subjects,role,schoolLocation,teachingSince\n"
                + "A1,张伟,411523,PRIMARY,语文,TEACHER,RURAL,2010-09-01\n"
                + "A2,张强,999999,PRIMARY,语文,TEACHER,RURAL,2010-09-01\n"
                + "A3,张磊,411523,COLLEGE,语文,TEACHER,RURAL,2010-13-01\n"
                + "A4,刘洋,410102,PRIMARY,语文,TEACHER,RURAL,2010-09-01\n"
                + "A1,张伟,411523,PRIMARY,语文,TEACHER,RURAL,2010-09-01\n";
        var report = done(w.importTeachers.execute(World.XINYANG, csv.getBytes(StandardCharsets.UTF_8)));
        assertEquals(1, report.imported());
        assertEquals(4, report.rejected().size());
        assertEquals(3, report.rejected().get(0).line());
        assertEquals("jurisdiction", report.rejected().get(0).problems().get(0).field());
        assertEquals(2, report.rejected().get(1).problems().size()); // stage and teachingSince
        assertEquals("jurisdiction", report.rejected().get(2).problems().get(0).field()); // 郑州 is outside 信阳
        assertEquals(6, report.rejected().get(3).line()); // duplicate id in the file
        assertEquals(true, w.ports.teachers.find("A2").isEmpty());
        assertEquals(true, w.ports.teachers.find("A4").isEmpty());
    }

    @Test
    void anotherCountysSchoolCodeIsRefused_anyOtherSchoolIdentifierKept() {
        String csv = "id,name,jurisdiction,schoolId,stage,subjects,role,schoolLocation,teachingSince\n"
                + "S1,张伟,411523,4115230001,PRIMARY,语文,TEACHER,RURAL,2010-09-01\n"
                + "S2,张强,411523,4115240001,PRIMARY,语文,TEACHER,RURAL,2010-09-01\n"
                + "S3,张磊,411523,XX-SCHOOL-7,PRIMARY,语文,TEACHER,RURAL,2010-09-01\n";
        var report = done(w.importTeachers.execute(World.XINYANG, csv.getBytes(StandardCharsets.UTF_8)));
        assertEquals(2, report.imported());
        assertEquals(1, report.rejected().size());
        var problem = report.rejected().get(0).problems().get(0);
        assertEquals(List.of(3, "schoolId", "学校代码 4115240001 是商城县的学校，不属于新县"),
                List.of(report.rejected().get(0).line(), problem.field(), problem.message().zh()));
        assertEquals(true, w.ports.teachers.find("S2").isEmpty());
        assertEquals("4115230001", w.ports.teachers.find("S1").orElseThrow().unit());
        assertEquals("411523", w.ports.teachers.find("S3").orElseThrow().unit());
    }

    @Test
    void whatAClerksSpreadsheetHolds_fullWidthDigits_unpaddedDates_commonWordsAndEmptyRows() {
        String csv = "教师编号,姓名,行政区划代码,学段,任教学科,岗位,学校所在地,从教时间\n"
                + "Ｗ1,王芳,４１１５２３,小学,\"语文，数学\",教师,农村,２０１０年９月１日\n"
                + "W2,李娜,411523,初中,数学,教师,镇区,2010-9-1\n"
                + ",,,,,,,\n"
                + "W3,张伟,411523,初中,数学,教师,乡镇,2010/2/30\n"
                + " , , ,,,,,\n";
        var report = done(w.importTeachers.execute(World.XINYANG, csv.getBytes(StandardCharsets.UTF_8)));
        assertEquals(2, report.imported(), report.toString());
        // the day February 2010 does not have is refused, not moved to the 28th; the rows of empty cells are not reported
        assertEquals(1, report.rejected().size(), report.toString());
        assertEquals(List.of(5, "teachingSince"), List.of(report.rejected().get(0).line(), report.rejected().get(0).problems().get(0).field()));
        var w1 = w.ports.teachers.find("W1").orElseThrow();
        assertEquals(List.of("411523", List.of("语文", "数学"), SchoolLocation.RURAL, LocalDate.of(2010, 9, 1)),
                List.of(w1.jurisdiction(), w1.subjects(), w1.schoolLocation(), w1.teachingSince()));
        var w2 = w.ports.teachers.find("W2").orElseThrow();
        assertEquals(List.of(SchoolLocation.TOWN, LocalDate.of(2010, 9, 1)), List.of(w2.schoolLocation(), w2.teachingSince()));
        assertTrue(w.ports.teachers.find("W3").isEmpty());
    }

    @Test
    void fileLevelProblemsAre400s() {
        assertEquals("file", refused(w.importTeachers.execute(World.XINYANG, "name\n张伟\n".getBytes(StandardCharsets.UTF_8))).errors().get(0).field());
        assertEquals("file", refused(w.importTeachers.execute(World.XINYANG, "id,\"name\n".getBytes(StandardCharsets.UTF_8))).errors().get(0).field());
        assertEquals("file", refused(w.importTeachers.execute(World.XINYANG, new byte[]{(byte) 0x81, 0x20})).errors().get(0).field());
    }

    /** An Excel workbook as the console offers to upload it: codes as numbers, a date as its date cell, Chinese labels. */
    @Test
    void anExcelWorkbooksFirstSheet() throws Exception {
        String shared = "<sst><si><t>教师编号</t></si><si><t>姓名</t></si><si><t>行政区划代码</t></si><si><t>学段</t></si>"
                + "<si><t>岗位</t></si><si><t>学校所在地</t></si><si><t>从教时间</t></si><si><t>赵六</t></si><si><t>小学</t></si>"
                + "<si><t>教师</t></si><si><t>乡村</t></si><si><t>钱七</t></si><si><t>初中</t></si><si><t>乡镇</t></si></sst>";
        String sheet = "<worksheet><sheetData>"
                + "<row r=\"1\"><c t=\"s\"><v>0</v></c><c t=\"s\"><v>1</v></c><c t=\"s\"><v>2</v></c><c t=\"s\"><v>3</v></c>"
                + "<c t=\"s\"><v>4</v></c><c t=\"s\"><v>5</v></c><c t=\"s\"><v>6</v></c></row>"
                + "<row r=\"2\"><c t=\"inlineStr\"><is><t>XL1</t></is></c><c t=\"s\"><v>7</v></c><c><v>411523</v></c><c t=\"s\"><v>8</v></c>"
                + "<c t=\"s\"><v>9</v></c><c t=\"s\"><v>10</v></c><c s=\"1\"><v>40422</v></c></row>"
                + "<row r=\"3\"><c t=\"inlineStr\"><is><t>XL2</t></is></c><c t=\"s\"><v>11</v></c><c><v>411523</v></c><c t=\"s\"><v>12</v></c>"
                + "<c t=\"s\"><v>9</v></c><c t=\"s\"><v>13</v></c><c t=\"inlineStr\"><is><t>2015年9月1日</t></is></c></row>"
                + "</sheetData></worksheet>";
        var report = done(w.importTeachers.execute(World.XIN_COUNTY,
                XlsxTest.workbook(Map.of("xl/sharedStrings.xml", shared, "xl/worksheets/sheet1.xml", sheet))));
        assertEquals(2, report.imported(), report.toString());
        var zhao = w.ports.teachers.find("XL1").orElseThrow();
        assertEquals("赵六", zhao.name());
        assertEquals("411523", zhao.jurisdiction());
        assertEquals(Stage.PRIMARY, zhao.stage());
        assertEquals(LocalDate.of(2010, 9, 1), zhao.teachingSince());
        assertEquals(LocalDate.of(2015, 9, 1), w.ports.teachers.find("XL2").orElseThrow().teachingSince());
        assertEquals("file", refused(w.importTeachers.execute(World.XIN_COUNTY, XlsxTest.workbook(Map.of("xl/other.xml", "<x/>"))))
                .errors().get(0).field(), "a workbook without a first sheet");
    }

    /** A cell's wrong value is quoted in the report up to a bound, not echoed whole (a file may hold megabytes in one). */
    @Test
    void aHugeWrongValueIsNotEchoedWhole() {
        String huge = "高".repeat(100_000);
        String csv = "id,name,jurisdiction,stage,role,schoolLocation,teachingSince\nH1,孙八,411523," + huge + ",TEACHER,RURAL," + huge + "\n";
        var problems = done(w.importTeachers.execute(World.XIN_COUNTY, csv.getBytes(StandardCharsets.UTF_8))).rejected().get(0).problems();
        assertEquals(List.of("stage", "teachingSince"), problems.stream().map(p -> p.field()).toList());
        problems.forEach(p -> assertTrue(p.message().zh().length() < 200 && p.message().en().length() < 400, () -> p.field() + " " + p.message().zh().length() + "/" + p.message().en().length()));
    }

    /** A year alone is not a workbook's date cell: refused, not read as a day of 1905. */
    @Test
    void aYearAloneIsNotADate() {
        String csv = "id,name,jurisdiction,stage,role,schoolLocation,teachingSince\nY1,孙八,411523,PRIMARY,TEACHER,RURAL,2010\n";
        var report = done(w.importTeachers.execute(World.XIN_COUNTY, csv.getBytes(StandardCharsets.UTF_8)));
        assertEquals(0, report.imported());
        assertEquals("teachingSince", report.rejected().get(0).problems().get(0).field());
    }

    /** What is wrong with a malformed CSV is said in the refusal's own language, not in the parser's English. */
    @Test
    void aMalformedCsvIsExplainedInEitherLanguage() {
        var unclosed = refused(w.importTeachers.execute(World.XINYANG, "id,\"name\n".getBytes(StandardCharsets.UTF_8))).errors().get(0).message();
        assertEquals("CSV 格式错误（第 1 行）：引号未闭合", unclosed.zh());
        assertEquals("Malformed CSV at line 1: unterminated quoted field", unclosed.en());
        var stray = refused(w.importTeachers.execute(World.XINYANG, "id,name\nA1,张\"伟\n".getBytes(StandardCharsets.UTF_8))).errors().get(0).message();
        assertEquals("CSV 格式错误（第 2 行）：未加引号的字段中有引号", stray.zh());
    }
}
