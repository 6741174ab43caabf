package org.teachertraining.core.notification;

import java.time.LocalDate;
import java.util.Optional;

/** Port: the last day the reminders were produced for. */
public interface ReminderRuns {
    Optional<LocalDate> lastDay();

    void done(LocalDate day);
}
