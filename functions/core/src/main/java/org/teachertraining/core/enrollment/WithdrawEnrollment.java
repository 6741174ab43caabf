package org.teachertraining.core.enrollment;

import org.teachertraining.core.common.NotFound;
import org.teachertraining.core.common.ChinaTime;
import org.teachertraining.core.common.Outcome;
import org.teachertraining.core.common.Refusal;
import org.teachertraining.core.common.Text;
import org.teachertraining.core.identity.Access;
import org.teachertraining.core.identity.Caller;
import org.teachertraining.core.identity.Role;
import org.teachertraining.core.project.Projects;

import java.time.Clock;
import java.util.Map;

/** E7: withdrawal before the training starts frees the seat, back into the pool it came from. */
public final class WithdrawEnrollment {
    private final Projects projects;
    private final Enrollments enrollments;
    private final Access access;
    private final Clock clock;

    public WithdrawEnrollment(Projects projects, Enrollments enrollments, Access access, Clock clock) {
        this.projects = projects;
        this.enrollments = enrollments;
        this.access = access;
        this.clock = clock;
    }

    public Outcome<Enrollment> execute(Caller caller, String projectId, String teacherId) {
        if (!caller.hasRole(Role.CITY_ADMIN, Role.COUNTY_ADMIN)) {
            return Outcome.refused(Access.roleRefusal(Role.CITY_ADMIN, Role.COUNTY_ADMIN));
        }
        var project = projects.find(projectId);
        if (project.isEmpty()) return Outcome.refused(NotFound.project(projectId));
        var found = enrollments.find(projectId, teacherId);
        if (found.isEmpty()) {
            return Outcome.refused(Refusal.notFound(Text.of("该教师未入选本项目", "The teacher is not enrolled in this project")));
        }
        var enrollment = found.get();
        var denied = access.require(caller, enrollment.jurisdiction(), Role.CITY_ADMIN, Role.COUNTY_ADMIN);
        if (denied.isPresent()) return Outcome.refused(denied.get());
        if (enrollment.status() == EnrollmentStatus.WITHDRAWN) return Outcome.done(enrollment);
        if (!clock.instant().isBefore(ChinaTime.startOf(project.get().startDate()))) {
            return Outcome.refused(Refusal.conflict("E7", Text.of(
                    "培训已于 " + project.get().startDate() + " 开始，不能再退出",
                    "Training started on " + project.get().startDate() + "; withdrawal is no longer possible"))
                    .withDetails(Map.of("startDate", project.get().startDate().toString())));
        }
        if (enrollment.status() != EnrollmentStatus.SELECTED) {
            return Outcome.refused(Refusal.conflict("E7", Text.of(
                    "状态为 " + enrollment.status() + " 的报名不能退出", "An enrollment in status " + enrollment.status() + " cannot be withdrawn")));
        }
        return Outcome.done(enrollments.withdraw(enrollment, clock.instant())
                .orElseGet(() -> enrollments.find(projectId, teacherId).orElseThrow()));
    }
}
