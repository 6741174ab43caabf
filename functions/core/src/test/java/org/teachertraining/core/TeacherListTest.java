package org.teachertraining.core;

import org.junit.jupiter.api.Test;
import org.teachertraining.core.common.Page;
import org.teachertraining.core.common.Refusal;
import org.teachertraining.core.identity.Caller;
import org.teachertraining.core.identity.Role;
import org.teachertraining.core.teacher.ListTeachers;
import org.teachertraining.core.teacher.Teacher;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.teachertraining.core.World.done;

/**
 * A clerk's search, and a school's own list, in a county of many teachers: a page is filled from as far into the county's
 * list as it takes (before, one page of the county was read and filtered, so a teacher further on was "not found" on a
 * page that was empty but for its cursor).
 */
class TeacherListTest {
    final World w = new World();
    final ListTeachers list = new ListTeachers(w.ports.teachers, w.access);
    static final Caller SCHOOL = new Caller("s1", Role.SCHOOL_ADMIN, "4115230001", null, null);

    void county(int n) {
        for (int i = 0; i < n; i++) w.ports.teachers.save(teacher(String.format("T%05d", i), "411523", null));
    }

    static Teacher teacher(String id, String county, String school) {
        var c = new World().teacher(id, county);
        return new Teacher(id, c.name(), county, school, c.stage(), c.subjects(), c.role(), c.schoolLocation(), c.teachingSince(), c.backboneLevel());
    }

    @Test
    void aSearchFindsATeacherFarIntoTheCountyOnItsFirstPage() {
        county(300);
        var found = done(list.execute(World.XIN_COUNTY, "411523", "T00299", null, 10));
        assertEquals(List.of("T00299"), found.items().stream().map(Teacher::id).toList());
        assertNull(found.nextCursor(), "the county's list ended");
        // as a clerk pastes it (spaces around it) or types it in full width: the same teacher
        for (String typed : List.of(" T00299 ", "ｔ００２９９")) {
            assertEquals(List.of("T00299"), done(list.execute(World.XIN_COUNTY, "411523", typed, null, 10)).items().stream().map(Teacher::id).toList(), typed);
        }
        assertEquals(10, done(list.execute(World.XIN_COUNTY, "411523", " 王芳 ", null, 10)).items().size());
    }

    /** A code that names no unit is a mistake in the request (400, naming it), not a unit outside the caller's subtree (403). */
    @Test
    void aUnitThatDoesNotExistIsRefusedAsSuch_aUnitOutsideTheSubtreeAsNotTheCallers() {
        for (String code : List.of("999999", "4115", "41152399", "411523x")) {
            for (Caller caller : List.of(World.PROVINCE, World.XIN_COUNTY)) {
                var refusal = World.refused(list.execute(caller, code, null, null, 10));
                assertEquals(Refusal.Kind.INVALID, refusal.kind(), code);
                assertEquals("jurisdiction", refusal.errors().get(0).field());
                assertTrue(refusal.errors().get(0).message().zh().contains(code), refusal.errors().get(0).message().zh());
            }
        }
        assertEquals(Refusal.Kind.FORBIDDEN, World.refused(list.execute(World.XIN_COUNTY, "411522", null, null, 10)).kind());
    }

    @Test
    void aSchoolsListIsItsOwnTeachersWhereverTheyAreInTheCounty() {
        county(300);
        w.ports.teachers.save(teacher("T00007", "411523", "4115230001"));
        w.ports.teachers.save(teacher("T00288", "411523", "4115230001"));
        var page = done(list.execute(SCHOOL, "4115230001", null, null, 50));
        assertEquals(List.of("T00007", "T00288"), page.items().stream().map(Teacher::id).toList());
        assertNull(page.nextCursor());
    }

    @Test
    void fullPagesCarryTheirCursor_theLastEndsTheList() {
        county(120);
        var ids = new ArrayList<String>();
        var sizes = new ArrayList<Integer>();
        String cursor = null;
        do {
            Page<Teacher> p = done(list.execute(World.XIN_COUNTY, "411523", "T0001", cursor, 4));   // T00010..T00019
            sizes.add(p.items().size());
            p.items().forEach(t -> ids.add(t.id()));
            cursor = p.nextCursor();
        } while (cursor != null);
        assertEquals(List.of(4, 4, 2), sizes);
        assertEquals(10, ids.size());
        assertEquals("T00019", ids.getLast());
    }

    /** Past {@link Page#EVALUATED_PER_PAGE} teachers read, a page stops short, and its cursor goes on from there. */
    @Test
    void aPageReadsAtMostSoManyTeachers_thenGoesOnFromWhereItStopped() {
        county(Page.EVALUATED_PER_PAGE + 1);
        String lastId = String.format("T%05d", Page.EVALUATED_PER_PAGE);
        var first = done(list.execute(World.XIN_COUNTY, "411523", lastId, null, 10));
        assertEquals(List.of(), first.items());
        var next = done(list.execute(World.XIN_COUNTY, "411523", lastId, first.nextCursor(), 10));
        assertEquals(List.of(lastId), next.items().stream().map(Teacher::id).toList());
        assertNull(next.nextCursor());
    }
}
