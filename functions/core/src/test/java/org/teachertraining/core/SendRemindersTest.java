package org.teachertraining.core;

import org.junit.jupiter.api.Test;
import org.teachertraining.core.notification.FindReminders;
import org.teachertraining.core.notification.ReminderRuns;
import org.teachertraining.core.notification.SendReminders;
import org.teachertraining.core.program.CityReports;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The daily run starts the work of a new year (the compliance rollover) once: on its first run, and on a year's first. */
class SendRemindersTest {
    final World w = new World();
    final List<Integer> began = new ArrayList<>();
    LocalDate lastDay;
    final ReminderRuns runs = new ReminderRuns() {
        public Optional<LocalDate> lastDay() { return Optional.ofNullable(lastDay); }
        public void done(LocalDate day) { lastDay = day; }
    };
    final CityReports noReports = (CityReports) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{CityReports.class},
            (proxy, method, args) -> method.getReturnType() == List.class ? List.of() : null);
    final SendReminders reminders = new SendReminders(new FindReminders(w.ports.projects, w.ports.quotas, w.ports.submissions, noReports, w.tree),
            n -> { }, runs, began::add, w.clock);

    @Test
    void theFirstRunAndEachYearsFirstStartTheYearsWork_onceEach_andAClockSetBackNone() {
        w.clock.set(OffsetDateTime.parse("2030-12-30T08:00:00+08:00"));
        reminders.run();
        assertEquals(List.of(2030), began, "the first run ever: records saved before it are brought to this year");
        w.clock.set(OffsetDateTime.parse("2030-12-31T08:00:00+08:00"));
        reminders.run();
        assertEquals(List.of(2030), began);
        w.clock.set(OffsetDateTime.parse("2031-01-01T08:00:00+08:00"));
        reminders.run();
        reminders.run();   // the same day fired twice
        assertEquals(List.of(2030, 2031), began);
        w.clock.set(OffsetDateTime.parse("2029-06-01T08:00:00+08:00"));
        reminders.run();
        assertEquals(List.of(2030, 2031), began, "a clock set back (a demo, a test) starts nothing");
    }
}
