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
        var p = centralizedProjectOf2021("HN2021-04", "乡村骨干", 45, 360);
        w.addTeacher("T1", "411523");
        w.addTeacher("T2", "411523");
        var rows = done(list.execute(World.XIN_COUNTY, new ListCompliance.Query("411523", "HN-CYCLE", null), null, null)).items();
        assertEquals(2, rows.size());
        assertEquals(360, rows.get(0).shortBy());
        assertEquals(2021, rows.get(0).cycleFrom());

        done(w.enroll.execute(World.XIN_COUNTY, p.id(), "T1", null));
        passed(p, "C1", "T1", 360);
        var after = done(list.execute(World.XIN_COUNTY, new ListCompliance.Query("411523", "HN-CYCLE", null), null, null));
        assertEquals(List.of("T2"), after.items().stream().map(r -> r.teacherId()).toList());
        assertNull(after.nextCursor());
        assertEquals(1, done(list.execute(World.XIN_COUNTY, new ListCompliance.Query("411523", "HN-CYCLE", "S1"), null, null)).items().size());
        assertEquals(0, done(list.execute(World.XIN_COUNTY, new ListCompliance.Query("411523", "HN-CYCLE", "S9"), null, null)).items().size());
    }

    @Test
    void aCityOrTheProvinceListsEveryoneShortInItsSubtree() {
        w.clock.set(OffsetDateTime.parse("2021-09-01T09:00:00+08:00"));
        w.addTeacher("T1", "411523");
        w.addTeacher("T2", "411522");
        w.addTeacher("T3", "411500");
        done(w.saveTeacher.execute(World.ZHENGZHOU, w.teacher("T4", "410102")));
        assertEquals(List.of("T3", "T2", "T1"), ids(done(list.execute(World.XINYANG, new ListCompliance.Query("411500", "HN-CYCLE", null), null, 10)).items()));
        assertEquals(List.of("T4", "T3", "T2", "T1"), ids(done(list.execute(World.PROVINCE, new ListCompliance.Query("410000", "HN-CYCLE", null), null, 10)).items()));
        assertEquals(List.of("T2"), ids(done(list.execute(World.XINYANG, new ListCompliance.Query("411522", "HN-CYCLE", null), null, 10)).items()));
        var first = done(list.execute(World.XINYANG, new ListCompliance.Query("411500", "HN-CYCLE", null), null, 2));
        assertEquals(List.of("T3", "T2"), ids(first.items()));
        assertEquals(List.of("T1"), ids(done(list.execute(World.XINYANG, new ListCompliance.Query("411500", "HN-CYCLE", null), first.nextCursor(), 2)).items()));
    }

    @Test
    void aRefreshFromAShorterLedgerNeverOverwritesANewerOne() {
        var newer = new ComplianceRow("T1", "n", "411523", "S1", "HN-CYCLE", 2021, 2025, 360, 360, 0, null, true);
        var stale = new ComplianceRow("T1", "n", "411523", "S1", "HN-CYCLE", 2021, 2025, 0, 360, 360, null, false);
        w.ports.compliance.replace("T1", List.of(newer), 3, java.util.Set.of());
        w.ports.compliance.replace("T1", List.of(stale), 2, java.util.Set.of());
        assertEquals(List.of(), w.ports.compliance.shortIn("411523", "HN-CYCLE", 2021, null, null, 10).items());
    }

    @Test
    void newTeachersAreListedByTheYearTheyBegan_shortOfTheSchoolBasedHoursAfterEveryOtherHour() {
        var p = centralizedProjectOf2021("HN2021-05", "新教师入职培训", 15, 120);
        addNewTeacher("N1", 2021);
        addNewTeacher("N0", 2020);
        w.addTeacher("T1", "411523");   // teaching since 2010
        var thisYear = done(list.execute(World.XIN_COUNTY, new ListCompliance.Query("411523", "HN-NEW-TEACHER", null), null, null)).items();
        assertEquals(List.of("N1"), ids(thisYear));
        assertEquals(100, thisYear.get(0).shortBy());
        assertEquals(Map.of(CreditCategory.SCHOOL_BASED, 50), thisYear.get(0).shortByCategory());
        assertEquals(2021, thisYear.get(0).cycleFrom());
        assertEquals(List.of("N0"), ids(done(list.execute(World.XIN_COUNTY, new ListCompliance.Query("411523", "HN-NEW-TEACHER", null, 2020), null, null)).items()));

        // 100 hours of centralized training: every hour of the total, none of the 50 school-based ones — still short by 50
        done(w.enroll.execute(World.XIN_COUNTY, p.id(), "N1", null));
        passed(p, "C5", "N1", 100);
        var row = done(list.execute(World.XIN_COUNTY, new ListCompliance.Query("411523", "HN-NEW-TEACHER", null, 2021), null, null)).items().get(0);
        assertEquals(List.of(100, 50, Map.of(CreditCategory.SCHOOL_BASED, 50)), List.of(row.earned(), row.shortBy(), row.shortByCategory()));
        var notice = org.teachertraining.core.credit.CycleShortNotice.toTeacher(w.requirements.inForce("HN-NEW-TEACHER", 2021).orElseThrow(), row,
                OffsetDateTime.parse("2021-12-01T09:00:00+08:00").toInstant());
        assertEquals("本周期还差 50 学时（其中校本研修 50 学时）：新入职教师：首年不少于100学时，其中校本研修不少于50学时", notice.title().zh());
    }

    @Test
    void aSchoolListsItsOwnTeachers_registeredAtItsCounty() {
        w.clock.set(OffsetDateTime.parse("2021-09-01T09:00:00+08:00"));
        w.addTeacherAt("A1", "4115230001");
        w.addTeacherAt("A2", "4115230001");
        w.addTeacherAt("B1", "4115230002");
        w.addTeacher("C1", "411523");
        var school = new org.teachertraining.core.identity.Caller("school-1", org.teachertraining.core.identity.Role.SCHOOL_ADMIN, "4115230001", null, null);
        assertEquals(List.of("A1", "A2"), ids(done(list.execute(school, new ListCompliance.Query("4115230001", "HN-CYCLE", null), null, null)).items()));
        assertEquals(List.of("A1", "A2"), ids(done(list.execute(World.XIN_COUNTY, new ListCompliance.Query("4115230001", "HN-CYCLE", "4115230001"), null, null)).items()));
        assertEquals("school", refused(list.execute(school, new ListCompliance.Query("4115230001", "HN-CYCLE", "4115230002"), null, null)).errors().get(0).field());
        assertEquals(Refusal.Kind.FORBIDDEN, refused(list.execute(school, new ListCompliance.Query("4115230002", "HN-CYCLE", null), null, null)).kind());
        assertEquals(Refusal.Kind.FORBIDDEN, refused(list.execute(school, new ListCompliance.Query("411523", "HN-CYCLE", null), null, null)).kind());
    }

    /**
     * In January the re-registration of teaching certificates (定期注册) looks at the cycle just ended: a county lists who
     * fell short of Henan's 2016–2020 by a year of it, with the hours of a 2020 class recorded in January 2021, through
     * 2021 and not after. Before, the rows of a cycle were dropped as soon as the next began.
     */
    @Test
    void theCycleJustEndedIsListedThroughTheYearAfter_withTheHoursRecordedInJanuary() {
        w.accreditHenu();
        var p = w.projectWithCountySeats(10);
        w.addTeacher("T1", "411523");
        w.addTeacher("T2", "411523");
        done(w.enroll.execute(World.XIN_COUNTY, p.id(), "T1", null));
        w.clock.set(OffsetDateTime.parse("2021-01-04T10:00:00+08:00"));
        done(w.postCompletion.execute(new Completion("C-2021-1", p.id(), "HENU", List.of(new Completion.Result("T1", Completion.Outcome.PASSED,
                Map.of(CreditCategory.CENTRALIZED, 40), null)), "henu-admin", w.clock.instant())));

        for (int year : new int[]{2020, 2016}) {
            var ended = done(list.execute(World.XIN_COUNTY, new ListCompliance.Query("411523", "HN-CYCLE", null, null, year), null, null)).items();
            assertEquals(java.util.Set.of("T1", "T2"), java.util.Set.copyOf(ids(ended)));
            var t1 = ended.stream().filter(r -> r.teacherId().equals("T1")).findFirst().orElseThrow();
            assertEquals(List.of(2016, 2020, 40, 320), List.of(t1.cycleFrom(), t1.cycleTo(), t1.earned(), t1.shortBy()));
        }
        // the current cycle, as before: the 2020 hours are not in it
        var current = done(list.execute(World.XIN_COUNTY, new ListCompliance.Query("411523", "HN-CYCLE", null), null, null)).items();
        assertEquals(List.of("T1"), ids(current));
        assertEquals(List.of(2021, 360), List.of(current.get(0).cycleFrom(), current.get(0).shortBy()));
        assertEquals(current, done(list.execute(World.XIN_COUNTY, new ListCompliance.Query("411523", "HN-CYCLE", null, null, 2025), null, null)).items());
        for (int year : new int[]{2015, 2026}) {
            assertEquals("year", refused(list.execute(World.XIN_COUNTY, new ListCompliance.Query("411523", "HN-CYCLE", null, null, year), null, null)).errors().get(0).field());
        }
        assertEquals("year", refused(list.execute(World.XIN_COUNTY, new ListCompliance.Query("411523", "HN-NEW-TEACHER", null, null, 2021), null, null)).errors().get(0).field());

        // a year later the cycle that ended is no longer asked for, and a teacher's next refresh drops its rows
        w.clock.set(OffsetDateTime.parse("2022-01-04T10:00:00+08:00"));
        w.addTeacher("T1", "411523");
        var refusal = refused(list.execute(World.XIN_COUNTY, new ListCompliance.Query("411523", "HN-CYCLE", null, null, 2020), null, null));
        assertEquals("year", refusal.errors().get(0).field());
        assertEquals(List.of(), w.ports.compliance.shortIn("411523", "HN-CYCLE", 2016, null, null, 10).items().stream()
                .filter(r -> r.teacherId().equals("T1")).toList());
    }

    /** On 2021-09-01, a provincial project of HENU's centralized training in October 2021, 10 seats for Xinyang. */
    private org.teachertraining.core.project.Project centralizedProjectOf2021(String code, String name, int days, int hours) {
        w.accreditHenu();
        w.clock.set(OffsetDateTime.parse("2021-09-01T09:00:00+08:00"));
        var p = w.project(org.teachertraining.core.program.ProgramLevel.PROVINCIAL, new org.teachertraining.core.project.CreateProject.Command(
                code, name, null, null, List.of(new org.teachertraining.core.project.Phase(
                        org.teachertraining.core.project.PhaseKind.CENTRALIZED, days, null, null)), hours, 50, "HENU",
                OffsetDateTime.parse("2021-09-25T23:59:59+08:00"), java.time.LocalDate.of(2021, 10, 12), java.time.LocalDate.of(2021, 10, 26), null, null));
        done(w.allocate.execute(World.PROVINCE, p.id(), "411500", 10));
        return p;
    }

    /** The trainee passed the project's completion on 2021-10-27 with {@code hours} of centralized training. */
    private void passed(org.teachertraining.core.project.Project p, String completionId, String teacherId, int hours) {
        done(w.postCompletion.execute(new Completion(completionId, p.id(), "HENU", List.of(new Completion.Result(teacherId, Completion.Outcome.PASSED,
                Map.of(CreditCategory.CENTRALIZED, hours), null)), "henu", OffsetDateTime.parse("2021-10-27T10:00:00+08:00").toInstant())));
    }

    private void addNewTeacher(String id, int firstYear) {
        var t = w.teacher(id, "411523");
        done(w.saveTeacher.execute(World.XINYANG, new org.teachertraining.core.teacher.SaveTeacher.Command(t.id(), t.name(), t.jurisdiction(), t.schoolId(),
                t.stage(), t.subjects(), t.role(), t.schoolLocation(), java.time.LocalDate.of(firstYear, 9, 1), t.backboneLevel())));
    }

    static List<String> ids(List<ComplianceRow> rows) {
        return rows.stream().map(ComplianceRow::teacherId).toList();
    }

    @Test
    void badQueriesAreNamed() {
        assertEquals("requirement", refused(list.execute(World.XIN_COUNTY, new ListCompliance.Query("411523", "NOPE", null), null, null)).errors().get(0).field());
        w.clock.set(OffsetDateTime.parse("2021-09-01T09:00:00+08:00"));
        // a new teachers' list holds this year's and last year's; a cycle of all teachers has no first year to choose
        assertEquals("firstYear", refused(list.execute(World.XIN_COUNTY, new ListCompliance.Query("411523", "HN-NEW-TEACHER", null, 2019), null, null)).errors().get(0).field());
        assertEquals("firstYear", refused(list.execute(World.XIN_COUNTY, new ListCompliance.Query("411523", "HN-NEW-TEACHER", null, 2022), null, null)).errors().get(0).field());
        assertEquals("firstYear", refused(list.execute(World.XIN_COUNTY, new ListCompliance.Query("411523", "HN-CYCLE", null, 2021), null, null)).errors().get(0).field());
        assertEquals("code", refused(list.execute(World.XIN_COUNTY, new ListCompliance.Query("999999", "HN-CYCLE", null), null, null)).errors().get(0).field());
        assertEquals(Refusal.Kind.FORBIDDEN, refused(list.execute(World.GUANGSHAN, new ListCompliance.Query("411523", "HN-CYCLE", null), null, null)).kind());
        // a caller outside the unit is refused before anything it sent is judged: no list of the unit's requirements
        assertEquals(Refusal.Kind.FORBIDDEN, refused(list.execute(World.GUANGSHAN, new ListCompliance.Query("411523", "NOPE", null, 1900), null, 0)).kind());
    }
}
