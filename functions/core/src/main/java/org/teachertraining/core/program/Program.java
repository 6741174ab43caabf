package org.teachertraining.core.program;

import java.time.Instant;

/**
 * A yearly training plan (计划) at one level, owned by one jurisdiction. {@code hoursPerDay} is the
 * program's standard of credited hours per training day (C4), null for {@link #DEFAULT_HOURS_PER_DAY}.
 */
public record Program(String id, int year, ProgramLevel level, String name, String jurisdiction,
                      String createdBy, Instant createdAt, Integer hoursPerDay) {

    /** C4: one day of in-person training (集中, 跟岗, 访学, 诊断) counts at most 8 学时 unless the program sets another standard. */
    public static final int DEFAULT_HOURS_PER_DAY = 8;

    public int creditedHoursPerDay() {
        return hoursPerDay == null ? DEFAULT_HOURS_PER_DAY : hoursPerDay;
    }
}
