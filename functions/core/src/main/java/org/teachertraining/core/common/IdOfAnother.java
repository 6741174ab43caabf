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

    /**
     * 409 for {@code id}, naming the registered ID to use (also as {@code existing}): {@code idName} is what the ID is
     * (教师编号), {@code sameOne} what it stands for (同一名教师).
     */
    public Refusal refusal(String id, Text idName, Text sameOne) {
        return Refusal.conflict(null, Text.of(
                idName.zh() + " " + id + " 与已登记的 " + existing + " 只有大小写不同：" + sameOne.zh() + "请用 " + existing,
                idName.en() + " " + id + " differs only in case from " + existing + ", already registered: for " + sameOne.en() + " use " + existing))
                .withDetails(java.util.Map.of("existing", existing));
    }
}
