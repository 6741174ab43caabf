package org.teachertraining.core.funding;

import org.teachertraining.core.project.PhaseKind;

import java.time.LocalDate;
import java.util.Set;

/**
 * One line of a program's funding standards (F1), e.g. Henan 2020: centralized training 400 yuan per
 * person per day, online training 3 yuan per person per hour.
 *
 * @param line        the line's code, unique in the program ("CENTRALIZED", "ONLINE", …)
 * @param phases      for per-day and per-hour units: the phases whose days or hours it pays for
 * @param categories  the budget categories this line's ceiling covers
 * @param effectiveUntil null: open-ended
 */
public record FundingStandard(String line, String name, StandardUnit unit, long rateFen, Set<PhaseKind> phases,
                              Set<BudgetCategory> categories, LocalDate effectiveFrom, LocalDate effectiveUntil) {
    public FundingStandard {
        phases = phases == null ? Set.of() : Set.copyOf(phases);
        categories = categories == null ? Set.of() : Set.copyOf(categories);
    }

    public boolean effectiveOn(LocalDate date) {
        return !date.isBefore(effectiveFrom) && (effectiveUntil == null || !date.isAfter(effectiveUntil));
    }
}
