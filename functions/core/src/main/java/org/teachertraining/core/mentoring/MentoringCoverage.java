package org.teachertraining.core.mentoring;

import org.teachertraining.core.common.Percent;
import org.teachertraining.core.common.Outcome;
import org.teachertraining.core.common.Violations;
import org.teachertraining.core.identity.Access;
import org.teachertraining.core.identity.Caller;
import org.teachertraining.core.identity.Role;
import org.teachertraining.core.jurisdiction.JurisdictionTree;
import org.teachertraining.core.mentoring.Mentoring.Store;
import org.teachertraining.core.mentoring.Mentoring.Target;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.Map;

/**
 * T2's coverage: for a unit and year, the communities its units own — masters, backbones, new teachers, and the new
 * teachers with their 50 hours approved — against the unit's targets: those it recorded for the year, or the province's
 * from the sources (Henan 2020: 700 masters, 7,000 backbones, 70,000 new teachers). Each teacher is in one community a
 * year, so the sums count people, not memberships.
 */
public final class MentoringCoverage {
    public record Coverage(String jurisdiction, int year, int communities, int masters, int backbones, int newTeachers, int newTeachersTrained,
                           Target target, String targetSource, BigDecimal mastersPercent, BigDecimal backbonesPercent, BigDecimal newTeachersPercent,
                           BigDecimal trainedPercent) {}

    /** The sources' targets (henan-2020-provincial-training-notice: 700 名师, 7000 骨干, 7 万新入职教师). */
    static final Map<String, int[]> SEED_TARGETS = Map.of("410000", new int[]{700, 7_000, 70_000});
    static final int MAX_TARGET = 10_000_000;
    private static final Role[] ADMINS = MentoringCommunities.ADMINS;

    private final Store store;
    private final Access access;
    private final Clock clock;

    public MentoringCoverage(Store store, Access access, Clock clock) {
        this.store = store;
        this.access = access;
        this.clock = clock;
    }

    public Outcome<Target> setTarget(Caller caller, String code, Integer year, Integer masters, Integer backbones, Integer newTeachers) {
        if (!caller.hasRole(ADMINS)) return Outcome.refused(Access.roleRefusal(ADMINS));
        var v = new Violations();
        access.tree().administrativeUnit(code, "code", v);
        if (v.required("year", year)) v.range("year", year, 2000, 2100);
        if (v.required("masters", masters)) v.range("masters", masters, 0, MAX_TARGET);
        if (v.required("backbones", backbones)) v.range("backbones", backbones, 0, MAX_TARGET);
        if (v.required("newTeachers", newTeachers)) v.range("newTeachers", newTeachers, 0, MAX_TARGET);
        if (!v.isEmpty()) return Outcome.refused(v.refusal());
        var denied = access.require(caller, code, ADMINS);
        if (denied.isPresent()) return Outcome.refused(denied.get());
        var target = new Target(code, year, masters, backbones, newTeachers, caller.userId(), clock.instant());
        store.setTarget(target);
        return Outcome.done(target);
    }

    public Outcome<Coverage> of(Caller caller, String code, Integer year) {
        if (!caller.hasRole(ADMINS)) return Outcome.refused(Access.roleRefusal(ADMINS));
        var v = new Violations();
        access.tree().administrativeUnit(code, "code", v);
        if (v.required("year", year)) v.range("year", year, 2000, 2100);
        if (!v.isEmpty()) return Outcome.refused(v.refusal());
        var denied = access.require(caller, code, ADMINS);
        if (denied.isPresent()) return Outcome.refused(denied.get());
        int communities = 0, backbones = 0, newTeachers = 0, trained = 0;
        for (var c : store.ofYear(year, JurisdictionTree.subtreePrefix(code))) {
            communities++;
            backbones += c.backbones();
            newTeachers += c.newTeachers();
            trained += c.trainedNewTeachers();
        }
        var target = store.target(code, year).orElse(null);
        String source = target == null ? null : "RECORDED";
        if (target == null && SEED_TARGETS.containsKey(code)) {
            int[] t = SEED_TARGETS.get(code);
            target = new Target(code, year, t[0], t[1], t[2], "seeds", null);
            source = "SEED";
        }
        return Outcome.done(new Coverage(code, year, communities, communities, backbones, newTeachers, trained, target, source,
                target == null ? null : percent(communities, target.masters()), target == null ? null : percent(backbones, target.backbones()),
                target == null ? null : percent(newTeachers, target.newTeachers()), target == null ? null : percent(trained, target.newTeachers())));
    }

    /** Of a target of 0 nothing is owed: no percentage. */
    static BigDecimal percent(int part, int whole) {
        if (whole == 0) return null;
        return Percent.of(part, whole, 1);
    }
}
