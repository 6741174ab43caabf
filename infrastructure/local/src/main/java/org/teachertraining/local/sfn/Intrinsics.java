package org.teachertraining.local.sfn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * ASL intrinsic functions ({@code States.Format('…{}', $.x)} and the rest), parsed and evaluated. The
 * non-deterministic ones (States.UUID, States.MathRandom) are refused: an execution replayed after a
 * restart must take the same path. A failure inside a function is {@code States.IntrinsicFailure}.
 */
final class Intrinsics {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final ObjectMapper JSON = new ObjectMapper();
    static final Set<String> SUPPORTED = Set.of("States.Format", "States.StringToJson", "States.JsonToString", "States.Array",
            "States.ArrayPartition", "States.ArrayContains", "States.ArrayRange", "States.ArrayGetItem", "States.ArrayLength",
            "States.ArrayUnique", "States.Base64Encode", "States.Base64Decode", "States.Hash", "States.JsonMerge", "States.MathAdd",
            "States.StringSplit");

    static boolean isCall(String s) {
        return s.startsWith("States.");
    }

    /** Checks the call's syntax and function names at definition time. */
    static void validate(String expression, String field) {
        new Parser(expression, field).parseCall();
    }

    static JsonNode evaluate(String expression, String field, JsonNode input, JsonNode context) {
        return new Parser(expression, field).parseCall().eval(input, context);
    }

    private interface Expr {
        JsonNode eval(JsonNode input, JsonNode context);
    }

    private record Call(String name, List<Expr> args, String field) implements Expr {
        public JsonNode eval(JsonNode input, JsonNode context) {
            var values = new ArrayList<JsonNode>();
            for (var a : args) values.add(a.eval(input, context));
            try {
                return apply(name, values);
            } catch (AslError e) {
                throw e;
            } catch (RuntimeException e) {
                throw new AslError("States.IntrinsicFailure", name + ": " + e.getMessage());
            }
        }
    }

    private static JsonNode apply(String name, List<JsonNode> a) throws RuntimeException {
        switch (name) {
            case "States.Format" -> {
                String template = text(a, 0);
                var sb = new StringBuilder();
                int arg = 1;
                for (int i = 0; i < template.length(); i++) {
                    char c = template.charAt(i);
                    if (c == '{' && i + 1 < template.length() && template.charAt(i + 1) == '}') {
                        if (arg >= a.size()) throw new IllegalArgumentException("more {} than arguments");
                        var v = a.get(arg++);
                        sb.append(v.isTextual() ? v.asText() : v.toString());
                        i++;
                    } else {
                        sb.append(c);
                    }
                }
                if (arg != a.size()) throw new IllegalArgumentException("more arguments than {}");
                return F.textNode(sb.toString());
            }
            case "States.StringToJson" -> {
                try {
                    return JSON.readTree(text(a, 0));
                } catch (Exception e) {
                    throw new IllegalArgumentException("not JSON: " + text(a, 0));
                }
            }
            case "States.JsonToString" -> {
                return F.textNode(a.get(0).toString());
            }
            case "States.Array" -> {
                var arr = F.arrayNode();
                a.forEach(arr::add);
                return arr;
            }
            case "States.ArrayPartition" -> {
                var arr = array(a, 0);
                int size = a.get(1).asInt();
                if (size < 1) throw new IllegalArgumentException("chunk size must be positive");
                var out = F.arrayNode();
                ArrayNode chunk = null;
                for (int i = 0; i < arr.size(); i++) {
                    if (i % size == 0) chunk = out.addArray();
                    chunk.add(arr.get(i));
                }
                return out;
            }
            case "States.ArrayContains" -> {
                for (var e : array(a, 0)) if (e.equals(a.get(1))) return F.booleanNode(true);
                return F.booleanNode(false);
            }
            case "States.ArrayRange" -> {
                long start = a.get(0).asLong(), end = a.get(1).asLong(), step = a.get(2).asLong();
                if (step == 0) throw new IllegalArgumentException("step must not be 0");
                var out = F.arrayNode();
                for (long v = start; step > 0 ? v <= end : v >= end; v += step) {
                    out.add(v);
                    if (out.size() > 1000) throw new IllegalArgumentException("more than 1000 items");
                }
                return out;
            }
            case "States.ArrayGetItem" -> {
                var arr = array(a, 0);
                int i = a.get(1).asInt();
                if (i < 0 || i >= arr.size()) throw new IllegalArgumentException("index " + i + " out of bounds");
                return arr.get(i);
            }
            case "States.ArrayLength" -> {
                return F.numberNode(array(a, 0).size());
            }
            case "States.ArrayUnique" -> {
                var seen = new LinkedHashSet<JsonNode>();
                array(a, 0).forEach(seen::add);
                var out = F.arrayNode();
                seen.forEach(out::add);
                return out;
            }
            case "States.Base64Encode" -> {
                return F.textNode(Base64.getEncoder().encodeToString(text(a, 0).getBytes(StandardCharsets.UTF_8)));
            }
            case "States.Base64Decode" -> {
                return F.textNode(new String(Base64.getDecoder().decode(text(a, 0)), StandardCharsets.UTF_8));
            }
            case "States.Hash" -> {
                String algorithm = text(a, 1);
                if (!Set.of("MD5", "SHA-1", "SHA-256", "SHA-384", "SHA-512").contains(algorithm)) {
                    throw new IllegalArgumentException("unknown algorithm " + algorithm);
                }
                var data = a.get(0).isTextual() ? a.get(0).asText() : a.get(0).toString();
                try {
                    return F.textNode(HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(data.getBytes(StandardCharsets.UTF_8))));
                } catch (java.security.NoSuchAlgorithmException e) {
                    throw new IllegalArgumentException(e.getMessage());
                }
            }
            case "States.JsonMerge" -> {
                if (!a.get(0).isObject() || !a.get(1).isObject()) throw new IllegalArgumentException("both arguments must be objects");
                if (a.size() > 2 && a.get(2).asBoolean()) throw new IllegalArgumentException("deep merge is not supported by Step Functions");
                ObjectNode out = ((ObjectNode) a.get(0)).deepCopy();
                out.setAll((ObjectNode) a.get(1));
                return out;
            }
            case "States.MathAdd" -> {
                return F.numberNode(Math.addExact(a.get(0).asLong(), a.get(1).asLong()));
            }
            case "States.StringSplit" -> {
                // every delimiter character splits, and empty pieces between two delimiters are kept
                var out = F.arrayNode();
                String s = text(a, 0), delimiters = text(a, 1);
                var current = new StringBuilder();
                for (char c : s.toCharArray()) {
                    if (delimiters.indexOf(c) >= 0) {
                        out.add(current.toString());
                        current.setLength(0);
                    } else {
                        current.append(c);
                    }
                }
                out.add(current.toString());
                return out;
            }
            default -> throw new IllegalStateException(name);
        }
    }

    private static String text(List<JsonNode> a, int i) {
        if (i >= a.size() || !a.get(i).isTextual()) throw new IllegalArgumentException("argument " + (i + 1) + " must be a string");
        return a.get(i).asText();
    }

    private static JsonNode array(List<JsonNode> a, int i) {
        if (i >= a.size() || !a.get(i).isArray()) throw new IllegalArgumentException("argument " + (i + 1) + " must be an array");
        return a.get(i);
    }

    private static final class Parser {
        private final String s;
        private final String field;
        private int i;

        Parser(String s, String field) {
            this.s = s;
            this.field = field;
        }

        Call parseCall() {
            var call = call();
            skipSpaces();
            if (i != s.length()) throw fail("unexpected '" + s.substring(i) + "'");
            return call;
        }

        private Call call() {
            int start = i;
            while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '.')) i++;
            String name = s.substring(start, i);
            if (name.equals("States.UUID") || name.equals("States.MathRandom")) {
                throw new UnsupportedDefinition(field, name + " is not deterministic, so an execution could not be replayed after a restart");
            }
            if (!SUPPORTED.contains(name)) throw new UnsupportedDefinition(field, "unknown intrinsic function " + name);
            expect('(');
            var args = new ArrayList<Expr>();
            skipSpaces();
            if (peek() != ')') {
                do {
                    skipSpaces();
                    args.add(argument());
                    skipSpaces();
                } while (consume(','));
            }
            expect(')');
            return new Call(name, args, field);
        }

        private Expr argument() {
            char c = peek();
            if (c == '\'') {
                var sb = new StringBuilder();
                i++;
                while (i < s.length() && s.charAt(i) != '\'') {
                    if (s.charAt(i) == '\\' && i + 1 < s.length()) i++;
                    sb.append(s.charAt(i++));
                }
                expect('\'');
                var text = F.textNode(sb.toString());
                return (in, ctx) -> text;
            }
            if (c == '$') {
                int start = i;
                while (i < s.length() && s.charAt(i) != ',' && s.charAt(i) != ')') i++;
                var path = JsonPath.parse(s.substring(start, i).strip(), field);
                return path::select;
            }
            if (s.startsWith("States.", i)) return call();
            int start = i;
            while (i < s.length() && s.charAt(i) != ',' && s.charAt(i) != ')') i++;
            String literal = s.substring(start, i).strip();
            try {
                var node = JSON.readTree(literal);
                if (node == null || !(node.isNumber() || node.isBoolean() || node.isNull())) throw fail("bad argument " + literal);
                return (in, ctx) -> node;
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw fail("bad argument " + literal);
            }
        }

        private char peek() {
            return i < s.length() ? s.charAt(i) : '\0';
        }

        private boolean consume(char c) {
            if (peek() == c) {
                i++;
                return true;
            }
            return false;
        }

        private void expect(char c) {
            if (!consume(c)) throw fail("expected '" + c + "' at " + i);
        }

        private void skipSpaces() {
            while (i < s.length() && s.charAt(i) == ' ') i++;
        }

        private UnsupportedDefinition fail(String what) {
            return new UnsupportedDefinition(field, "intrinsic function " + s + ": " + what);
        }
    }
}
