package org.teachertraining.http;

import org.teachertraining.core.common.Violations;

/** Query parameters as the use cases take them: blank is absent, numbers strict (no "1e3", no " 7"), a bad one a 400 naming it. */
public final class QueryValues {
    private QueryValues() {}

    public static String text(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** One of {@code type}'s constants by its exact name; anything else a 400 that lists the allowed names (and does not echo the value). */
    public static <E extends Enum<E>> E constant(String name, String value, Class<E> type) {
        if (text(value) == null) return null;
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(value)) return e;
        }
        throw new ProblemException(400, new Violations().notOneOf(name, org.teachertraining.core.common.Text.of("未知的取值", "unknown value"), type).refusal());
    }

    public static Integer integer(String name, String value) {
        if (text(value) == null) return null;
        if (!value.matches("-?[0-9]{1,9}")) {
            throw new ProblemException(400, new Violations().add(name, "须为整数", "must be an integer").refusal());
        }
        return Integer.valueOf(value);
    }
}
