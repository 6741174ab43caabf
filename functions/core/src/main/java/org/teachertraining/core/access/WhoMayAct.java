package org.teachertraining.core.access;

import org.teachertraining.core.common.Refusal;
import org.teachertraining.core.identity.Access;
import org.teachertraining.core.identity.Caller;
import org.teachertraining.core.identity.Role;
import org.teachertraining.core.mentoring.Mentoring;
import org.teachertraining.core.program.Programs;
import org.teachertraining.core.project.ProjectAccess;
import org.teachertraining.core.project.Projects;
import org.teachertraining.core.teacher.TeacherAccess;
import org.teachertraining.core.teacher.Teachers;

import java.util.Optional;

/**
 * Who could act on a record at all — the least every use case on it asks — for answering a request whose input is
 * refused before its use case runs (a body that is not JSON, a query value of the wrong type): on a record that exists,
 * such a request is answered 400 only for a caller who could act on it; anyone else gets the 403 a well-formed request
 * would have got, so that who asks is answered first, and what they sent tells them nothing. A record that does not
 * exist leaves the input's 400 standing: that it does not exist is no secret (any signed-in caller reads a project,
 * a program) and the contract answers malformed input 400.
 * <ul>
 *   <li>a project or a program: the admins on its owner's branch of the tree (above the owner or below it), and, for a
 *   project, the institution that runs it;</li>
 *   <li>a teacher: the teacher, and the admins whose subtree holds the teacher's unit;</li>
 *   <li>a mentoring community: the admins on its owner's branch.</li>
 * </ul>
 * Teachers and experts on a project, a program or a community are left to the use case (a teacher applies to a project
 * of any unit above them; an expert is assigned). Reads only on that path: a request the route takes as sent costs nothing.
 */
public final class WhoMayAct {
    private final Access access;
    private final Projects projects;
    private final Programs programs;
    private final Teachers teachers;
    private final Mentoring.Store communities;

    public WhoMayAct(Access access, Projects projects, Programs programs, Teachers teachers, Mentoring.Store communities) {
        this.access = access;
        this.projects = projects;
        this.programs = programs;
        this.teachers = teachers;
        this.communities = communities;
    }

    public Optional<Refusal> onProject(Caller caller, String projectId) {
        var project = projects.find(projectId);
        if (project.isEmpty()) return Optional.empty();
        if (caller.role() == Role.INSTITUTION) return ProjectAccess.institution(caller, project.get());
        return onBranch(caller, project.get().ownerJurisdiction());
    }

    public Optional<Refusal> onProgram(Caller caller, String programId) {
        var program = programs.find(programId);
        if (program.isEmpty()) return Optional.empty();
        return onBranch(caller, program.get().jurisdiction());
    }

    public Optional<Refusal> onTeacher(Caller caller, String teacherId) {
        if (caller.role() == Role.TEACHER) {
            return teacherId.equals(caller.teacherId()) ? Optional.empty() : Optional.of(TeacherAccess.notSelf());
        }
        var teacher = teachers.find(teacherId);
        if (teacher.isEmpty()) return Optional.empty();
        return access.require(caller, teacher.get().unit(), caller.role());
    }

    public Optional<Refusal> onCommunity(Caller caller, String communityId) {
        var community = communities.find(communityId);
        if (community.isEmpty()) return Optional.empty();
        return onBranch(caller, community.get().jurisdiction());
    }

    /** An admin whose unit and {@code owner} lie on one branch of the tree (one within the other); other roles are left to the use case. */
    private Optional<Refusal> onBranch(Caller caller, String owner) {
        if (!caller.hasRole(Role.PROVINCE_ADMIN, Role.CITY_ADMIN, Role.COUNTY_ADMIN, Role.SCHOOL_ADMIN)) return Optional.empty();
        if (access.tree().isWithin(caller.jurisdiction(), owner)) return Optional.empty();   // below the owner
        return access.require(caller, owner, caller.role());   // above it, or else the refusal that names the owner
    }
}
