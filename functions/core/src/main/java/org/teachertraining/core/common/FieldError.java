package org.teachertraining.core.common;

import java.util.List;

/**
 * One problem with one input field; {@code field} is a JSON-pointer-like path such as {@code phases[0].days}.
 * {@code allowed} lists the codes the field takes where the value sent was none of them (the message names them in the
 * reader's language: their names in Chinese, their codes in English); else it is empty.
 */
public record FieldError(String field, Text message, List<String> allowed) {
    public FieldError {
        allowed = List.copyOf(allowed);
    }

    public FieldError(String field, Text message) {
        this(field, message, List.of());
    }
}
