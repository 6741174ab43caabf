package org.teachertraining.core.credit;

import org.teachertraining.core.common.ChinaTime;
import org.teachertraining.core.teacher.Teacher;
import org.teachertraining.core.teacher.TeacherRole;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps the compliance aggregates current: after a teacher's ledger changes (a posting, an approval, a
 * correction) or the teacher is saved, re-evaluates the requirements of the teacher's province for the
 * current cycle, and for a cycle that ended last year ({@link #justEnded}), from the teacher's own ledger and writes the rows. The ledger and the rows stored before are read
 * together ({@link ComplianceAggregates#standing}).
 */
public final class RefreshCompliance {
    private final RequirementBook requirements;
    private final ComplianceAggregates aggregates;
    private final Clock clock;

    public RefreshCompliance(RequirementBook requirements, ComplianceAggregates aggregates, Clock clock) {
        this.requirements = requirements;
        this.aggregates = aggregates;
        this.clock = clock;
    }

    /** Re-evaluates the teacher's rows and stores them; answers the rows as evaluated now. */
    public List<ComplianceRow> refresh(Teacher teacher) {
        var standing = aggregates.standing(teacher.id());
        var entries = standing.ledger();
        int year = ChinaTime.today(clock).getYear();
        var statuses = new ArrayList<>(statuses(teacher, entries, requirements.inForceFor(teacher.jurisdiction(), year), year));
        statuses.addAll(justEnded(teacher, entries, requirements.inForceFor(teacher.jurisdiction(), year - 1), year));
        var rows = rows(teacher, statuses);
        aggregates.replace(teacher.id(), rows, entries.size(), standing.stored());
        return rows;
    }

    /** The requirements (those in force in {@code year}) that apply to the teacher, evaluated for the cycle containing {@code year}. */
    static List<RequirementStatus> statuses(Teacher teacher, List<CreditEntry> entries, Requirements requirements, int year) {
        int firstYear = teacher.teachingSince().getYear();
        var statuses = new ArrayList<RequirementStatus>();
        for (var r : requirements.applicableTo(teacher.jurisdiction())) {
            boolean applies = switch (r.appliesTo()) {
                case ALL -> true;
                case HEAD_TEACHERS -> teacher.role() == TeacherRole.HEAD_TEACHER;
                case NEW_TEACHERS -> firstYear >= year - 1;
            };
            if (!applies) continue;
            int anchor = r.anchorYear() == null ? firstYear : r.anchorYear();
            int at = r.appliesTo() == Requirement.AppliesTo.NEW_TEACHERS ? firstYear : year;
            statuses.add(Requirements.evaluate(r, entries, anchor, at));
        }
        return statuses;
    }

    /**
     * The common cycles (not a new teacher's first year) that ended last year, under the versions then in force: kept
     * through the year after, when the teaching certificate's re-registration (定期注册) looks at them and hours of
     * last December's training are still being posted to them.
     */
    static List<RequirementStatus> justEnded(Teacher teacher, List<CreditEntry> entries, Requirements lastYears, int year) {
        var ended = new Requirements(lastYears.all().stream().filter(r -> Requirements.endedLastYear(r, year) != null).toList());
        return statuses(teacher, entries, ended, year - 1);
    }

    private static List<ComplianceRow> rows(Teacher t, List<RequirementStatus> statuses) {
        return statuses.stream().map(s -> new ComplianceRow(t.id(), t.name(), t.jurisdiction(), t.schoolId(), s.requirementId(),
                s.fromYear(), s.toYear(), s.earned(), s.required(), s.shortBy(), s.shortByCategory(), s.met())).toList();
    }
}
