package org.teachertraining.core;

import org.junit.jupiter.api.Test;
import org.teachertraining.core.common.Refusal;
import org.teachertraining.core.credit.Completion;
import org.teachertraining.core.credit.ComplianceRow;
import org.teachertraining.core.credit.CreditCategory;
import org.teachertraining.core.credit.ListCompliance;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.teachertraining.core.World.done;
import static org.teachertraining.core.World.refused;

class ComplianceTest {
    final World w = new World();
    final ListCompliance list = new ListCompliance(w.ports.compliance, w.requirements, w.access, w.clock);

    @Test
    void theCountyListShowsWhoIsShortAndByHowMuch_keptCurrentByPostings() {
        w.accreditHenu();
        w.clock.set(OffsetDateTime.parse("2021-09-01T09:00:00+08:00"));
        var p = w.project(org.teachertraining.core.program.ProgramLevel.PROVINCIAL, new org.teachertraining.core.project.CreateProject.Command(
                "HN2021-04", "乡村骨干", null, null, List.of(new org.teachertraining.core.project.Phase(
                        org.teachertraining.core.project.PhaseKind.CENTRALIZED, 45, null, null)), 360, 50, "HENU",
                OffsetDateTime.parse("2021-09-25T23:59:59+08:00"), java.time.LocalDate.of(2021, 10, 12), java.time.LocalDate.of(2021, 10, 26), null, null));
        done(w.allocate.execute(World.PROVINCE, p.id(), "411500", 10));
        w.addTeacher("T1", "411523");
        w.addTeacher("T2", "411523");
        var rows = done(list.execute(World.XIN_COUNTY, "411523", "HN-CYCLE", null, null, null)).items();
        assertEquals(2, rows.size());
        assertEquals(360, rows.get(0).shortBy());
        assertEquals(2021, rows.get(0).cycleFrom());

        done(w.enroll.execute(World.XIN_COUNTY, p.id(), "T1", null));
        done(w.postCompletion.execute(new Completion("C1", p.id(), "HENU", List.of(new Completion.Result("T1", Completion.Outcome.PASSED,
                Map.of(CreditCategory.CENTRALIZED, 360), null)), "henu", OffsetDateTime.parse("2021-10-27T10:00:00+08:00").toInstant())));
        var after = done(list.execute(World.XIN_COUNTY, "411523", "HN-CYCLE", null, null, null));
        assertEquals(List.of("T2"), after.items().stream().map(r -> r.teacherId()).toList());
        assertNull(after.nextCursor());
        assertEquals(1, done(list.execute(World.XIN_COUNTY, "411523", "HN-CYCLE", "S1", null, null)).items().size());
        assertEquals(0, done(list.execute(World.XIN_COUNTY, "411523", "HN-CYCLE", "S9", null, null)).items().size());
    }

    @Test
    void aCityOrTheProvinceListsEveryoneShortInItsSubtree() {
        w.clock.set(OffsetDateTime.parse("2021-09-01T09:00:00+08:00"));
        w.addTeacher("T1", "411523");
        w.addTeacher("T2", "411522");
        w.addTeacher("T3", "411500");
        done(w.saveTeacher.execute(World.ZHENGZHOU, w.teacher("T4", "410102")));
        assertEquals(List.of("T3", "T2", "T1"), ids(done(list.execute(World.XINYANG, "411500", "HN-CYCLE", null, null, 10)).items()));
        assertEquals(List.of("T4", "T3", "T2", "T1"), ids(done(list.execute(World.PROVINCE, "410000", "HN-CYCLE", null, null, 10)).items()));
        assertEquals(List.of("T2"), ids(done(list.execute(World.XINYANG, "411522", "HN-CYCLE", null, null, 10)).items()));
        var first = done(list.execute(World.XINYANG, "411500", "HN-CYCLE", null, null, 2));
        assertEquals(List.of("T3", "T2"), ids(first.items()));
        assertEquals(List.of("T1"), ids(done(list.execute(World.XINYANG, "411500", "HN-CYCLE", null, first.nextCursor(), 2)).items()));
    }

    @Test
    void aRefreshFromAShorterLedgerNeverOverwritesANewerOne() {
        var newer = new ComplianceRow("T1", "n", "411523", "S1", "HN-CYCLE", 2021, 2025, 360, 360, 0, true);
        var stale = new ComplianceRow("T1", "n", "411523", "S1", "HN-CYCLE", 2021, 2025, 0, 360, 360, false);
        w.ports.compliance.replace("T1", List.of(newer), 3, java.util.Set.of());
        w.ports.compliance.replace("T1", List.of(stale), 2, java.util.Set.of());
        assertEquals(List.of(), w.ports.compliance.shortIn("411523", "HN-CYCLE", 2021, null, null, 10).items());
    }

    static List<String> ids(List<ComplianceRow> rows) {
        return rows.stream().map(ComplianceRow::teacherId).toList();
    }

    @Test
    void badQueriesAreNamed() {
        assertEquals("requirement", refused(list.execute(World.XIN_COUNTY, "411523", "NOPE", null, null, null)).errors().get(0).field());
        assertEquals("requirement", refused(list.execute(World.XIN_COUNTY, "411523", "HN-NEW-TEACHER", null, null, null)).errors().get(0).field());
        assertEquals("jurisdiction", refused(list.execute(World.XIN_COUNTY, "999999", "HN-CYCLE", null, null, null)).errors().get(0).field());
        assertEquals(Refusal.Kind.FORBIDDEN, refused(list.execute(World.GUANGSHAN, "411523", "HN-CYCLE", null, null, null)).kind());
    }
}
