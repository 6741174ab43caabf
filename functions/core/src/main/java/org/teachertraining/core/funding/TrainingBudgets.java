package org.teachertraining.core.funding;

import org.teachertraining.core.common.Outcome;
import org.teachertraining.core.common.Violations;
import org.teachertraining.core.identity.Access;
import org.teachertraining.core.identity.Caller;
import org.teachertraining.core.identity.Role;
import org.teachertraining.core.jurisdiction.Jurisdiction;
import org.teachertraining.core.jurisdiction.JurisdictionTree;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;

/**
 * F3 as the bureaus' records: each city and county records its training budget and teacher payroll per year, each school
 * its training budget and public-funds budget, checked when recorded ({@link CheckTrainingBudget}: 1.5%–2.5% of the
 * payroll, 5% of a school's budget); the unit and those above read the record with those of the units one level below,
 * which of them fall short and which have recorded nothing.
 */
public final class TrainingBudgets {
    /** Port: one record per unit and year; a repeat replaces it. */
    public interface Records {
        void put(Recorded record);

        Optional<Recorded> find(String jurisdiction, int year);

        /** The year's records of the units directly below {@code parent}. */
        List<Recorded> below(String parent, int year);
    }

    public record Recorded(String jurisdiction, String name, Jurisdiction.Level level, String parent, int year,
                           CheckTrainingBudget.Report check, String recordedBy, Instant recordedAt) {}

    public record Unit(String jurisdiction, String name, Jurisdiction.Level level) {}

    /** The unit's record (if any), those of the units below it, and which of those are short or have none. */
    public record Overview(String jurisdiction, int year, Recorded unit, List<Recorded> below, List<Unit> belowMinimum, List<Unit> missing) {}

    private static final Role[] ADMINS = {Role.PROVINCE_ADMIN, Role.CITY_ADMIN, Role.COUNTY_ADMIN, Role.SCHOOL_ADMIN};

    private final Records records;
    private final CheckTrainingBudget check;
    private final Access access;
    private final Clock clock;

    public TrainingBudgets(Records records, CheckTrainingBudget check, Access access, Clock clock) {
        this.records = records;
        this.check = check;
        this.access = access;
        this.clock = clock;
    }

    /** Records (or replaces) a city's, county's or school's budget for {@code year}, checked against F3. */
    public Outcome<Recorded> record(Caller caller, String code, Integer year, BigDecimal basis, BigDecimal trainingBudget) {
        if (!caller.hasRole(ADMINS)) return Outcome.refused(Access.roleRefusal(ADMINS));
        var v = new Violations();
        var unit = access.tree().find(code).filter(j -> j.level() != Jurisdiction.Level.PROVINCE);
        if (unit.isEmpty()) {
            v.add("code", "须为市、县区或学校的代码（经费占比要求针对市县和学校）", "must be a city, county or school code (F3 holds cities, counties and schools)");
            return Outcome.refused(v.refusal());
        }
        boolean school = unit.get().level() == Jurisdiction.Level.SCHOOL;
        var checked = check.execute(caller, new CheckTrainingBudget.Command(school ? CheckTrainingBudget.Level.SCHOOL : CheckTrainingBudget.Level.JURISDICTION,
                code, school ? code : null, year, basis, trainingBudget));
        if (checked instanceof Outcome.Refused<CheckTrainingBudget.Report> r) return Outcome.refused(r.refusal());
        var u = unit.get();
        var record = new Recorded(u.code(), u.name(), u.level(), u.parent(), year, ((Outcome.Done<CheckTrainingBudget.Report>) checked).value(),
                caller.userId(), clock.instant());
        records.put(record);
        return Outcome.done(record);
    }

    public Outcome<Overview> overview(Caller caller, String code, Integer year) {
        if (!caller.hasRole(ADMINS)) return Outcome.refused(Access.roleRefusal(ADMINS));
        var v = new Violations();
        var unit = access.tree().find(code);
        if (unit.isEmpty()) JurisdictionTree.unknown(v, "code", code);
        if (v.required("year", year)) v.range("year", year, 2000, 2100);
        if (!v.isEmpty()) return Outcome.refused(v.refusal());
        var denied = access.require(caller, code, ADMINS);
        if (denied.isPresent()) return Outcome.refused(denied.get());
        var byCode = new HashMap<String, Recorded>();
        var below = records.below(code, year);
        below.forEach(r -> byCode.put(r.jurisdiction(), r));
        var shortOnes = new ArrayList<Unit>();
        var missing = new ArrayList<Unit>();
        for (var child : access.tree().children(code)) {
            var r = byCode.get(child.code());
            if (r == null) missing.add(new Unit(child.code(), child.name(), child.level()));
            else if (r.check().shortfallFen() > 0) shortOnes.add(new Unit(child.code(), child.name(), child.level()));
        }
        return Outcome.done(new Overview(code, year, records.find(code, year).orElse(null), below, shortOnes, missing));
    }
}
