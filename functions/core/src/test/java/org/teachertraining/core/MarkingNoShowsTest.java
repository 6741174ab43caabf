package org.teachertraining.core;

import org.junit.jupiter.api.Test;
import org.teachertraining.core.submission.TrainingClass;
import org.teachertraining.core.submission.ReportedClasses;
import org.teachertraining.core.enrollment.EnrollmentStatus;
import org.teachertraining.core.enrollment.Enrollments;
import org.teachertraining.core.integrity.IntegrityRecord;
import org.teachertraining.core.lifecycle.LifecycleTasks;
import org.teachertraining.core.lifecycle.ProjectLifecycle;
import org.teachertraining.core.project.Project;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.teachertraining.core.World.done;

/**
 * E8: the first day over, a trainee still only selected is a no-show, and the integrity record (E4) bans the teacher
 * for three years. A trainee registered (报到) in the same instant must not get that record.
 */
class MarkingNoShowsTest {
    final World w = new World();

    /** Run once, when the task moves its first trainee: a write of another that lands just before. */
    Runnable landsFirst;

    /** The store, with {@link #landsFirst} run before the task's first move. */
    final Enrollments enrollments = (Enrollments) Proxy.newProxyInstance(Enrollments.class.getClassLoader(), new Class<?>[]{Enrollments.class},
            (proxy, method, args) -> {
                if (method.getName().equals("move") && landsFirst != null && args[2] == EnrollmentStatus.NO_SHOW) {
                    var other = landsFirst;
                    landsFirst = null;
                    other.run();
                }
                try {
                    return method.invoke(w.ports.enrollments, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            });

    final LifecycleTasks tasks = new LifecycleTasks(w.ports.projects, enrollments, w.ports.quotas, w.ports.submissions, w.ports.ledger,
            w.ports.integrity, w.ports.results, w.bannedSeats, w.ports.lifecycles, w.tree, w.clock);

    Project classOfTwo() {
        var p = w.projectWithCountySeats(2);
        w.ports.lifecycles.save(ProjectLifecycle.started(p.id(), "arn:exec", w.clock.instant()).in(ProjectLifecycle.Phase.PRE_START_CHECKED, null, w.clock.instant()));
        for (var t : List.of("T1", "T2")) {
            w.addTeacher(t, "411523");
            done(w.enroll.execute(World.XIN_COUNTY, p.id(), t, null));
        }
        w.clock.set(OffsetDateTime.parse(p.startDate().plusDays(1) + "T00:10:00+08:00"));   // the first day is over
        return p;
    }

    @Test
    void aTraineeRegisteredAsTheFirstDayEndsIsNotRecordedANoShow() {
        var p = classOfTwo();
        var t1 = w.ports.enrollments.find(p.id(), "T1").orElseThrow();
        landsFirst = () -> w.ports.enrollments.move(t1, EnrollmentStatus.SELECTED, EnrollmentStatus.REGISTERED, "henu", w.clock.instant());
        var counted = tasks.markNoShows(p.id());
        assertEquals(EnrollmentStatus.REGISTERED, w.ports.enrollments.find(p.id(), "T1").orElseThrow().status());
        assertTrue(w.ports.integrity.ofTeacher("T1").isEmpty(), "a registered trainee was recorded a no-show: " + w.ports.integrity.ofTeacher("T1"));
        assertEquals(EnrollmentStatus.NO_SHOW, w.ports.enrollments.find(p.id(), "T2").orElseThrow().status());
        assertEquals(List.of(IntegrityRecord.Kind.NO_SHOW), w.ports.integrity.ofTeacher("T2").stream().map(IntegrityRecord::kind).toList());
        assertEquals(Map.of("registered", 1, "noShows", 1), counted);
    }

    /** The move landed, the record did not (the function stopped between them): the retry writes it. */
    @Test
    void aRetryWritesTheRecordOfANoShowMovedBeforeIt() {
        var p = classOfTwo();
        for (var t : List.of("T1", "T2")) {
            w.ports.enrollments.move(w.ports.enrollments.find(p.id(), t).orElseThrow(), EnrollmentStatus.SELECTED, EnrollmentStatus.NO_SHOW, "lifecycle", w.clock.instant());
        }
        assertEquals(Map.of("registered", 0, "noShows", 2), tasks.markNoShows(p.id()));
        assertEquals(Map.of("registered", 0, "noShows", 2), tasks.markNoShows(p.id()));
        for (var t : List.of("T1", "T2")) assertEquals(1, w.ports.integrity.ofTeacher(t).size(), t);
    }

    /** 通知到人: the no-show and their county are told, once, in the record's write, however often the task runs. */
    @Test
    void e4_theNoShowAndTheirCountyAreToldOnce() {
        var p = classOfTwo();
        w.ports.notices.clear();   // the selection notices
        tasks.markNoShows(p.id());
        tasks.markNoShows(p.id());
        var told = w.ports.notices.stream().filter(n -> n.kind().equals("INTEGRITY_RECORDED")).toList();
        assertEquals(List.of("TEACHER#T1", "JURISDICTION#411523", "TEACHER#T2", "JURISDICTION#411523"), told.stream().map(n -> n.recipient()).toList());
        var mine = told.get(0);
        assertEquals("诚信记录：无故未参训", mine.title().zh());
        assertTrue(mine.body().zh().contains(p.startDate().plusYears(3) + " 前不能参加省级及以上培训项目"), mine.body().zh());
        assertTrue(mine.body().zh().contains("向县区教育局提交证明"), mine.body().zh());
        assertTrue(mine.body().en().contains("you may appeal it to the province"), mine.body().en());
        assertTrue(told.get(1).body().zh().startsWith("教师王芳（T1）在「" + p.name() + "」"), told.get(1).body().zh());
    }

    /**
     * E8 with classes (S2): the marking waits for the last class's first day, and says until when; a trainee of the second
     * class is not a no-show (nor banned) when the first class's first day ends.
     */
    @Test
    void e8_withTwoClassesNobodyIsMarkedBeforeTheLastClassesFirstDayEnds() {
        var p = classOfTwo();
        var second = p.startDate().plusDays(7);
        w.ports.submissions.reportClasses(new ReportedClasses(p.id(), List.of(new TrainingClass(1, p.startDate(), p.startDate().plusDays(5)),
                new TrainingClass(2, second, p.endDate())), "henu", w.clock.instant()));
        // the second class's first day ends at 00:00 (Asia/Shanghai) after it: 16:00 UTC on the day itself
        assertEquals(Map.of("registrationCloses", second + "T16:00:00Z"), tasks.markNoShows(p.id()));
        assertEquals(EnrollmentStatus.SELECTED, w.ports.enrollments.find(p.id(), "T2").orElseThrow().status());
        assertTrue(w.ports.integrity.ofTeacher("T2").isEmpty());

        w.clock.set(OffsetDateTime.parse(second + "T09:00:00+08:00"));   // T1 registers at the second class
        var t1 = w.ports.enrollments.find(p.id(), "T1").orElseThrow();
        w.ports.enrollments.move(t1, EnrollmentStatus.SELECTED, EnrollmentStatus.REGISTERED, "henu", w.clock.instant()).orElseThrow();
        w.clock.set(OffsetDateTime.parse(second.plusDays(1) + "T00:10:00+08:00"));
        assertEquals(Map.of("registered", 1, "noShows", 1), tasks.markNoShows(p.id()));
        assertEquals(List.of(IntegrityRecord.Kind.NO_SHOW), w.ports.integrity.ofTeacher("T2").stream().map(IntegrityRecord::kind).toList());
        assertEquals(p.startDate(), w.ports.integrity.ofTeacher("T2").getFirst().occurredOn(), "dated the start, as a completion's no-show is");
    }

    /**
     * A project of more trainees than one call marks: each call marks at most {@link LifecycleTasks#NO_SHOWS_PER_TASK} and
     * says where the next goes on; a retry of a call redoes its own trainees and no record twice; the last counts them all.
     */
    @Test
    void e8_aLargeProjectIsMarkedCallByCall() {
        var p = w.project(org.teachertraining.core.program.ProgramLevel.PROVINCIAL, w.ruralBackbone("HN2020-NS"));
        done(w.allocate.execute(World.PROVINCE, p.id(), "411500", 250));
        done(w.allocate.execute(World.XINYANG, p.id(), "411523", 250));
        w.ports.lifecycles.save(ProjectLifecycle.started(p.id(), "arn:exec", w.clock.instant()).in(ProjectLifecycle.Phase.PRE_START_CHECKED, null, w.clock.instant()));
        var ids = new java.util.ArrayList<String>();
        for (int i = 0; i < 250; i++) {
            String t = "NS%03d".formatted(i);
            ids.add(t);
            w.addTeacher(t, "411523");
            done(w.enroll.execute(World.XIN_COUNTY, p.id(), t, null));
        }
        w.clock.set(OffsetDateTime.parse(p.startDate() + "T09:00:00+08:00"));
        for (var t : List.of("NS000", "NS150", "NS249")) {   // three came
            w.ports.enrollments.move(w.ports.enrollments.find(p.id(), t).orElseThrow(), EnrollmentStatus.SELECTED, EnrollmentStatus.REGISTERED, "henu", w.clock.instant()).orElseThrow();
        }
        w.clock.set(OffsetDateTime.parse(p.startDate().plusDays(1) + "T00:10:00+08:00"));
        assertEquals(100, LifecycleTasks.NO_SHOWS_PER_TASK);

        var first = tasks.markNoShows(p.id());
        assertEquals(Map.of("next", "NS100"), first, "NS001 to NS100: the first 100 still only selected");
        assertEquals(EnrollmentStatus.NO_SHOW, w.ports.enrollments.find(p.id(), "NS100").orElseThrow().status());
        assertEquals(EnrollmentStatus.SELECTED, w.ports.enrollments.find(p.id(), "NS101").orElseThrow().status());
        assertTrue(w.ports.integrity.ofTeacher("NS101").isEmpty());

        var second = tasks.markNoShows(p.id(), "NS100");
        assertEquals(Map.of("next", "NS201"), second, "NS101 to NS201, NS150 came");
        assertEquals(second, tasks.markNoShows(p.id(), "NS100"), "the call retried");
        assertEquals(Map.of("registered", 3, "noShows", 247), tasks.markNoShows(p.id(), "NS201"));
        assertEquals(Map.of("registered", 3, "noShows", 247), tasks.markNoShows(p.id(), "NS201"), "the last call retried");
        for (var t : ids) {
            boolean came = List.of("NS000", "NS150", "NS249").contains(t);
            assertEquals(came ? EnrollmentStatus.REGISTERED : EnrollmentStatus.NO_SHOW, w.ports.enrollments.find(p.id(), t).orElseThrow().status(), t);
            assertEquals(came ? 0 : 1, w.ports.integrity.ofTeacher(t).size(), t);
        }
    }
}
