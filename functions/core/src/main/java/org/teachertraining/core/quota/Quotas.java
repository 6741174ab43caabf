package org.teachertraining.core.quota;

import java.util.List;
import java.util.Optional;

/** Port: quota allocations. Implementations enforce E1 atomically (conditional writes), never by read-then-write. */
public interface Quotas {

    List<Quota> ofProject(String projectId);

    Optional<Quota> find(String projectId, String jurisdiction);

    /** The project's trainees: every seat enrolled from any of its pools. */
    default int enrolled(String projectId) {
        return ofProject(projectId).stream().mapToInt(Quota::used).sum();
    }

    /**
     * Closes every pool of the project: no seat is booked, nor passed from a waitlist, after this returns — the writes
     * that take one are conditional on their pool being open. A cancellation closes them before it reads whom to
     * release, so a booking under way as the project was cancelled either lands before that read, and is released, or
     * is refused.
     */
    void close(String projectId, java.time.Instant at);

    /** Sets {@code child}'s seats, taking the difference from (or returning it to) {@code parent}'s free seats. */
    Allocation allocate(String projectId, String parent, String child, int seats);

    sealed interface Allocation {
        record Allocated(Quota quota) implements Allocation {}

        /** The parent has fewer free seats than the increase needs. */
        record ParentShort(long parentFree) implements Allocation {}

        /** The child already uses (allocated on or enrolled) more seats than asked. */
        record BelowUsed(int usedSeats) implements Allocation {}

        /** The parent holds no allocation of this project. */
        record NoParentPool() implements Allocation {}

        /** The parent's pool is closed ({@link #close}): the project was cancelled while the allocation was under way. */
        record PoolClosed() implements Allocation {}
    }
}
