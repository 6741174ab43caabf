package org.teachertraining.local.sfn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;

/**
 * The Step Functions API subset the platform uses, on its own HTTP endpoint speaking the AWS JSON 1.0
 * protocol, so the normal {@code SfnClient} reaches it by endpoint override: CreateStateMachine,
 * DescribeStateMachine, ListStateMachines, StartExecution (idempotent by name), DescribeExecution,
 * ListExecutions, GetExecutionHistory, StopExecution, SendTaskSuccess/Failure/Heartbeat. Definitions run on
 * {@link Interpreter}; executions, task tokens and timers are kept in {@link ExecutionStore} and resumed
 * at the next start; time is the given clock, so a test moves Wait states and timeouts by moving it.
 */
public final class StepFunctionsEmulator implements AutoCloseable {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,80}");
    public static final String ACCOUNT = "000000000000";

    private final ExecutionStore store;
    private final Clock clock;
    private final LambdaInvoker lambda;
    private final String region;
    private final Map<String, ObjectNode> stateMachines = new ConcurrentHashMap<>();
    private final Map<String, Execution> executions = new ConcurrentHashMap<>();
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    private HttpServer server;

    /** @param dir where executions are kept across restarts; null keeps them in memory */
    public StepFunctionsEmulator(Path dir, Clock clock, LambdaInvoker lambda, String region) {
        this.store = new ExecutionStore(dir);
        this.clock = clock;
        this.lambda = lambda;
        this.region = region;
    }

    /** Loads what was kept, resumes the running executions, and serves the API on a free 127.0.0.1 port. */
    public URI start() throws IOException {
        return start(listener(0));
    }

    /**
     * A server bound to a free 127.0.0.1 port other than {@code avoid} (0: any), not serving yet: its address can be
     * given to those who will call the emulation before it starts on it ({@link #start(HttpServer)}). Bound at once, the
     * port cannot be taken in between, as a port found free and bound later can (another process's connection may take
     * it as its local port: a restart of the local runtime failed on that).
     */
    public static HttpServer listener(int avoid) throws IOException {
        while (true) {
            var bound = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            if (bound.getAddress().getPort() != avoid) return bound;
            bound.stop(0);
        }
    }

    /** As {@link #start()}, serving on {@code bound} ({@link #listener}); {@link #close()} stops it. */
    public URI start(HttpServer bound) {
        server = bound;
        for (var sm : store.stateMachines()) stateMachines.put(sm.get("stateMachineArn").asText(), sm);
        for (var r : store.executions()) {
            var e = new Execution(r, store, clock, lambda, tokens);
            executions.put(e.arn(), e);
            if (e.status().equals("RUNNING")) e.start();
        }
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(8, r -> {
            var t = new Thread(r, "sfn-api");
            t.setDaemon(true);
            return t;
        }));
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Creates (or, with the same definition, finds) a state machine; what the local runtime does for template.yaml's. */
    public String createStateMachine(String name, String definition) {
        return call("CreateStateMachine", F.objectNode().put("name", name).put("definition", definition)
                .put("roleArn", "arn:aws:iam::" + ACCOUNT + ":role/local")).get("stateMachineArn").asText();
    }

    @Override
    public void close() {
        if (server != null) server.stop(0);
        executions.values().forEach(Execution::halt);
        // nothing is written to the store after close: an execution that had just ended may still be saving its last event
        // (a test's temporary directory was being deleted under it: "Failed to delete temp directory … executions")
        try {
            for (var e : executions.values()) e.awaitHalted(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void handle(HttpExchange x) throws IOException {
        int status = 200;
        JsonNode body;
        try {
            String target = x.getRequestHeaders().getFirst("X-Amz-Target");
            if (!"POST".equals(x.getRequestMethod()) || target == null || !target.startsWith("AWSStepFunctions.")) {
                throw new ApiError("UnknownOperationException", "expected POST with X-Amz-Target: AWSStepFunctions.<Operation>");
            }
            var request = JSON.readTree(x.getRequestBody().readAllBytes());
            body = call(target.substring("AWSStepFunctions.".length()), request == null || request.isMissingNode() ? F.objectNode() : request);
        } catch (ApiError e) {
            status = 400;
            body = F.objectNode().put("__type", e.type).put("message", e.getMessage());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            status = 400;
            body = F.objectNode().put("__type", "SerializationException").put("message", e.getOriginalMessage());
        }
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.0");
        x.sendResponseHeaders(status, bytes.length);
        try (var out = x.getResponseBody()) {
            out.write(bytes);
        }
    }

    static final class ApiError extends RuntimeException {
        final String type;

        ApiError(String type, String message) {
            super(message);
            this.type = type;
        }
    }

    JsonNode call(String operation, JsonNode r) {
        return switch (operation) {
            case "CreateStateMachine" -> createStateMachine(r);
            case "DescribeStateMachine" -> describeStateMachine(r);
            case "ListStateMachines" -> listStateMachines();
            case "StartExecution" -> startExecution(r);
            case "DescribeExecution" -> describeExecution(r);
            case "ListExecutions" -> listExecutions(r);
            case "GetExecutionHistory" -> history(r);
            case "StopExecution" -> stopExecution(r);
            case "SendTaskSuccess" -> sendTask(r, true);
            case "SendTaskFailure" -> sendTask(r, false);
            case "SendTaskHeartbeat" -> heartbeat(r);
            default -> throw new ApiError("UnknownOperationException", operation + " is not emulated");
        };
    }

    private JsonNode createStateMachine(JsonNode r) {
        String name = required(r, "name");
        if (!NAME.matcher(name).matches()) throw new ApiError("InvalidName", "Invalid Name: '" + name + "'");
        String definition = required(r, "definition");
        if (r.has("type") && !"STANDARD".equals(r.get("type").asText())) throw new ApiError("ValidationException", "only STANDARD state machines are emulated");
        try {
            Definition.validate(JSON.readTree(definition));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new ApiError("InvalidDefinition", "Invalid State Machine Definition: not JSON: " + e.getOriginalMessage());
        } catch (UnsupportedDefinition e) {
            throw new ApiError("InvalidDefinition", "Invalid State Machine Definition: " + e.getMessage());
        }
        String arn = "arn:aws:states:" + region + ":" + ACCOUNT + ":stateMachine:" + name;
        synchronized (stateMachines) {
            var existing = stateMachines.get(arn);
            if (existing != null) {
                if (!existing.get("definition").asText().equals(definition)) {
                    throw new ApiError("StateMachineAlreadyExists", "State Machine Already Exists: '" + arn + "'");
                }
                return F.objectNode().put("stateMachineArn", arn).put("creationDate", epoch(existing.get("creationDate").asText()));
            }
            var sm = F.objectNode().put("stateMachineArn", arn).put("name", name).put("definition", definition)
                    .put("roleArn", r.path("roleArn").asText("arn:aws:iam::" + ACCOUNT + ":role/local")).put("type", "STANDARD")
                    .put("status", "ACTIVE").put("creationDate", clock.instant().toString());
            stateMachines.put(arn, sm);
            store.saveStateMachine(arn, sm);
            return F.objectNode().put("stateMachineArn", arn).put("creationDate", epoch(sm.get("creationDate").asText()));
        }
    }

    private JsonNode describeStateMachine(JsonNode r) {
        var sm = stateMachine(required(r, "stateMachineArn"));
        return F.objectNode().put("stateMachineArn", sm.get("stateMachineArn").asText()).put("name", sm.get("name").asText())
                .put("status", "ACTIVE").put("definition", sm.get("definition").asText()).put("roleArn", sm.get("roleArn").asText())
                .put("type", "STANDARD").put("creationDate", epoch(sm.get("creationDate").asText()));
    }

    private JsonNode listStateMachines() {
        var out = F.objectNode();
        var list = out.putArray("stateMachines");
        stateMachines.values().stream().sorted(Comparator.comparing(s -> s.get("name").asText())).forEach(sm -> list.addObject()
                .put("stateMachineArn", sm.get("stateMachineArn").asText()).put("name", sm.get("name").asText()).put("type", "STANDARD")
                .put("creationDate", epoch(sm.get("creationDate").asText())));
        return out;
    }

    private JsonNode startExecution(JsonNode r) {
        var sm = stateMachine(required(r, "stateMachineArn"));
        String name = r.hasNonNull("name") ? r.get("name").asText() : java.util.UUID.randomUUID().toString();
        if (!NAME.matcher(name).matches()) throw new ApiError("InvalidName", "Invalid Name: '" + name + "'");
        String input = r.hasNonNull("input") ? r.get("input").asText() : "{}";
        try {
            JSON.readTree(input);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new ApiError("InvalidExecutionInput", "Invalid State Machine Execution Input: '" + e.getOriginalMessage() + "'");
        }
        String smArn = sm.get("stateMachineArn").asText();
        String arn = smArn.replace(":stateMachine:", ":execution:") + ":" + name;
        synchronized (executions) {
            var existing = executions.get(arn);
            if (existing != null) {
                // idempotent by name: the same input while it runs answers the same execution
                if (existing.record.get("input").asText().equals(input) && existing.status().equals("RUNNING")) {
                    return F.objectNode().put("executionArn", arn).put("startDate", epoch(existing.record.get("startDate").asText()));
                }
                throw new ApiError("ExecutionAlreadyExists", "Execution Already Exists: '" + arn + "'");
            }
            var e = new Execution(Execution.newRecord(arn, smArn, name, sm.get("definition").asText(), input, clock.instant()), store, clock, lambda, tokens);
            executions.put(arn, e);
            e.start();
            return F.objectNode().put("executionArn", arn).put("startDate", epoch(e.record.get("startDate").asText()));
        }
    }

    private JsonNode describeExecution(JsonNode r) {
        var e = execution(required(r, "executionArn"));
        synchronized (e.record) {
            var rec = e.record;
            var out = F.objectNode().put("executionArn", e.arn()).put("stateMachineArn", rec.get("stateMachineArn").asText())
                    .put("name", rec.get("name").asText()).put("status", rec.get("status").asText())
                    .put("startDate", epoch(rec.get("startDate").asText())).put("input", rec.get("input").asText());
            out.putObject("inputDetails").put("included", true);
            if (rec.has("stopDate")) out.put("stopDate", epoch(rec.get("stopDate").asText()));
            if (rec.has("output")) {
                out.put("output", rec.get("output").asText());
                out.putObject("outputDetails").put("included", true);
            }
            if (rec.has("error")) out.put("error", rec.get("error").asText());
            if (rec.has("cause")) out.put("cause", rec.get("cause").asText());
            return out;
        }
    }

    private JsonNode listExecutions(JsonNode r) {
        String smArn = stateMachine(required(r, "stateMachineArn")).get("stateMachineArn").asText();
        String filter = r.path("statusFilter").asText(null);
        int max = r.path("maxResults").asInt(100);
        if (max <= 0 || max > 1000) max = 100;
        int from = r.hasNonNull("nextToken") ? Integer.parseInt(r.get("nextToken").asText()) : 0;
        var matching = executions.values().stream().filter(e -> e.record.get("stateMachineArn").asText().equals(smArn))
                .filter(e -> filter == null || e.status().equals(filter))
                .sorted(Comparator.comparing((Execution e) -> e.record.get("startDate").asText()).reversed().thenComparing(Execution::arn)).toList();
        var out = F.objectNode();
        var list = out.putArray("executions");
        for (int i = from; i < Math.min(matching.size(), from + max); i++) {
            var rec = matching.get(i).record;
            var item = list.addObject().put("executionArn", rec.get("executionArn").asText()).put("stateMachineArn", smArn)
                    .put("name", rec.get("name").asText()).put("status", matching.get(i).status()).put("startDate", epoch(rec.get("startDate").asText()));
            if (rec.has("stopDate")) item.put("stopDate", epoch(rec.get("stopDate").asText()));
        }
        if (from + max < matching.size()) out.put("nextToken", Integer.toString(from + max));
        return out;
    }

    private JsonNode history(JsonNode r) {
        var e = execution(required(r, "executionArn"));
        var events = new ArrayList<JsonNode>();
        synchronized (e.record) {
            e.record.withArray("/events").forEach(ev -> events.add(ev.deepCopy()));
        }
        if (r.path("reverseOrder").asBoolean(false)) java.util.Collections.reverse(events);
        int max = r.path("maxResults").asInt(100);
        if (max <= 0 || max > 1000) max = 100;
        int from = r.hasNonNull("nextToken") ? Integer.parseInt(r.get("nextToken").asText()) : 0;
        var out = F.objectNode();
        var list = out.putArray("events");
        for (int i = from; i < Math.min(events.size(), from + max); i++) {
            var ev = (ObjectNode) events.get(i);
            ev.put("timestamp", epoch(ev.get("timestamp").asText()));
            list.add(ev);
        }
        if (from + max < events.size()) out.put("nextToken", Integer.toString(from + max));
        return out;
    }

    private JsonNode stopExecution(JsonNode r) {
        var e = execution(required(r, "executionArn"));
        e.stop(r.path("error").asText(null), r.path("cause").asText(null));
        return F.objectNode().put("stopDate", epoch(e.record.path("stopDate").asText(clock.instant().toString())));
    }

    private JsonNode sendTask(JsonNode r, boolean success) {
        String token = required(r, "taskToken");
        var e = byToken(token);
        JsonNode outcome;
        if (success) {
            String output = required(r, "output");
            try {
                outcome = F.objectNode().set("result", JSON.readTree(output));
            } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
                throw new ApiError("InvalidOutput", "Invalid Output: '" + ex.getOriginalMessage() + "'");
            }
        } else {
            outcome = F.objectNode().put("error", r.path("error").asText("")).put("cause", r.path("cause").asText(""));
        }
        if (!e.complete(token, outcome)) throw new ApiError("TaskTimedOut", "Task Timed Out: '" + token + "'");
        return F.objectNode();
    }

    private JsonNode heartbeat(JsonNode r) {
        String token = required(r, "taskToken");
        if (!byToken(token).heartbeat(token)) throw new ApiError("TaskTimedOut", "Task Timed Out: '" + token + "'");
        return F.objectNode();
    }

    /** The state machine of the execution a task token belongs to (what SendTask* calls are authorized against). */
    public java.util.Optional<String> stateMachineOfToken(String token) {
        String execution = tokens.get(token);
        if (execution == null) return java.util.Optional.empty();
        String sm = execution.replace(":execution:", ":stateMachine:");
        return java.util.Optional.of(sm.substring(0, sm.lastIndexOf(':')));
    }

    private Execution byToken(String token) {
        String arn = tokens.get(token);
        if (arn == null) {
            if (!token.matches("[0-9a-f]{64}")) throw new ApiError("InvalidToken", "Invalid Token: '" + token + "'");
            throw new ApiError("TaskDoesNotExist", "Task Does Not Exist: '" + token + "'");
        }
        return executions.get(arn);
    }

    private ObjectNode stateMachine(String arn) {
        var sm = stateMachines.get(arn);
        if (sm == null) {
            if (!arn.contains(":stateMachine:")) throw new ApiError("InvalidArn", "Invalid Arn: '" + arn + "'");
            throw new ApiError("StateMachineDoesNotExist", "State Machine Does Not Exist: '" + arn + "'");
        }
        return sm;
    }

    private Execution execution(String arn) {
        var e = executions.get(arn);
        if (e == null) {
            if (!arn.contains(":execution:")) throw new ApiError("InvalidArn", "Invalid Arn: '" + arn + "'");
            throw new ApiError("ExecutionDoesNotExist", "Execution Does Not Exist: '" + arn + "'");
        }
        return e;
    }

    private static String required(JsonNode r, String field) {
        if (!r.hasNonNull(field) || !r.get(field).isTextual() || r.get(field).asText().isEmpty()) {
            throw new ApiError("ValidationException", "1 validation error detected: Value null at '" + field + "' failed to satisfy constraint: Member must not be null");
        }
        return r.get(field).asText();
    }

    /** Timestamps in the AWS JSON protocols are epoch seconds. */
    private static double epoch(String instant) {
        var i = Instant.parse(instant);
        return i.getEpochSecond() + i.getNano() / 1e9;
    }
}
