package org.teachertraining.core.evaluation;

import org.teachertraining.core.common.ChinaTime;
import org.teachertraining.core.common.Outcome;
import org.teachertraining.core.common.Violations;
import org.teachertraining.core.credit.ComplianceAggregates;
import org.teachertraining.core.credit.RequirementBook;
import org.teachertraining.core.credit.Requirements;
import org.teachertraining.core.enrollment.Enrollments;
import org.teachertraining.core.enrollment.ReportRates;
import org.teachertraining.core.identity.Access;
import org.teachertraining.core.identity.Caller;
import org.teachertraining.core.identity.Role;
import org.teachertraining.core.jurisdiction.Jurisdiction;
import org.teachertraining.core.jurisdiction.JurisdictionTree;
import org.teachertraining.core.program.CityReports;
import org.teachertraining.core.program.Program;
import org.teachertraining.core.program.Programs;
import org.teachertraining.core.project.Project;
import org.teachertraining.core.project.Projects;
import org.teachertraining.core.quota.Quotas;
import org.teachertraining.core.teacher.Teachers;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A unit's yearly results (E8), for the unit and for each unit one level below it, from the platform's records
 * alone, over every project of the year's programs that apply to the unit:
 * <ul>
 *   <li>fill rate: the teachers enrolled in the projects where the unit held seats of its own, over those seats;</li>
 *   <li>report rate: who came (报到 and every result after it) over who was enrolled;</li>
 *   <li>completion rate: who passed (a posted PASSED result, C5) over who was enrolled;</li>
 *   <li>S6 (cities): the program summaries due from the city, and how many it submitted by their date;</li>
 *   <li>the share of its teachers meeting the cycle requirement (C3) in the current cycle, or for a plan year of the cycle
 *   that ended last year in that one (a unit with no teachers: null).</li>
 * </ul>
 * Readable by the unit's admins and those above. The same inputs give the same figures; each row says what it counted.
 */
public final class JurisdictionResults {
    private static final Role[] ADMINS = {Role.PROVINCE_ADMIN, Role.CITY_ADMIN, Role.COUNTY_ADMIN};

    public record Figures(String jurisdiction, String name, Jurisdiction.Level level, int projects, int seats, int enrolledInOwnSeats,
                          BigDecimal fillPercent, int enrolled, int registered, int completed, BigDecimal reportPercent,
                          BigDecimal completionPercent, Integer cityReportsDue, Integer cityReportsOnTime, int teachers,
                          int meetingRequirement, BigDecimal meetingPercent) {}

    public record Results(String jurisdiction, int year, String requirementId, int cycleFrom, int cycleTo, Figures unit, List<Figures> children) {}

    private final Programs programs;
    private final Projects projects;
    private final Quotas quotas;
    private final Enrollments enrollments;
    private final org.teachertraining.core.credit.ProjectResults results;
    private final CityReports cityReports;
    private final Teachers teachers;
    private final ComplianceAggregates compliance;
    private final RequirementBook requirements;
    private final Access access;
    private final Clock clock;

    public JurisdictionResults(Programs programs, Projects projects, Quotas quotas, Enrollments enrollments,
                               org.teachertraining.core.credit.ProjectResults results, CityReports cityReports,
                               Teachers teachers, ComplianceAggregates compliance, RequirementBook requirements, Access access, Clock clock) {
        this.results = results;
        this.programs = programs;
        this.projects = projects;
        this.quotas = quotas;
        this.enrollments = enrollments;
        this.cityReports = cityReports;
        this.teachers = teachers;
        this.compliance = compliance;
        this.requirements = requirements;
        this.access = access;
        this.clock = clock;
    }

    public Outcome<Results> ofYear(Caller caller, String code, Integer year) {
        if (!caller.hasRole(ADMINS)) return Outcome.refused(Access.roleRefusal(ADMINS));
        var tree = access.tree();
        var v = new Violations();
        unitOf(tree, code, v);
        if (v.required("year", year)) planYear(year, v);
        if (!v.isEmpty()) return Outcome.refused(v.refusal());
        var denied = access.require(caller, code, ADMINS);
        if (denied.isPresent()) return Outcome.refused(denied.get());

        var rows = new ArrayList<String>();
        rows.add(code);
        tree.children(code).stream().filter(j -> j.level() != Jurisdiction.Level.SCHOOL).map(Jurisdiction::code).forEach(rows::add);
        var tally = new LinkedHashMap<String, int[]>();   // projects, seats, enrolled in own seats, enrolled, registered, completed
        rows.forEach(r -> tally.put(r, new int[6]));

        var programsOfYear = programs.allOfYear(year, new LinkedHashSet<>(tree.selfAndAncestors(code)));
        for (Program program : programsOfYear) {
            for (Project p : projects.ofProgram(program.id())) {
                if (p.cancelledAt() != null) continue;   // cancelled or rejected: it ran for no one, and holds no unit to its seats
                var seats = new LinkedHashMap<String, Integer>();
                quotas.ofProject(p.id()).forEach(q -> { if (q.seats() != null) seats.put(q.jurisdiction(), q.seats()); });
                // the owner's own seats are the project's (it allocates them, it holds no quota of its own)
                if (p.seats() != null) seats.putIfAbsent(p.ownerJurisdiction(), p.seats());
                var seen = new LinkedHashSet<String>();
                var holders = ReportRates.seatHoldersIn(enrollments, tree, p.id(), code);
                // one read of the project's results, not one per trainee, and none where the unit had no trainee
                var passedIn = holders.isEmpty() ? java.util.Set.<String>of() : results.passedIn(p.id());
                for (var e : holders) {
                    boolean passed = passedIn.contains(e.teacherId());
                    var chain = tree.selfAndAncestors(e.jurisdiction());
                    int at = chain.indexOf(code);
                    for (String row : at > 0 ? List.of(code, chain.get(at - 1)) : List.of(code)) {
                        if (!tally.containsKey(row)) continue;
                        var n = tally.get(row);
                        seen.add(row);
                        n[3]++;
                        if (seats.containsKey(row)) n[2]++;
                        if (e.status().came()) n[4]++;
                        if (passed) n[5]++;
                    }
                }
                for (String row : rows) {
                    if (seats.containsKey(row)) {
                        tally.get(row)[1] += seats.get(row);
                        seen.add(row);
                    }
                    if (seen.contains(row)) tally.get(row)[0]++;
                }
            }
        }

        int thisYear = ChinaTime.today(clock).getYear();
        var requirement = requirements.inForceFor(code, thisYear).commonCycle(tree.selfAndAncestors(code)).orElse(null);
        int[] cycle = requirement == null ? new int[]{thisYear, thisYear} : Requirements.cycle(requirement, requirement.anchorYear(), thisYear);
        // a plan year of the cycle that ended last year (the yearly evaluation is made in January): that cycle's standing,
        // whose rows are kept through this year, not the new cycle's, which nobody has begun to meet
        if (requirement != null && year < cycle[0]) {
            var last = requirements.inForceFor(code, thisYear - 1).commonCycle(tree.selfAndAncestors(code)).orElse(null);
            int[] ended = Requirements.endedLastYear(last, thisYear);
            if (ended != null && year >= ended[0]) {
                requirement = last;
                cycle = ended;
            }
        }
        // teachers and who is short, per row: a unit with units below it sums theirs and adds those registered at the unit
        // itself (its own schools' teachers, 市直/省直), instead of reading its whole subtree again
        var teachersOf = new LinkedHashMap<String, Integer>();
        var shortOf = new LinkedHashMap<String, Integer>();
        for (String row : rows.subList(1, rows.size())) {
            teachersOf.put(row, teachersIn(row));
            shortOf.put(row, requirement == null || teachersOf.get(row) == 0 ? 0 : compliance.countShortIn(row, requirement.id(), cycle[0]));
        }
        if (rows.size() > 1) {
            int own = teachers.countRegisteredAt(code);
            teachersOf.put(code, own + teachersOf.values().stream().mapToInt(Integer::intValue).sum());
            shortOf.put(code, (requirement == null || own == 0 ? 0 : compliance.countShortRegisteredAt(code, requirement.id(), cycle[0]))
                    + shortOf.values().stream().mapToInt(Integer::intValue).sum());
        } else {
            teachersOf.put(code, teachersIn(code));
            shortOf.put(code, requirement == null || teachersOf.get(code) == 0 ? 0 : compliance.countShortIn(code, requirement.id(), cycle[0]));
        }
        boolean cities = rows.stream().anyMatch(r -> tree.find(r).map(j -> j.level() == Jurisdiction.Level.CITY).orElse(false));
        var summaries = cities ? summariesDue(programsOfYear) : List.<SummariesDue>of();
        var figures = new ArrayList<Figures>();
        for (String row : rows) {
            var j = tree.find(row).orElseThrow();
            var n = tally.get(row);
            Integer due = null, onTime = null;
            if (j.level() == Jurisdiction.Level.CITY) {
                int[] s6 = onTime(summaries, row);
                due = s6[0];
                onTime = s6[1];
            }
            int teachersIn = teachersOf.get(row);
            int meeting = teachersIn - shortOf.get(row);
            figures.add(new Figures(row, j.name(), j.level(), n[0], n[1], n[2], n[1] == 0 ? null : ReportRates.percent(n[2], n[1]),
                    n[3], n[4], n[5], n[3] == 0 ? null : ReportRates.percent(n[4], n[3]), n[3] == 0 ? null : ReportRates.percent(n[5], n[3]),
                    due, onTime, teachersIn, meeting, teachersIn == 0 ? null : ReportRates.percent(meeting, teachersIn)));
        }
        return Outcome.done(new Results(code, year, requirement == null ? null : requirement.id(), cycle[0], cycle[1], figures.getFirst(),
                figures.subList(1, figures.size())));
    }

    /** The province, city or county of {@code code}; a school or an unknown code is a violation of {@code code}. */
    static Optional<Jurisdiction> unitOf(JurisdictionTree tree, String code, Violations v) {
        return tree.administrativeUnit(code, "code", v);
    }

    static void planYear(int year, Violations v) {
        if (year < 2000 || year > 2100) v.add("year", "须为 2000–2100 年", "must be 2000-2100");
    }

    /** S6: the year's program summaries due from the city, and those it submitted by their date (Asia/Shanghai). */
    private static int[] onTime(List<SummariesDue> summaries, String city) {
        int onTime = 0;
        for (var s : summaries) {
            var at = s.submittedAt().get(city);
            if (at != null && !at.atZone(ChinaTime.ZONE).toLocalDate().isAfter(s.due())) onTime++;
        }
        return new int[]{summaries.size(), onTime};
    }

    /** A program's S6 due date and when each city submitted, read once for all the rows. */
    private record SummariesDue(java.time.LocalDate due, Map<String, java.time.Instant> submittedAt) {}

    private List<SummariesDue> summariesDue(List<Program> programsOfYear) {
        var out = new ArrayList<SummariesDue>();
        for (var program : programsOfYear) {
            cityReports.deadline(program.id()).ifPresent(d -> out.add(new SummariesDue(d.due(), cityReports.submittedAt(program.id()))));
        }
        return out;
    }

    /** The teachers registered at the unit or at any unit below it. */
    private int teachersIn(String unit) {
        return access.tree().registrationUnitsWithin(unit).stream().mapToInt(teachers::countRegisteredAt).sum();
    }

    /** For the explanation of a row: what each figure counts. */
    public static Map<String, String> explanation() {
        return Map.of("fillPercent", "enrolledInOwnSeats / seats", "reportPercent", "registered / enrolled",
                "completionPercent", "completed / enrolled", "meetingPercent", "meetingRequirement / teachers");
    }
}
