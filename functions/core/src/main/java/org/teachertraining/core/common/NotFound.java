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
        return registered.map(r -> Refusal.notFound(Text.of("教师不存在：" + id + "；已登记的教师编号是 " + r + "（编号区分大小写）",
                "No teacher " + id + "; the teacher registered is " + r + " (IDs are case-sensitive)"))).orElseGet(() -> teacher(id));
    }
}
