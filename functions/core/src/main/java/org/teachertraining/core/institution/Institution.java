package org.teachertraining.core.institution;

import org.teachertraining.core.credit.CreditCategory;

import java.time.LocalDate;
import java.util.Set;

/**
 * A training institution (承训单位) and its accreditation (资质认定, C1): the credit categories it may
 * award and the dates between which the accreditation holds (both inclusive).
 */
public record Institution(String id, String name, Set<CreditCategory> accreditedCategories, LocalDate accreditedFrom,
                          LocalDate accreditedUntil, String accreditedBy) {
    public Institution {
        accreditedCategories = accreditedCategories == null ? Set.of() : Set.copyOf(accreditedCategories);
    }

    public boolean accredits(CreditCategory category, LocalDate on) {
        return accreditedCategories.contains(category) && !on.isBefore(accreditedFrom) && !on.isAfter(accreditedUntil);
    }
}
