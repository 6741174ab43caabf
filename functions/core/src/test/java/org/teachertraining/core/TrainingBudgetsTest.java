package org.teachertraining.core;

import org.junit.jupiter.api.Test;
import org.teachertraining.core.common.Refusal;
import org.teachertraining.core.funding.CheckTrainingBudget;
import org.teachertraining.core.funding.TrainingBudgets;
import org.teachertraining.core.identity.Caller;
import org.teachertraining.core.identity.Role;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.teachertraining.core.World.done;
import static org.teachertraining.core.World.refused;

/** F3 as records: each unit's yearly training budget, checked when recorded, read with the units below it. */
class TrainingBudgetsTest {
    final World w = new World();
    final TrainingBudgets budgets = new TrainingBudgets(w.ports.trainingBudgets, new CheckTrainingBudget(w.access), w.access, w.clock);

    @Test
    void f3_exactly1point5PercentMeetsIt_oneFenLessIsShortByOneFen() {
        var met = done(budgets.record(World.XIN_COUNTY, "411523", 2020, new BigDecimal("100000000"), new BigDecimal("1500000")));
        assertEquals(CheckTrainingBudget.Status.WITHIN_RANGE, met.check().status());
        var shortOne = done(budgets.record(World.GUANGSHAN, "411522", 2020, new BigDecimal("100000000"), new BigDecimal("1499999.99")));
        assertEquals(CheckTrainingBudget.Status.BELOW_MINIMUM, shortOne.check().status());
        assertEquals(1, shortOne.check().shortfallFen());
        var above = done(budgets.record(World.XINYANG, "411523", 2020, new BigDecimal("100000000"), new BigDecimal("2500000.01")));
        assertEquals(CheckTrainingBudget.Status.ABOVE_RANGE, above.check().status());   // a repeat replaces the county's record
        assertEquals("xy", done(budgets.overview(World.XIN_COUNTY, "411523", 2020)).unit().recordedBy());
    }

    @Test
    void f3_theCitySeesItsCountiesRecords_theShortOnes_andThoseWithNone() {
        done(budgets.record(World.XIN_COUNTY, "411523", 2020, new BigDecimal("100000000"), new BigDecimal("2000000")));
        done(budgets.record(World.GUANGSHAN, "411522", 2020, new BigDecimal("80000000"), new BigDecimal("1000000")));
        var o = done(budgets.overview(World.XINYANG, "411500", 2020));
        assertNull(o.unit());
        assertEquals(2, o.below().size());
        assertEquals(List.of("411522"), o.belowMinimum().stream().map(TrainingBudgets.Unit::jurisdiction).toList());
        var missing = o.missing().stream().map(TrainingBudgets.Unit::jurisdiction).toList();
        assertEquals(w.tree.children("411500").size() - 2, missing.size());
        assertEquals(false, missing.contains("411523"));
        assertEquals(0, done(budgets.overview(World.XINYANG, "411500", 2021)).below().size());   // another year: nothing recorded
    }

    @Test
    void f3_aSchoolIsHeldTo5PercentOfItsPublicFunds() {
        w.addTeacherAt("S-T", "4115230001");   // the school exists as a unit
        var school = new Caller("sa", Role.SCHOOL_ADMIN, "4115230001", null, null);
        var r = done(budgets.record(school, "4115230001", 2020, new BigDecimal("200000"), new BigDecimal("9999.99")));
        assertEquals(CheckTrainingBudget.Status.BELOW_MINIMUM, r.check().status());
        assertEquals(1, r.check().shortfallFen());
    }

    @Test
    void f3_refusals_theProvinceNeighboursTeachersAndBadAmounts() {
        assertEquals("code", refused(budgets.record(World.PROVINCE, "410000", 2020, BigDecimal.TEN, BigDecimal.ONE)).errors().getFirst().field());
        assertEquals(Refusal.Kind.FORBIDDEN, refused(budgets.record(World.GUANGSHAN, "411523", 2020, BigDecimal.TEN, BigDecimal.ONE)).kind());
        assertEquals(Refusal.Kind.FORBIDDEN, refused(budgets.record(new Caller("t", Role.TEACHER, "411523", null, "T"), "411523", 2020, BigDecimal.TEN, BigDecimal.ONE)).kind());
        assertEquals(Refusal.Kind.INVALID, refused(budgets.record(World.XIN_COUNTY, "411523", 2020, BigDecimal.ZERO, BigDecimal.ONE)).kind());
        assertEquals(Refusal.Kind.INVALID, refused(budgets.record(World.XIN_COUNTY, "411523", 2020, BigDecimal.TEN, new BigDecimal("0.001"))).kind());
        assertEquals(Refusal.Kind.INVALID, refused(budgets.record(World.XIN_COUNTY, "411523", null, BigDecimal.TEN, BigDecimal.ONE)).kind());
        assertEquals(Refusal.Kind.FORBIDDEN, refused(budgets.overview(World.GUANGSHAN, "411523", 2020)).kind());
        assertNull(done(budgets.overview(World.XIN_COUNTY, "411523", 2020)).unit());   // nothing stored by the refusals
    }
}
