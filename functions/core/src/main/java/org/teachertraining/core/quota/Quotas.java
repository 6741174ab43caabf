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
    }
}
