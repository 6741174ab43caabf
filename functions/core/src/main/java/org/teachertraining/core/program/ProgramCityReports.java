package org.teachertraining.core.program;

import org.teachertraining.core.common.NotFound;
import org.teachertraining.core.common.Outcome;
import org.teachertraining.core.common.Refusal;
import org.teachertraining.core.common.Text;
import org.teachertraining.core.common.Violations;
import org.teachertraining.core.identity.Access;
import org.teachertraining.core.identity.Caller;
import org.teachertraining.core.identity.Role;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;

/** S6: the program's owner sets the date its cities' summaries are due; each city submits its summary once. */
public final class ProgramCityReports {
    private final Programs programs;
    private final CityReports reports;
    private final Access access;
    private final Clock clock;

    public ProgramCityReports(Programs programs, CityReports reports, Access access, Clock clock) {
        this.programs = programs;
        this.reports = reports;
        this.access = access;
        this.clock = clock;
    }

    public Outcome<CityReports.Deadline> setDeadline(Caller caller, String programId, LocalDate due) {
        var program = programs.find(programId);
        if (program.isEmpty()) return Outcome.refused(NotFound.program(programId));
        var denied = access.require(caller, program.get().jurisdiction(), Role.PROVINCE_ADMIN);
        if (denied.isPresent()) return Outcome.refused(denied.get());
        var v = new Violations();
        v.required("dueDate", due);
        if (!v.isEmpty()) return Outcome.refused(v.refusal());
        var deadline = new CityReports.Deadline(programId, program.get().name(), program.get().jurisdiction(), due);
        reports.setDeadline(deadline);
        return Outcome.done(deadline);
    }

    /** A city's summary as the province reads it: on time when submitted by the due date (Asia/Shanghai). */
    public record Read(String city, String name, String summary, java.time.Instant submittedAt, Boolean onTime) {}

    /**
     * The cities' summaries of a program (S6), with the cities still owing one: the program owner's admins read
     * them all; a city admin reads its own.
     */
    public Outcome<Map<String, Object>> read(Caller caller, String programId) {
        var program = programs.find(programId);
        if (program.isEmpty()) return Outcome.refused(NotFound.program(programId));
        String owner = program.get().jurisdiction();
        boolean ownerAdmin = caller.role() == Role.PROVINCE_ADMIN && access.covers(caller, owner);
        boolean city = caller.role() == Role.CITY_ADMIN && access.tree().isWithin(caller.jurisdiction(), owner);
        if (!ownerAdmin && !city) return Outcome.refused(Access.roleRefusal(Role.PROVINCE_ADMIN, Role.CITY_ADMIN));
        var due = reports.deadline(programId).map(CityReports.Deadline::due).orElse(null);
        var tree = access.tree();
        var read = new java.util.ArrayList<Read>();
        for (var r : reports.reports(programId)) {
            if (city && !r.city().equals(caller.jurisdiction())) continue;
            read.add(new Read(r.city(), tree.find(r.city()).map(org.teachertraining.core.jurisdiction.Jurisdiction::name).orElse(r.city()), r.summary(), r.at(),
                    due == null ? null : !r.at().atZone(org.teachertraining.core.common.ChinaTime.ZONE).toLocalDate().isAfter(due)));
        }
        read.sort(java.util.Comparator.comparing(Read::city));
        var submitted = read.stream().map(Read::city).collect(java.util.stream.Collectors.toSet());
        var owing = tree.children(owner).stream().filter(j -> j.level() == org.teachertraining.core.jurisdiction.Jurisdiction.Level.CITY)
                .map(org.teachertraining.core.jurisdiction.Jurisdiction::code)
                .filter(c -> !submitted.contains(c) && (ownerAdmin || c.equals(caller.jurisdiction()))).toList();
        var out = new java.util.LinkedHashMap<String, Object>();
        out.put("programId", programId);
        if (due != null) out.put("dueDate", due.toString());
        out.put("items", read);
        out.put("notSubmitted", owing);
        return Outcome.done(out);
    }

    public Outcome<Map<String, Object>> submit(Caller caller, String programId, String summary) {
        var program = programs.find(programId);
        if (program.isEmpty()) return Outcome.refused(NotFound.program(programId));
        if (caller.role() != Role.CITY_ADMIN || !access.tree().isWithin(caller.jurisdiction(), program.get().jurisdiction())) {
            return Outcome.refused(Refusal.forbidden(Text.of("只有计划范围内的市级教育局提交汇总报告", "Only the program's cities submit summaries")));
        }
        var v = new Violations();
        v.text("summary", summary, 20000);
        if (!v.isEmpty()) return Outcome.refused(v.refusal());
        if (!reports.submit(programId, caller.jurisdiction(), summary.strip(), caller.userId(), clock.instant())) {
            return Outcome.refused(Refusal.conflict("S6", Text.of("本市已提交汇总报告", "This city has submitted its summary already")));
        }
        return Outcome.done(Map.of("programId", programId, "city", caller.jurisdiction(), "submitted", true));
    }
}
