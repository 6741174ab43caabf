package org.teachertraining.core.submission;

import org.teachertraining.core.project.ProjectAccess;
import org.teachertraining.core.common.NotFound;
import org.teachertraining.core.common.Outcome;
import org.teachertraining.core.common.Violations;
import org.teachertraining.core.identity.Caller;
import org.teachertraining.core.project.Projects;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;

/**
 * S2: the project's institution reports its classes' dates (due by the selection cutoff; a later report
 * is kept and marked late). Each class lies within the project's dates; numbers run 1..n.
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
        var reported = new ReportedClasses(projectId, classes.stream().sorted(java.util.Comparator.comparingInt(TrainingClass::no)).toList(),
                caller.userId(), clock.instant());
        submissions.reportClasses(reported);
        return Outcome.done(reported);
    }
}
