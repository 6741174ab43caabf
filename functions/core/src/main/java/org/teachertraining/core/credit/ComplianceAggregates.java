package org.teachertraining.core.credit;

import org.teachertraining.core.common.Page;

import java.util.List;
import java.util.Set;

/**
 * Port: the maintained compliance aggregates, one row per teacher, requirement and cycle, indexed so
 * that the teachers still short anywhere in a jurisdiction's subtree (optionally one school) are listed
 * without scanning.
 */
public interface ComplianceAggregates {
    /** What a refresh reads: the teacher's whole ledger, and which of the teacher's rows are stored. */
    record Standing(List<CreditEntry> ledger, Set<ComplianceRow.Key> stored) {}

    /** The teacher's ledger and stored rows, read together and consistently (one request where the store allows). */
    Standing standing(String teacherId);

    /**
     * Replaces the teacher's rows with {@code rows}, computed from a ledger of {@code ledgerEntries}
     * entries, and removes those of {@code stored} that {@code rows} no longer holds (a requirement that no
     * longer applies, a cycle that has ended), unless rows computed from a longer ledger are already stored:
     * the ledger is append-only, so its length orders concurrent refreshes and a stale one never overwrites
     * a newer one.
     */
    void replace(String teacherId, List<ComplianceRow> rows, int ledgerEntries, Set<ComplianceRow.Key> stored);

    /** Teachers registered in {@code jurisdiction} or below, short of {@code requirementId} in the cycle starting {@code cycleFrom}. */
    Page<ComplianceRow> shortIn(String jurisdiction, String requirementId, int cycleFrom, String schoolId, String cursor, int limit);

    /** How many teachers registered in {@code jurisdiction} or below are short of {@code requirementId} in that cycle (counted by the store, not read). */
    int countShortIn(String jurisdiction, String requirementId, int cycleFrom);

    /** How many teachers registered at {@code unit} itself, not below it, are short of {@code requirementId} in that cycle (counted by the store). */
    int countShortRegisteredAt(String unit, String requirementId, int cycleFrom);
}
