package org.teachertraining.core;

import org.junit.jupiter.api.Test;
import org.teachertraining.core.credit.Completion;
import org.teachertraining.core.credit.CorrectResult;
import org.teachertraining.core.credit.CreditCategory;
import org.teachertraining.core.enrollment.EnrollmentStatus;
import org.teachertraining.core.integrity.Recourse;
import org.teachertraining.core.lifecycle.LifecycleTasks;
import org.teachertraining.core.lifecycle.ProjectLifecycle;
import org.teachertraining.core.program.ProgramLevel;
import org.teachertraining.core.project.CreateProject;
import org.teachertraining.core.project.Project;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.teachertraining.core.World.done;

/**
 * E4 after the selection: selection closes before the training (E2), so a teacher recorded a no-show, dismissed or
 * failed in one project already holds seats in the year's later ones. The ban releases those of provincial and national
 * projects that have not started, and the waitlist takes them (E7), whichever writer wrote the record.
 */
class ReleaseBannedSeatsTest {
    final World w = new World();
    final LifecycleTasks tasks = new LifecycleTasks(w.ports.projects, w.ports.enrollments, w.ports.quotas, w.ports.submissions, w.ports.ledger,
            w.ports.integrity, w.ports.results, w.bannedSeats, w.ports.lifecycles, w.tree, w.clock);

    {
        w.accreditHenu();
    }

    /** A project of {@code level} with {@code seats} for 新县's teachers, starting on {@code start}; selection closes by 9/25. */
    Project later(String code, ProgramLevel level, LocalDate start, int seats) {
        var c = w.ruralBackbone(code);
        var command = new CreateProject.Command(c.code(), c.name(), c.category(), c.eligibility(), c.phases(), c.totalHours(), c.classSize(),
                c.institutionId(), c.selectionCutoff(), start, start.plusDays(14), c.budget(), c.seats());
        var p = done(w.createProject.execute(World.PROVINCE, w.program(level).id(), command));
        done(w.allocate.execute(World.PROVINCE, p.id(), "411500", 10));
        done(w.allocate.execute(World.XINYANG, p.id(), "411523", seats));
        return p;
    }

    /**
     * T1 and T2 in October's project; T1 also in November's provincial project (one seat, W1 waiting for it), in December's
     * national one (two seats, T2 holds the other) and in one begun the day after October's; T1 waits for the one seat of
     * another provincial project in December, which T2 holds.
     */
    record Year(Project october, Project november, Project national, Project started, Project december) {}

    Year aYearOfSelections() {
        var october = w.projectWithCountySeats(2);
        var november = later("HN2020-05", ProgramLevel.PROVINCIAL, LocalDate.of(2020, 11, 16), 1);
        var national = later("GP2020-01", ProgramLevel.NATIONAL, LocalDate.of(2020, 12, 7), 2);
        var started = later("HN2020-06", ProgramLevel.PROVINCIAL, LocalDate.of(2020, 10, 13), 1);   // under way when the ban comes
        for (var t : List.of("T1", "T2", "W1")) w.addTeacher(t, "411523");
        for (var t : List.of("T1", "T2")) done(w.enroll.execute(World.XIN_COUNTY, october.id(), t, null));
        for (var p : List.of(november, national, started)) done(w.enroll.execute(World.XIN_COUNTY, p.id(), "T1", null));
        done(w.enroll.execute(World.XIN_COUNTY, national.id(), "T2", null));
        done(w.waitlist.add(World.XIN_COUNTY, november.id(), "W1"));
        var december = later("HN2020-07", ProgramLevel.PROVINCIAL, LocalDate.of(2020, 12, 14), 1);
        done(w.enroll.execute(World.XIN_COUNTY, december.id(), "T2", null));
        done(w.waitlist.add(World.XIN_COUNTY, december.id(), "T1"));
        w.ports.lifecycles.save(ProjectLifecycle.started(october.id(), "arn:exec", w.clock.instant()).in(ProjectLifecycle.Phase.PRE_START_CHECKED, null, w.clock.instant()));
        return new Year(october, november, national, started, december);
    }

    void registers(Project p, String teacherId) {
        w.ports.enrollments.move(w.ports.enrollments.find(p.id(), teacherId).orElseThrow(), EnrollmentStatus.SELECTED, EnrollmentStatus.REGISTERED,
                "henu", w.clock.instant());
    }

    EnrollmentStatus status(Project p, String teacherId) {
        return w.ports.enrollments.find(p.id(), teacherId).orElseThrow().status();
    }

    @Test
    void e4_aNoShowLosesTheLaterProvincialAndNationalSeats_theWaitlistTakesOne_onceHoweverOftenMarked() {
        var y = aYearOfSelections();
        // T2 registers at October's training; T1 never comes. The first day over (the 13th's start is past too):
        registers(y.october(), "T2");
        w.clock.set(OffsetDateTime.parse("2020-10-13T00:10:00+08:00"));
        w.ports.notices.clear();
        assertEquals(Map.of("registered", 1, "noShows", 1), tasks.markNoShows(y.october().id()));

        assertEquals(EnrollmentStatus.WITHDRAWN, status(y.november(), "T1"));
        assertEquals(EnrollmentStatus.WITHDRAWN, status(y.national(), "T1"));
        assertEquals(EnrollmentStatus.SELECTED, status(y.started(), "T1"), "a training under way is not taken away");
        assertEquals(EnrollmentStatus.SELECTED, status(y.november(), "W1"), "the waitlist took the freed seat");
        assertEquals(1, w.ports.quotas.find(y.november().id(), "411523").orElseThrow().used());
        assertEquals(1, w.ports.quotas.find(y.national().id(), "411523").orElseThrow().used(), "no one waiting: the seat went back to the pool");
        assertEquals(EnrollmentStatus.SELECTED, status(y.national(), "T2"), "registered in October: no ban");

        var told = w.ports.notices.stream().filter(n -> n.kind().equals("WITHDRAWN")).toList();
        assertEquals(List.of("JURISDICTION#411523", "JURISDICTION#411523", "TEACHER#T1", "TEACHER#T1"), told.stream().map(n -> n.recipient()).sorted().toList());
        var mine = told.stream().filter(n -> n.projectId().equals(y.november().id()) && n.recipient().equals("TEACHER#T1")).findFirst().orElseThrow();
        var county = told.stream().filter(n -> n.projectId().equals(y.november().id()) && !n.recipient().equals("TEACHER#T1")).findFirst().orElseThrow();
        assertEquals("教师王芳（T1）因诚信记录（无故未参训，2020-10-12）在 2023-10-12 前不能参加省级及以上培训项目，其在「乡村骨干教师素质提升培训项目」（HN2020-05）"
                + "的入选已撤销；名额由储备名单中首位符合条件的教师递补，无人递补时退回名额。", county.body().zh());
        assertEquals("因诚信记录（无故未参训，2020-10-12），您在 2023-10-12 前不能参加省级及以上培训项目，在「乡村骨干教师素质提升培训项目」（HN2020-05）"
                + "的入选已撤销，名额已释放，无需于 2020-11-16 报到。", mine.body().zh());
        assertTrue(mine.body().en().startsWith("Because of an integrity record (no-show on 2020-10-12) you may not join provincial or national"),
                mine.body().en());
        assertTrue(w.ports.notices.stream().anyMatch(n -> n.kind().equals("WAITLIST_PROMOTED") && n.recipient().equals("TEACHER#W1")));

        assertEquals(List.of(), done(w.waitlist.list(World.XIN_COUNTY, y.december().id(), null)), "T1 no longer waits for December's seat");
        assertEquals(List.of(), w.ports.waitlists.ofTeacher("T1"));

        int notices = w.ports.notices.size();
        tasks.markNoShows(y.october().id());   // the task retried
        assertEquals(notices, w.ports.notices.size(), "nothing released or told twice");
        assertEquals(EnrollmentStatus.SELECTED, status(y.november(), "W1"));
    }

    @Test
    void e4_aCountysOwnProjectKeepsTheBannedTeacher_andAnExcusedNoShowReleasesNothing() {
        var y = aYearOfSelections();
        var countyProgram = done(w.createProgram.execute(World.XIN_COUNTY,
                new org.teachertraining.core.program.CreateProgram.Command(2020, ProgramLevel.COUNTY, "新县县培", "411523", null)));
        var c = w.ruralBackbone("XX2020-01");
        var county = done(w.createProject.execute(World.XIN_COUNTY, countyProgram.id(), new CreateProject.Command(c.code(), c.name(), c.category(),
                c.eligibility(), c.phases(), c.totalHours(), c.classSize(), c.institutionId(), c.selectionCutoff(), LocalDate.of(2020, 11, 2),
                LocalDate.of(2020, 11, 12), c.budget(), null)));
        done(w.enroll.execute(World.XIN_COUNTY, county.id(), "T1", null));
        registers(y.october(), "T2");
        w.clock.set(OffsetDateTime.parse("2020-10-13T00:10:00+08:00"));
        tasks.markNoShows(y.october().id());
        assertEquals(EnrollmentStatus.SELECTED, status(county, "T1"), "E4 bans provincial and national projects only");

        // T2, a no-show in another project, excused by the county (E4a): the record bans nothing, and nothing is released
        var record = org.teachertraining.core.integrity.IntegrityRecord.of("T2", org.teachertraining.core.integrity.IntegrityRecord.Kind.NO_SHOW,
                "HN2020-01", LocalDate.of(2020, 10, 1));
        w.ports.integrity.add(record);
        w.ports.integrity.saveRecourse(Recourse.none("T2", record.id()).then(Recourse.Status.EXCUSED, new Recourse.Step(Recourse.Action.EXCUSE,
                "xx", "COUNTY_ADMIN", w.clock.instant(), "县医院住院证明", null, null)), record, "411523", List.of());
        assertEquals(List.of(), w.bannedSeats.of("T2", "test"));
        assertEquals(EnrollmentStatus.SELECTED, status(y.national(), "T2"));
    }

    @Test
    void e4_aDismissalPostedLaterReleasesTheSeat_andSoDoesACorrectionToNoShow() {
        var y = aYearOfSelections();
        w.clock.set(OffsetDateTime.parse("2020-10-27T10:00:00+08:00"));
        var recorded = OffsetDateTime.parse("2020-10-27T10:00:00+08:00").toInstant();
        done(w.postCompletion.execute(new Completion("C-OCT", y.october().id(), "HENU", List.of(
                new Completion.Result("T1", Completion.Outcome.DISMISSED, null, null),
                new Completion.Result("T2", Completion.Outcome.PASSED, Map.of(CreditCategory.CENTRALIZED, 60), null)), "henu", recorded)));
        assertEquals(EnrollmentStatus.WITHDRAWN, status(y.november(), "T1"));
        assertEquals(EnrollmentStatus.SELECTED, status(y.november(), "W1"));
        assertEquals(EnrollmentStatus.SELECTED, status(y.national(), "T2"), "passed: nothing released");

        done(w.correctResult.execute(World.PROVINCE, y.october().id(), "T2", new CorrectResult.Command(Completion.Outcome.NO_SHOW, null, null,
                "学员未报到，系误登记")));
        assertEquals(EnrollmentStatus.WITHDRAWN, status(y.national(), "T2"));
    }
}
