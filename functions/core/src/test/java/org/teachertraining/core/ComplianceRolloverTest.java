package org.teachertraining.core;

import org.junit.jupiter.api.Test;
import org.teachertraining.core.credit.ComplianceRollover;
import org.teachertraining.core.credit.ComplianceRow;
import org.teachertraining.core.credit.ListCompliance;
import org.teachertraining.core.notification.Notification;

import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.teachertraining.core.World.done;

class ComplianceRolloverTest {
    final World w = new World();
    final ListCompliance list = new ListCompliance(w.ports.compliance, w.requirements, w.access, w.clock);
    final ArrayDeque<ComplianceRollover.Work> queued = new ArrayDeque<>();
    final List<Notification> notices = new java.util.ArrayList<>();
    final ComplianceRollover rollover = new ComplianceRollover(w.requirements, w.tree, w.ports.teachers, w.compliance, w.ports.compliance,
            queued::addAll, notices::add, w.clock);

    @Test
    void aNewCycleListsEveryTeacherShortOfIt_onceTheQueuedWorkIsDone() {
        w.clock.set(OffsetDateTime.parse("2030-06-01T09:00:00+08:00"));
        for (int i = 0; i < ComplianceRollover.PAGE + 5; i++) w.addTeacher(String.format("XX-%02d", i), "411523");   // more than a page
        w.addTeacher("CITY-1", "411500");                                                                          // a city's own school
        assertEquals(ComplianceRollover.PAGE + 6, shortIn("410000").size());
        assertEquals(2026, shortIn("410000").get(0).cycleFrom());

        // 1 January 2031: Henan's 2026–2030 cycle has ended. Nobody touched the teachers: the new cycle lists nobody
        w.clock.set(OffsetDateTime.parse("2031-01-01T08:00:00+08:00"));
        assertEquals(List.of(), shortIn("410000"));

        int units = rollover.start(2031);
        var startedFor = queued.stream().map(ComplianceRollover.Work::unit).toList();
        assertEquals(units, startedFor.size());
        assertTrue(startedFor.containsAll(List.of("410000", "411500", "411523", "510000")), "Henan's units and Sichuan's (a seed of its own)");
        assertFalse(startedFor.contains("110101"), "no requirement applies in Beijing: nothing to refresh there");
        int pages = 0;
        while (!queued.isEmpty()) {
            rollover.refresh(queued.poll());
            pages++;
        }
        assertEquals(units + 1, pages, "Xin County's teachers took two pages, the second queued by the first");

        var rows = shortIn("410000");
        assertEquals(ComplianceRollover.PAGE + 6, rows.size());
        assertTrue(rows.stream().allMatch(r -> r.cycleFrom() == 2031 && r.cycleTo() == 2035 && r.shortBy() == 360), rows.toString());
        assertEquals(2, shortIn("411500").stream().filter(r -> r.teacherId().equals("CITY-1") || r.teacherId().equals("XX-00")).count());

        // the same work again (a message delivered twice) changes nothing
        rollover.start(2031);
        while (!queued.isEmpty()) rollover.refresh(queued.poll());
        assertEquals(rows, shortIn("410000"));
        assertEquals(List.of(), notices, "2031 is the first year of its cycle: nobody is reminded");
    }

    @Test
    void inACyclesLastYearEachTeacherStillShortIsToldAndEachUnitHowMany() {
        w.accreditHenu();
        w.clock.set(OffsetDateTime.parse("2024-06-01T09:00:00+08:00"));
        w.addTeacher("XX-1", "411523");
        w.addTeacher("XX-2", "411523");
        w.addTeacher("XX-MET", "411523");
        w.addTeacher("CITY-1", "411500");
        var p = w.project(org.teachertraining.core.program.ProgramLevel.PROVINCIAL, new org.teachertraining.core.project.CreateProject.Command(
                "HN2024-01", "乡村骨干", null, null, List.of(new org.teachertraining.core.project.Phase(
                        org.teachertraining.core.project.PhaseKind.CENTRALIZED, 45, null, null)), 360, 50, "HENU",
                OffsetDateTime.parse("2024-09-25T23:59:59+08:00"), java.time.LocalDate.of(2024, 10, 12), java.time.LocalDate.of(2024, 10, 26), null, null));
        done(w.allocate.execute(World.PROVINCE, p.id(), "411500", 10));
        done(w.enroll.execute(World.XIN_COUNTY, p.id(), "XX-MET", null));
        done(w.postCompletion.execute(new org.teachertraining.core.credit.Completion("C1", p.id(), "HENU", List.of(new org.teachertraining.core.credit.Completion.Result(
                "XX-MET", org.teachertraining.core.credit.Completion.Outcome.PASSED, java.util.Map.of(org.teachertraining.core.credit.CreditCategory.CENTRALIZED, 360), null)),
                "henu", OffsetDateTime.parse("2024-10-27T10:00:00+08:00").toInstant())));

        // 1 January 2025, the last year of Henan's 2021–2025 cycle
        w.clock.set(OffsetDateTime.parse("2025-01-01T08:00:00+08:00"));
        rollover.start(2025);
        while (!queued.isEmpty()) rollover.refresh(queued.poll());
        var cycle = notices.stream().filter(n -> n.title().zh().contains("河南省教师继续教育")).toList();
        assertEquals(List.of("TEACHER#CITY-1", "JURISDICTION#411500", "TEACHER#XX-1", "TEACHER#XX-2", "JURISDICTION#411523"),
                cycle.stream().map(Notification::recipient).toList(), "each short teacher, then the unit on its last page; not the one who met it");
        var county = cycle.get(4);
        assertEquals("本周期学时未达标：2 名教师（河南省教师继续教育：每5年不少于360学时）", county.title().zh());
        assertTrue(county.body().zh().startsWith("新县登记的教师中有 2 名尚未达到"), county.body().zh());
        assertEquals("本周期还差 360 学时：河南省教师继续教育：每5年不少于360学时", cycle.get(2).title().zh());
        assertTrue(notices.stream().allMatch(n -> n.kind().equals("CYCLE_SHORT")));

        // delivered twice, the same notices: one each (their IDs are the recipient's and the occasion's)
        var ids = notices.stream().map(Notification::id).toList();
        notices.clear();
        rollover.start(2025);
        while (!queued.isEmpty()) rollover.refresh(queued.poll());
        assertEquals(ids, notices.stream().map(Notification::id).toList());
    }

    private List<ComplianceRow> shortIn(String unit) {
        var out = new java.util.ArrayList<ComplianceRow>();
        String cursor = null;
        do {
            var page = done(list.execute(World.PROVINCE, new ListCompliance.Query(unit, "HN-CYCLE", null), cursor, 100));
            out.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor != null);
        return out;
    }
}
