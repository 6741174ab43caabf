package org.teachertraining.core;

import org.junit.jupiter.api.Test;
import org.teachertraining.core.common.Refusal;
import org.teachertraining.core.program.ProgramLevel;
import org.teachertraining.core.project.CreateProject;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.teachertraining.core.World.done;
import static org.teachertraining.core.World.refused;

class AllocateQuotaTest {
    final World w = new World();

    @Test
    void e1_subAllocationsNeverExceedTheParentsAllocation() {
        var p = w.project(ProgramLevel.PROVINCIAL, w.ruralBackbone("HN2020-04"));
        done(w.allocate.execute(World.PROVINCE, p.id(), "411500", 50));
        done(w.allocate.execute(World.XINYANG, p.id(), "411523", 30));
        done(w.allocate.execute(World.XINYANG, p.id(), "411522", 20));
        var r = refused(w.allocate.execute(World.XINYANG, p.id(), "411526", 1));
        assertEquals("E1", r.rule());
        assertEquals(0L, r.details().get("parentAvailable"));
        // moving seats: lower one county, then the other may grow
        done(w.allocate.execute(World.XINYANG, p.id(), "411523", 25));
        done(w.allocate.execute(World.XINYANG, p.id(), "411526", 5));
    }

    @Test
    void e1_aQuotaCannotGoBelowTheSeatsAlreadyUsed() {
        var p = w.projectWithCountySeats(3);
        w.addTeacher("T1", "411523");
        w.addTeacher("T2", "411523");
        done(w.enroll.execute(World.XIN_COUNTY, p.id(), "T1", null));
        done(w.enroll.execute(World.XIN_COUNTY, p.id(), "T2", null));
        var r = refused(w.allocate.execute(World.XINYANG, p.id(), "411523", 1));
        assertEquals("E1", r.rule());
        assertEquals(2, r.details().get("used"));
        done(w.allocate.execute(World.XINYANG, p.id(), "411523", 2));
        // the city cannot drop below what it passed on to its counties
        assertEquals("E1", refused(w.allocate.execute(World.PROVINCE, p.id(), "411500", 1)).rule());
    }

    @Test
    void aProjectsSeatsCapWhatTheProvinceCanAllocate() {
        var base = w.ruralBackbone("HN2020-03");
        var p = w.project(ProgramLevel.PROVINCIAL, new CreateProject.Command(base.code(), base.name(), base.category(), base.eligibility(),
                base.phases(), 150, 50, "HENU", World.CUTOFF, base.startDate(), base.endDate(), null, 500));
        done(w.allocate.execute(World.PROVINCE, p.id(), "411500", 400));
        assertEquals("E1", refused(w.allocate.execute(World.PROVINCE, p.id(), "410700", 101)).rule());
        done(w.allocate.execute(World.PROVINCE, p.id(), "410700", 100));
    }

    @Test
    void onlyTheQuotaParentsAdminAllocates_andProvinceAdministeredCountiesGetSeatsFromTheProvince() {
        var p = w.project(ProgramLevel.PROVINCIAL, w.ruralBackbone("HN2020-04"));
        assertEquals(Refusal.Kind.FORBIDDEN, refused(w.allocate.execute(World.XINYANG, p.id(), "411500", 10)).kind());
        var notTheProvinces = refused(w.allocate.execute(World.PROVINCE, p.id(), "411523", 10));
        assertEquals(Refusal.Kind.FORBIDDEN, notTheProvinces.kind());
        assertEquals("新县的名额只能由上级信阳市的管理员分配", notTheProvinces.message().zh());
        // 固始县 (411525) is administered by the province directly (省直管县)
        done(w.allocate.execute(World.PROVINCE, p.id(), "411525", 10));
        done(w.allocate.execute(World.PROVINCE, p.id(), "411500", 10));
        assertEquals(Refusal.Kind.FORBIDDEN, refused(w.allocate.execute(World.XINYANG, p.id(), "411525", 10)).kind());
    }

    @Test
    void badInputIsNamed() {
        var p = w.project(ProgramLevel.PROVINCIAL, w.ruralBackbone("HN2020-04"));
        var unknown = refused(w.allocate.execute(World.PROVINCE, p.id(), "999999", 10));
        assertEquals("jurisdiction", unknown.errors().get(0).field());
        assertEquals("seats", refused(w.allocate.execute(World.PROVINCE, p.id(), "411500", -1)).errors().get(0).field());
        assertEquals("seats", refused(w.allocate.execute(World.PROVINCE, p.id(), "411500", 2_000_000)).errors().get(0).field());
        assertEquals("seats", refused(w.allocate.execute(World.PROVINCE, p.id(), "411500", null)).errors().get(0).field());
        assertEquals(Refusal.Kind.NOT_FOUND, refused(w.allocate.execute(World.PROVINCE, "nope", "411500", 1)).kind());
    }

    @Test
    void theQuotaListShowsSeatsUsedAndEnrolledWithinTheCallersSubtree() {
        var p = w.projectWithCountySeats(3);
        w.addTeacher("T1", "411523");
        done(w.enroll.execute(World.XIN_COUNTY, p.id(), "T1", null));
        var rows = done(w.listQuotas.execute(World.XINYANG, p.id()));
        assertEquals(2, rows.size());
        var city = rows.get(0);
        assertEquals("411500", city.jurisdiction());
        assertEquals(3, city.used());
        assertEquals(1, city.enrolled());
        assertEquals(97L, city.available());
        var all = done(w.listQuotas.execute(World.PROVINCE, p.id()));
        assertEquals(3, all.size());
        assertNull(all.get(0).available()); // the uncapped root
        assertEquals(1, done(w.listQuotas.execute(World.XIN_COUNTY, p.id())).size());
    }

    @Test
    void aCancelledProjectsPoolsHaveNoSeatAvailable() {
        var p = w.projectWithCountySeats(3);
        w.ports.projects.markCancelled(p.id(), w.clock.instant());
        var rows = done(w.listQuotas.execute(World.PROVINCE, p.id()));
        assertEquals(3, rows.size());
        assertEquals(java.util.List.of(0L, 0L, 0L), rows.stream().map(row -> row.available()).toList(), "the uncapped root too");
        assertEquals(3, rows.get(2).seats(), "the seats it was given stay on record");
    }

    @Test
    void anAllocationUnderWayAsItsProjectIsCancelledMakesNoPool() {
        var p = w.projectWithCountySeats(3);
        // the allocation read the project before the cancellation marked it, and writes after it closed the pools
        w.ports.quotas.close(p.id(), w.clock.instant());
        var refusal = refused(w.allocate.execute(World.XINYANG, p.id(), "411522", 2));
        assertEquals(org.teachertraining.core.common.Refusal.Kind.CONFLICT, refusal.kind());
        assertEquals("项目已取消，名额不再分配", refusal.message().zh());
        assertTrue(w.ports.quotas.find(p.id(), "411522").isEmpty(), "a pool made in a cancelled project");
    }
}
