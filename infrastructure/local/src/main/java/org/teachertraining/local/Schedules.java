package org.teachertraining.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.teachertraining.local.sfn.LambdaInvoker;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * The template's schedules (functions' {@code Events} of type {@code ScheduleV2} or {@code Schedule}), fired on
 * the local runtime's clock: {@code cron(M H * * ? *)} in its {@code ScheduleExpressionTimezone}, or
 * {@code rate(N minutes|hours|days)}. The function gets the schedule's {@code Input}. When the clock jumps,
 * the schedule fires once, for the latest occurrence passed (functions catch up what they missed, as they
 * must after an outage in AWS); other cron forms are refused at start.
 *
 * <p>With a data directory, the last occurrence each schedule completed is kept in a file. An occurrence
 * whose invocation did not complete — the runtime was down at the time, killed during the run, or the
 * function failed — is fired again as soon as the runtime is back, as EventBridge Scheduler retries; the
 * functions are idempotent (a repeated reminder run sends nothing twice).
 */
final class Schedules implements AutoCloseable {
    private static final Pattern DAILY_CRON = Pattern.compile("cron\\((\\d{1,2}) (\\d{1,2}) \\* \\* \\? \\*\\)");
    private static final Pattern RATE = Pattern.compile("rate\\((\\d+) (minute|minutes|hour|hours|day|days)\\)");

    record Schedule(String functionId, String expression, ZoneId zone, String input) {
        /** The first occurrence strictly after {@code t}. */
        Instant nextAfter(Instant t) {
            var cron = DAILY_CRON.matcher(expression);
            if (cron.matches()) {
                var at = ZonedDateTime.ofInstant(t, zone).withHour(Integer.parseInt(cron.group(2))).withMinute(Integer.parseInt(cron.group(1)))
                        .withSecond(0).withNano(0);
                return at.toInstant().isAfter(t) ? at.toInstant() : at.plusDays(1).toInstant();
            }
            return t.plus(period());
        }

        /** The latest occurrence at or before {@code t}; empty for a rate, which has no fixed times. */
        Optional<Instant> latestAtOrBefore(Instant t) {
            var cron = DAILY_CRON.matcher(expression);
            if (!cron.matches()) return Optional.empty();
            var at = ZonedDateTime.ofInstant(t, zone).withHour(Integer.parseInt(cron.group(2))).withMinute(Integer.parseInt(cron.group(1)))
                    .withSecond(0).withNano(0);
            return Optional.of(at.toInstant().isAfter(t) ? at.minusDays(1).toInstant() : at.toInstant());
        }

        String key() {
            return functionId + " " + expression;
        }

        Duration period() {
            var rate = RATE.matcher(expression);
            if (!rate.matches()) return Duration.ofDays(1);
            long n = Long.parseLong(rate.group(1));
            return rate.group(2).startsWith("minute") ? Duration.ofMinutes(n) : rate.group(2).startsWith("hour") ? Duration.ofHours(n) : Duration.ofDays(n);
        }
    }

    private static final Duration CLOSE_WAIT = Duration.ofSeconds(10);

    private final List<Schedule> schedules;
    private final LambdaInvoker functions;
    private final Clock clock;
    /** The last occurrence each schedule completed ({@link Schedule#key()} → instant); null keeps nothing. */
    private final Path completedFile;
    private final Properties completed = new Properties();
    private final Thread thread;
    /** Guards {@link #running}; the loop waits on it between passes, so closing wakes it without interrupting a run. */
    private final Object pass = new Object();
    private boolean running = true;

    Schedules(List<Schedule> schedules, LambdaInvoker functions, Clock clock, Path completedFile) {
        this.schedules = schedules;
        this.functions = functions;
        this.clock = clock;
        this.completedFile = completedFile;
        if (completedFile != null && Files.exists(completedFile)) {
            try (var in = Files.newBufferedReader(completedFile)) {
                completed.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        this.thread = new Thread(this::run, "schedules");
        thread.setDaemon(true);
    }

    @SuppressWarnings("unchecked")
    static List<Schedule> of(CloudFormationTemplate template) {
        var out = new ArrayList<Schedule>();
        for (String type : List.of("ScheduleV2", "Schedule")) {
            for (var e : template.functionEvents(type)) {
                var p = e.properties();
                String expression = (String) p.get("ScheduleExpression");
                if (expression == null || !(DAILY_CRON.matcher(expression).matches() || RATE.matcher(expression).matches())) {
                    throw new IllegalArgumentException(e.functionId() + ": the local runtime runs cron(M H * * ? *) and rate(N unit) schedules, not " + expression);
                }
                String zone = (String) p.getOrDefault("ScheduleExpressionTimezone", "UTC");
                out.add(new Schedule(e.functionId(), expression, ZoneId.of(zone), (String) p.getOrDefault("Input", "{}")));
            }
        }
        return out;
    }

    void start() {
        thread.start();
    }

    private void run() {
        var next = new Instant[schedules.size()];
        for (int i = 0; i < next.length; i++) next[i] = firstDue(schedules.get(i), clock.instant());
        while (isRunning()) {
            Instant now = clock.instant();
            for (int i = 0; i < next.length; i++) {
                var s = schedules.get(i);
                if (next[i].isAfter(now.plus(s.period()).plusSeconds(1))) next[i] = s.nextAfter(now);   // the clock went back
                if (now.isBefore(next[i])) continue;
                try {
                    functions.invoke(s.functionId(), new ObjectMapper().readTree(s.input()));
                    s.latestAtOrBefore(now).ifPresent(occurrence -> complete(s, occurrence));
                } catch (Exception e) {
                    System.err.println("schedule " + s.functionId() + " " + s.expression() + ": " + e);
                }
                next[i] = s.nextAfter(now);
            }
            synchronized (pass) {
                if (!running) return;
                try {
                    pass.wait(200);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    private boolean isRunning() {
        synchronized (pass) {
            return running;
        }
    }

    /**
     * When a schedule is first due after a start: now, if an occurrence passed that it never completed;
     * otherwise its next occurrence. A schedule seen for the first time starts from its next occurrence.
     */
    private Instant firstDue(Schedule s, Instant now) {
        var latest = s.latestAtOrBefore(now);
        if (completedFile != null && latest.isPresent()) {
            String done = completed.getProperty(s.key());
            if (done == null) complete(s, latest.get());
            else if (Instant.parse(done).isBefore(latest.get())) return now;
        }
        return s.nextAfter(now);
    }

    /** Records that {@code occurrence} of the schedule ran to its end; written whole and then moved into place. */
    private void complete(Schedule s, Instant occurrence) {
        if (completedFile == null) return;
        String done = completed.getProperty(s.key());
        if (done != null && !Instant.parse(done).isBefore(occurrence)) return;
        completed.setProperty(s.key(), occurrence.toString());
        try {
            Path tmp = completedFile.resolveSibling(completedFile.getFileName() + ".tmp");
            try (var out = Files.newBufferedWriter(tmp)) {
                completed.store(out, "the last occurrence each schedule completed");
            }
            Files.move(tmp, completedFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Stops the loop and waits for a run in progress to finish and be recorded (an interrupt would cut the
     * file write short); a run that does not finish within the wait is left to the next start, unrecorded.
     */
    @Override
    public void close() {
        synchronized (pass) {
            running = false;
            pass.notifyAll();
        }
        try {
            thread.join(CLOSE_WAIT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
