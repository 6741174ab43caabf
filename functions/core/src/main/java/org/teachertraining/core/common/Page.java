package org.teachertraining.core.common;

import java.util.List;

/** One page of a listing; {@code nextCursor} is opaque to clients and null on the last page. */
public record Page<T>(List<T> items, String nextCursor) {
    /** How many items a whole-list export reads at a time (callers' pages hold at most 100). */
    public static final int EXPORT_SIZE = 1000;
    /**
     * How many items a page of a filtered list (a search, one status, a unit's part of a shared list) reads at most to
     * fill itself; only a list longer than this can answer a page short, with a cursor to go on from where it stopped.
     */
    public static final int EVALUATED_PER_PAGE = 5_000;

    /** How many items a page of {@code limit} may read: exactly its page when nothing is filtered out, else up to {@link #EVALUATED_PER_PAGE}. */
    public static int evaluatedAtMost(int limit, boolean filtered) {
        return filtered ? Math.max(limit, EVALUATED_PER_PAGE) : limit;
    }
}
