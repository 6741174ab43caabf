package org.teachertraining.core.program;

import org.teachertraining.core.common.Outcome;
import org.teachertraining.core.common.Refusal;
import org.teachertraining.core.common.Text;
import org.teachertraining.core.common.Violations;
import org.teachertraining.core.identity.Access;
import org.teachertraining.core.identity.Caller;
import org.teachertraining.core.identity.Role;
import org.teachertraining.core.jurisdiction.Jurisdiction;
import org.teachertraining.core.jurisdiction.JurisdictionTree;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;

/** Creates a program for the caller's own jurisdiction or one below it. */
public final class CreateProgram {

    /** {@code hoursPerDay} optional: the program's credited hours per training day (C4), 1–12; default 8. */
    public record Command(Integer year, ProgramLevel level, String name, String jurisdiction, Integer hoursPerDay) {}

    private final Programs programs;
    private final Access access;
    private final Clock clock;

    public CreateProgram(Programs programs, Access access, Clock clock) {
        this.programs = programs;
        this.access = access;
        this.clock = clock;
    }

    /** A program created now ({@code created}), or the one an earlier request with the same Idempotency-Key created. */
    public record Created(Program program, boolean created) {}

    public Outcome<Program> execute(Caller caller, Command c) {
        return execute(caller, c, null).map(Created::program);
    }

    /**
     * With an {@code idempotencyKey}, scoped to the caller: the program's ID is derived from the caller and the key, so
     * the same request sent again answers the program it created (not a second one), and the key with another request
     * is refused.
     */
    public Outcome<Created> execute(Caller caller, Command c, String idempotencyKey) {
        if (!caller.role().isAdmin()) {
            return Outcome.refused(Access.roleRefusal(Role.PROVINCE_ADMIN, Role.CITY_ADMIN, Role.COUNTY_ADMIN, Role.SCHOOL_ADMIN));
        }
        var v = new Violations();
        if (v.required("year", c.year())) v.range("year", c.year(), 2000, 2100);
        v.required("level", c.level());
        v.name("name", c.name(), 200);
        v.range("hoursPerDay", c.hoursPerDay(), 1, 12);
        if (v.required("jurisdiction", c.jurisdiction())) {
            var j = access.tree().find(c.jurisdiction());
            if (j.isEmpty()) {
                JurisdictionTree.unknown(v, "jurisdiction", c.jurisdiction());
            } else if (c.level() != null && !levelFits(c.level(), j.get().level())) {
                v.add("level", org.teachertraining.core.common.Labels.zh(c.level()) + "计划不能属于" + j.get().name(),
                        "a " + c.level() + " program cannot belong to " + j.get().level() + " " + c.jurisdiction());
            }
        }
        if (!v.isEmpty()) return Outcome.refused(v.refusal());
        var denied = access.require(caller, c.jurisdiction(),
                Role.PROVINCE_ADMIN, Role.CITY_ADMIN, Role.COUNTY_ADMIN, Role.SCHOOL_ADMIN);
        if (denied.isPresent()) return Outcome.refused(denied.get());
        String id = idempotencyKey == null ? UUID.randomUUID().toString()
                : UUID.nameUUIDFromBytes(("program|" + caller.userId() + "|" + idempotencyKey).getBytes(StandardCharsets.UTF_8)).toString();
        var program = new Program(id, c.year(), c.level(), c.name().strip(), c.jurisdiction(), caller.userId(), clock.instant(), c.hoursPerDay());
        if (programs.add(program)) return Outcome.done(new Created(program, true));
        var earlier = programs.find(id).orElseThrow(() -> new IllegalStateException("program " + id + " exists, but cannot be read"));
        boolean same = earlier.year() == program.year() && earlier.level() == program.level() && earlier.name().equals(program.name())
                && earlier.jurisdiction().equals(program.jurisdiction()) && java.util.Objects.equals(earlier.hoursPerDay(), program.hoursPerDay());
        if (!same) {
            return Outcome.refused(Refusal.unprocessable(null, Text.of("幂等键已用于另一请求", "The Idempotency-Key was already used for a different request"), Map.of()));
        }
        return Outcome.done(new Created(earlier, false));
    }

    private static boolean levelFits(ProgramLevel level, Jurisdiction.Level at) {
        return switch (level) {
            case NATIONAL, PROVINCIAL -> at == Jurisdiction.Level.PROVINCE;
            case CITY -> at == Jurisdiction.Level.CITY;
            case COUNTY, SCHOOL -> at == Jurisdiction.Level.COUNTY;
        };
    }
}
