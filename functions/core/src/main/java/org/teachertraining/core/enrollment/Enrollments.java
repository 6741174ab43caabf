package org.teachertraining.core.enrollment;

import org.teachertraining.core.common.Page;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Port: enrollments. {@link #book} is one atomic step that enforces E6 (one seat per teacher and project),
 * E1 (the pool's free seats) and the idempotency key together: all happen or none.
 */
public interface Enrollments {

    Optional<Enrollment> find(String projectId, String teacherId);

    /** The key {@code userId} sent for this project, if that user sent it before. */
    Optional<IdempotencyRecord> findKey(String projectId, String userId, String key);

    /**
     * @param key    the idempotency record to store with the enrollment, or null
     * @param notice the teacher's notice of the selection (通知到人), delivered with the enrollment or not at all
     * @param leaving the teacher's entry on this project's waitlist, or null: a waitlisted teacher selected directly is no
     *                longer waiting (E7), and the entry goes in the same write, so a later withdrawal never promotes them
     * @param national the teacher's national seats as E5's cap read them, or null when no cap was checked. A booking into
     *                a national project counts itself on the teacher's record of national bookings; with {@code national}
     *                given it is written only if that count is still the one read ({@link Booking.NationalSeatsChanged})
     */
    Booking book(Enrollment enrollment, IdempotencyRecord key, org.teachertraining.core.notification.Notification notice, WaitlistEntry leaving,
                 NationalSeats national);

    /** {@link #book(Enrollment, IdempotencyRecord, org.teachertraining.core.notification.Notification, WaitlistEntry, NationalSeats)} of a teacher on no waitlist, no cap checked. */
    default Booking book(Enrollment enrollment, IdempotencyRecord key, org.teachertraining.core.notification.Notification notice) {
        return book(enrollment, key, notice, null, null);
    }

    /**
     * The teacher's enrollments in national projects, every status, read consistently (a seat booked the moment before
     * is among them), with the count of national bookings they were read at ({@link NationalSeats}).
     */
    NationalSeats nationalSeats(String teacherId);

    /**
     * Moves the enrollment from {@code from} to {@code to} (报到: SELECTED → REGISTERED; the first day over:
     * SELECTED → NO_SHOW), recording who and when; empty if it was no longer in {@code from}. The seat stays held.
     */
    Optional<Enrollment> move(Enrollment enrollment, EnrollmentStatus from, EnrollmentStatus to, String by, Instant at);

    /**
     * Marks the enrollment WITHDRAWN and returns its seat to its pool, the teacher (and whoever else must know) told by
     * {@code notices} in the same write; empty if it no longer holds one.
     */
    Optional<Enrollment> withdraw(Enrollment enrollment, Instant at, List<org.teachertraining.core.notification.Notification> notices);

    /**
     * {@link #withdraw} of each enrollment, each teacher told by {@code notices} in the same write as their own withdrawal,
     * in as few writes as the store allows (a project's cancellation releases all its selected trainees in one request);
     * answers those withdrawn. An enrollment that no longer holds its seat as read is left as it is.
     */
    default List<Enrollment> withdrawAll(List<Enrollment> selected, Instant at,
                                         java.util.function.Function<Enrollment, List<org.teachertraining.core.notification.Notification>> notices) {
        var out = new java.util.ArrayList<Enrollment>();
        for (var e : selected) withdraw(e, at, notices.apply(e)).ifPresent(out::add);
        return out;
    }

    /**
     * Enrollments of a project whose teacher's jurisdiction code starts with {@code jurisdictionPrefix}
     * (see {@code JurisdictionTree.subtreePrefix}), optionally of one status.
     */
    Page<Enrollment> ofProject(String projectId, String jurisdictionPrefix, EnrollmentStatus status, String cursor, int limit);

    /**
     * The teacher's enrollments, every status, oldest first. Those in provincial and national projects are as stored at
     * the read, a seat booked the moment before among them: the release of a ban's seats reads them ({@link ReleaseBannedSeats}).
     */
    List<Enrollment> ofTeacher(String teacherId);

    /** Every enrollment of the project that holds a seat, all pages read. */
    default List<Enrollment> holdingSeats(String projectId) {
        var out = new java.util.ArrayList<Enrollment>();
        String cursor = null;
        do {
            var page = ofProject(projectId, "", null, cursor, 100);
            page.items().stream().filter(e -> e.status().holdsSeat()).forEach(out::add);
            cursor = page.nextCursor();
        } while (cursor != null);
        return out;
    }

    sealed interface Booking {
        record Booked(Enrollment enrollment) implements Booking {}

        /** E1: the pool has no free seat. */
        record PoolFull() implements Booking {}

        /** E6: the teacher already holds a seat in the project. */
        record AlreadyEnrolled(Enrollment existing) implements Booking {}

        /** The idempotency key was taken meanwhile by another request. */
        record KeyTaken(IdempotencyRecord record) implements Booking {}

        /** E4: the teacher was banned from provincial and national projects after the rules were checked. */
        record Banned() implements Booking {}

        /** E5: a national seat was booked for the teacher after their national seats were read: check the cap again. */
        record NationalSeatsChanged() implements Booking {}
    }
}
