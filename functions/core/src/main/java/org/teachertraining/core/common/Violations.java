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

    /**
     * A value that is none of {@code type}'s codes: the message's lead ({@code 未知的取值}) followed by the choices, by
     * their names in Chinese and their codes in English; the codes also in the error's {@code allowed}.
     */
    public Violations notOneOf(String field, Text lead, Class<?> type) {
        var choices = Labels.choices(type);
        return add(field, Text.of(lead.zh() + "，可选：" + choices.zh(), lead.en() + "; allowed: " + choices.en()), Labels.codes(type));
    }

    /** A field error that lists the codes the field takes ({@link FieldError#allowed}). */
    public Violations add(String field, Text message, List<String> allowed) {
        errors.add(new FieldError(field, message, allowed));
        return this;
    }

    public boolean required(String field, Object value) {
        if (value instanceof Collection<?> c && c.isEmpty()) {
            add(field, "至少需要一项", "needs at least one item");
            return false;
        }
        if (value == null || (value instanceof String s && s.isBlank())) {
            add(field, "必填", "is required");
            return false;
        }
        return true;
    }

    public void text(String field, String value, int maxLength) {
        if (required(field, value)) optionalText(field, value, maxLength);
    }

    /** Free text: at most {@code maxLength} characters, plain ({@link PlainText}). */
    public void optionalText(String field, String value, int maxLength) {
        if (value == null) return;
        if (value.strip().length() > maxLength) {
            add(field, "不能超过 " + maxLength + " 个字符", "must be at most " + maxLength + " characters");
        } else if (PlainText.problem(value) != null) {
            add(field, "含有控制字符、双向控制符或不成对的代理项", "contains " + PlainText.problem(value));
        }
    }

    /** A name (of a person, a unit, a program, a subject): required plain text that does not start like a formula. */
    public void name(String field, String value, int maxLength) {
        int before = errors.size();
        text(field, value, maxLength);
        if (errors.size() == before && PlainText.formulaLeading(value.strip())) {
            add(field, "不能以 = + - @ 开头（电子表格会当作公式）", "must not start with = + - @ (a spreadsheet would run it as a formula)");
        }
    }

    /** Identifiers: letters, digits, '-', '_' and '.', 1..64 characters. */
    public void identifier(String field, String value) {
        if (required(field, value) && !Identifiers.valid(value)) {
            if (!value.strip().equals(value) && Identifiers.valid(value.strip())) {   // pasted from a sheet with its spaces
                add(field, "首尾不能有空格（" + PlainText.quote(value.strip()) + "）", "must not begin or end with spaces ('" + PlainText.quote(value.strip()) + "')");
            } else {
                add(field, "只能包含字母、数字、- _ .，长度 1–64", "must be 1-64 letters, digits, '-', '_' or '.'");
            }
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
