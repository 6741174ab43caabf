package org.teachertraining.core;

import org.junit.jupiter.api.Test;
import org.teachertraining.core.common.Violations;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A missing value is "required"; an empty list was given, and needs an item: the refusal says which. */
class ViolationsTest {

    @Test
    void anEmptyListNeedsAnItem_aMissingValueIsRequired() {
        var v = new Violations();
        assertFalse(v.required("lines", List.of()));
        assertFalse(v.required("name", " "));
        assertFalse(v.required("seats", null));
        assertTrue(v.required("phases", List.of("CENTRALIZED")));
        assertEquals(List.of("至少需要一项", "必填", "必填"), v.errors().stream().map(e -> e.message().zh()).toList());
        assertEquals("needs at least one item", v.errors().get(0).message().en());
    }

    /** An ID pasted from a sheet with its spaces is told so, naming the ID without them; any other bad ID gets the rule. */
    @Test
    void anIdWithSpacesAroundItIsToldSo() {
        var v = new Violations();
        v.identifier("teacherId", " T4115230185\u3000");
        v.identifier("projectId", "a b");
        v.identifier("schoolId", " ");
        assertEquals(List.of("首尾不能有空格（T4115230185）", "只能包含字母、数字、- _ .，长度 1–64", "必填"), v.errors().stream().map(e -> e.message().zh()).toList());
        assertEquals("must not begin or end with spaces ('T4115230185')", v.errors().get(0).message().en());
    }

    /**
     * A thousand rows wrong (an attendance list of a thousand unknown trainees, 63 KB) answered 108 KB naming every one,
     * twice: now the first 50 are listed, the first 10 told in the message with how many there were in all, and
     * {@code errorCount} says it; ten or fewer are told as before.
     */
    @Test
    void aThousandProblemsAreCountedNotAllListed() {
        var v = new Violations();
        for (int i = 0; i < 1000; i++) v.add("records[" + i + "].teacherId", "不是本项目的学员", "holds no seat in this project");
        var r = v.refusal();
        assertEquals(50, r.errors().size());
        assertEquals("records[49].teacherId", r.errors().get(49).field());
        assertEquals(1000, r.details().get("errorCount"));
        assertTrue(r.message().zh().endsWith("records[9].teacherId：不是本项目的学员；等共 1000 处问题"), r.message().zh());
        assertFalse(r.message().zh().contains("records[10]"));
        assertTrue(r.message().en().endsWith("; and 990 more (1000 in all)"), r.message().en());
        assertTrue(r.message().zh().length() < 400, r.message().zh());

        var few = new Violations();
        for (int i = 0; i < 10; i++) few.add("lines[" + i + "].amount", "金额不能为负数", "must not be negative");
        assertEquals(10, few.refusal().errors().size());
        assertFalse(few.refusal().details().containsKey("errorCount"));
        assertTrue(few.refusal().message().zh().endsWith("lines[9].amount：金额不能为负数"));
    }
}
