package org.teachertraining.core;

import org.junit.jupiter.api.Test;
import org.teachertraining.core.common.FieldError;
import org.teachertraining.core.program.CreateProgram;
import org.teachertraining.core.program.ListPrograms;
import org.teachertraining.core.program.Program;
import org.teachertraining.core.program.ProgramLevel;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.teachertraining.core.World.done;
import static org.teachertraining.core.World.refused;

class ListProgramsTest {
    final World w = new World();
    final ListPrograms list = new ListPrograms(w.ports.programs, w.tree, w.clock);

    void programs() {
        done(w.createProgram.execute(World.PROVINCE, new CreateProgram.Command(2020, ProgramLevel.PROVINCIAL, "2020 河南省培", "410000", null)));
        done(w.createProgram.execute(World.XINYANG, new CreateProgram.Command(2020, ProgramLevel.CITY, "2020 信阳市培", "411500", null)));
        done(w.createProgram.execute(World.XIN_COUNTY, new CreateProgram.Command(2020, ProgramLevel.COUNTY, "2020 新县县培", "411523", null)));
        done(w.createProgram.execute(World.GUANGSHAN, new CreateProgram.Command(2020, ProgramLevel.COUNTY, "2020 光山县培", "411522", null)));
        done(w.createProgram.execute(World.ZHENGZHOU, new CreateProgram.Command(2020, ProgramLevel.CITY, "2020 郑州市培", "410100", null)));
        done(w.createProgram.execute(World.PROVINCE, new CreateProgram.Command(2021, ProgramLevel.PROVINCIAL, "2021 河南省培", "410000", null)));
    }

    @Test
    void aUnitSeesTheProgramsOfItselfAndOfEveryUnitAboveIt_notItsNeighbours() {
        programs();
        var page = done(list.execute(new ListPrograms.Query(2020, null, "411523", null, 100)));
        assertEquals(List.of("2020 信阳市培", "2020 新县县培", "2020 河南省培"), page.items().stream().map(Program::name).sorted().toList());
        // the year defaults to this year in China (the world's clock: 2020)
        assertEquals(3, done(list.execute(new ListPrograms.Query(null, null, "411523", null, null))).items().size());
        assertEquals(List.of("2020 新县县培"), done(list.execute(new ListPrograms.Query(2020, ProgramLevel.COUNTY, "411523", null, null)))
                .items().stream().map(Program::name).toList());
        assertEquals(5, done(list.execute(new ListPrograms.Query(2020, null, null, null, null))).items().size());
    }

    @Test
    void pagesOfOneCoverEveryProgramOnce() {
        programs();
        var seen = new ArrayList<String>();
        String cursor = null;
        do {
            var page = done(list.execute(new ListPrograms.Query(2020, null, null, cursor, 1)));
            page.items().forEach(p -> seen.add(p.name()));
            cursor = page.nextCursor();
        } while (cursor != null);
        assertEquals(5, seen.size());
        assertEquals(5, seen.stream().distinct().count());
    }

    @Test
    void badQueriesAreNamed() {
        var r = refused(list.execute(new ListPrograms.Query(0, null, "4115", null, 1000)));
        var fields = r.errors().stream().map(FieldError::field).toList();
        assertTrue(fields.containsAll(List.of("year", "limit", "jurisdiction")), fields.toString());
    }

    @Test
    void anIdempotencyKeyMakesTheSameRequestOneProgram_scopedToTheCaller() {
        var c = new CreateProgram.Command(2020, ProgramLevel.PROVINCIAL, "2020 河南省培", "410000", null);
        var first = done(w.createProgram.execute(World.PROVINCE, c, "k1"));
        assertTrue(first.created());
        var again = done(w.createProgram.execute(World.PROVINCE, c, "k1"));
        assertEquals(new CreateProgram.Created(first.program(), false), again);
        var other = refused(w.createProgram.execute(World.PROVINCE, new CreateProgram.Command(2020, ProgramLevel.PROVINCIAL, "2020 另一计划", "410000", null), "k1"));
        assertEquals("幂等键已用于另一请求", other.message().zh());
        var anotherAdmin = new org.teachertraining.core.identity.Caller("p2", org.teachertraining.core.identity.Role.PROVINCE_ADMIN, "410000", null, null);
        assertTrue(done(w.createProgram.execute(anotherAdmin, c, "k1")).created(), "the key is the caller's own");
        assertEquals(2, done(list.execute(new ListPrograms.Query(2020, null, null, null, 100))).items().size());
    }
}
