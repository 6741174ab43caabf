package org.teachertraining.core;

import org.junit.jupiter.api.Test;
import org.teachertraining.core.common.FieldError;
import org.teachertraining.core.common.Refusal;
import org.teachertraining.core.program.CreateProgram;
import org.teachertraining.core.program.ProgramLevel;
import org.teachertraining.core.project.CreateProject;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.teachertraining.core.World.done;
import static org.teachertraining.core.World.refused;

class CreateProjectTest {
    final World w = new World();

    @Test
    void theRuralBackboneProjectOfTheNoticeIsStoredWithBudgetInFen() {
        var p = w.project(ProgramLevel.PROVINCIAL, w.ruralBackbone("HN2020-04"));
        assertEquals(60_000_000L, p.budgetFen());
        assertEquals(5, p.phases().size());
        assertEquals("410000", p.ownerJurisdiction());
    }

    @Test
    void invalidFieldsAreAllNamed() {
        var b = w.ruralBackbone("HN2020-04");
        var bad = new CreateProject.Command("bad code!", "", null, b.eligibility(), List.of(), 0, 51, "HENU",
                OffsetDateTime.parse("2020-08-31T00:00:00+08:00"), b.startDate(), b.startDate().minusDays(1), new BigDecimal("1.005"), null);
        var r = refused(w.createProject.execute(World.PROVINCE, w.program(ProgramLevel.PROVINCIAL).id(), bad));
        var fields = r.errors().stream().map(FieldError::field).toList();
        assertTrue(fields.containsAll(List.of("code", "name", "phases", "totalHours", "classSize", "selectionCutoff", "endDate", "budget")), fields.toString());
    }

    /** A phase of -5 days is refused once, by its range: not also as a phase without an amount. */
    @Test
    void aPhaseOutOfRangeIsNamedOnce() {
        var b = w.ruralBackbone("HN2020-04");
        var negative = new CreateProject.Command(b.code(), b.name(), b.category(), b.eligibility(),
                List.of(new org.teachertraining.core.project.Phase(org.teachertraining.core.project.PhaseKind.CENTRALIZED, -5, null, null)),
                b.totalHours(), b.classSize(), b.institutionId(), b.selectionCutoff(), b.startDate(), b.endDate(), b.budget(), null);
        var r = refused(w.createProject.execute(World.PROVINCE, w.program(ProgramLevel.PROVINCIAL).id(), negative));
        assertEquals(List.of("phases[0].days"), r.errors().stream().map(FieldError::field).toList());
        var none = new CreateProject.Command(b.code(), b.name(), b.category(), b.eligibility(),
                List.of(new org.teachertraining.core.project.Phase(org.teachertraining.core.project.PhaseKind.CENTRALIZED, 0, null, null)),
                b.totalHours(), b.classSize(), b.institutionId(), b.selectionCutoff(), b.startDate(), b.endDate(), b.budget(), null);
        assertEquals(List.of("phases[0]"), refused(w.createProject.execute(World.PROVINCE, w.program(ProgramLevel.PROVINCIAL).id(), none))
                .errors().stream().map(FieldError::field).toList());
    }

    /**
     * A registered institution named in another case is that institution: the project holds its ID as registered (else
     * its token, which carries that ID, could never act on the project) and its name; an ID nobody registered is kept as given.
     */
    @Test
    void anInstitutionNamedInAnotherCaseIsTheRegisteredOne() {
        w.accreditHenu();
        var program = w.program(ProgramLevel.PROVINCIAL);
        var c = w.ruralBackbone("HN2020-06");
        var lower = new CreateProject.Command(c.code(), c.name(), c.category(), c.eligibility(), c.phases(), c.totalHours(), c.classSize(),
                "henu", c.selectionCutoff(), c.startDate(), c.endDate(), c.budget(), c.seats());
        var project = done(w.createProject.execute(World.PROVINCE, program.id(), lower));
        assertEquals("HENU", project.institutionId());
        assertEquals("河南大学", project.institutionName());
        var unregistered = new CreateProject.Command("HN2020-07", c.name(), c.category(), c.eligibility(), c.phases(), c.totalHours(), c.classSize(),
                "xynu", c.selectionCutoff(), c.startDate(), c.endDate(), c.budget(), c.seats());
        assertEquals("xynu", done(w.createProject.execute(World.PROVINCE, program.id(), unregistered)).institutionId());
    }

    @Test
    void codesAreUniqueInAProgram_andOnlyTheOwnerCreatesProjects() {
        var program = w.program(ProgramLevel.PROVINCIAL);
        done(w.createProject.execute(World.PROVINCE, program.id(), w.ruralBackbone("HN2020-04")));
        assertEquals(Refusal.Kind.CONFLICT, refused(w.createProject.execute(World.PROVINCE, program.id(), w.ruralBackbone("HN2020-04"))).kind());
        // whatever its case: the same code in lower case is refused, naming the code the program holds
        var lower = refused(w.createProject.execute(World.PROVINCE, program.id(), w.ruralBackbone("hn2020-04")));
        assertEquals(Refusal.Kind.CONFLICT, lower.kind());
        assertEquals("HN2020-04", lower.details().get("existing"));
        assertTrue(lower.message().zh().contains("HN2020-04"), lower.message().zh());
        assertEquals(1, w.ports.projects.ofProgram(program.id()).size());
        // in another program the code is free
        done(w.createProject.execute(World.PROVINCE, w.program(ProgramLevel.PROVINCIAL).id(), w.ruralBackbone("hn2020-04")));
        assertEquals(Refusal.Kind.FORBIDDEN, refused(w.createProject.execute(World.XINYANG, program.id(), w.ruralBackbone("HN2020-05"))).kind());
    }

    @Test
    void programsMatchTheirLevelAndJurisdiction() {
        var r = refused(w.createProgram.execute(World.PROVINCE, new CreateProgram.Command(2020, ProgramLevel.CITY, "x", "410000", null)));
        assertEquals("level", r.errors().get(0).field());
        assertEquals(Refusal.Kind.FORBIDDEN, refused(w.createProgram.execute(World.XINYANG,
                new CreateProgram.Command(2020, ProgramLevel.CITY, "郑州市培", "410100", null))).kind());
        assertEquals("jurisdiction", refused(w.createProgram.execute(World.PROVINCE,
                new CreateProgram.Command(2020, ProgramLevel.PROVINCIAL, "x", "123456", null))).errors().get(0).field());
    }
}
