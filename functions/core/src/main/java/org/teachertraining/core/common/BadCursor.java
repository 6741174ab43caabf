package org.teachertraining.core.common;

/** Thrown by adapters given a cursor they did not issue; use cases turn it into a 400 on {@code cursor}. */
public final class BadCursor extends RuntimeException {
    public BadCursor() {
        super("invalid cursor", null, false, false);
    }

    /** The refusal every listing answers with: a 400 on {@code cursor}. */
    public static Refusal refusal() {
        return new Violations().add("cursor", "无效的分页游标", "is not a cursor this listing issued").refusal();
    }
}
