package org.teachertraining.core.common;

import java.util.List;
import java.util.Map;

/**
 * Why a use case did not do what was asked. Business-rule breaches are results, not exceptions:
 * {@code rule} is the docs/domain.md rule ID (E1, E2...) when a rule refused the request.
 */
public record Refusal(Kind kind, String rule, Text message, List<FieldError> errors, Map<String, Object> details) {

    public enum Kind { INVALID, UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, CONFLICT, UNPROCESSABLE }

    public Refusal {
        errors = errors == null ? List.of() : List.copyOf(errors);
        details = details == null ? Map.of() : Map.copyOf(details);
    }

    /** At most this many field problems are listed in a refusal, the first {@value #IN_DETAIL} of them in its message too. */
    private static final int LISTED = 50, IN_DETAIL = 10;

    /**
     * Field problems. A body within its limit can still name a thousand (every row of an attendance list, say), so the
     * first {@value #LISTED} are listed and {@code errorCount} says how many there were: the answer stays small, and
     * a caller who mends those sees the next ones.
     */
    public static Refusal invalid(List<FieldError> errors) {
        int n = errors.size();
        var told = errors.subList(0, Math.min(n, IN_DETAIL));
        String zh = told.stream().map(e -> e.field() + "：" + e.message().zh()).collect(java.util.stream.Collectors.joining("；"))
                + (n > IN_DETAIL ? "；等共 " + n + " 处问题" : "");
        String en = told.stream().map(e -> e.field() + ": " + e.message().en()).collect(java.util.stream.Collectors.joining("; "))
                + (n > IN_DETAIL ? "; and " + (n - IN_DETAIL) + " more (" + n + " in all)" : "");
        return new Refusal(Kind.INVALID, null, Text.of("请求内容有误：" + zh, "Invalid request: " + en), errors.subList(0, Math.min(n, LISTED)),
                n > LISTED ? Map.of("errorCount", n) : null);
    }

    public static Refusal forbidden(Text message) {
        return new Refusal(Kind.FORBIDDEN, null, message, null, null);
    }

    public static Refusal notFound(Text message) {
        return new Refusal(Kind.NOT_FOUND, null, message, null, null);
    }

    public static Refusal conflict(String rule, Text message) {
        return new Refusal(Kind.CONFLICT, rule, message, null, null);
    }

    public static Refusal unprocessable(String rule, Text message, Map<String, Object> details) {
        return new Refusal(Kind.UNPROCESSABLE, rule, message, null, details);
    }

    public Refusal withDetails(Map<String, Object> more) {
        var merged = new java.util.LinkedHashMap<String, Object>(details);
        merged.putAll(more);
        return new Refusal(kind, rule, message, errors, merged);
    }
}
