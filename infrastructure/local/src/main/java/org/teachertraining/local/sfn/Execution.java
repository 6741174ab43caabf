package org.teachertraining.local.sfn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One execution: its record (status, input, output, history, and every effect the interpreter recorded),
 * saved after each change, and the thread that runs — or, after a restart, replays and resumes — it.
 */
final class Execution implements Interpreter.Effects {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A task waiting for its token has a year unless TimeoutSeconds says otherwise, as in AWS. */
    static final long DEFAULT_TOKEN_TIMEOUT_SECONDS = 365L * 24 * 3600;
    /**
     * Step Functions' hard quota: a Standard execution that runs for a year ends, TIMED_OUT (States.Timeout), whatever it
     * waits for. Here it ends when the clock passes that year inside a wait (a Wait state, a retry's backoff, a task's token)
     * that would last beyond it; a wait ending within the year ends as it would in AWS, however far the clock was moved.
     */
    static final java.time.Duration MAX_DURATION = java.time.Duration.ofDays(365);

    final ObjectNode record;
    private final ExecutionStore store;
    private final Clock clock;
    private final LambdaInvoker lambda;
    private final Map<String, String> tokenIndex;
    /** When Step Functions would end this execution ({@link #MAX_DURATION} after its start). */
    private final Instant yearEnds;
    private volatile Thread runner;
    private volatile boolean stopped;

    Execution(ObjectNode record, ExecutionStore store, Clock clock, LambdaInvoker lambda, Map<String, String> tokenIndex) {
        this.record = record;
        this.store = store;
        this.clock = clock;
        this.lambda = lambda;
        this.tokenIndex = tokenIndex;
        this.yearEnds = Instant.parse(record.get("startDate").asText()).plus(MAX_DURATION);
        record.withObject("/tokens").fieldNames().forEachRemaining(t -> tokenIndex.put(t, arn()));
    }

    static ObjectNode newRecord(String arn, String stateMachineArn, String name, String definition, String input, Instant start) {
        var r = F.objectNode();
        r.put("executionArn", arn).put("stateMachineArn", stateMachineArn).put("name", name).put("definition", definition)
                .put("input", input).put("status", "RUNNING").put("startDate", start.toString())
                .put("salt", java.util.UUID.randomUUID().toString());
        r.putObject("effects");
        r.putArray("events");
        r.putObject("eventKeys");
        r.putObject("tokens");
        return r;
    }

    String arn() {
        return record.get("executionArn").asText();
    }

    String status() {
        synchronized (record) {
            return record.get("status").asText();
        }
    }

    /** Runs (or replays and resumes) the execution on its own thread. */
    void start() {
        var t = new Thread(this::run, "sfn-" + record.get("name").asText());
        t.setDaemon(true);
        runner = t;
        t.start();
    }

    private void run() {
        event("execution:started", "ExecutionStarted", Interpreter.details("executionStartedEventDetails", "input", record.get("input").asText(),
                "roleArn", "arn:aws:iam::000000000000:role/local"));
        var context = F.objectNode();
        var exec = context.putObject("Execution");
        exec.put("Id", arn()).put("Name", record.get("name").asText()).put("StartTime", record.get("startDate").asText())
                .put("RoleArn", "arn:aws:iam::000000000000:role/local");
        try {
            exec.set("Input", JSON.readTree(record.get("input").asText()));
            String sm = record.get("stateMachineArn").asText();
            context.putObject("StateMachine").put("Id", sm).put("Name", sm.substring(sm.lastIndexOf(':') + 1));
            var output = new Interpreter(this, context).run(JSON.readTree(record.get("definition").asText()), exec.get("Input"));
            finish("SUCCEEDED", output.toString(), null, null);
            event("execution:end", "ExecutionSucceeded", Interpreter.details("executionSucceededEventDetails", "output", output.toString()));
        } catch (AslError e) {
            if (stopped) return;
            finish("FAILED", null, e.error(), e.cause());
            event("execution:end", "ExecutionFailed", Interpreter.details("executionFailedEventDetails", "error", e.error(), "cause", e.cause()));
        } catch (Interpreter.Stopped e) {
            // StopExecution recorded the outcome
        } catch (TimedOut e) {
            String cause = "The execution ran for more than Step Functions' maximum of one year (" + MAX_DURATION.toDays() + " days)";
            finish("TIMED_OUT", null, "States.Timeout", cause);
            event("execution:end", "ExecutionTimedOut", Interpreter.details("executionTimedOutEventDetails", "error", "States.Timeout", "cause", cause));
        } catch (UnsupportedDefinition e) {
            finish("FAILED", null, "States.Runtime", e.getMessage());
            event("execution:end", "ExecutionFailed", Interpreter.details("executionFailedEventDetails", "error", "States.Runtime", "cause", e.getMessage()));
        } catch (Exception e) {
            if (stopped) return;
            finish("FAILED", null, "States.Runtime", e.toString());
            event("execution:end", "ExecutionFailed", Interpreter.details("executionFailedEventDetails", "error", "States.Runtime", "cause", e.toString()));
        }
    }

    /** Stops the thread without recording anything: the runtime is shutting down; the execution resumes at the next start. */
    void halt() {
        stopped = true;
        var t = runner;
        if (t != null) t.interrupt();
    }

    /** Waits, at most {@code millis}, for the execution's thread to end after {@link #halt}: it may be saving what it just did. */
    void awaitHalted(long millis) throws InterruptedException {
        var t = runner;
        if (t != null) t.join(millis);
    }

    void stop(String error, String cause) {
        synchronized (record) {
            if (!record.get("status").asText().equals("RUNNING")) return;
            stopped = true;
            finish("ABORTED", null, error, cause);
        }
        event("execution:end", "ExecutionAborted", Interpreter.details("executionAbortedEventDetails", "error", error == null ? "" : error, "cause", cause == null ? "" : cause));
        var t = runner;
        if (t != null) t.interrupt();
    }

    private void finish(String status, String output, String error, String cause) {
        synchronized (record) {
            if (!record.get("status").asText().equals("RUNNING")) return;
            record.put("status", status).put("stopDate", clock.instant().toString());
            if (output != null) record.put("output", output);
            if (error != null) record.put("error", error);
            if (cause != null) record.put("cause", cause);
            save();
            record.notifyAll();
        }
    }

    // ---- effects ----

    @Override
    public Instant time(String key) {
        synchronized (record) {
            var effects = record.withObject("/effects");
            if (!effects.has("t:" + key)) {
                effects.put("t:" + key, clock.instant().toString());
                save();
            }
            return Instant.parse(effects.get("t:" + key).asText());
        }
    }

    @Override
    public void sleepUntil(Instant deadline) {
        synchronized (record) {
            while (true) {
                checkStopped();
                checkYear(deadline);
                long ms = deadline.toEpochMilli() - clock.instant().toEpochMilli();
                if (ms <= 0) return;
                waitOn(Math.min(ms, 100));
            }
        }
    }

    /** Ends the execution (TIMED_OUT) once the clock has passed its year, if the wait under way would last beyond it. */
    private void checkYear(Instant waitEnds) {
        if (waitEnds.isAfter(yearEnds) && !clock.instant().isBefore(yearEnds)) throw new TimedOut();
    }

    /** The execution's year is over (MAX_DURATION). */
    static final class TimedOut extends RuntimeException {}

    @Override
    public String token(String key) {
        synchronized (record) {
            try {
                String token = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                        .digest((record.get("salt").asText() + key).getBytes(StandardCharsets.UTF_8)));
                var tokens = record.withObject("/tokens");
                if (!tokens.has(token)) {
                    tokens.put(token, key);
                    save();
                }
                tokenIndex.put(token, arn());
                return token;
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** The function's name in a Lambda ARN, with or without a version or alias qualifier ({@code …:function:Name:live}), or a bare name. */
    static String functionName(String arnOrName) {
        int at = arnOrName.indexOf(":function:");
        if (at < 0) return arnOrName;
        String rest = arnOrName.substring(at + ":function:".length());
        int qualifier = rest.indexOf(':');
        return qualifier < 0 ? rest : rest.substring(0, qualifier);
    }

    @Override
    public JsonNode task(String key, Interpreter.TaskCall call) {
        var recorded = recorded(key);
        if (recorded != null) return outcome(recorded);
        boolean integration = call.resource().contains(":states:::lambda:invoke");
        String function = integration ? call.payload().path("FunctionName").asText() : call.resource();
        JsonNode payload = integration ? call.payload().path("Payload") : call.payload();
        if (integration && payload.isMissingNode()) payload = F.objectNode();
        function = functionName(function);
        if (!call.waitForToken()) {
            record(key, invoke(function, payload, call.timeoutSeconds(), integration));
            return outcome(recorded(key));
        }
        if (!effect("invoked:" + key)) {
            var invoked = invoke(function, payload, call.timeoutSeconds(), integration);
            if (invoked.has("error")) {
                record(key, invoked);
                return outcome(invoked);
            }
            putEffect("invoked:" + key, F.booleanNode(true));
        }
        Instant started = time(key + ":token-wait");
        Instant deadline = started.plusSeconds(call.timeoutSeconds() == null ? DEFAULT_TOKEN_TIMEOUT_SECONDS : call.timeoutSeconds());
        synchronized (record) {
            while (true) {
                checkStopped();
                var done = recorded(key);
                if (done != null) return outcome(done);
                checkYear(deadline);
                Instant now = clock.instant();
                if (!now.isBefore(deadline)) {
                    record(key, error("States.Timeout", "The task did not complete within " + call.timeoutSeconds() + " seconds"));
                    continue;
                }
                if (call.heartbeatSeconds() != null) {
                    var beat = record.withObject("/effects").get("hb:" + key);
                    Instant last = beat == null ? started : Instant.parse(beat.asText());
                    if (!now.isBefore(last.plusSeconds(call.heartbeatSeconds()))) {
                        record(key, error("States.HeartbeatTimeout", "No heartbeat within " + call.heartbeatSeconds() + " seconds"));
                        continue;
                    }
                }
                waitOn(100);
            }
        }
    }

    /** SendTaskSuccess / SendTaskFailure: false if the task is no longer waiting (done, timed out, or the execution ended). */
    boolean complete(String token, JsonNode outcome) {
        synchronized (record) {
            String key = record.withObject("/tokens").path(token).asText(null);
            if (key == null || recorded(key) != null || !status().equals("RUNNING")) return false;
            record(key, outcome);
            return true;
        }
    }

    boolean heartbeat(String token) {
        synchronized (record) {
            String key = record.withObject("/tokens").path(token).asText(null);
            if (key == null || recorded(key) != null || !status().equals("RUNNING")) return false;
            putEffect("hb:" + key, F.textNode(clock.instant().toString()));
            return true;
        }
    }

    boolean knowsToken(String token) {
        synchronized (record) {
            return record.withObject("/tokens").has(token);
        }
    }

    private JsonNode invoke(String function, JsonNode payload, Integer timeoutSeconds, boolean integration) {
        ExecutorService one = Executors.newSingleThreadExecutor(r -> {
            var t = new Thread(r, "sfn-task-" + function);
            t.setDaemon(true);
            return t;
        });
        try {
            var future = one.submit(() -> lambda.invoke(record.get("stateMachineArn").asText(), function, payload));
            JsonNode out = timeoutSeconds == null ? future.get() : future.get(timeoutSeconds, TimeUnit.SECONDS);
            if (integration) {
                var wrapped = F.objectNode();
                wrapped.put("ExecutedVersion", "$LATEST").set("Payload", out);
                wrapped.put("StatusCode", 200);
                out = wrapped;
            }
            return F.objectNode().set("result", out);
        } catch (TimeoutException e) {
            return error("States.Timeout", "The task did not complete within " + timeoutSeconds + " seconds");
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof AslError a) return error(a.error(), a.cause());
            return error("States.TaskFailed", String.valueOf(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Interpreter.Stopped();
        } finally {
            one.shutdownNow();
        }
    }

    private static ObjectNode error(String error, String cause) {
        return F.objectNode().put("error", error).put("cause", cause);
    }

    private static JsonNode outcome(JsonNode recorded) {
        if (recorded.has("error")) throw new AslError(recorded.get("error").asText(), recorded.path("cause").asText(""));
        return recorded.get("result");
    }

    private JsonNode recorded(String key) {
        synchronized (record) {
            return record.withObject("/effects").get("task:" + key);
        }
    }

    private void record(String key, JsonNode outcome) {
        putEffect("task:" + key, outcome);
    }

    private boolean effect(String name) {
        synchronized (record) {
            return record.withObject("/effects").has(name);
        }
    }

    private void putEffect(String name, JsonNode value) {
        synchronized (record) {
            record.withObject("/effects").set(name, value);
            save();
            record.notifyAll();
        }
    }

    @Override
    public void event(String key, String type, ObjectNode details) {
        synchronized (record) {
            var keys = record.withObject("/eventKeys");
            if (keys.has(key)) return;
            var events = record.withArray("/events");
            var e = F.objectNode();
            e.put("id", events.size() + 1).put("previousEventId", events.size()).put("type", type).put("timestamp", clock.instant().toString());
            e.setAll(details);
            events.add(e);
            keys.put(key, events.size());
            save();
        }
    }

    private void checkStopped() {
        if (stopped || Thread.currentThread().isInterrupted()) throw new Interpreter.Stopped();
    }

    private void waitOn(long ms) {
        try {
            record.wait(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Interpreter.Stopped();
        }
    }

    private void save() {
        store.saveExecution(arn(), record);
    }
}
