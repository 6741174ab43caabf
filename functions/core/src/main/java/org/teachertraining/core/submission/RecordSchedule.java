package org.teachertraining.core.submission;

import org.teachertraining.core.project.ProjectAccess;
import org.teachertraining.core.common.NotFound;
import org.teachertraining.core.common.Outcome;
import org.teachertraining.core.common.Refusal;
import org.teachertraining.core.common.Text;
import org.teachertraining.core.common.Violations;
import org.teachertraining.core.identity.Caller;
import org.teachertraining.core.project.Projects;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A class's course schedule submitted as data (S2) rather than a file: accepted at once when practice-based
 * sessions make up at least half of its hours (S5), refused with the share otherwise.
 */
public final class RecordSchedule {
    /** One session of the schedule; {@code practice}: practice-based (跟岗、观摩、研讨、实操…) rather than a lecture. */
    public record Session(String title, Integer hours, Boolean practice) {}

    public static final int MIN_PRACTICE_PERCENT = 50;

    private final Projects projects;
    private final Submissions submissions;
    private final Clock clock;

    public RecordSchedule(Projects projects, Submissions submissions, Clock clock) {
        this.projects = projects;
        this.submissions = submissions;
        this.clock = clock;
    }

    public Outcome<Submission> execute(Caller caller, String projectId, int classNo, List<Session> sessions) {
        var project = projects.find(projectId);
        if (project.isEmpty()) return Outcome.refused(NotFound.project(projectId));
        var denied = ProjectAccess.institution(caller, project.get());
        if (denied.isPresent()) return Outcome.refused(denied.get());
        var v = new Violations();
        var classes = Deliverables.classes(project.get(), submissions.classes(projectId));
        if (classes.stream().noneMatch(c -> c.no() == classNo)) {
            v.add("classNo", "项目没有第 " + classNo + " 期", "the project has no class " + classNo);
        }
        if (v.required("sessions", sessions) && sessions.size() > 500) v.add("sessions", "最多 500 节", "at most 500 sessions");
        for (int i = 0; sessions != null && i < sessions.size() && sessions.size() <= 500; i++) {
            var s = sessions.get(i);
            String f = "sessions[" + i + "]";
            if (s == null) { v.add(f, "不能为空", "must not be null"); continue; }
            v.text(f + ".title", s.title(), 200);
            if (v.required(f + ".hours", s.hours())) v.range(f + ".hours", s.hours(), 1, 200);
            v.required(f + ".practice", s.practice());
        }
        if (!v.isEmpty()) return Outcome.refused(v.refusal());
        int total = sessions.stream().mapToInt(Session::hours).sum();
        int practice = sessions.stream().filter(Session::practice).mapToInt(Session::hours).sum();
        if (practice * 100 < total * MIN_PRACTICE_PERCENT) {
            return Outcome.refused(Refusal.unprocessable("S5", Text.of(
                    "实践性课程比例不少于 50%：本课程表 " + practice + "/" + total + " 学时为实践性课程",
                    "Practice-based courses must be at least 50% of the schedule: " + practice + " of " + total + " hours are"),
                    Map.of("practiceHours", practice, "totalHours", total)));
        }
        var now = clock.instant();
        var s = new Submission(UUID.randomUUID().toString(), projectId, caller.institutionId(), SubmissionKind.COURSE_SCHEDULE, classNo,
                "schedule.json", 0, "application/json", null, null, null, Submission.Status.ACCEPTED, null, null, null,
                practice * 100 / total, caller.userId(), now, now);
        submissions.put(s);
        return Outcome.done(s);
    }
}
