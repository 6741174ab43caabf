package org.teachertraining.local.sfn;

import com.fasterxml.jackson.databind.JsonNode;


import java.util.Iterator;
import java.util.regex.Pattern;

/**
 * Choice rules: And, Or, Not and the comparison operators (each with its …Path form). A comparison of
 * values of the wrong type is false, as in AWS; a Variable that is absent is States.Runtime unless the
 * operator is IsPresent.
 */
final class Choices {
    private Choices() {}

    static boolean evaluate(JsonNode rule, JsonNode input, JsonNode context, String at) {
        if (rule.has("And")) {
            for (var r : rule.get("And")) if (!evaluate(r, input, context, at)) return false;
            return true;
        }
        if (rule.has("Or")) {
            for (var r : rule.get("Or")) if (evaluate(r, input, context, at)) return true;
            return false;
        }
        if (rule.has("Not")) return !evaluate(rule.get("Not"), input, context, at);

        String op = operator(rule);
        var variablePath = JsonPath.parse(rule.get("Variable").asText(), at + ".Variable");
        JsonNode value;
        try {
            value = variablePath.select(input, context);
        } catch (AslError missing) {
            if (op.equals("IsPresent")) return !rule.get(op).asBoolean();
            throw AslError.runtime("Invalid path " + rule.get("Variable").asText() + ": the choice state's condition path references an invalid value.");
        }
        JsonNode operand = rule.get(op);
        String base = op;
        if (op.endsWith("Path") && !op.startsWith("Is")) {
            base = op.substring(0, op.length() - 4);
            operand = JsonPath.parse(operand.asText(), at + "." + op).select(input, context);
        }
        return compare(base, value, operand);
    }

    private static String operator(JsonNode rule) {
        for (Iterator<String> it = rule.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!f.equals("Variable") && !f.equals("Next") && !f.equals("Comment")) return f;
        }
        throw new IllegalStateException("rule without operator");
    }

    private static boolean compare(String op, JsonNode v, JsonNode x) {
        switch (op) {
            case "IsNull": return v.isNull() == x.asBoolean();
            case "IsPresent": return x.asBoolean();
            case "IsNumeric": return v.isNumber() == x.asBoolean();
            case "IsString": return v.isTextual() == x.asBoolean();
            case "IsBoolean": return v.isBoolean() == x.asBoolean();
            case "IsTimestamp": return (v.isTextual() && Interpreter.timestamp(v.asText()).isPresent()) == x.asBoolean();
            case "BooleanEquals": return v.isBoolean() && x.isBoolean() && v.asBoolean() == x.asBoolean();
            case "StringMatches": return v.isTextual() && x.isTextual() && matches(v.asText(), x.asText());
            default: break;
        }
        if (op.startsWith("String")) {
            if (!v.isTextual() || !x.isTextual()) return false;
            return ordered(op.substring(6), v.asText().compareTo(x.asText()));
        }
        if (op.startsWith("Numeric")) {
            if (!v.isNumber() || !x.isNumber()) return false;
            return ordered(op.substring(7), v.decimalValue().compareTo(x.decimalValue()));
        }
        if (op.startsWith("Timestamp")) {
            if (!v.isTextual() || !x.isTextual()) return false;
            var a = Interpreter.timestamp(v.asText());
            var b = Interpreter.timestamp(x.asText());
            if (a.isEmpty() || b.isEmpty()) return false;
            return ordered(op.substring(9), a.get().compareTo(b.get()));
        }
        throw new IllegalStateException(op);
    }

    private static boolean ordered(String relation, int c) {
        return switch (relation) {
            case "Equals" -> c == 0;
            case "LessThan" -> c < 0;
            case "GreaterThan" -> c > 0;
            case "LessThanEquals" -> c <= 0;
            case "GreaterThanEquals" -> c >= 0;
            default -> throw new IllegalStateException(relation);
        };
    }

    /** StringMatches: * matches any run of characters; \* and \\ escape. */
    private static boolean matches(String value, String pattern) {
        var regex = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\' && i + 1 < pattern.length()) regex.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
            else if (c == '*') regex.append(".*");
            else regex.append(Pattern.quote(String.valueOf(c)));
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL).matcher(value).matches();
    }

}
