package org.teachertraining.core;

import org.junit.jupiter.api.Test;
import org.teachertraining.core.credit.ComplianceRollover;
import org.teachertraining.core.credit.ComplianceRow;
import org.teachertraining.core.credit.ListCompliance;

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
    final ComplianceRollover rollover = new ComplianceRollover(w.requirements, w.tree, w.ports.teachers, w.compliance, queued::addAll);

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
    }

    private List<ComplianceRow> shortIn(String unit) {
        var out = new java.util.ArrayList<ComplianceRow>();
        String cursor = null;
        do {
            var page = done(list.execute(World.PROVINCE, unit, "HN-CYCLE", null, cursor, 100));
            out.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor != null);
        return out;
    }
}
