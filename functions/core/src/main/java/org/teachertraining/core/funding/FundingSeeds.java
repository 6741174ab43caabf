package org.teachertraining.core.funding;

import org.teachertraining.core.project.PhaseKind;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;

/**
 * The funding standards of the 2020 Henan provincial notice (henan-2020-provincial-training-notice.txt,
 * 四(四)): "集中培训400元/人/天，网络研修3元/学时". Every in-person day the institution runs — diagnosis,
 * centralized sessions, shadowing at host schools (跟岗研修), school visits — is a day of 集中 (face-to-face)
 * training and paid at the per-day rate; return-to-school practice happens at the trainee's own school and
 * is not; online hours are paid per hour.
 */
public final class FundingSeeds {
    private FundingSeeds() {}

    public static List<SetFundingStandards.StandardInput> henan2020() {
        var from = LocalDate.of(2020, 1, 1);
        var until = LocalDate.of(2020, 12, 31);
        return List.of(
                new SetFundingStandards.StandardInput("CENTRALIZED", "集中培训", StandardUnit.PER_PERSON_DAY, new BigDecimal("400"),
                        EnumSet.of(PhaseKind.DIAGNOSIS, PhaseKind.CENTRALIZED, PhaseKind.SHADOWING, PhaseKind.SCHOOL_VISIT),
                        EnumSet.of(BudgetCategory.ACCOMMODATION, BudgetCategory.MEALS, BudgetCategory.VENUE, BudgetCategory.LECTURERS,
                                BudgetCategory.MATERIALS, BudgetCategory.TRANSPORT, BudgetCategory.MANAGEMENT, BudgetCategory.OTHER), from, until),
                new SetFundingStandards.StandardInput("ONLINE", "网络研修", StandardUnit.PER_PERSON_HOUR, new BigDecimal("3"),
                        EnumSet.of(PhaseKind.ONLINE), EnumSet.of(BudgetCategory.ONLINE_PLATFORM), from, until));
    }
}
