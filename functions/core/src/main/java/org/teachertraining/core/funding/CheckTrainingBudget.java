package org.teachertraining.core.funding;

import org.teachertraining.core.common.Money;
import org.teachertraining.core.common.Outcome;
import org.teachertraining.core.common.Text;
import org.teachertraining.core.common.Violations;
import org.teachertraining.core.identity.Access;
import org.teachertraining.core.identity.Caller;
import org.teachertraining.core.identity.Role;
import org.teachertraining.core.jurisdiction.JurisdictionTree;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * F3: cities and counties budget at least 1.5%–2.5% of the local teacher payroll for training (the
 * province fixes each locality's share within that band: below 1.5% is short, within the band meets it,
 * above it exceeds it); schools at least 5% of their yearly public-funds budget. The minimum is rounded up
 * to the fen ({@link Money#percentOf}).
 */
public final class CheckTrainingBudget {
    public static final BigDecimal JURISDICTION_MIN_PERCENT = new BigDecimal("1.5"), JURISDICTION_MAX_PERCENT = new BigDecimal("2.5"),
            SCHOOL_MIN_PERCENT = new BigDecimal("5");

    public enum Level { JURISDICTION, SCHOOL }

    public enum Status { BELOW_MINIMUM, WITHIN_RANGE, ABOVE_RANGE, MEETS_MINIMUM }

    /** @param basis the teacher payroll (JURISDICTION) or the school's public-funds budget (SCHOOL), yuan */
    public record Command(Level level, String jurisdiction, String schoolId, Integer year, BigDecimal basis, BigDecimal trainingBudget) {}

    public record Report(Level level, String jurisdiction, String schoolId, int year, long basisFen, long trainingBudgetFen, BigDecimal percent,
                         BigDecimal minPercent, BigDecimal maxPercent, long minimumFen, long shortfallFen, Status status, Text message) {}

    private final Access access;

    public CheckTrainingBudget(Access access) {
        this.access = access;
    }

    public Outcome<Report> execute(Caller caller, Command c) {
        var v = new Violations();
        v.required("level", c.level());
        if (v.required("jurisdiction", c.jurisdiction()) && !access.tree().exists(c.jurisdiction())) {
            JurisdictionTree.unknown(v, "jurisdiction", c.jurisdiction());
        }
        if (c.level() == Level.SCHOOL) v.identifier("schoolId", c.schoolId());
        else if (c.schoolId() != null) v.add("schoolId", "只用于学校", "only for level SCHOOL");
        if (v.required("year", c.year())) v.range("year", c.year(), 2000, 2100);
        Long basis = Money.fen(v, "basis", c.basis());
        if (basis != null && basis == 0) v.add("basis", "须大于 0", "must be more than 0");
        Long budget = Money.fen(v, "trainingBudget", c.trainingBudget());
        if (!v.isEmpty()) return Outcome.refused(v.refusal());
        var denied = c.level() == Level.SCHOOL
                ? access.require(caller, c.jurisdiction(), Role.PROVINCE_ADMIN, Role.CITY_ADMIN, Role.COUNTY_ADMIN, Role.SCHOOL_ADMIN)
                : access.require(caller, c.jurisdiction(), Role.PROVINCE_ADMIN, Role.CITY_ADMIN, Role.COUNTY_ADMIN);
        if (denied.isPresent()) return Outcome.refused(denied.get());

        boolean school = c.level() == Level.SCHOOL;
        BigDecimal min = school ? SCHOOL_MIN_PERCENT : JURISDICTION_MIN_PERCENT;
        BigDecimal max = school ? null : JURISDICTION_MAX_PERCENT;
        long minimum = Money.percentOf(basis, min);
        long shortfall = Math.max(0, minimum - budget);
        Status status = shortfall > 0 ? Status.BELOW_MINIMUM
                : school ? Status.MEETS_MINIMUM
                : budget > Money.percentOf(basis, max) ? Status.ABOVE_RANGE : Status.WITHIN_RANGE;
        BigDecimal percent = Money.percent(budget, basis, switch (status) {
            case BELOW_MINIMUM -> RoundingMode.DOWN;
            case ABOVE_RANGE -> RoundingMode.UP;
            default -> RoundingMode.HALF_UP;
        });
        String of = school ? "年度公用经费预算" : "教师工资总额";
        String ofEn = school ? "the yearly public-funds budget" : "the teacher payroll";
        String band = max == null ? "" : "（区间 " + min + "%–" + max + "%）", bandEn = max == null ? "" : " (band " + min + "–" + max + "%)";
        Text message = switch (status) {
            case BELOW_MINIMUM -> Text.of("培训经费占" + of + " " + percent + "%，低于 " + min + "%，至少还差 " + Money.yuan(shortfall) + " 元",
                    "Training budget is " + percent + "% of " + ofEn + ", below " + min + "%: " + Money.yuan(shortfall) + " yuan short");
            case ABOVE_RANGE -> Text.of("培训经费占" + of + " " + percent + "%，高于区间上限 " + max + "%" + band,
                    "Training budget is " + percent + "% of " + ofEn + ", above the band's upper end, " + max + "%" + bandEn);
            default -> Text.of("培训经费占" + of + " " + percent + "%，达到 " + min + "%" + band,
                    "Training budget is " + percent + "% of " + ofEn + ", at least " + min + "%" + bandEn);
        };
        if (budget > basis) {   // more than the whole: a slip of a digit, or the two amounts swapped
            message = Text.of(message.zh() + "；培训经费超过了" + of + "本身，请核对两个金额",
                    message.en() + "; the training budget exceeds " + ofEn + " itself: check both amounts");
        }
        return Outcome.done(new Report(c.level(), c.jurisdiction(), c.schoolId(), c.year(), basis, budget, percent, min, max, minimum, shortfall,
                status, message));
    }
}
