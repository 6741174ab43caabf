package org.teachertraining.core.common;

/** The 404 refusals, worded once. */
public final class NotFound {
    private NotFound() {}

    public static Refusal program(String id) {
        return Refusal.notFound(Text.of("计划不存在：" + id, "No program " + id));
    }

    public static Refusal project(String id) {
        return Refusal.notFound(Text.of("项目不存在：" + id, "No project " + id));
    }

    public static Refusal teacher(String id) {
        return Refusal.notFound(Text.of("教师不存在：" + id, "No teacher " + id));
    }

    /**
     * No teacher {@code id}, where one is registered as {@code registered}, the same ID in another case (an ID card's "x"
     * typed for its "X"): the clerk is told which to send, since IDs are matched as registered.
     */
    public static Refusal teacher(String id, java.util.Optional<String> registered) {
        var none = teacher(id);
        return registered.map(NotFound::registeredAs).map(more -> Refusal.notFound(Text.of(none.message().zh() + more.zh(), none.message().en() + more.en())))
                .orElse(none);
    }

    /** What a refusal naming a teacher ID adds where the teacher is registered as {@code registered}, the ID in another case. */
    public static Text registeredAs(String registered) {
        return Text.of("；已登记的教师编号是 " + registered + "（编号区分大小写）", "; the teacher registered is " + registered + " (IDs are case-sensitive)");
    }
}
