package org.teachertraining.core.enrollment;

import org.teachertraining.core.common.ChinaTime;
import org.teachertraining.core.common.NotFound;
import org.teachertraining.core.common.Outcome;
import org.teachertraining.core.common.PlainText;
import org.teachertraining.core.common.Refusal;
import org.teachertraining.core.common.Text;
import org.teachertraining.core.common.Violations;
import org.teachertraining.core.identity.Caller;
import org.teachertraining.core.project.Project;
import org.teachertraining.core.project.ProjectAccess;
import org.teachertraining.core.project.Projects;
import org.teachertraining.core.submission.Submissions;
import org.teachertraining.core.teacher.Csv;
import org.teachertraining.core.teacher.UploadedList;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * 报到 (E8): the project's institution records each trainee's registration at the class start — one by one,
 * or a roster (CSV, or an Excel .xlsx workbook's first sheet, with a 教师编号/teacherId column). The window of a class opens
 * the day before it starts and closes at the end of its first day (China Standard Time), for each class reported (S2,
 * {@link RegistrationDays}); a trainee not registered when the last class's first day ends is marked NO_SHOW by the
 * project's lifecycle ({@code LifecycleTasks#markNoShows}), which writes the integrity record (E4) that recourse (E4a)
 * can lift.
 */
public final class Registration {
    /** Rows a roster may hold: 2,000 took 28.8 s on the local runtime's on-disk store (2 cores), at the API's 29 s. */
    public static final int MAX_ROSTER = 1_000;
    private static final Set<String> TEACHER_ID_COLUMN = Set.of("教师编号", "teacherid", "teacher_id", "id", "编号");

    private final Projects projects;
    private final Enrollments enrollments;
    private final Submissions submissions;
    private final Clock clock;

    public Registration(Projects projects, Enrollments enrollments, Submissions submissions, Clock clock) {
        this.projects = projects;
        this.enrollments = enrollments;
        this.submissions = submissions;
        this.clock = clock;
    }

    public Outcome<Enrollment> register(Caller caller, String projectId, String teacherId) {
        var found = projects.find(projectId);
        if (found.isEmpty()) return Outcome.refused(NotFound.project(projectId));
        var project = found.get();
        var denied = ProjectAccess.institution(caller, project);
        if (denied.isPresent()) return Outcome.refused(denied.get());
        var v = new Violations();
        v.identifier("teacherId", teacherId);
        if (!v.isEmpty()) return Outcome.refused(v.refusal());
        var closed = closedToRegistration(project);
        if (closed != null) return Outcome.refused(closed);
        var seat = new SeatHolders(project).seatOf(teacherId);
        return registerSeat(caller, project, seat.map(Enrollment::teacherId).orElse(teacherId), seat);
    }

    /** A roster at once: each row registered or refused with its rule, as {@link #register} would. */
    public Outcome<List<Map<String, Object>>> roster(Caller caller, String projectId, byte[] csv) {   // CSV or XLSX bytes
        var found = projects.find(projectId);
        if (found.isEmpty()) return Outcome.refused(NotFound.project(projectId));
        var project = found.get();
        var denied = ProjectAccess.institution(caller, project);
        if (denied.isPresent()) return Outcome.refused(denied.get());
        var read = UploadedList.read(csv);
        if (read instanceof UploadedList.Unreadable u) return file(u.why().zh(), u.why().en());
        List<Csv.Row> rows = ((UploadedList.Rows) read).rows();
        if (rows.size() < 2) return file("名单为空：需要标题行和至少一名学员", "The roster is empty: a header row and at least one trainee are needed");
        if (rows.size() - 1 > MAX_ROSTER) {
            return file("一份名单最多 " + MAX_ROSTER + " 名学员（本名单 " + (rows.size() - 1) + " 名），请分成几份导入",
                    "At most " + MAX_ROSTER + " trainees per roster (this one has " + (rows.size() - 1) + "): import it in parts");
        }
        int column = -1;
        var header = rows.get(0).fields();
        for (int i = 0; i < header.size(); i++) {
            if (TEACHER_ID_COLUMN.contains(header.get(i).strip().replace("\uFEFF", "").toLowerCase(java.util.Locale.ROOT))) column = i;
        }
        if (column < 0) return file("标题行缺少“教师编号”列", "The header row lacks the teacherId (教师编号) column");
        var closed = closedToRegistration(project);
        if (closed != null) return Outcome.refused(closed);
        var ids = new LinkedHashSet<String>();
        for (var row : rows.subList(1, rows.size())) {
            // an ID typed with a Chinese IME's full-width letters and digits (ＬＩＦＥ１) is the same ID
            if (column < row.fields().size() && !row.fields().get(column).isBlank()) {
                ids.add(PlainText.typed(row.fields().get(column)));
            }
        }
        var out = new ArrayList<Map<String, Object>>();
        var seatHolders = new SeatHolders(project).readAll();
        for (String typed : ids) {
            String id = typed;
            var line = new LinkedHashMap<String, Object>();
            var v = new Violations();
            v.identifier("teacherId", id);
            Optional<Enrollment> seat = Optional.empty();
            if (v.isEmpty()) {
                seat = seatHolders.seatOf(id);
                if (seat.isPresent()) id = seat.get().teacherId();
            }
            line.put("teacherId", id.length() > 64 ? id.substring(0, 64) : id);
            var outcome = v.isEmpty() ? registerSeat(caller, project, id, seat) : Outcome.<Enrollment>refused(v.refusal());
            if (outcome instanceof Outcome.Done<Enrollment> d) {
                line.put("status", d.value().status().name());
            } else {
                var r = ((Outcome.Refused<Enrollment>) outcome).refusal();
                line.put("status", "REFUSED");
                line.put("rule", r.rule());
                line.put("message", r.message());
            }
            out.add(line);
        }
        return Outcome.done(out);
    }

    /** The teacher's enrollment in the project, if it holds a seat. */
    private Optional<Enrollment> seat(Project project, String teacherId) {
        return enrollments.find(project.id(), teacherId).filter(e -> e.status().holdsSeat());
    }

    /**
     * A project's seats by the holder's ID: an ID in another case (an ID card's "x" for "X") is the seat holder's, since IDs
     * are one whatever their case. For one ID, its seat is read alone, and the project's seats once, at the first ID that
     * holds none as typed; for a roster, which names most of them, the project's seats are read at once ({@link #readAll}):
     * in Query pages instead of a read a row (1,000 rows: 10.4 s on the local runtime's on-disk store, 13.9 s before).
     */
    private final class SeatHolders {
        private final Project project;
        private Map<String, Enrollment> byId;
        private Map<String, String> byUpperCase;

        SeatHolders(Project project) {
            this.project = project;
        }

        SeatHolders readAll() {
            byId = new java.util.HashMap<>();
            byUpperCase = new java.util.HashMap<>();
            for (var e : enrollments.holdingSeats(project.id())) {
                byId.put(e.teacherId(), e);
                byUpperCase.put(e.teacherId().toUpperCase(java.util.Locale.ROOT), e.teacherId());
            }
            return this;
        }

        Optional<Enrollment> seatOf(String id) {
            var seat = byId != null ? Optional.ofNullable(byId.get(id)) : seat(project, id);
            if (seat.isPresent()) return seat;
            if (byUpperCase == null) readAll();
            String holder = byUpperCase.get(id.toUpperCase(java.util.Locale.ROOT));
            return holder == null || holder.equals(id) ? Optional.empty() : Optional.ofNullable(byId.get(holder));
        }
    }

    private Outcome<Enrollment> registerSeat(Caller caller, Project project, String teacherId, Optional<Enrollment> enrollment) {
        if (enrollment.isEmpty()) {
            return Outcome.refused(Refusal.conflict("E8", Text.of("该教师未在本项目占有名额（未入选或已退出）", "The teacher holds no seat in this project (never selected, or withdrawn)")));
        }
        var e = enrollment.get();
        if (e.status() == EnrollmentStatus.REGISTERED) return Outcome.done(e);
        if (e.status() != EnrollmentStatus.SELECTED) {
            return Outcome.refused(Refusal.conflict("E8", Text.of("该学员状态为「" + e.status().zh() + "」，不能报到", "A trainee who is " + org.teachertraining.core.common.Labels.of(e.status()).en().toLowerCase(java.util.Locale.ROOT) + " cannot register")));
        }
        return Outcome.done(enrollments.move(e, EnrollmentStatus.SELECTED, EnrollmentStatus.REGISTERED, caller.userId(), clock.instant())
                .orElseGet(() -> enrollments.find(project.id(), teacherId).orElseThrow()));
    }

    /** E8: outside every class's window (the day before it starts and its first day), or the project was cancelled; null when open. */
    private Refusal closedToRegistration(Project p) {
        if (p.cancelledAt() != null) return EnrollTeacher.cancelled(p, "E8");
        var days = RegistrationDays.of(p, submissions.classes(p.id()));
        if (days.openAt(clock.instant())) return null;
        var zh = new ArrayList<String>();
        var en = new ArrayList<String>();
        var windows = new ArrayList<Map<String, String>>();
        for (var w : days.windows()) {
            String from = w.opens().atZone(ChinaTime.ZONE).toOffsetDateTime().toString(), until = w.closes().atZone(ChinaTime.ZONE).toOffsetDateTime().toString();
            if (zh.size() < 10) {
                zh.add(w.opens().atZone(ChinaTime.ZONE).toLocalDate() + " 0 时至 " + w.closes().atZone(ChinaTime.ZONE).toLocalDate().minusDays(1) + " 24 时");
                en.add("from " + from + " until " + until);
            }
            windows.add(Map.of("opens", from, "closes", until));
        }
        String more = windows.size() > zh.size() ? "等" : "";
        return Refusal.conflict("E8", Text.of("报到时间为 " + String.join("、", zh) + more + "（北京时间，" + (windows.size() > 1 ? "各期" : "") + "开班前一日至开班当日）",
                        "Registration is open " + String.join("; ", en) + (more.isEmpty() ? "" : "; …") + " (the day before "
                                + (windows.size() > 1 ? "each class starts" : "the start") + " and the first day)"))
                .withDetails(Map.of("opens", windows.getFirst().get("opens"), "closes", windows.getLast().get("closes"), "windows", windows));
    }

    private static <T> Outcome<T> file(String zh, String en) {
        return Outcome.refused(new Violations().add("file", zh, en).refusal());
    }
}
