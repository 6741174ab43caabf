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
}
