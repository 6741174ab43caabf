package org.teachertraining.core.credit;

import org.teachertraining.core.common.Page;

import java.util.List;

/**
 * Port: the maintained compliance aggregates, one row per teacher, requirement and cycle, indexed so
 * that the teachers still short anywhere in a jurisdiction's subtree (optionally one school) are listed
 * without scanning.
 */
public interface ComplianceAggregates {
    /**
     * Replaces the teacher's rows with {@code rows}, computed from a ledger of {@code ledgerEntries}
     * entries, unless rows computed from a longer ledger are already stored: the ledger is append-only,
     * so its length orders concurrent refreshes and a stale one never overwrites a newer one.
     */
    void replace(String teacherId, List<ComplianceRow> rows, int ledgerEntries);

    /** Teachers registered in {@code jurisdiction} or below, short of {@code requirementId} in the cycle starting {@code cycleFrom}. */
    Page<ComplianceRow> shortIn(String jurisdiction, String requirementId, int cycleFrom, String schoolId, String cursor, int limit);
}
