package org.teachertraining.core.notification;

import org.teachertraining.core.common.ChinaTime;

import java.time.Clock;
import java.time.LocalDate;

/**
 * The daily run: every day since the last one it covered, up to today (Asia/Shanghai), at most
 * {@value #CATCH_UP_DAYS} days back — a missed day is caught up, a second firing on the same day finds
 * nothing left to do. Each reminder goes to the notification queue; delivery is once per recipient and
 * occasion ({@link Notifications#deliver}), so even a run repeated by accident sends nothing twice. The first run of a
 * year also starts the work that begins with it ({@link NewYear}: the compliance aggregates' rollover, C3).
 */
public final class SendReminders {
    public static final int CATCH_UP_DAYS = 31;

    /** Work that begins with a year (Asia/Shanghai): started by the first run that finds the last day it covered in an earlier year, or none. */
    public interface NewYear {
        void began(int year);
    }

    public record Run(LocalDate from, LocalDate to, int reminders) {}

    private final FindReminders find;
    private final NotificationQueue queue;
    private final ReminderRuns runs;
    private final NewYear newYear;
    private final Clock clock;

    public SendReminders(FindReminders find, NotificationQueue queue, ReminderRuns runs, NewYear newYear, Clock clock) {
        this.find = find;
        this.queue = queue;
        this.runs = runs;
        this.newYear = newYear;
        this.clock = clock;
    }

    public Run run() {
        LocalDate today = ChinaTime.today(clock);
        var last = runs.lastDay();
        // before the days are marked covered: if it fails, the next run finds the old year again and starts it again.
        // A first run ever starts it too (records saved before it, in whatever year, are brought to this one); a clock
        // set back starts nothing.
        if (last.map(d -> d.getYear() < today.getYear()).orElse(true)) newYear.began(today.getYear());
        LocalDate from = last.map(d -> d.plusDays(1)).orElse(today);
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
