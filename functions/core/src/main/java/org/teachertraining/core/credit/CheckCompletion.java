package org.teachertraining.core.credit;

import org.teachertraining.core.common.ChinaTime;
import org.teachertraining.core.common.NotFound;
import org.teachertraining.core.common.Refusal;
import org.teachertraining.core.common.Text;
import org.teachertraining.core.common.Violations;
import org.teachertraining.core.enrollment.Enrollments;
import org.teachertraining.core.institution.Institutions;
import org.teachertraining.core.project.Projects;

import java.util.Map;
import java.util.Optional;

/**
 * What makes a completion unpostable (C1, C4), found before anything is written or queued: the project
 * and its institution, every teacher a trainee of it, valid hours, and the institution accredited for them.
 */
public final class CheckCompletion {
    static final int MAX_HOURS_PER_CATEGORY = 2000;

    private final Projects projects;
    private final Enrollments enrollments;
    private final Institutions institutions;

    public CheckCompletion(Projects projects, Enrollments enrollments, Institutions institutions) {
        this.projects = projects;
        this.enrollments = enrollments;
        this.institutions = institutions;
    }

    /** Everything that makes a completion unpostable, found before anything is written. */
    public Optional<Refusal> check(Completion c) {
        var v = new Violations();
        v.identifier("completionId", c.completionId());
        if (!v.required("results", c.results()) || !v.required("recordedAt", c.recordedAt())) return Optional.of(v.refusal());
        var project = projects.find(c.projectId());
        if (project.isEmpty()) return Optional.of(NotFound.project(c.projectId()));
        if (!project.get().institutionId().equals(c.institutionId())) {
            return Optional.of(Refusal.forbidden(Text.of("承训单位 " + c.institutionId() + " 不承担该项目",
                    "Institution " + c.institutionId() + " does not run project " + c.projectId())));
        }
        for (int i = 0; i < c.results().size(); i++) {
            var r = c.results().get(i);
            String path = "results[" + i + "]";
            if (r == null || !v.required(path + ".teacherId", r.teacherId()) || !v.required(path + ".outcome", r.outcome())) continue;
            if (enrollments.find(c.projectId(), r.teacherId()).filter(e -> e.status().holdsSeat()).isEmpty()) {
                v.add(path + ".teacherId", "该教师未入选本项目：" + r.teacherId(), "not a trainee of this project: " + r.teacherId());
            }
            var hours = r.hours() == null ? Map.<CreditCategory, Integer>of() : r.hours();
            if (r.outcome() == Completion.Outcome.PASSED && hours.values().stream().mapToInt(h -> h == null ? 0 : h).sum() <= 0) {
                v.add(path + ".hours", "结业合格须给出学时", "a passed trainee needs hours");
            }
            hours.forEach((category, h) -> {
                if (category == null) v.add(path + ".hours", "未知的学时类别", "unknown category");
                else if (h == null || h < 0 || h > MAX_HOURS_PER_CATEGORY) {
                    v.add(path + ".hours." + category, "学时须在 0 到 " + MAX_HOURS_PER_CATEGORY + " 之间", "must be between 0 and " + MAX_HOURS_PER_CATEGORY);
                }
            });
        }
        if (!v.isEmpty()) return Optional.of(v.refusal());
        return checkAccreditation(c);
    }

    /** C1: only training by an institution accredited for the categories, on the completion day, is credited. */
    private Optional<Refusal> checkAccreditation(Completion c) {
        var day = c.recordedAt().atZone(ChinaTime.ZONE).toLocalDate();
        var institution = institutions.find(c.institutionId());
        var unaccredited = new java.util.TreeSet<CreditCategory>();
        for (var r : c.results()) {
            if (r.outcome() != Completion.Outcome.PASSED) continue;
            r.hours().forEach((category, h) -> {
                if (h > 0 && institution.map(i -> !i.accredits(category, day)).orElse(true)) unaccredited.add(category);
            });
        }
        if (unaccredited.isEmpty()) return Optional.empty();
        return Optional.of(Refusal.unprocessable("C1", Text.of(
                "承训单位 " + c.institutionId() + " 在 " + day + " 未获得以下类别的资质认定：" + unaccredited,
                "Institution " + c.institutionId() + " is not accredited on " + day + " for " + unaccredited),
                Map.of("institutionId", c.institutionId(), "categories", unaccredited.stream().map(Enum::name).toList())));
    }
}
