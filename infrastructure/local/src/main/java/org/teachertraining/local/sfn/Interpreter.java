package org.teachertraining.local.sfn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * Runs an ASL definition (checked by {@link Definition}) per the States Language specification: input and
 * output processing (InputPath → Parameters → result → ResultSelector → ResultPath → OutputPath), every
 * state type but distributed Map, Retry and Catch, the context object. Everything that touches time or the
 * outside — entered times, waits, tasks, history events — goes through {@link Effects} under a key that is
 * the same on every run, so an execution replayed after a restart takes the same path and resumes where it
 * was.
 */
final class Interpreter {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    /** Step Functions' quota on a state's input and output: 256 KiB of UTF-8; over it the execution fails. */
    static final int MAX_PAYLOAD_BYTES = 262_144;

    /** A task as the interpreter asks for it. */
    record TaskCall(String resource, JsonNode payload, boolean waitForToken, String token, Integer timeoutSeconds, Integer heartbeatSeconds) {}

    interface Effects {
        /** The instant recorded under {@code key}, recording the clock's now the first time. */
        Instant time(String key);

        /** Blocks until the clock reaches {@code deadline}. */
        void sleepUntil(Instant deadline);

        /** The task's result (or error) recorded under {@code key}, running it the first time. */
        JsonNode task(String key, TaskCall call);

        /** A history event, recorded once under {@code key}. */
        void event(String key, String type, ObjectNode details);

        /** The task token for {@code key}: the same on every run. */
        String token(String key);
    }

    private final Effects effects;
    private final ObjectNode executionContext;
    private final ExecutorService branches = Executors.newCachedThreadPool(r -> {
        var t = new Thread(r, "sfn-branch");
        t.setDaemon(true);
        return t;
    });

    Interpreter(Effects effects, ObjectNode executionContext) {
        this.effects = effects;
        this.executionContext = executionContext;
    }

    JsonNode run(JsonNode definition, JsonNode input) {
        try {
            return runMachine(definition, input, "", null);
        } finally {
            branches.shutdownNow();
        }
    }

    private JsonNode runMachine(JsonNode machine, JsonNode input, String scope, ObjectNode mapContext) {
        var states = machine.get("States");
        String current = machine.get("StartAt").asText();
        var visits = new HashMap<String, Integer>();
        JsonNode data = input;
        while (true) {
            var state = states.get(current);
            int visit = visits.merge(current, 1, Integer::sum);
            String key = scope + "/" + current + "#" + visit;
            var step = runState(current, state, data, key, mapContext);
            if (step.next == null) return step.output;
            current = step.next;
            data = step.output;
        }
    }

    private record Step(JsonNode output, String next) {}

    private Step runState(String name, JsonNode s, JsonNode rawInput, String key, ObjectNode mapContext) {
        String type = s.get("Type").asText();
        Instant entered = effects.time(key + ":entered");
        effects.event(key + ":entered", type + "StateEntered", details("stateEnteredEventDetails", "name", name, "input", rawInput.toString()));
        int attempt = 0;
        var retryCounts = new HashMap<Integer, Integer>();
        while (true) {
            try {
                var context = context(name, entered, attempt, mapContext);
                var step = execute(name, type, s, rawInput, key + "@" + attempt, context);
                String output = step.output.toString();
                if (output.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_PAYLOAD_BYTES) {
                    // as AWS fails it: not retried, not caught, not even by States.ALL (matches)
                    throw new AslError("States.DataLimitExceeded", "The state/task '" + name
                            + "' returned a result with a size exceeding the maximum number of bytes service limit.");
                }
                effects.event(key + ":exited", type + "StateExited", details("stateExitedEventDetails", "name", name, "output", output));
                return step;
            } catch (AslError e) {
                if (type.equals("Fail") || type.equals("Succeed") || type.equals("Choice") || type.equals("Pass") || type.equals("Wait")) throw e;
                var delay = retryDelay(s.path("Retry"), e, retryCounts);
                if (delay != null) {
                    effects.sleepUntil(effects.time(key + "@" + attempt + ":failed").plus(delay));
                    attempt++;
                    continue;
                }
                int c = 0;
                for (var catcher : s.path("Catch")) {
                    if (matches(catcher.get("ErrorEquals"), e)) {
                        var errorOutput = F.objectNode().put("Error", e.error()).put("Cause", e.cause());
                        var resultPath = catcher.has("ResultPath") ? catcher.get("ResultPath") : F.textNode("$");
                        JsonNode output = resultPath.isNull() ? rawInput : JsonPath.parse(resultPath.asText(), "Catch.ResultPath").place(rawInput, errorOutput);
                        effects.event(key + ":caught" + c, type + "StateExited", details("stateExitedEventDetails", "name", name, "output", output.toString()));
                        return new Step(output, catcher.get("Next").asText());
                    }
                    c++;
                }
                throw e;
            }
        }
    }

    /** The delay before the next attempt, or null when no retrier takes this error (or its attempts are spent). */
    private static Duration retryDelay(JsonNode retriers, AslError e, Map<Integer, Integer> counts) {
        int i = 0;
        for (var r : retriers) {
            if (matches(r.get("ErrorEquals"), e)) {
                int done = counts.getOrDefault(i, 0);
                int max = r.path("MaxAttempts").asInt(3);
                if (done >= max) return null;
                counts.put(i, done + 1);
                double seconds = r.path("IntervalSeconds").asDouble(1) * Math.pow(r.path("BackoffRate").asDouble(2.0), done);
                if (r.has("MaxDelaySeconds")) seconds = Math.min(seconds, r.get("MaxDelaySeconds").asDouble());
                if ("FULL".equals(r.path("JitterStrategy").asText("NONE"))) {
                    throw new UnsupportedDefinition("Retry.JitterStrategy", "FULL jitter is random and could not be replayed; use NONE");
                }
                return Duration.ofMillis(Math.round(seconds * 1000));
            }
            i++;
        }
        return null;
    }

    /** ErrorEquals: the name itself, States.ALL for any (but States.Runtime), States.TaskFailed for any task error but a timeout. */
    static boolean matches(JsonNode errorEquals, AslError e) {
        if (e.error().equals("States.Runtime") || e.error().equals("States.DataLimitExceeded")) return false;
        for (var n : errorEquals) {
            String name = n.asText();
            if (name.equals(e.error()) || name.equals("States.ALL")) return true;
            if (name.equals("States.TaskFailed") && !e.error().equals("States.Timeout") && !e.error().equals("States.HeartbeatTimeout")
                    && !e.error().startsWith("States.")) return true;
        }
        return false;
    }

    private Step execute(String name, String type, JsonNode s, JsonNode rawInput, String key, ObjectNode context) {
        JsonNode input = path(s, "InputPath", rawInput, context);
        switch (type) {
            case "Pass" -> {
                JsonNode result = s.has("Result") ? s.get("Result") : s.has("Parameters") ? template(s.get("Parameters"), input, context) : input;
                return next(s, output(s, resultPath(s, rawInput, result), context));
            }
            case "Succeed" -> {
                return new Step(output(s, input, context), null);
            }
            case "Fail" -> {
                String error = s.has("ErrorPath") ? JsonPath.parse(s.get("ErrorPath").asText(), "ErrorPath").select(input, context).asText()
                        : s.path("Error").asText("States.Fail");
                String cause = s.has("CausePath") ? JsonPath.parse(s.get("CausePath").asText(), "CausePath").select(input, context).asText()
                        : s.path("Cause").asText("");
                throw new AslError(error, cause);
            }
            case "Choice" -> {
                int i = 0;
                for (var rule : s.get("Choices")) {
                    if (Choices.evaluate(rule, input, context, "Choices[" + i++ + "]")) return new Step(output(s, input, context), rule.get("Next").asText());
                }
                if (s.has("Default")) return new Step(output(s, input, context), s.get("Default").asText());
                throw new AslError("States.NoChoiceMatched", "No Choice rule matched and there is no Default in state " + name);
            }
            case "Wait" -> {
                Instant until;
                if (s.has("Seconds")) until = effects.time(key + ":wait").plusSeconds(s.get("Seconds").asLong());
                else if (s.has("SecondsPath")) {
                    var v = JsonPath.parse(s.get("SecondsPath").asText(), "SecondsPath").select(input, context);
                    if (!v.isIntegralNumber() || v.asLong() < 0) throw AslError.runtime("SecondsPath " + s.get("SecondsPath").asText() + " is not a non-negative integer: " + v);
                    until = effects.time(key + ":wait").plusSeconds(v.asLong());
                } else {
                    String ts = s.has("Timestamp") ? s.get("Timestamp").asText()
                            : JsonPath.parse(s.get("TimestampPath").asText(), "TimestampPath").select(input, context).asText();
                    until = timestamp(ts).orElseThrow(() -> AslError.runtime("not an RFC 3339 timestamp: " + ts));
                }
                effects.sleepUntil(until);
                return next(s, output(s, input, context));
            }
            case "Task" -> {
                String resource = s.get("Resource").asText();
                boolean waitForToken = resource.endsWith(".waitForTaskToken");
                String token = waitForToken ? effects.token(key) : null;
                if (token != null) context.putObject("Task").put("Token", token);
                JsonNode payload = s.has("Parameters") ? template(s.get("Parameters"), input, context) : input;
                effects.event(key + ":scheduled", "TaskScheduled", details("taskScheduledEventDetails", "resourceType", "lambda",
                        "resource", resource, "parameters", payload.toString()));
                JsonNode result;
                try {
                    result = effects.task(key, new TaskCall(resource, payload, waitForToken, token,
                            s.has("TimeoutSeconds") ? s.get("TimeoutSeconds").asInt() : null, s.has("HeartbeatSeconds") ? s.get("HeartbeatSeconds").asInt() : null));
                } catch (AslError e) {
                    boolean timedOut = e.error().equals("States.Timeout") || e.error().equals("States.HeartbeatTimeout");
                    effects.event(key + ":failed", timedOut ? "TaskTimedOut" : "TaskFailed", details(timedOut ? "taskTimedOutEventDetails" : "taskFailedEventDetails",
                            "resourceType", "lambda", "resource", resource, "error", e.error(), "cause", e.cause()));
                    throw e;
                }
                effects.event(key + ":succeeded", "TaskSucceeded", details("taskSucceededEventDetails", "resourceType", "lambda",
                        "resource", resource, "output", result.toString()));
                return next(s, output(s, resultPath(s, rawInput, selector(s, result, context)), context));
            }
            case "Parallel" -> {
                JsonNode branchInput = s.has("Parameters") ? template(s.get("Parameters"), input, context) : input;
                var jobs = new ArrayList<java.util.concurrent.Callable<JsonNode>>();
                int b = 0;
                for (var branch : s.get("Branches")) {
                    String scope = key + "/branch" + b++;
                    jobs.add(() -> runMachine(branch, branchInput, scope, null));
                }
                ArrayNode results = all(jobs, 0);
                return next(s, output(s, resultPath(s, rawInput, selector(s, results, context)), context));
            }
            case "Map" -> {
                JsonNode items = s.has("ItemsPath") ? JsonPath.parse(s.get("ItemsPath").asText(), "ItemsPath").select(input, context) : input;
                if (!items.isArray()) throw AslError.runtime("ItemsPath did not select an array: " + items);
                var processor = s.has("ItemProcessor") ? s.get("ItemProcessor") : s.get("Iterator");
                var selectorTemplate = s.has("ItemSelector") ? s.get("ItemSelector") : s.get("Parameters");
                var jobs = new ArrayList<java.util.concurrent.Callable<JsonNode>>();
                for (int i = 0; i < items.size(); i++) {
                    var item = items.get(i);
                    var itemContext = context.deepCopy();
                    itemContext.putObject("Map").putObject("Item").put("Index", i).set("Value", item);
                    JsonNode itemInput = selectorTemplate == null ? item : template(selectorTemplate, input, itemContext);
                    String scope = key + "/item" + i;
                    var mapContext = (ObjectNode) itemContext.get("Map");
                    jobs.add(() -> runMachine(processor, itemInput, scope, mapContext));
                }
                ArrayNode results = all(jobs, s.path("MaxConcurrency").asInt(0));
                return next(s, output(s, resultPath(s, rawInput, selector(s, results, context)), context));
            }
            default -> throw new UnsupportedDefinition(name, "state type " + type);
        }
    }

    /** Runs the branches or iterations concurrently (at most {@code max} at once, 0 = all); the first error fails them all. */
    private ArrayNode all(List<java.util.concurrent.Callable<JsonNode>> jobs, int max) {
        var permits = new Semaphore(max <= 0 ? Integer.MAX_VALUE : max);
        var futures = new ArrayList<Future<JsonNode>>();
        for (var job : jobs) {
            futures.add(branches.submit(() -> {
                permits.acquire();
                try {
                    return job.call();
                } finally {
                    permits.release();
                }
            }));
        }
        var results = F.arrayNode();
        try {
            for (var f : futures) results.add(f.get());
        } catch (ExecutionException e) {
            futures.forEach(f -> f.cancel(true));
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            futures.forEach(f -> f.cancel(true));
            Thread.currentThread().interrupt();
            throw new Stopped();
        }
        return results;
    }

    /** Thrown into an execution's threads when it is stopped. */
    static final class Stopped extends RuntimeException {}

    private ObjectNode context(String stateName, Instant entered, int retryCount, ObjectNode mapContext) {
        var c = executionContext.deepCopy();
        c.putObject("State").put("Name", stateName).put("EnteredTime", entered.toString()).put("RetryCount", retryCount);
        if (mapContext != null) c.set("Map", mapContext);
        return c;
    }

    private static Step next(JsonNode s, JsonNode output) {
        return new Step(output, s.path("End").asBoolean(false) ? null : s.get("Next").asText());
    }

    private static JsonNode path(JsonNode s, String field, JsonNode data, JsonNode context) {
        if (!s.has(field)) return data;
        if (s.get(field).isNull()) return F.objectNode();
        return JsonPath.parse(s.get(field).asText(), field).select(data, context);
    }

    private static JsonNode output(JsonNode s, JsonNode data, JsonNode context) {
        return path(s, "OutputPath", data, context);
    }

    private static JsonNode resultPath(JsonNode s, JsonNode rawInput, JsonNode result) {
        if (!s.has("ResultPath")) return result;
        if (s.get("ResultPath").isNull()) return rawInput;
        return JsonPath.parse(s.get("ResultPath").asText(), "ResultPath").place(rawInput, result);
    }

    private static JsonNode selector(JsonNode s, JsonNode result, JsonNode context) {
        return s.has("ResultSelector") ? template(s.get("ResultSelector"), result, context) : result;
    }

    /** A payload template: fields ending in .$ take a path's value or an intrinsic function's result; the rest is copied. */
    static JsonNode template(JsonNode t, JsonNode input, JsonNode context) {
        if (t.isObject()) {
            var out = F.objectNode();
            for (var it = t.fields(); it.hasNext(); ) {
                var e = it.next();
                if (e.getKey().endsWith(".$")) {
                    String v = e.getValue().asText();
                    String field = e.getKey().substring(0, e.getKey().length() - 2);
                    out.set(field, Intrinsics.isCall(v) ? Intrinsics.evaluate(v, e.getKey(), input, context)
                            : JsonPath.parse(v, e.getKey()).select(input, context));
                } else {
                    out.set(e.getKey(), template(e.getValue(), input, context));
                }
            }
            return out;
        }
        if (t.isArray()) {
            var out = F.arrayNode();
            t.forEach(e -> out.add(template(e, input, context)));
            return out;
        }
        return t;
    }

    static java.util.Optional<Instant> timestamp(String s) {
        try {
            return java.util.Optional.of(OffsetDateTime.parse(s).toInstant());
        } catch (DateTimeParseException e) {
            return java.util.Optional.empty();
        }
    }

    /** A history event's details: {@code {name: {k: v, …}}}. */
    static ObjectNode details(String name, String... pairs) {
        var d = F.objectNode();
        var inner = d.putObject(name);
        for (int i = 0; i < pairs.length; i += 2) inner.put(pairs[i], pairs[i + 1]);
        return d;
    }
}
