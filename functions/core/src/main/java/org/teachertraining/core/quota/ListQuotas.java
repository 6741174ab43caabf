package org.teachertraining.core.quota;

import org.teachertraining.core.common.NotFound;
import org.teachertraining.core.common.Outcome;
import org.teachertraining.core.identity.Access;
import org.teachertraining.core.identity.Caller;
import org.teachertraining.core.identity.Role;
import org.teachertraining.core.jurisdiction.Jurisdiction;
import org.teachertraining.core.project.Projects;

import java.util.Comparator;
import java.util.List;

/** The project's quota allocations within the caller's subtree (a school's admin: its school's), with fill figures. */
public final class ListQuotas {

    /**
     * One row: {@code used} = seats passed on to children + enrollments from the own pool (what the seats
     * cannot be reduced below); {@code enrolled} = enrollments anywhere in the subtree; {@code available}
     * = seats still free in the own pool (null when uncapped; 0 once the project is cancelled: its pools are closed).
     */
    public record Row(String jurisdiction, String name, Integer seats, int allocated, int used, int enrolled, Long available) {}

    private final Projects projects;
    private final Quotas quotas;
    private final Access access;

    public ListQuotas(Projects projects, Quotas quotas, Access access) {
        this.projects = projects;
        this.quotas = quotas;
        this.access = access;
    }

    /** The admins of units, and of schools: a school's admin nominates within the seats its county gave it, so reads them. */
    static final Role[] READERS = {Role.PROVINCE_ADMIN, Role.CITY_ADMIN, Role.COUNTY_ADMIN, Role.SCHOOL_ADMIN};

    public Outcome<List<Row>> execute(Caller caller, String projectId) {
        if (!caller.hasRole(READERS)) {
            return Outcome.refused(Access.roleRefusal(READERS));
        }
        var project = projects.find(projectId);
        if (project.isEmpty()) {
            return Outcome.refused(NotFound.project(projectId));
        }
        boolean closed = project.get().cancelledAt() != null;
        var all = quotas.ofProject(projectId);
        var tree = access.tree();
        return Outcome.done(all.stream()
                .filter(q -> access.covers(caller, q.jurisdiction()))
                .sorted(Comparator.comparing(Quota::jurisdiction))
                .map(q -> new Row(q.jurisdiction(),
                        tree.find(q.jurisdiction()).map(Jurisdiction::name).orElse(q.jurisdiction()),
                        q.seats(), q.allocated(), q.allocated() + q.used(),
                        Quota.enrolledWithin(q.jurisdiction(), all, tree),
                        closed ? Long.valueOf(0) : q.unlimited() ? null : q.free()))
                .toList());
    }
}
