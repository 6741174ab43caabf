package org.teachertraining.core.common;

/**
 * A new record's ID is another record's but for its case ("t00299" beside "T00299", "henu" beside "HENU"): thrown by a
 * store that keeps one record per ID whatever its case, decided in the write itself. {@code existing} is the other's.
 */
public final class IdOfAnother extends RuntimeException {
    private final String existing;

    public IdOfAnother(String existing) {
        super("the ID differs only in case from " + existing, null, false, false);
        this.existing = existing;
    }

    public String existing() {
        return existing;
    }
}
