package org.teachertraining.core.common;

/** One problem with one input field; {@code field} is a JSON-pointer-like path such as {@code phases[0].days}. */
public record FieldError(String field, Text message) {}
