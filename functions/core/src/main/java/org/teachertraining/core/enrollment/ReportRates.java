package org.teachertraining.core.enrollment;

import org.teachertraining.core.common.Percent;
import org.teachertraining.core.common.NotFound;
import org.teachertraining.core.common.Outcome;
import org.teachertraining.core.common.Violations;
import org.teachertraining.core.identity.Access;
import org.teachertraining.core.identity.Caller;
import org.teachertraining.core.identity.Role;
import org.teachertraining.core.jurisdiction.Jurisdiction;
import org.teachertraining.core.jurisdiction.JurisdictionTree;
import org.teachertraining.core.program.Program;
import org.teachertraining.core.program.Programs;
import org.teachertraining.core.project.Project;
import org.teachertraining.core.project.Projects;
import org.teachertraining.core.quota.Quota;
import org.teachertraining.core.quota.Quotas;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.TreeMap;

/**
 * Fill and report rates (E8), which feed a jurisdiction's yearly evaluation: per unit one level below the
 * reader (a province reads its cities, a city its counties, a county itself), how many seats it was given,
 * how many teachers took them, how many registered (报到: registered, and everyone who went on to a result)
 * and how many did not come. For one project, or for every project of a year whose program applies to the
 * unit. Admins read their own subtree.
 */
public final class ReportRates {
    /** {@code seats} null when the unit holds no allocation of its own (its seats came from above). Percentages with one decimal. */
    public record Row(String jurisdiction, String name, Integer seats, int enrolled, int registered, int noShows,
                      BigDecimal percent, BigDecimal fillPercent) {}

    /** One project's figures for the reader's unit as a whole. */
    public record ProjectRow(String projectId, String code, String name, int enrolled, int registered, int noShows, BigDecimal percent) {}

    private static final Role[] ADMINS = {Role.PROVINCE_ADMIN, Role.CITY_ADMIN, Role.COUNTY_ADMIN};

    private final Programs programs;
    private final Projects projects;
    private final Quotas quotas;
    private final Enrollments enrollments;
    private final Access access;

    public ReportRates(Programs programs, Projects projects, Quotas quotas, Enrollments enrollments, Access access) {
        this.programs = programs;
        this.projects = projects;
        this.quotas = quotas;
        this.enrollments = enrollments;
        this.access = access;
    }

    public Outcome<List<Row>> ofProject(Caller caller, String projectId) {
        if (!caller.hasRole(ADMINS)) return Outcome.refused(Access.roleRefusal(ADMINS));
        if (projects.find(projectId).isEmpty()) return Outcome.refused(NotFound.project(projectId));
        String unit = caller.jurisdiction();
        var tree = access.tree();
        var children = tree.children(unit).stream().map(Jurisdiction::code).toList();
        var tally = new TreeMap<String, int[]>();   // unit → enrolled, registered, no-shows
        for (var e : ofSubtree(projectId, unit)) {
            var chain = tree.selfAndAncestors(e.jurisdiction());   // the teacher's unit up to the root: the row is the reader's child on it
            int at = chain.indexOf(unit);
            String row = at > 0 ? chain.get(at - 1) : unit;
            count(tally.computeIfAbsent(row, k -> new int[3]), e.status());
        }
        var allQuotas = quotas.ofProject(projectId);
        for (var q : allQuotas) {
            if (q.seats() != null && (children.contains(q.jurisdiction()) || (children.isEmpty() && q.jurisdiction().equals(unit)))) {
                tally.computeIfAbsent(q.jurisdiction(), k -> new int[3]);
            }
        }
        var rows = new ArrayList<Row>();
        tally.forEach((code, n) -> {
            Integer seats = allQuotas.stream().filter(q -> q.jurisdiction().equals(code)).findFirst().map(Quota::seats).orElse(null);
            rows.add(new Row(code, tree.find(code).map(Jurisdiction::name).orElse(code), seats, n[0], n[1], n[2], percent(n[1], n[0]),
                    seats == null ? null : percent(n[0], seats)));
        });
        return Outcome.done(rows);
    }

    /** Every project of {@code year} whose program applies to {@code jurisdiction} (owned by it or above), with its figures there. */
    public Outcome<List<ProjectRow>> ofYear(Caller caller, String jurisdiction, Integer year) {
        if (!caller.hasRole(ADMINS)) return Outcome.refused(Access.roleRefusal(ADMINS));
        var v = new Violations();
        if (!access.tree().exists(jurisdiction)) JurisdictionTree.unknown(v, "code", jurisdiction);
        if (v.required("year", year) && (year < 2000 || year > 2100)) v.add("year", "须为 2000–2100 年", "must be 2000-2100");
        if (!v.isEmpty()) return Outcome.refused(v.refusal());
        var denied = access.require(caller, jurisdiction, ADMINS);
        if (denied.isPresent()) return Outcome.refused(denied.get());
        var rows = new ArrayList<ProjectRow>();
        for (Program program : programs.allOfYear(year, new LinkedHashSet<>(access.tree().selfAndAncestors(jurisdiction)))) {
            for (Project p : projects.ofProgram(program.id())) {
                int[] n = new int[3];
                for (var e : ofSubtree(p.id(), jurisdiction)) count(n, e.status());
                rows.add(new ProjectRow(p.id(), p.code(), p.name(), n[0], n[1], n[2], percent(n[1], n[0])));
            }
        }
        return Outcome.done(rows);
    }

    private List<Enrollment> ofSubtree(String projectId, String unit) {
        return seatHoldersIn(enrollments, access.tree(), projectId, unit);
    }

    /**
     * Every enrollment of the project holding a seat whose teacher is in the unit's subtree (by the teacher's county, or
     * for a school by the school), all pages read.
     */
    public static List<Enrollment> seatHoldersIn(Enrollments enrollments, JurisdictionTree tree, String projectId, String unit) {
        var out = new ArrayList<Enrollment>();
        String cursor = null;
        do {
            var page = enrollments.ofProject(projectId, JurisdictionTree.subtreePrefix(unit), null, cursor, 100);
            page.items().stream().filter(e -> e.status().holdsSeat() && (tree.isWithin(e.jurisdiction(), unit) || tree.isWithin(e.unit(), unit)))
                    .forEach(out::add);
            cursor = page.nextCursor();
        } while (cursor != null);
        return out;
    }

    /** Registered: reported (报到) and everything a registered trainee goes on to; no-show: did not come. */
    private static void count(int[] n, EnrollmentStatus status) {
        n[0]++;
        if (status.came()) n[1]++;
        if (status == EnrollmentStatus.NO_SHOW) n[2]++;
    }

    public static BigDecimal percent(int part, int whole) {
        return whole == 0 ? BigDecimal.ZERO.setScale(1) : Percent.of(part, whole, 1);
    }

}
