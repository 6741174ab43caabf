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
}
