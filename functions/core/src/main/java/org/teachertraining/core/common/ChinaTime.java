package org.teachertraining.core.common;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** Deadlines and training dates are evaluated in China Standard Time (docs/domain.md E2). */
public final class ChinaTime {
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private ChinaTime() {}

    public static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(ZONE));
    }

    private static final java.time.format.DateTimeFormatter READABLE = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** An instant as people in China read it in a message: 2020-09-25 23:59 (China Standard Time, to the minute). */
    public static String readable(Instant instant) {
        return READABLE.format(instant.atZone(ZONE));
    }

    /** The first instant of a date in China Standard Time. */
    public static Instant startOf(LocalDate date) {
        return date.atStartOfDay(ZONE).toInstant();
    }
}
