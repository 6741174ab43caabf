package org.teachertraining.core.enrollment;

import org.teachertraining.core.common.BadCursor;
import org.teachertraining.core.common.NotFound;
import org.teachertraining.core.common.Outcome;
import org.teachertraining.core.common.Page;
import org.teachertraining.core.common.Refusal;
import org.teachertraining.core.common.Text;
import org.teachertraining.core.common.Violations;
import org.teachertraining.core.identity.Access;
import org.teachertraining.core.identity.Caller;
import org.teachertraining.core.identity.Role;
import org.teachertraining.core.jurisdiction.JurisdictionTree;
import org.teachertraining.core.project.Projects;
import org.teachertraining.core.teacher.Teachers;

import java.util.List;

/** Paged enrollments of a project (admins within their subtree, the project's institution) and of a teacher. */
public final class ListEnrollments {
    public static final int MAX_PAGE = 100;

    private final Projects projects;
    private final Teachers teachers;
    private final Enrollments enrollments;
    private final Access access;

    public ListEnrollments(Projects projects, Teachers teachers, Enrollments enrollments, Access access) {
        this.projects = projects;
        this.teachers = teachers;
        this.enrollments = enrollments;
        this.access = access;
    }

    public Outcome<Page<Enrollment>> ofProject(Caller caller, String projectId, String jurisdiction,
                                               EnrollmentStatus status, String cursor, Integer limit) {
        return ofProject(caller, projectId, jurisdiction, status, cursor, limit, MAX_PAGE);
    }

    /** The same list {@link Page#EXPORT_SIZE} at a time, for an export of all of it. */
    public Outcome<Page<Enrollment>> export(Caller caller, String projectId, String jurisdiction, EnrollmentStatus status, String cursor) {
        return ofProject(caller, projectId, jurisdiction, status, cursor, Page.EXPORT_SIZE, Page.EXPORT_SIZE);
    }

    private Outcome<Page<Enrollment>> ofProject(Caller caller, String projectId, String jurisdiction,
                                                EnrollmentStatus status, String cursor, Integer limit, int max) {
        var project = projects.find(projectId);
        if (project.isEmpty()) return Outcome.refused(NotFound.project(projectId));
        var v = new Violations();
        v.range("limit", limit, 1, max);
        if (jurisdiction != null && !access.tree().exists(jurisdiction)) {
            JurisdictionTree.unknown(v, "jurisdiction", jurisdiction);
        }
        if (!v.isEmpty()) return Outcome.refused(v.refusal());

        String scope;
        if (caller.role() == Role.INSTITUTION) {
            if (!project.get().institutionId().equals(caller.institutionId())) {
                return Outcome.refused(Refusal.forbidden(Text.of("只有承训单位本身可查看本项目学员", "Only the project's own institution may list its trainees")));
            }
            scope = jurisdiction == null ? project.get().ownerJurisdiction() : jurisdiction;
        } else {
            scope = jurisdiction == null ? caller.jurisdiction() : jurisdiction;
            var denied = access.require(caller, scope, Role.PROVINCE_ADMIN, Role.CITY_ADMIN, Role.COUNTY_ADMIN, Role.SCHOOL_ADMIN);
            if (denied.isPresent()) return Outcome.refused(denied.get());
        }
        try {
            return Outcome.done(enrollments.ofProject(projectId, JurisdictionTree.subtreePrefix(scope), status, cursor,
                    limit == null ? 50 : limit));
        } catch (BadCursor e) {
            return Outcome.refused(BadCursor.refusal());
        }
    }

    /** The teacher's own enrollments; admins whose subtree holds the teacher may read them too. */
    public Outcome<List<Enrollment>> ofTeacher(Caller caller, String teacherId) {
        var denied = org.teachertraining.core.teacher.TeacherAccess.selfOrAdminsAbove(access, teachers, caller, teacherId);
        if (denied.isPresent()) return Outcome.refused(denied.get());
        return Outcome.done(enrollments.ofTeacher(teacherId));
    }
}
