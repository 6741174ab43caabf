package org.teachertraining.core.integrity;

import java.time.LocalDate;

/**
 * An entry of a teacher's integrity file (诚信档案): a no-show, a dismissal or a failed completion.
 * E4: such a teacher may not join provincial or national projects until {@code bannedUntil}.
 */
public record IntegrityRecord(String teacherId, Kind kind, String projectId, LocalDate occurredOn, LocalDate bannedUntil) {

    public enum Kind {
        NO_SHOW, DISMISSED, FAILED;

        /** The name in Chinese, for messages (never the code). */
        public String zh() {
            return org.teachertraining.core.common.Labels.zh(this);
        }
    }

    /** The ban the Henan and Shanxi 2020 notices set: three years. */
    public static final int BAN_YEARS = 3;

    public static IntegrityRecord of(String teacherId, Kind kind, String projectId, LocalDate occurredOn) {
        return new IntegrityRecord(teacherId, kind, projectId, occurredOn, occurredOn.plusYears(BAN_YEARS));
    }

    /** How the record is named in URLs: its date and its project, as its key. */
    public String id() {
        return occurredOn + "_" + projectId;
    }

    public boolean bans(LocalDate on) {
        return on.isBefore(bannedUntil);
    }
}
