package org.teachertraining.local.sfn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Checks a definition against what the emulation implements, before anything runs: every field of every
 * state is known, every path parses, every intrinsic function exists, every Next names a state, every Task
 * resource is one the local runtime can call. Anything else is refused with the field named
 * ({@link UnsupportedDefinition}), so a definition never runs differently here than in AWS.
 */
final class Definition {
    private static final Set<String> COMMON = Set.of("Type", "Comment", "Next", "End", "InputPath", "OutputPath");
    private static final Map<String, Set<String>> FIELDS = Map.of(
            "Pass", Set.of("Result", "ResultPath", "Parameters"),
            "Task", Set.of("Resource", "Parameters", "ResultSelector", "ResultPath", "Retry", "Catch", "TimeoutSeconds", "HeartbeatSeconds"),
            "Choice", Set.of("Choices", "Default"),
            "Wait", Set.of("Seconds", "SecondsPath", "Timestamp", "TimestampPath"),
            "Succeed", Set.of(),
            "Fail", Set.of("Error", "Cause", "ErrorPath", "CausePath"),
            "Parallel", Set.of("Branches", "Parameters", "ResultSelector", "ResultPath", "Retry", "Catch"),
            "Map", Set.of("ItemsPath", "ItemSelector", "Parameters", "Iterator", "ItemProcessor", "MaxConcurrency", "ResultSelector",
                    "ResultPath", "Retry", "Catch"));
    static final Set<String> COMPARISONS = Set.of("StringEquals", "StringLessThan", "StringGreaterThan", "StringLessThanEquals",
            "StringGreaterThanEquals", "StringMatches", "NumericEquals", "NumericLessThan", "NumericGreaterThan", "NumericLessThanEquals",
            "NumericGreaterThanEquals", "BooleanEquals", "TimestampEquals", "TimestampLessThan", "TimestampGreaterThan",
            "TimestampLessThanEquals", "TimestampGreaterThanEquals", "IsNull", "IsPresent", "IsNumeric", "IsString", "IsBoolean", "IsTimestamp");

    private Definition() {}

    static void validate(JsonNode definition) {
        if (!definition.isObject()) throw new UnsupportedDefinition("definition", "must be a JSON object");
        for (var f : names(definition)) {
            if (!Set.of("StartAt", "States", "Comment", "Version").contains(f)) {
                throw new UnsupportedDefinition(f, f.equals("TimeoutSeconds") ? "execution timeouts are not emulated" : "unknown top-level field");
            }
        }
        machine(definition, "");
    }

    private static void machine(JsonNode m, String at) {
        var states = m.get("States");
        if (m.get("StartAt") == null || !m.get("StartAt").isTextual()) throw new UnsupportedDefinition(at + "StartAt", "is required");
        if (states == null || !states.isObject() || states.isEmpty()) throw new UnsupportedDefinition(at + "States", "is required");
        if (!states.has(m.get("StartAt").asText())) throw new UnsupportedDefinition(at + "StartAt", "names no state: " + m.get("StartAt").asText());
        for (var it = states.fields(); it.hasNext(); ) {
            var e = it.next();
            state(e.getKey(), e.getValue(), at + "States." + e.getKey(), states);
        }
    }

    private static void state(String name, JsonNode s, String at, JsonNode states) {
        String type = s.path("Type").asText(null);
        if (type == null || !FIELDS.containsKey(type)) throw new UnsupportedDefinition(at + ".Type", "unknown or unsupported state type " + type);
        for (var f : names(s)) {
            if (!COMMON.contains(f) && !FIELDS.get(type).contains(f)) throw new UnsupportedDefinition(at + "." + f, "not supported on a " + type + " state");
        }
        boolean terminal = type.equals("Succeed") || type.equals("Fail") || type.equals("Choice");
        if (!terminal) {
            boolean end = s.path("End").asBoolean(false);
            if (end == s.has("Next")) throw new UnsupportedDefinition(at, "needs exactly one of Next and End: true");
        }
        if (s.has("Next") && !states.has(s.get("Next").asText())) throw new UnsupportedDefinition(at + ".Next", "names no state: " + s.get("Next").asText());
        for (var p : new String[]{"InputPath", "OutputPath", "ResultPath", "ItemsPath", "SecondsPath", "TimestampPath", "ErrorPath", "CausePath"}) {
            if (s.has(p) && !s.get(p).isNull()) JsonPath.parse(s.get(p).asText(), at + "." + p);
        }
        for (var p : new String[]{"Parameters", "ResultSelector", "ItemSelector"}) {
            if (s.has(p)) template(s.get(p), at + "." + p);
        }
        switch (type) {
            case "Task" -> {
                String resource = s.path("Resource").asText("");
                if (!resource.matches("arn:[a-z-]+:states:::lambda:invoke(\\.waitForTaskToken)?") && !resource.matches("arn:[a-z-]+:lambda:[^:]*:[^:]*:function:[^:]+")) {
                    throw new UnsupportedDefinition(at + ".Resource", "only Lambda functions (by ARN, or arn:…:states:::lambda:invoke[.waitForTaskToken]) are emulated: " + resource);
                }
            }
            case "Choice" -> {
                if (!s.path("Choices").isArray() || s.get("Choices").isEmpty()) throw new UnsupportedDefinition(at + ".Choices", "is required");
                int i = 0;
                for (var rule : s.get("Choices")) {
                    rule(rule, at + ".Choices[" + i + "]", true);
                    if (!states.has(rule.path("Next").asText())) throw new UnsupportedDefinition(at + ".Choices[" + i + "].Next", "names no state");
                    i++;
                }
                if (s.has("Default") && !states.has(s.get("Default").asText())) throw new UnsupportedDefinition(at + ".Default", "names no state");
            }
            case "Wait" -> {
                int given = 0;
                for (var f : new String[]{"Seconds", "SecondsPath", "Timestamp", "TimestampPath"}) if (s.has(f)) given++;
                if (given != 1) throw new UnsupportedDefinition(at, "a Wait state needs exactly one of Seconds, SecondsPath, Timestamp, TimestampPath");
            }
            case "Parallel" -> {
                int i = 0;
                for (var b : s.path("Branches")) machine(b, at + ".Branches[" + i++ + "].");
                if (i == 0) throw new UnsupportedDefinition(at + ".Branches", "is required");
            }
            case "Map" -> {
                var processor = s.has("ItemProcessor") ? s.get("ItemProcessor") : s.get("Iterator");
                if (processor == null) throw new UnsupportedDefinition(at + ".ItemProcessor", "is required");
                if (processor.has("ProcessorConfig") && !"INLINE".equals(processor.path("ProcessorConfig").path("Mode").asText("INLINE"))) {
                    throw new UnsupportedDefinition(at + ".ItemProcessor.ProcessorConfig.Mode", "only INLINE Map states are emulated");
                }
                var inner = processor.deepCopy();
                if (inner instanceof ObjectNode o) o.remove("ProcessorConfig");
                machine(inner, at + ".ItemProcessor.");
            }
            default -> { }
        }
        retriesAndCatches(s, at);
    }

    private static void rule(JsonNode rule, String at, boolean top) {
        if (rule.has("And") || rule.has("Or")) {
            var list = rule.has("And") ? rule.get("And") : rule.get("Or");
            int i = 0;
            for (var r : list) rule(r, at + (rule.has("And") ? ".And[" : ".Or[") + i++ + "]", false);
        } else if (rule.has("Not")) {
            rule(rule.get("Not"), at + ".Not", false);
        } else {
            if (!rule.has("Variable")) throw new UnsupportedDefinition(at + ".Variable", "is required");
            JsonPath.parse(rule.get("Variable").asText(), at + ".Variable");
            long ops = 0;
            for (var f : names(rule)) {
                String base = f.endsWith("Path") ? f.substring(0, f.length() - 4) : f;
                if (f.equals("Variable") || f.equals("Next") || f.equals("Comment")) continue;
                if (!COMPARISONS.contains(base) || f.endsWith("Path") && base.startsWith("Is")) {
                    throw new UnsupportedDefinition(at + "." + f, "unknown comparison operator");
                }
                if (f.endsWith("Path")) JsonPath.parse(rule.get(f).asText(), at + "." + f);
                ops++;
            }
            if (ops != 1) throw new UnsupportedDefinition(at, "a rule needs exactly one comparison operator");
        }
        if (top && !rule.has("Next")) throw new UnsupportedDefinition(at + ".Next", "is required");
    }

    private static void retriesAndCatches(JsonNode s, String at) {
        int i = 0;
        for (var r : s.path("Retry")) {
            for (var f : names(r)) {
                if (!Set.of("ErrorEquals", "IntervalSeconds", "MaxAttempts", "BackoffRate", "MaxDelaySeconds", "JitterStrategy", "Comment").contains(f)) {
                    throw new UnsupportedDefinition(at + ".Retry[" + i + "]." + f, "unknown retrier field");
                }
            }
            if (!r.path("ErrorEquals").isArray() || r.get("ErrorEquals").isEmpty()) throw new UnsupportedDefinition(at + ".Retry[" + i + "].ErrorEquals", "is required");
            i++;
        }
        i = 0;
        for (var c : s.path("Catch")) {
            if (!c.path("ErrorEquals").isArray() || !c.has("Next")) throw new UnsupportedDefinition(at + ".Catch[" + i + "]", "needs ErrorEquals and Next");
            if (c.has("ResultPath") && !c.get("ResultPath").isNull()) JsonPath.parse(c.get("ResultPath").asText(), at + ".Catch[" + i + "].ResultPath");
            i++;
        }
    }

    private static void template(JsonNode t, String at) {
        if (t == null) return;
        if (t.isObject()) {
            for (var it = t.fields(); it.hasNext(); ) {
                var e = it.next();
                if (e.getKey().endsWith(".$")) {
                    if (!e.getValue().isTextual()) throw new UnsupportedDefinition(at + "." + e.getKey(), "a .$ field takes a path or an intrinsic function");
                    String v = e.getValue().asText();
                    if (Intrinsics.isCall(v)) Intrinsics.validate(v, at + "." + e.getKey());
                    else JsonPath.parse(v, at + "." + e.getKey());
                } else {
                    template(e.getValue(), at + "." + e.getKey());
                }
            }
        } else if (t.isArray()) {
            int i = 0;
            for (var e : t) template(e, at + "[" + i++ + "]");
        }
    }

    private static Set<String> names(JsonNode n) {
        var out = new HashSet<String>();
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) out.add(it.next());
        return out;
    }
}
