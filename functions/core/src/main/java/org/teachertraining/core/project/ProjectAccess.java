package org.teachertraining.core.project;

import org.teachertraining.core.common.Refusal;
import org.teachertraining.core.common.Text;
import org.teachertraining.core.identity.Access;
import org.teachertraining.core.identity.Caller;
import org.teachertraining.core.identity.Role;

import java.util.Optional;

/**
 * Who acts on a project: its institution (submissions, budgets, spending, attendance, its application), the
 * admins over its owner jurisdiction (approvals, decisions), and, for reading, either.
 */
public final class ProjectAccess {
    private ProjectAccess() {}

    /** Only the institution that runs the project. */
    public static Optional<Refusal> institution(Caller caller, Project p) {
        if (caller.role() != Role.INSTITUTION || caller.institutionId() == null) return Optional.of(Access.roleRefusal(Role.INSTITUTION));
        if (!caller.institutionId().equals(p.institutionId())) {
            return Optional.of(Refusal.forbidden(Text.of("只有项目的承训单位 " + p.institutionId() + " 可以办理",
                    "Only the project's institution (" + p.institutionId() + ") may do this")));
        }
        return Optional.empty();
    }

    /** The province, city or county admins whose subtree holds the project's owner. */
    public static Optional<Refusal> ownerAdmins(Access access, Caller caller, Project p) {
        return access.require(caller, p.ownerJurisdiction(), Role.PROVINCE_ADMIN, Role.CITY_ADMIN, Role.COUNTY_ADMIN);
    }

    /** Readers: the project's institution, or the admins over its owner. */
    public static Optional<Refusal> institutionOrOwnerAdmins(Access access, Caller caller, Project p) {
        return caller.role() == Role.INSTITUTION ? institution(caller, p) : ownerAdmins(access, caller, p);
    }
}
