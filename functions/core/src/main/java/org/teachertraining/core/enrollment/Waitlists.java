package org.teachertraining.core.enrollment;

import org.teachertraining.core.notification.Notification;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Port: waitlists (E7). {@link #promote} is one atomic step: the freed seat's enrollment withdrawn, the first
 * waitlisted teacher's enrollment created in the same pool (the pool's count unchanged), the entry removed
 * and the teacher notified — all or nothing, so two withdrawals racing for one waitlisted teacher promote
 * them once, and never two teachers into one seat.
 */
public interface Waitlists {
    /**
     * Lists the entry, unless the teacher is on the project's waitlist already, the entry's pool is closed, or the project
     * is of {@code level} provincial or above and the teacher was banned after their eligibility was read (E4, as a
     * booking, {@link Enrollments#book}).
     */
    Listing add(WaitlistEntry entry, org.teachertraining.core.program.ProgramLevel level);

    enum Listing {
        LISTED,
        /** The teacher is on the project's waitlist already: nothing happened. */
        ALREADY_LISTED,
        /** The pool is closed (the project cancelled meanwhile, {@link org.teachertraining.core.quota.Quotas#close}): nothing happened. */
        POOL_CLOSED,
        /** E4: the teacher was banned after their eligibility was read: nothing happened. */
        BANNED
    }

    Optional<WaitlistEntry> find(String projectId, String teacherId);

    /** One pool's entries, first added first. */
    List<WaitlistEntry> ofPool(String projectId, String quotaJurisdiction);

    /** The entries of the pools whose code starts with {@code jurisdictionPrefix}, by pool, each pool in order. */
    List<WaitlistEntry> ofProject(String projectId, String jurisdictionPrefix);

    /** The teacher's entries, on every project's waitlist (a ban takes them off, {@link ReleaseBannedSeats}). */
    List<WaitlistEntry> ofTeacher(String teacherId);

    /** False if it was not there (removed meanwhile). */
    default boolean remove(WaitlistEntry entry) {
        return remove(entry, List.of());
    }

    /** Takes the entry off and delivers {@code notices} in the same write; false, nothing written and no one told, if it was not there. */
    boolean remove(WaitlistEntry entry, List<Notification> notices);

    enum Promotion {
        PROMOTED,
        /** The freed enrollment no longer holds its seat (withdrawn meanwhile): nothing happened. */
        SEAT_NOT_HELD,
        /** The entry is gone (promoted or removed meanwhile): nothing happened. */
        ENTRY_GONE,
        /** The waitlisted teacher holds a seat in the project already: nothing happened. */
        ALREADY_ENROLLED,
        /** The pool is closed (the project cancelled meanwhile, {@link org.teachertraining.core.quota.Quotas#close}): nothing happened. */
        POOL_CLOSED,
        /** E4: the waitlisted teacher was banned after their eligibility was read: nothing happened. */
        BANNED,
        /** E5: a national seat was booked for the waitlisted teacher after their national seats were read: nothing happened. */
        NATIONAL_SEATS_CHANGED
    }

    /** @param national the promoted teacher's national seats as E5's cap read them, or null when no cap was checked (as {@link Enrollments#book}) */
    Promotion promote(Enrollment freed, Instant at, Enrollment promoted, WaitlistEntry entry, Notification notice, List<Notification> freedNotices,
                      NationalSeats national);
}
