package org.teachertraining.core.credit;

import org.teachertraining.core.common.ChinaTime;
import org.teachertraining.core.common.IdOfAnother;
import org.teachertraining.core.common.Outcome;
import org.teachertraining.core.common.PlainText;
import org.teachertraining.core.common.Refusal;
import org.teachertraining.core.common.Text;
import org.teachertraining.core.common.Violations;
import org.teachertraining.core.identity.Access;
import org.teachertraining.core.identity.Caller;
import org.teachertraining.core.identity.Role;
import org.teachertraining.core.jurisdiction.JurisdictionTree;

import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * C3 as the bureaus' data: the province sets its cycle requirements, and a district (a city or county whose plan differs,
 * as the Sichuan district's 240 hours in 4 years with at least 120 school-based) its own, which replace the province's
 * of the same kind for its teachers. Each change is a new version, in force from a later year: a year's standing is never
 * re-decided under rules announced during it, and the versions before stay readable.
 */
public final class SetRequirement {
    public record Command(String jurisdiction, String name, Requirement.AppliesTo appliesTo, String topic, Integer periodYears,
                          Integer minHours, Map<CreditCategory, Integer> minByCategory, Integer anchorYear, Integer effectiveFrom) {}

    /** A requirement's versions, and the one in force this year. */
    public record History(String id, Integer inForce, List<Requirement> versions) {}

    /** What a unit's teachers fall under in a year. */
    public record Applicable(String jurisdiction, int year, List<Requirement> requirements) {}

    static final Role[] SETTERS = {Role.PROVINCE_ADMIN, Role.CITY_ADMIN, Role.COUNTY_ADMIN};
    static final int MAX_PERIOD_YEARS = 10, MAX_HOURS = 2_000, MAX_YEARS_AHEAD = 10;
    /** Bounds on what every posting reads: a unit sets at most 20 requirements, each with at most 50 versions after its seed. */
    static final int MAX_PER_UNIT = 20, MAX_VERSIONS = 50;

    private final RequirementBook book;
    private final Access access;
    private final Clock clock;

    public SetRequirement(RequirementBook book, Access access, Clock clock) {
        this.book = book;
        this.access = access;
        this.clock = clock;
    }

    public Outcome<Requirement> execute(Caller caller, String id, Command c) {
        if (!caller.hasRole(SETTERS)) return Outcome.refused(Access.roleRefusal(SETTERS));
        var v = new Violations();
        v.identifier("id", id);
        if (v.required("jurisdiction", c.jurisdiction())) access.tree().administrativeUnit(c.jurisdiction(), "jurisdiction", v);
        v.name("name", c.name(), 100);
        v.required("appliesTo", c.appliesTo());
        if (c.topic() != null) v.identifier("topic", c.topic());
        if (v.required("periodYears", c.periodYears())) v.range("periodYears", c.periodYears(), 1, MAX_PERIOD_YEARS);
        if (v.required("minHours", c.minHours())) v.range("minHours", c.minHours(), 1, MAX_HOURS);
        var byCategory = new EnumMap<CreditCategory, Integer>(CreditCategory.class);
        if (c.minByCategory() != null) {
            int sum = 0;
            for (var e : c.minByCategory().entrySet()) {
                String field = "minByCategory." + e.getKey();
                if (e.getKey() == null || e.getValue() == null) { v.add("minByCategory", "类别和学时都须给出", "needs a category and hours"); continue; }
                v.range(field, e.getValue(), 1, MAX_HOURS);
                byCategory.put(e.getKey(), e.getValue());
                sum += e.getValue();
            }
            if (c.minHours() != null && sum > c.minHours()) {
                v.add("minByCategory", "各类别最低学时之和（" + sum + "）超过总学时（" + c.minHours() + "）",
                        "the categories' minimums add up to " + sum + ", more than minHours " + c.minHours());
            }
        }
        if (c.appliesTo() == Requirement.AppliesTo.NEW_TEACHERS) {
            if (c.anchorYear() != null) v.add("anchorYear", "新任教师的要求从其入职当年起算，不设统一起始年", "new teachers' requirements run from each teacher's first year; no anchorYear");
        } else if (c.appliesTo() != null && v.required("anchorYear", c.anchorYear())) {
            v.range("anchorYear", c.anchorYear(), 2000, 2100);
        }
        int thisYear = ChinaTime.today(clock).getYear();
        if (v.required("effectiveFrom", c.effectiveFrom()) && (c.effectiveFrom() <= thisYear || c.effectiveFrom() > thisYear + MAX_YEARS_AHEAD)) {
            v.add("effectiveFrom", "须为 " + (thisYear + 1) + "–" + (thisYear + MAX_YEARS_AHEAD) + " 年：新要求自以后的年度起施行，不改变本年度及以前的认定",
                    "must be " + (thisYear + 1) + "-" + (thisYear + MAX_YEARS_AHEAD) + ": a requirement takes effect in a later year, never re-deciding this year or earlier ones");
        }
        if (!v.isEmpty()) return Outcome.refused(v.refusal());
        var denied = access.require(caller, c.jurisdiction(), SETTERS);
        if (denied.isPresent()) return Outcome.refused(denied.get());

        var history = book.history(id);
        if (!history.isEmpty()) {
            var last = history.getLast();
            if (!last.jurisdiction().equals(c.jurisdiction())) {
                return Outcome.refused(Refusal.conflict("C3", Text.of("学时要求 " + id + " 属于 " + access.tree().nameOf(last.jurisdiction()) + "，不能改为其他单位的要求",
                        "Requirement " + id + " belongs to " + last.jurisdiction() + "; it cannot move to another unit")));
            }
        }
        if (history.size() > MAX_VERSIONS) {
            return Outcome.refused(Refusal.conflict("C3", Text.of("学时要求 " + id + " 已有 " + MAX_VERSIONS + " 个版本，不能再增加",
                    "Requirement " + id + " has " + MAX_VERSIONS + " versions; no more can be added")));
        }
        if (history.isEmpty() && book.setBy(c.jurisdiction()) >= MAX_PER_UNIT) {
            return Outcome.refused(Refusal.conflict("C3", Text.of(access.tree().nameOf(c.jurisdiction()) + "已设定 " + MAX_PER_UNIT + " 项学时要求，不能再新增",
                    c.jurisdiction() + " has set " + MAX_PER_UNIT + " requirements; no more can be added")));
        }
        int version = history.isEmpty() ? 1 : history.getLast().version() + 1;
        var requirement = new Requirement(id, c.jurisdiction(), c.name().strip(), c.appliesTo(), c.topic(), c.periodYears(), c.minHours(),
                byCategory, c.anchorYear(), version, c.effectiveFrom(), caller.userId(), clock.instant());
        boolean added;
        try {
            added = book.add(requirement);
        } catch (IdOfAnother other) {
            return Outcome.refused(other.refusal(id, Text.of("学时要求编号", "Requirement ID"), Text.of("同一项要求", "the same requirement")));
        }
        if (!added) {
            return Outcome.refused(Refusal.conflict("C3", Text.of("学时要求 " + id + " 刚被他人修改，请刷新后重试",
                    "Requirement " + id + " was changed at the same time; read it again and retry")));
        }
        return Outcome.done(requirement);
    }

    /** Any signed-in user reads a requirement's versions: they are public policy. */
    public Outcome<History> history(String id) {
        var v = new Violations();
        v.identifier("id", id);
        if (!v.isEmpty()) return Outcome.refused(v.refusal());
        var versions = book.history(id);
        if (versions.isEmpty()) {
            // read in another case ("hn-cycle"), it is the requirement set under that ID, as an institution's is
            var setAs = book.setAs(id);
            if (setAs.isEmpty()) return Outcome.refused(Refusal.notFound(Text.of("没有学时要求 " + PlainText.quote(id), "No requirement " + PlainText.quote(id))));
            id = setAs.get();
            versions = book.history(id);
        }
        var inForce = book.inForce(id, ChinaTime.today(clock).getYear()).map(Requirement::version).orElse(null);
        return Outcome.done(new History(id, inForce, versions));
    }

    /** The requirements a unit's teachers fall under in {@code year} (this year by default): its province's, or its district's where they differ. */
    public Outcome<Applicable> applicable(String jurisdiction, Integer year) {
        var v = new Violations();
        if (v.required("jurisdiction", jurisdiction) && !access.tree().exists(jurisdiction)) {
            JurisdictionTree.unknown(v, "jurisdiction", jurisdiction);
        }
        if (year != null) v.range("year", year, 2000, 2100);
        if (!v.isEmpty()) return Outcome.refused(v.refusal());
        int y = year == null ? ChinaTime.today(clock).getYear() : year;
        return Outcome.done(new Applicable(jurisdiction, y, book.inForceFor(jurisdiction, y).applicableTo(jurisdiction)));
    }
}
