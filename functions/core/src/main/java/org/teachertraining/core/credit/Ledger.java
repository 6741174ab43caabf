package org.teachertraining.core.credit;

import java.util.List;
import java.util.Optional;

/**
 * Port: the append-only credit ledger and the aggregates kept beside it (hours per teacher and year).
 * {@link #post} writes a teacher's entries of one source and their aggregate change in one atomic step,
 * and exactly once: entry IDs are deterministic, so a redelivered or concurrent post changes nothing (C5).
 */
public interface Ledger {
    /** @return true if posted now, false if these entries were already posted */
    boolean post(String teacherId, List<CreditEntry> entries);

    List<CreditEntry> ofTeacher(String teacherId);

    Optional<CreditEntry> find(String teacherId, String entryId);
}
