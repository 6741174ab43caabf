package org.teachertraining.core.common;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Collects field errors while validating a command; empty means valid. */
public final class Violations {
    private final List<FieldError> errors = new ArrayList<>();

    public Violations add(String field, String zh, String en) {
        errors.add(new FieldError(field, Text.of(zh, en)));
        return this;
    }

    public boolean required(String field, Object value) {
        if (value == null || (value instanceof String s && s.isBlank()) || (value instanceof Collection<?> c && c.isEmpty())) {
            add(field, "必填", "is required");
            return false;
        }
        return true;
    }

    public void text(String field, String value, int maxLength) {
        if (required(field, value) && value.strip().length() > maxLength) {
            add(field, "不能超过 " + maxLength + " 个字符", "must be at most " + maxLength + " characters");
        }
    }

    public void optionalText(String field, String value, int maxLength) {
        if (value != null && value.strip().length() > maxLength) {
            add(field, "不能超过 " + maxLength + " 个字符", "must be at most " + maxLength + " characters");
        }
    }

    /** Identifiers: letters, digits, '-', '_' and '.', 1..64 characters. */
    public void identifier(String field, String value) {
        if (required(field, value) && !value.matches("[A-Za-z0-9._-]{1,64}")) {
            add(field, "只能包含字母、数字、- _ .，长度 1–64", "must be 1-64 letters, digits, '-', '_' or '.'");
        }
    }

    public void range(String field, Long value, long min, long max) {
        if (value != null && (value < min || value > max)) {
            add(field, "必须在 " + min + " 到 " + max + " 之间", "must be between " + min + " and " + max);
        }
    }

    public void range(String field, Integer value, long min, long max) {
        range(field, value == null ? null : value.longValue(), min, max);
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    public List<FieldError> errors() {
        return List.copyOf(errors);
    }

    public Refusal refusal() {
        return Refusal.invalid(errors);
    }
}
