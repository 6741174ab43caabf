package org.teachertraining.core.credit;

import java.time.Instant;

/**
 * School-based training hours (校本研修) a school records for a teacher; they count only once the county
 * approves them (then they are posted to the ledger as SCHOOL_BASED).
 */
public record SchoolBasedHours(String id, String teacherId, String jurisdiction, int year, int hours, String activity, String topic,
                               Status status, String recordedBy, Instant recordedAt, String decidedBy, String note) {
    public enum Status { PENDING, APPROVED, REJECTED }

    public SchoolBasedHours decided(Status status, String by, String note) {
        return new SchoolBasedHours(id, teacherId, jurisdiction, year, hours, activity, topic, status, recordedBy, recordedAt, by, note);
    }
}
