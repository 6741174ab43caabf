package org.teachertraining.core.notification;

import org.teachertraining.core.common.ChinaTime;

import java.time.Clock;
import java.time.LocalDate;

/**
 * The daily run: every day since the last one it covered, up to today (Asia/Shanghai), at most
 * {@value #CATCH_UP_DAYS} days back — a missed day is caught up, a second firing on the same day finds
 * nothing left to do. Each reminder goes to the notification queue; delivery is once per recipient and
 * occasion ({@link Notifications#deliver}), so even a run repeated by accident sends nothing twice.
 */
public final class SendReminders {
    public static final int CATCH_UP_DAYS = 31;

    public record Run(LocalDate from, LocalDate to, int reminders) {}

    private final FindReminders find;
    private final NotificationQueue queue;
    private final ReminderRuns runs;
    private final Clock clock;

    public SendReminders(FindReminders find, NotificationQueue queue, ReminderRuns runs, Clock clock) {
        this.find = find;
        this.queue = queue;
        this.runs = runs;
        this.clock = clock;
    }

    public Run run() {
        LocalDate today = ChinaTime.today(clock);
        LocalDate from = runs.lastDay().map(d -> d.plusDays(1)).orElse(today);
        if (from.isBefore(today.minusDays(CATCH_UP_DAYS))) from = today.minusDays(CATCH_UP_DAYS);
        if (from.isAfter(today)) from = today;   // the clock was set back (a demo, a test): start again from today
        int sent = 0;
        for (LocalDate day = from; !day.isAfter(today); day = day.plusDays(1)) {
            for (var n : find.on(day, clock.instant())) {
                queue.send(n);
                sent++;
            }
            runs.done(day);
        }
        return new Run(from, today, sent);
    }
}
