package org.teachertraining.core.program;

import org.teachertraining.core.common.Outcome;
import org.teachertraining.core.common.Violations;
import org.teachertraining.core.identity.Access;
import org.teachertraining.core.identity.Caller;
import org.teachertraining.core.identity.Role;
import org.teachertraining.core.jurisdiction.Jurisdiction;

import java.time.Clock;
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

    public Outcome<Program> execute(Caller caller, Command c) {
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
                v.add("jurisdiction", "未知的行政区划代码：" + org.teachertraining.core.common.PlainText.quote(c.jurisdiction()), "unknown jurisdiction code: " + org.teachertraining.core.common.PlainText.quote(c.jurisdiction()));
            } else if (c.level() != null && !levelFits(c.level(), j.get().level())) {
                v.add("level", org.teachertraining.core.common.Labels.zh(c.level()) + "计划不能属于" + j.get().name(),
                        "a " + c.level() + " program cannot belong to " + j.get().level() + " " + c.jurisdiction());
            }
        }
        if (!v.isEmpty()) return Outcome.refused(v.refusal());
        var denied = access.require(caller, c.jurisdiction(),
                Role.PROVINCE_ADMIN, Role.CITY_ADMIN, Role.COUNTY_ADMIN, Role.SCHOOL_ADMIN);
        if (denied.isPresent()) return Outcome.refused(denied.get());
        var program = new Program(UUID.randomUUID().toString(), c.year(), c.level(), c.name().strip(),
                c.jurisdiction(), caller.userId(), clock.instant(), c.hoursPerDay());
        programs.add(program);
        return Outcome.done(program);
    }

    private static boolean levelFits(ProgramLevel level, Jurisdiction.Level at) {
        return switch (level) {
            case NATIONAL, PROVINCIAL -> at == Jurisdiction.Level.PROVINCE;
            case CITY -> at == Jurisdiction.Level.CITY;
            case COUNTY, SCHOOL -> at == Jurisdiction.Level.COUNTY;
        };
    }
}
