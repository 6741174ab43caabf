package org.teachertraining.local.sfn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/**
 * The JSONPath subset ASL definitions use: {@code $}, {@code $.a.b}, {@code $['a']}, {@code $.a[0]},
 * {@code $.a[*].b} (selection only), and {@code $$.…} for the context object. Filters, slices and
 * recursive descent are refused ({@link UnsupportedDefinition}).
 */
final class JsonPath {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    sealed interface Step permits Field, Index, Wildcard {}
    record Field(String name) implements Step {}
    record Index(int index) implements Step {}
    record Wildcard() implements Step {}

    final String text;
    final boolean context;
    final List<Step> steps;

    private JsonPath(String text, boolean context, List<Step> steps) {
        this.text = text;
        this.context = context;
        this.steps = steps;
    }

    static boolean isPath(String s) {
        return s.startsWith("$");
    }

    static JsonPath parse(String path, String field) {
        boolean context = path.startsWith("$$");
        String rest = path.substring(context ? 2 : 1);
        var steps = new ArrayList<Step>();
        int i = 0;
        while (i < rest.length()) {
            char c = rest.charAt(i);
            if (c == '.') {
                if (i + 1 < rest.length() && rest.charAt(i + 1) == '.') throw new UnsupportedDefinition(field, "recursive descent (..) in " + path);
                int j = i + 1;
                while (j < rest.length() && rest.charAt(j) != '.' && rest.charAt(j) != '[') j++;
                String name = rest.substring(i + 1, j);
                if (name.isEmpty()) throw new UnsupportedDefinition(field, "empty name in " + path);
                steps.add(name.equals("*") ? new Wildcard() : new Field(name));
                i = j;
            } else if (c == '[') {
                int j = rest.indexOf(']', i);
                if (j < 0) throw new UnsupportedDefinition(field, "unclosed [ in " + path);
                String inner = rest.substring(i + 1, j).strip();
                if (inner.equals("*")) steps.add(new Wildcard());
                else if (inner.matches("\\d+")) steps.add(new Index(Integer.parseInt(inner)));
                else if (inner.length() >= 2 && (inner.startsWith("'") && inner.endsWith("'") || inner.startsWith("\"") && inner.endsWith("\""))) {
                    steps.add(new Field(inner.substring(1, inner.length() - 1)));
                } else {
                    throw new UnsupportedDefinition(field, "JSONPath [" + inner + "] (filters, slices, unions) in " + path);
                }
                i = j + 1;
            } else {
                throw new UnsupportedDefinition(field, "not a JSONPath: " + path);
            }
        }
        return new JsonPath(path, context, List.copyOf(steps));
    }

    boolean definite() {
        return steps.stream().noneMatch(s -> s instanceof Wildcard);
    }

    /** The value at this path; a path that matches nothing is States.Runtime, as in AWS. */
    JsonNode select(JsonNode data, JsonNode contextObject) {
        JsonNode root = context ? contextObject : data;
        if (definite()) {
            JsonNode n = root;
            for (var s : steps) {
                n = step(n, s);
                if (n == null) throw AslError.runtime("The JSONPath " + text + " could not be found in the input " + root);
            }
            return n;
        }
        var results = F.arrayNode();
        collect(root, 0, results);
        return results;
    }

    private void collect(JsonNode n, int at, ArrayNode into) {
        if (n == null) return;
        if (at == steps.size()) {
            into.add(n);
            return;
        }
        var s = steps.get(at);
        if (s instanceof Wildcard) {
            if (n.isArray() || n.isObject()) n.elements().forEachRemaining(e -> collect(e, at + 1, into));
        } else {
            collect(step(n, s), at + 1, into);
        }
    }

    private static JsonNode step(JsonNode n, Step s) {
        if (n == null) return null;
        if (s instanceof Field f) return n.isObject() ? n.get(f.name()) : null;
        if (s instanceof Index x) return n.isArray() ? n.get(x.index()) : null;
        throw new IllegalStateException("wildcard in a definite path");
    }

    /** ResultPath: {@code data} with {@code value} placed at this path (creating objects on the way); {@code $} replaces it. */
    JsonNode place(JsonNode data, JsonNode value) {
        if (context) throw new UnsupportedDefinition("ResultPath", "cannot write to the context object: " + text);
        if (steps.isEmpty()) return value;
        if (!data.isObject()) throw AslError.runtime("Unable to apply ResultPath " + text + " to input " + data + ": it is not an object");
        ObjectNode copy = ((ObjectNode) data).deepCopy();
        ObjectNode n = copy;
        for (int i = 0; i < steps.size(); i++) {
            if (!(steps.get(i) instanceof Field f)) throw new UnsupportedDefinition("ResultPath", "only field names are supported: " + text);
            if (i == steps.size() - 1) {
                n.set(f.name(), value);
            } else {
                var next = n.get(f.name());
                if (next == null || next.isNull()) {
                    next = F.objectNode();
                    n.set(f.name(), next);
                } else if (!next.isObject()) {
                    throw AslError.runtime("Unable to apply ResultPath " + text + ": " + f.name() + " is not an object");
                }
                n = (ObjectNode) next;
            }
        }
        return copy;
    }
}
