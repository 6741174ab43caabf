package org.teachertraining.core.credit;

import org.teachertraining.core.program.Program;
import org.teachertraining.core.project.Phase;
import org.teachertraining.core.project.Project;

import java.util.EnumMap;
import java.util.Map;

/**
 * C4/C5: the most hours a trainee can be credited per category for a project, from its phases. Hours
 * given as hours count as they are; days count {@link Program#creditedHoursPerDay()} each (8 unless the
 * program sets another standard). Diagnosis, centralized training and school visits are centralized
 * hours; shadowing is shadowing; online is online; return practice is practice, and where it is given
 * in months only (返岗实践 3 个月) it has no fixed hours, so only the project's total bounds it.
 * No phase gives school-based hours: schools record those (RecordSchoolBasedHours), not institutions.
 * In all, never more than the project's {@code totalHours}.
 */
public record TrainingPlan(Map<CreditCategory, Integer> perCategory, int total) {

    public static TrainingPlan of(Project project, Program program) {
        int perDay = program == null ? Program.DEFAULT_HOURS_PER_DAY : program.creditedHoursPerDay();
        var bounds = new EnumMap<CreditCategory, Integer>(CreditCategory.class);
        for (Phase p : project.phases()) {
            var category = switch (p.kind()) {
                case DIAGNOSIS, CENTRALIZED, SCHOOL_VISIT -> CreditCategory.CENTRALIZED;
                case SHADOWING -> CreditCategory.SHADOWING;
                case ONLINE -> CreditCategory.ONLINE;
                case RETURN_PRACTICE -> CreditCategory.PRACTICE;
            };
            int hours = (p.days() == null ? 0 : p.days() * perDay) + (p.hours() == null ? 0 : p.hours());
            if (p.kind() == org.teachertraining.core.project.PhaseKind.RETURN_PRACTICE && p.days() == null && p.hours() == null) {
                hours = project.totalHours();
            }
            bounds.merge(category, hours, Integer::sum);
        }
        bounds.replaceAll((c, h) -> Math.min(h, project.totalHours()));
        return new TrainingPlan(Map.copyOf(bounds), project.totalHours());
    }

    public int bound(CreditCategory category) {
        return perCategory.getOrDefault(category, 0);
    }
}
