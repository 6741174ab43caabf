package org.teachertraining.core.enrollment;

import org.teachertraining.core.common.ChinaTime;
import org.teachertraining.core.common.NotFound;
import org.teachertraining.core.common.Outcome;
import org.teachertraining.core.common.Refusal;
import org.teachertraining.core.common.Text;
import org.teachertraining.core.identity.Access;
import org.teachertraining.core.identity.Caller;
import org.teachertraining.core.identity.Role;
import org.teachertraining.core.notification.Notification;
import org.teachertraining.core.project.Project;
import org.teachertraining.core.project.Projects;
import org.teachertraining.core.teacher.Teacher;
import org.teachertraining.core.teacher.Teachers;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * E7: withdrawal before the training starts frees the seat. The seat goes to the first teacher on the
 * waitlist of its pool who is still eligible (E3–E5, the same pool), in the same transaction as the
 * withdrawal ({@link Waitlists#promote}), and that teacher is told; with no one to promote it goes back to
 * the pool. Promotion does not wait for the cutoff: between the cutoff and the start, freed seats are filled
 * from the waitlist only (E2 refuses new enrollments). A cancelled project promotes nobody.
 */
public final class WithdrawEnrollment {
    /** How often a withdrawal looks again when the teacher it would promote was taken meanwhile. */
    static final int PROMOTION_ATTEMPTS = 20;

    /** The withdrawn enrollment, and the enrollment of the waitlisted teacher who took its seat, if any. */
    public record Withdrawal(Enrollment enrollment, Enrollment promoted) {}

    private final Projects projects;
    private final Enrollments enrollments;
    private final Teachers teachers;
    private final Waitlists waitlists;
    private final EnrollTeacher rules;
    private final Access access;
    private final Clock clock;

    public WithdrawEnrollment(Projects projects, Enrollments enrollments, Teachers teachers, Waitlists waitlists, EnrollTeacher rules,
                              Access access, Clock clock) {
        this.projects = projects;
        this.enrollments = enrollments;
        this.teachers = teachers;
        this.waitlists = waitlists;
        this.rules = rules;
        this.access = access;
        this.clock = clock;
    }

    public Outcome<Withdrawal> execute(Caller caller, String projectId, String teacherId) {
        if (!caller.hasRole(Role.CITY_ADMIN, Role.COUNTY_ADMIN)) {
            return Outcome.refused(Access.roleRefusal(Role.CITY_ADMIN, Role.COUNTY_ADMIN));
        }
        var found = projects.find(projectId);
        if (found.isEmpty()) return Outcome.refused(NotFound.project(projectId));
        Project project = found.get();
        var current = enrollments.find(projectId, teacherId);
        if (current.isEmpty()) {
            return Outcome.refused(org.teachertraining.core.teacher.TeacherAccess.absent(access, teachers, caller, teacherId,
                    Refusal.notFound(Text.of("该教师未入选本项目", "The teacher is not enrolled in this project")), Role.CITY_ADMIN, Role.COUNTY_ADMIN));
        }
        var enrollment = current.get();
        var denied = access.require(caller, enrollment.jurisdiction(), Role.CITY_ADMIN, Role.COUNTY_ADMIN);
        if (denied.isPresent()) return Outcome.refused(denied.get());
        if (enrollment.status() == EnrollmentStatus.WITHDRAWN) return Outcome.done(new Withdrawal(enrollment, null));
        if (!clock.instant().isBefore(ChinaTime.startOf(project.startDate()))) {
            return Outcome.refused(Refusal.conflict("E7", Text.of(
                    "培训已于 " + project.startDate() + " 开始，不能再退出",
                    "Training started on " + project.startDate() + "; withdrawal is no longer possible"))
                    .withDetails(Map.of("startDate", project.startDate().toString())));
        }
        if (enrollment.status() != EnrollmentStatus.SELECTED) {
            return Outcome.refused(Refusal.conflict("E7", Text.of(
                    "该报名状态为「" + enrollment.status().zh() + "」，不能退出", "An enrollment in status " + enrollment.status() + " cannot be withdrawn")));
        }
        Instant at = clock.instant();
        return Outcome.done(release(project, enrollment, caller.userId(), List.of(SelectionNotice.withdrawn(project, enrollment, at)), at));
    }

    /**
     * Frees {@code enrollment}'s seat (it must be SELECTED, before the start): the first eligible teacher of its pool's
     * waitlist takes it, in the same write, and is told; with no one to promote it goes back to the pool. The teacher
     * leaving (and whoever else must know) is told by {@code freedNotices}, in the same write; {@code by} names who
     * released it, for the promoted enrollment's record.
     */
    public Withdrawal release(Project project, Enrollment enrollment, String by, List<Notification> freedNotices, Instant at) {
        String projectId = project.id(), teacherId = enrollment.teacherId();
        // a cancelled project selects nobody (E2): its freed seat is promoted to no one, and no one is told they were selected
        promotions:
        for (int attempt = 0; project.cancelledAt() == null && attempt < PROMOTION_ATTEMPTS; attempt++) {
            var candidate = firstEligible(project, enrollment.quotaJurisdiction(), teacherId);
            if (candidate.isEmpty()) break;
            var entry = candidate.get().entry();
            var promoted = new Enrollment(UUID.randomUUID().toString(), projectId, entry.teacherId(), entry.teacherName(), entry.jurisdiction(),
                    enrollment.quotaJurisdiction(), EnrollmentStatus.SELECTED, null, project.name(), project.level(), project.startDate(),
                    "waitlist:" + by, at, null, Enrollment.schoolOf(candidate.get().teacher()));
            switch (waitlists.promote(enrollment, at, promoted, entry, SelectionNotice.promoted(project, promoted, at), freedNotices, candidate.get().national())) {
                case PROMOTED -> { return new Withdrawal(enrollment.withdrawn(at), promoted); }
                case SEAT_NOT_HELD -> { return new Withdrawal(enrollments.find(projectId, teacherId).orElseThrow(), null); }
                case ALREADY_ENROLLED -> waitlists.remove(entry);   // selected meanwhile: no longer waiting
                case ENTRY_GONE, BANNED -> { }                       // promoted by another withdrawal, removed, or banned: the next one
                case NATIONAL_SEATS_CHANGED -> { }                   // a national seat booked for them meanwhile: E5 checked again
                case POOL_CLOSED -> { break promotions; }           // cancelled meanwhile: the seat goes back to its pool
            }
        }
        return new Withdrawal(enrollments.withdraw(enrollment, at, freedNotices)
                .orElseGet(() -> enrollments.find(projectId, teacherId).orElseThrow()), null);
    }

    /** @param national the teacher's national seats, as E5's cap was checked on them (null: no cap) */
    private record Candidate(WaitlistEntry entry, Teacher teacher, NationalSeats national) {}

    /**
     * The first waitlisted teacher of the pool who could take the seat now: still there, E3–E5 passed, the same pool.
     * The {@code leaving} teacher, listed before being selected directly (an older entry), is taken off the list, never
     * promoted into their own seat.
     */
    private Optional<Candidate> firstEligible(Project project, String pool, String leaving) {
        for (var entry : waitlists.ofPool(project.id(), pool)) {
            if (entry.teacherId().equals(leaving)) {
                waitlists.remove(entry);
                continue;
            }
            var teacher = teachers.find(entry.teacherId());
            if (teacher.isEmpty()) continue;
            var national = rules.nationalSeatsRead(project, teacher.get());
            if (rules.barsTeacher(project, teacher.get(), national).isPresent()) continue;
            if (!rules.poolFor(project, teacher.get().unit()).map(pool::equals).orElse(false)) continue;
            return Optional.of(new Candidate(entry, teacher.get(), national));
        }
        return Optional.empty();
    }

}
