package org.teachertraining.core.notification;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Reminders that fall due on a day, from a part of the platform beyond the deadlines FindReminders knows. */
public interface ReminderSource {
    List<Notification> on(LocalDate day, Instant at);
}
