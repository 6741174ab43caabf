package org.teachertraining.core.submission;

import org.teachertraining.core.project.ProjectAccess;
import org.teachertraining.core.common.ChinaTime;
import org.teachertraining.core.common.NotFound;
import org.teachertraining.core.common.Outcome;
import org.teachertraining.core.common.Refusal;
import org.teachertraining.core.common.Text;
import org.teachertraining.core.common.Violations;
import org.teachertraining.core.identity.Caller;
import org.teachertraining.core.project.Projects;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * S2: the project's institution reports its classes' dates (due by the selection cutoff; a later report
 * is kept and marked late). Each class lies within the project's dates; numbers run 1..n. A class that has started
 * keeps its number and start date.
 */
public final class ReportClasses {
    private final Projects projects;
    private final Submissions submissions;
    private final Clock clock;

    public ReportClasses(Projects projects, Submissions submissions, Clock clock) {
        this.projects = projects;
        this.submissions = submissions;
        this.clock = clock;
    }

    public Outcome<ReportedClasses> execute(Caller caller, String projectId, List<TrainingClass> classes) {
        var project = projects.find(projectId);
        if (project.isEmpty()) return Outcome.refused(NotFound.project(projectId));
        var denied = ProjectAccess.institution(caller, project.get());
        if (denied.isPresent()) return Outcome.refused(denied.get());
        var p = project.get();
        var v = new Violations();
        if (v.required("classes", classes) && classes.size() > 200) v.add("classes", "最多 200 期", "at most 200 classes");
        if (v.isEmpty()) {
            var numbers = new HashSet<Integer>();
            for (int i = 0; i < classes.size(); i++) {
                var c = classes.get(i);
                String f = "classes[" + i + "]";
                if (c == null || c.startDate() == null || c.endDate() == null) {
                    v.add(f, "需要 no、startDate、endDate", "needs no, startDate and endDate");
                    continue;
                }
                if (c.no() < 1 || c.no() > classes.size() || !numbers.add(c.no())) {
                    v.add(f + ".no", "期次须为 1 到 " + classes.size() + " 且不重复", "class numbers run 1.." + classes.size() + " without repeats");
                }
                if (c.endDate().isBefore(c.startDate())) v.add(f + ".endDate", "结束日期早于开始日期", "is before startDate");
                if (c.startDate().isBefore(p.startDate()) || c.endDate().isAfter(p.endDate())) {
                    v.add(f, "须在项目日期 " + p.startDate() + " 至 " + p.endDate() + " 之内",
                            "must lie within the project's dates " + p.startDate() + ".." + p.endDate());
                }
            }
        }
        if (!v.isEmpty()) return Outcome.refused(v.refusal());
        var rewritten = rewritesTheStarted(submissions.classes(projectId), classes, ChinaTime.today(clock));
        if (rewritten.isPresent()) return Outcome.refused(rewritten.get());
        var reported = new ReportedClasses(projectId, classes.stream().sorted(java.util.Comparator.comparingInt(TrainingClass::no)).toList(),
                caller.userId(), clock.instant());
        submissions.reportClasses(reported);
        return Outcome.done(reported);
    }

    /**
     * Once reported, a class that has started keeps its number and start date, and no class is moved to start before today:
     * registration (报到, E8) runs on the day before and the first day of each class, and the trainees not registered by then
     * are no-shows, banned for three years (E4). A report that moved a started class on would open registration again for
     * those who did not come; one that moved a class into the past would close it before anyone could register. The first
     * report may be late (after a start): it records the dates as they were.
     */
    static Optional<Refusal> rewritesTheStarted(Optional<ReportedClasses> before, List<TrainingClass> classes, LocalDate today) {
        if (before.isEmpty()) return Optional.empty();
        var kept = new HashSet<TrainingClass>();
        for (var started : before.get().classes()) {
            if (started.startDate().isAfter(today)) continue;
            var now = classes.stream().filter(c -> c.no() == started.no() && c.startDate().equals(started.startDate())).findFirst();
            if (now.isEmpty()) {
                return Optional.of(Refusal.conflict("S2", Text.of("第 " + started.no() + " 期已于 " + started.startDate() + " 开班，期次和开班日期不能再改",
                                "Class " + started.no() + " started on " + started.startDate() + ": its number and start date can no longer change"))
                        .withDetails(Map.of("classNo", started.no(), "startDate", started.startDate().toString())));
            }
            kept.add(now.get());
        }
        for (var c : classes) {
            if (kept.contains(c) || !c.startDate().isBefore(today)) continue;
            return Optional.of(Refusal.conflict("S2", Text.of("第 " + c.no() + " 期的开班日期 " + c.startDate() + " 早于今天：已报告的开班日期只能改到今天或以后",
                            "Class " + c.no() + " would start on " + c.startDate() + ", before today: reported classes can only be moved to today or later"))
                    .withDetails(Map.of("classNo", c.no(), "startDate", c.startDate().toString())));
        }
        return Optional.empty();
    }
}
