package org.teachertraining.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.teachertraining.local.sfn.AslError;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A reminder run cut short (the runtime killed, the function failed, the runtime down at 08:00) is run again at the next start. */
class SchedulesTest {
    static final Schedules.Schedule DAILY = new Schedules.Schedule("ReminderFunction", "cron(0 8 * * ? *)", ZoneId.of("Asia/Shanghai"), "{}");
    /** 2026-12-01 09:30 in Shanghai: today's 08:00 has passed. */
    static final Clock AFTER_EIGHT = Clock.fixed(Instant.parse("2026-12-01T01:30:00Z"), ZoneOffset.UTC);

    @Test
    void anOccurrenceNotCompletedIsFiredAtStart_oneCompletedIsNot(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("schedules-completed.properties");
        Files.writeString(file, "ReminderFunction\\ cron(0\\ 8\\ *\\ *\\ ?\\ *)=2026-11-30T00\\:00\\:00Z\n");   // yesterday's 08:00 only
        var calls = new CopyOnWriteArrayList<String>();
        try (var schedules = new Schedules(List.of(DAILY), (f, p) -> { calls.add(f); return null; }, AFTER_EIGHT, file)) {
            schedules.start();
            awaitCalls(calls, 1);
        }
        assertEquals(List.of("ReminderFunction"), calls);
        assertTrue(Files.readString(file).contains("2026-12-01T00\\:00\\:00Z"), Files.readString(file));

        // today's run is now recorded: a restart fires nothing until tomorrow's 08:00
        calls.clear();
        try (var schedules = new Schedules(List.of(DAILY), (f, p) -> { calls.add(f); return null; }, AFTER_EIGHT, file)) {
            schedules.start();
            Thread.sleep(600);
        }
        assertEquals(List.of(), calls);
    }

    @Test
    void aFailedRunIsNotRecorded_soTheNextStartRunsItAgain(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("schedules-completed.properties");
        Files.writeString(file, "ReminderFunction\\ cron(0\\ 8\\ *\\ *\\ ?\\ *)=2026-11-30T00\\:00\\:00Z\n");
        var attempts = new AtomicInteger();
        try (var schedules = new Schedules(List.of(DAILY), (f, p) -> {
            attempts.incrementAndGet();
            throw new AslError("States.TaskFailed", "DynamoDB unreachable");
        }, AFTER_EIGHT, file)) {
            schedules.start();
            long deadline = System.currentTimeMillis() + 5_000;
            while (attempts.get() == 0 && System.currentTimeMillis() < deadline) Thread.sleep(20);
        }
        assertEquals(1, attempts.get());
        assertTrue(Files.readString(file).contains("2026-11-30T00\\:00\\:00Z"), "a failed run was recorded as done: " + Files.readString(file));
    }

    @Test
    void aFirstStartDoesNotFireAnOccurrenceFromBeforeItExisted(@TempDir Path dir) throws Exception {
        var calls = new CopyOnWriteArrayList<String>();
        try (var schedules = new Schedules(List.of(DAILY), (f, p) -> { calls.add(f); return null; }, AFTER_EIGHT, dir.resolve("s.properties"))) {
            schedules.start();
            Thread.sleep(600);
        }
        assertEquals(List.of(), calls);
    }

    private static void awaitCalls(List<String> calls, int n) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 5_000;
        while (calls.size() < n && System.currentTimeMillis() < deadline) Thread.sleep(20);
    }
}
