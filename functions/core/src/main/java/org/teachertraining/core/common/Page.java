package org.teachertraining.core.common;

import java.util.List;

/** One page of a listing; {@code nextCursor} is opaque to clients and null on the last page. */
public record Page<T>(List<T> items, String nextCursor) {
    /** How many items a whole-list export reads at a time (callers' pages hold at most 100). */
    public static final int EXPORT_SIZE = 1000;
}
