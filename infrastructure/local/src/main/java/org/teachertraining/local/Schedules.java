package org.teachertraining.local;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The template's schedules (functions' {@code Events} of type {@code ScheduleV2} or {@code Schedule}), fired on
 * the local runtime's clock: {@code cron(M H * * ? *)} in its {@code ScheduleExpressionTimezone}, or
 * {@code rate(N minutes|hours|days)}. The function gets the schedule's {@code Input}. When the clock jumps,
 * the schedule fires once, for the latest occurrence passed (functions catch up what they missed, as they
 * must after an outage in AWS); other cron forms are refused at start.
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

        Duration period() {
            var rate = RATE.matcher(expression);
            if (!rate.matches()) return Duration.ofDays(1);
            long n = Long.parseLong(rate.group(1));
            return rate.group(2).startsWith("minute") ? Duration.ofMinutes(n) : rate.group(2).startsWith("hour") ? Duration.ofHours(n) : Duration.ofDays(n);
        }
    }

    private final List<Schedule> schedules;
    private final LocalFunctions functions;
    private final Clock clock;
    private final Thread thread;
    private volatile boolean running = true;

    Schedules(List<Schedule> schedules, LocalFunctions functions, Clock clock) {
        this.schedules = schedules;
        this.functions = functions;
        this.clock = clock;
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
        for (int i = 0; i < next.length; i++) next[i] = schedules.get(i).nextAfter(clock.instant());
        while (running) {
            Instant now = clock.instant();
            for (int i = 0; i < next.length; i++) {
                var s = schedules.get(i);
                if (next[i].isAfter(now.plus(s.period()).plusSeconds(1))) next[i] = s.nextAfter(now);   // the clock went back
                if (now.isBefore(next[i])) continue;
                try {
                    functions.invoke(s.functionId(), new ObjectMapper().readTree(s.input()));
                } catch (Exception e) {
                    System.err.println("schedule " + s.functionId() + " " + s.expression() + ": " + e);
                }
                next[i] = s.nextAfter(now);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }

}
