package org.teachertraining.core;

import org.junit.jupiter.api.Test;
import org.teachertraining.core.application.TeacherApplication;
import org.teachertraining.core.common.Refusal;
import org.teachertraining.core.enrollment.EnrollmentStatus;
import org.teachertraining.core.identity.Caller;
import org.teachertraining.core.identity.Role;
import org.teachertraining.core.lifecycle.LifecycleEngine;
import org.teachertraining.core.lifecycle.LifecycleTasks;
import org.teachertraining.core.lifecycle.Lifecycles;
import org.teachertraining.core.lifecycle.ProjectLifecycle;
import org.teachertraining.core.lifecycle.ProjectLifecycleRequests;
import org.teachertraining.core.project.Project;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.teachertraining.core.World.done;
import static org.teachertraining.core.World.refused;

/**
 * A cancellation stops the execution, but a task of it may be running: the task read the record before the
 * cancellation and writes after it. The cancellation must stand, and the task must not act on a cancelled project
 * (a no-show marked on a cancelled class bans a teacher for three years, E4).
 */
class LifecycleCancellationTest {
    static final Caller PROVINCE = new Caller("hn", Role.PROVINCE_ADMIN, "410000", null, null);

    final World w = new World();
    final List<String> stopped = new ArrayList<>(), started = new ArrayList<>();
    final List<Object> startedWith = new ArrayList<>();

    /** Run once, just before the next write reaches the store: another writer's write that lands first. */
    Runnable landsFirst;

    void landOther() {
        var other = landsFirst;
        landsFirst = null;
        if (other != null) other.run();
    }

    final Lifecycles lifecycles = new Lifecycles() {
        final Lifecycles store = w.ports.lifecycles;
        public Optional<ProjectLifecycle> find(String projectId) { return store.find(projectId); }
        public void save(ProjectLifecycle lc) {
            landOther();
            store.save(lc);
        }
        public boolean saveIfAbsent(ProjectLifecycle lc) { return store.saveIfAbsent(lc); }
        public boolean saveIfUnchanged(ProjectLifecycle next, ProjectLifecycle read) {
            landOther();
            return store.saveIfUnchanged(next, read);
        }
        public boolean rate(String projectId, String raterKey, int score, String comment) { return store.rate(projectId, raterKey, score, comment); }
        public List<Integer> ratings(String projectId) { return store.ratings(projectId); }
        public void score(String projectId, String expert, int score, String comment) { store.score(projectId, expert, score, comment); }
        public void assignExpert(String projectId, String expert, String by, Instant at) { store.assignExpert(projectId, expert, by, at); }
        public List<String> assignmentsOf(String expert) { return store.assignmentsOf(expert); }
        public boolean isAssigned(String projectId, String expert) { return store.isAssigned(projectId, expert); }
        public List<Integer> expertScores(String projectId) { return store.expertScores(projectId); }
        public void rateAsBureau(String projectId, String jurisdiction, int score, String comment, String by, Instant at) {
            store.rateAsBureau(projectId, jurisdiction, score, comment, by, at);
        }
        public List<Integer> bureauRatings(String projectId) { return store.bureauRatings(projectId); }
    };

    final LifecycleEngine engine = new LifecycleEngine() {
        public String start(String projectId, Object input) {
            started.add(projectId);
            startedWith.add(input);
            return "arn:exec:" + projectId;
        }
        public boolean succeed(String token, Object output) { return true; }
        public boolean fail(String token, String error, String cause) { return true; }
        public boolean heartbeat(String token) { return true; }
        public void stop(String executionId, String error, String cause) { stopped.add(executionId); }
        public Execution describe(String executionId) { return new Execution(stopped.contains(executionId) ? "ABORTED" : "RUNNING", null, null, List.of()); }
    };

    final ProjectLifecycleRequests requests = new ProjectLifecycleRequests(w.ports.projects, w.ports.enrollments, lifecycles, w.ports.quotas, w.ports.applications, w.ports.waitlists, engine,
            w.access, w.clock);
    final LifecycleTasks tasks = new LifecycleTasks(w.ports.projects, w.ports.enrollments, w.ports.quotas, w.ports.submissions, w.ports.ledger,
            w.ports.integrity, w.ports.results, w.bannedSeats, lifecycles, w.tree, w.clock);

    Project projectIn(ProjectLifecycle.Phase phase) {
        var p = w.projectWithCountySeats(2);
        w.ports.lifecycles.save(ProjectLifecycle.started(p.id(), "arn:exec:" + p.id(), w.clock.instant()).in(phase, null, w.clock.instant()));
        return p;
    }

    ProjectLifecycle stored(Project p) {
        return w.ports.lifecycles.find(p.id()).orElseThrow();
    }

    @Test
    void aTaskRunningWhenTheProjectIsCancelledDoesNotWriteItsPhaseOverTheCancellation() {
        var p = projectIn(ProjectLifecycle.Phase.SELECTION_OPEN);
        landsFirst = () -> done(requests.cancel(PROVINCE, p.id(), "经费未到位"));
        var failed = assertThrows(LifecycleTasks.StepFailed.class, () -> tasks.closeSelection(p.id()));
        assertEquals("LifecycleEnded", failed.name);
        assertEquals(ProjectLifecycle.Phase.CANCELLED, stored(p).phase(), "the task's phase was written over the cancellation");
    }

    @Test
    void aCancellationKeepsWhatATaskWroteJustBeforeIt() {
        var p = projectIn(ProjectLifecycle.Phase.SELECTION_OPEN);
        landsFirst = () -> tasks.closeSelection(p.id());
        var view = done(requests.cancel(PROVINCE, p.id(), "经费未到位"));
        assertEquals(ProjectLifecycle.Phase.CANCELLED, view.phase());
        assertEquals("ABORTED", view.status());
        assertEquals(List.of("411500", "411523"), stored(p).fillRates().stream().map(ProjectLifecycle.FillRate::jurisdiction).sorted().toList(),
                "the fill rates the task recorded were erased by the cancellation");
    }

    @Test
    void noTraineeOfACancelledProjectIsMarkedANoShow() {
        var p = projectIn(ProjectLifecycle.Phase.PRE_START_CHECKED);
        w.addTeacher("T1", "411523");
        done(w.enroll.execute(World.XIN_COUNTY, p.id(), "T1", null));
        // the lifecycle cancelled, its trainees not yet released (the cancellation's request is still at it)
        w.ports.lifecycles.save(stored(p).in(ProjectLifecycle.Phase.CANCELLED, null, w.clock.instant()));
        assertThrows(LifecycleTasks.StepFailed.class, () -> tasks.markNoShows(p.id()));
        assertEquals(EnrollmentStatus.SELECTED, w.ports.enrollments.find(p.id(), "T1").orElseThrow().status());
        assertTrue(w.ports.integrity.ofTeacher("T1").isEmpty(), "a no-show was recorded on a cancelled project");
    }

    @Test
    void aClosedProjectIsNotCancelledAndACancellationAskedAgainAnswersTheSame() {
        var closed = projectIn(ProjectLifecycle.Phase.CLOSED);
        Refusal refusal = refused(requests.cancel(PROVINCE, closed.id(), "误操作"));
        assertEquals(Refusal.Kind.CONFLICT, refusal.kind());
        assertEquals(ProjectLifecycle.Phase.CLOSED, stored(closed).phase());
        assertTrue(stopped.isEmpty(), "a closed project's execution was stopped");

        // a rejected project was stopped by its rejection: asked to cancel it, the platform finishes that, the phase kept
        var rejected = projectIn(ProjectLifecycle.Phase.REJECTED);
        assertEquals(ProjectLifecycle.Phase.REJECTED, done(requests.cancel(PROVINCE, rejected.id(), "误操作")).phase());
        assertTrue(w.ports.projects.find(rejected.id()).orElseThrow().cancelledAt() != null);
        assertTrue(stopped.isEmpty(), "a rejected project's execution was stopped");

        var running = projectIn(ProjectLifecycle.Phase.AWAITING_APPROVAL);
        done(requests.cancel(PROVINCE, running.id(), "经费未到位"));
        var cancelled = stored(running);
        var again = done(requests.cancel(PROVINCE, running.id(), "经费未到位"));
        assertEquals(ProjectLifecycle.Phase.CANCELLED, again.phase());
        assertEquals(cancelled, stored(running), "asked again, the cancellation wrote the record again");
        assertEquals(1, stopped.size(), "asked again, the cancellation stopped the execution again");
    }

    /** The state of an execution that hands {@code p} over before its selection cutoff (Step Functions' year, docs/lifecycle.md). */
    static Map<String, Object> handingOver(Project p) {
        return Map.of("projectId", p.id(), "dates", Map.of("selectionCutoff", "2029-09-25T15:59:59Z", "handoverBy", "2028-12-01T00:00:00Z"),
                "handover", Map.of("resumeAt", "Is the selection cutoff within this execution's year?", "at", "2028-12-01T00:00:00Z"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aHandoverStartsTheProjectsNextExecutionOnceFromTheStateWithAYearOfItsOwn() {
        var p = projectIn(ProjectLifecycle.Phase.SELECTION_OPEN);
        String first = stored(p).executionArn();
        String next = tasks.continueInNewExecution(p.id(), first, handingOver(p), engine);
        assertEquals(List.of(p.id() + "-2"), started);
        assertEquals(next, stored(p).executionArn());
        assertEquals(List.of(first), stored(p).continuedFrom());
        var input = (Map<String, Object>) startedWith.getFirst();
        assertEquals(handingOver(p).get("handover"), input.get("handover"), "where to resume");
        var now = w.clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        assertEquals(Map.of("selectionCutoff", "2029-09-25T15:59:59Z", "handoverBy", now.plus(LifecycleTasks.HANDOVER_AFTER).toString(),
                "trainingEndsBy", now.plus(LifecycleTasks.TRAINING_ENDS_WITHIN).toString()), input.get("dates"));
        // the task retried: the same execution (Step Functions answers the same for the same name), the record as it was
        var record = stored(p);
        assertEquals(next, tasks.continueInNewExecution(p.id(), first, handingOver(p), engine));
        assertEquals(record, stored(p));
        assertEquals(List.of(p.id() + "-2", p.id() + "-2"), started);
        assertThrows(LifecycleTasks.StepFailed.class, () -> tasks.continueInNewExecution(p.id(), next, Map.of("projectId", p.id()), engine));
    }

    /** Cancelled as the old execution hands over: the cancellation stops the old one, and the new one the record names by then. */
    @Test
    void aCancellationAsTheProjectIsHandedOverStopsBothExecutions() {
        var p = projectIn(ProjectLifecycle.Phase.SELECTION_OPEN);
        String first = stored(p).executionArn();
        landsFirst = () -> tasks.continueInNewExecution(p.id(), first, handingOver(p), engine);
        done(requests.cancel(PROVINCE, p.id(), "经费未到位"));
        assertEquals(ProjectLifecycle.Phase.CANCELLED, stored(p).phase());
        assertEquals(List.of(first, "arn:exec:" + p.id() + "-2"), stopped, "an execution of the cancelled project runs on");
    }

    /** Cancelled before the handover's write: the execution it started is stopped, the step fails. */
    @Test
    void aHandoverOfACancelledProjectStopsTheExecutionItStarted() {
        var p = projectIn(ProjectLifecycle.Phase.SELECTION_OPEN);
        String first = stored(p).executionArn();
        done(requests.cancel(PROVINCE, p.id(), "经费未到位"));
        var failed = assertThrows(LifecycleTasks.StepFailed.class, () -> tasks.continueInNewExecution(p.id(), first, handingOver(p), engine));
        assertEquals("LifecycleEnded", failed.name);
        assertEquals(List.of(first, "arn:exec:" + p.id() + "-2"), stopped);
        assertEquals(first, stored(p).executionArn());
    }

    /** A cancelled project selects no one (E2) and registers no one (E8), whichever way a teacher would come in. */
    @Test
    void aCancelledProjectSelectsAndRegistersNoOne() {
        var p = projectIn(ProjectLifecycle.Phase.SELECTION_OPEN);
        w.addTeacher("T1", "411523");
        w.addTeacher("T2", "411523");
        done(w.enroll.execute(World.XIN_COUNTY, p.id(), "T1", null));
        var applied = new TeacherApplication(p.id(), "T2", "T2", "411523", "我想参加", TeacherApplication.Status.PENDING, null, null, null, null, w.clock.instant());
        w.ports.applications.add(applied);
        done(requests.cancel(PROVINCE, p.id(), "经费未到位"));
        assertEquals(stored(p).updatedAt(), w.ports.projects.find(p.id()).orElseThrow().cancelledAt());
        var declined = w.ports.applications.find(p.id(), "T2").orElseThrow();
        assertEquals(TeacherApplication.Status.DECLINED, declined.status(), "a teacher's application waited on for a project that will not run");
        assertEquals("项目已取消，不再遴选", declined.reason());

        var enrolling = refused(w.enroll.execute(World.XIN_COUNTY, p.id(), "T2", null));
        assertEquals("E2", enrolling.rule());
        String at = org.teachertraining.core.common.ChinaTime.readable(stored(p).updatedAt());
        assertEquals("项目已于 " + at + "（北京时间）取消，不再遴选或报到", enrolling.message().zh());
        assertTrue(at.matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}"), at);
        assertTrue(w.ports.enrollments.find(p.id(), "T2").isEmpty(), "a teacher was enrolled in a cancelled project");
        assertEquals(Refusal.Kind.CONFLICT, refused(w.allocate.execute(World.XINYANG, p.id(), "411523", 5)).kind());
        assertEquals(2, w.ports.quotas.find(p.id(), "411523").orElseThrow().seats());

        var registration = new org.teachertraining.core.enrollment.Registration(w.ports.projects, w.ports.enrollments, w.ports.submissions, w.clock);
        w.clock.set(p.startDate().atStartOfDay(org.teachertraining.core.common.ChinaTime.ZONE).plusHours(9).toOffsetDateTime());
        var registering = refused(registration.register(new Caller("henu", Role.INSTITUTION, null, p.institutionId(), null), p.id(), "T1"));
        assertEquals("E8", registering.rule());
        assertEquals(EnrollmentStatus.WITHDRAWN, w.ports.enrollments.find(p.id(), "T1").orElseThrow().status(), "the selected trainee was not released");
        var told = w.ports.notices.stream().filter(n -> n.kind().equals("WITHDRAWN")).toList();
        assertEquals(List.of("TEACHER#T1"), told.stream().map(n -> n.recipient()).toList(), "the released trainee was not told");
        assertEquals("「乡村骨干教师素质提升培训项目」（HN2020-04）已取消，不再举办；您的入选随之撤销，无需于 2020-10-12 报到。", told.getFirst().body().zh());
    }

    /** Its waitlist is emptied, each teacher on it told once; a listing under way as it was cancelled is refused (E2), not left on it. */
    @Test
    void aCancelledProjectsWaitlistIsEmptiedAndEachTeacherOnItTold() {
        var p = projectIn(ProjectLifecycle.Phase.SELECTION_OPEN);
        for (String id : List.of("T1", "W1", "W2", "W3")) w.addTeacher(id, "411523");
        done(w.enroll.execute(World.XIN_COUNTY, p.id(), "T1", null));
        done(w.waitlist.add(World.XIN_COUNTY, p.id(), "W1"));
        done(w.waitlist.add(World.XIN_COUNTY, p.id(), "W2"));
        w.ports.notices.clear();
        var asRead = w.ports.projects.find(p.id()).orElseThrow();
        done(requests.cancel(PROVINCE, p.id(), "经费未到位"));

        assertEquals(List.of(), w.ports.waitlists.ofProject(p.id(), ""), "teachers left waiting for a project that will not run");
        var told = w.ports.notices.stream().filter(n -> n.kind().equals("WAITLIST_CANCELLED")).toList();
        assertEquals(List.of("TEACHER#W1", "TEACHER#W2"), told.stream().map(n -> n.recipient()).sorted().toList());
        assertEquals("「乡村骨干教师素质提升培训项目」（HN2020-04）已取消，不再举办；您已移出其储备名单，不会再递补入选。", told.getFirst().body().zh());
        done(requests.cancel(PROVINCE, p.id(), "经费未到位"));
        assertEquals(2, w.ports.notices.stream().filter(n -> n.kind().equals("WAITLIST_CANCELLED")).count(), "told again when asked again");

        // a listing that read the project before the cancellation meets its closed pool
        var listing = new org.teachertraining.core.enrollment.Waitlist(new org.teachertraining.core.project.Projects() {
            final org.teachertraining.core.project.Projects stored = w.ports.projects;
            boolean first = true;
            public java.util.Optional<Project> find(String id) {
                if (!first) return stored.find(id);
                first = false;
                return java.util.Optional.of(asRead);
            }
            public boolean add(Project project) { return stored.add(project); }
            public void markCancelled(String id, Instant at) { stored.markCancelled(id, at); }
            public List<Project> ofProgram(String programId) { return stored.ofProgram(programId); }
            public List<Project> endingOnOrAfter(java.time.LocalDate day) { return stored.endingOnOrAfter(day); }
        }, w.ports.teachers, w.ports.enrollments, w.ports.waitlists, w.enroll, w.access, w.clock);
        var refusal = refused(listing.add(World.XIN_COUNTY, p.id(), "W3"));
        assertEquals("E2", refusal.rule(), refusal.message().zh());
        assertTrue(w.ports.waitlists.find(p.id(), "W3").isEmpty());
    }

    /** The province rejects the application: the project will not run, so it selects no one more and its selected trainee is released and told. */
    @Test
    void aRejectedApplicationStopsTheProject() {
        var p = w.projectWithCountySeats(2);
        var now = w.clock.instant();
        w.ports.lifecycles.save(ProjectLifecycle.started(p.id(), "arn:exec:" + p.id(), now)
                .in(ProjectLifecycle.Phase.AWAITING_APPROVAL, new ProjectLifecycle.Waiting("APPROVAL", "token", now, now.plusSeconds(86_400)), now));
        w.addTeacher("T1", "411523");
        w.addTeacher("T2", "411523");
        done(w.enroll.execute(World.XIN_COUNTY, p.id(), "T1", null));
        assertEquals(ProjectLifecycle.Phase.REJECTED, done(requests.decide(PROVINCE, p.id(), false, "培训方案与需求不符")).phase());
        assertEquals(EnrollmentStatus.WITHDRAWN, w.ports.enrollments.find(p.id(), "T1").orElseThrow().status());
        assertEquals(0, w.ports.quotas.find(p.id(), "411523").orElseThrow().used());
        assertTrue(w.ports.notices.stream().anyMatch(n -> n.kind().equals("WITHDRAWN") && n.recipient().equals("TEACHER#T1")), w.ports.notices.toString());
        assertEquals("E2", refused(w.enroll.execute(World.XIN_COUNTY, p.id(), "T2", null)).rule());
    }

    /** Published, its seats allocated, nobody applied for it yet: it is cancelled all the same, and no application starts it after. */
    @Test
    void aProjectNobodyAppliedForIsCancelledAsItIs() {
        var p = w.projectWithCountySeats(2);
        var view = done(requests.cancel(PROVINCE, p.id(), "项目撤销"));
        assertEquals(ProjectLifecycle.Phase.CANCELLED, view.phase());
        assertEquals(null, view.status(), "an execution's status for a project that never had one");
        assertTrue(stopped.isEmpty());
        assertEquals(stored(p).updatedAt(), w.ports.projects.find(p.id()).orElseThrow().cancelledAt());

        w.addTeacher("T1", "411523");
        assertEquals("E2", refused(w.enroll.execute(World.XIN_COUNTY, p.id(), "T1", null)).rule());
        var henu = new Caller("henu", Role.INSTITUTION, null, p.institutionId(), null);
        assertEquals(Refusal.Kind.CONFLICT, refused(requests.apply(henu, p.id())).kind());
        assertTrue(started.isEmpty(), "an execution was started for a cancelled project");
        assertEquals(ProjectLifecycle.Phase.CANCELLED, done(requests.read(PROVINCE, p.id())).phase());
        assertEquals(ProjectLifecycle.Phase.CANCELLED, done(requests.cancel(PROVINCE, p.id(), "项目撤销")).phase());
    }

    /**
     * Its selected trainees are released: a cancelled national project no longer counts toward a teacher's cap on
     * national projects (E5), which would bar her from the next one.
     */
    @Test
    void aCancelledNationalProjectDoesNotCountTowardTheCap() {
        var base = w.ruralBackbone("GP2020-01");
        var capped = new org.teachertraining.core.project.Eligibility(null, null, null, null, null, null, null,
                new org.teachertraining.core.project.Eligibility.NationalParticipationCap(1, 2019));
        var first = w.project(org.teachertraining.core.program.ProgramLevel.NATIONAL, base);
        var second = w.project(org.teachertraining.core.program.ProgramLevel.NATIONAL, new org.teachertraining.core.project.CreateProject.Command("GP2020-02",
                base.name(), base.category(), capped, base.phases(), 150, 50, "HENU", World.CUTOFF, base.startDate(), base.endDate(), null, null));
        for (var p : List.of(first, second)) done(w.allocate.execute(World.PROVINCE, p.id(), "411500", 10));
        w.addTeacher("T1", "411523");
        done(w.enroll.execute(World.XINYANG, first.id(), "T1", null));
        assertEquals("E5", refused(w.enroll.execute(World.XINYANG, second.id(), "T1", null)).rule());

        done(requests.cancel(PROVINCE, first.id(), "经费未到位"));
        assertEquals(EnrollmentStatus.WITHDRAWN, w.ports.enrollments.find(first.id(), "T1").orElseThrow().status());
        done(w.enroll.execute(World.XINYANG, second.id(), "T1", null));
    }

    /** The lifecycle was cancelled but the project's mark was missed (the request stopped between them): asking again marks it. */
    @Test
    void aCancellationAskedAgainMarksTheProjectItMissed() {
        var p = projectIn(ProjectLifecycle.Phase.CANCELLED);
        assertEquals(null, w.ports.projects.find(p.id()).orElseThrow().cancelledAt());
        assertEquals(ProjectLifecycle.Phase.CANCELLED, done(requests.cancel(PROVINCE, p.id(), "经费未到位")).phase());
        assertEquals(stored(p).updatedAt(), w.ports.projects.find(p.id()).orElseThrow().cancelledAt());
    }

    /** Step Functions may run a step again after it succeeded (a Lambda service error on its answer): closing twice is closed. */
    @Test
    void closingAClosedProjectAgainIsNotAFailure() {
        var p = projectIn(ProjectLifecycle.Phase.EVALUATED);
        tasks.close(p.id());
        var closed = stored(p);
        tasks.close(p.id());
        assertEquals(ProjectLifecycle.Phase.CLOSED, stored(p).phase());
        assertEquals(closed, stored(p));
        assertThrows(LifecycleTasks.StepFailed.class, () -> tasks.evaluate(p.id()), "a step after the close wrote over it");
        assertEquals(closed, stored(p));
    }

    /** The projects' clock stands still in tests and can be set back locally: records written at one instant still differ. */
    @Test
    void aRecordMovedOnIsAlwaysStampedAfterTheOneItReplaces() {
        var at = Instant.parse("2020-09-25T16:00:00Z");
        var first = ProjectLifecycle.started("P", "arn", at);
        var next = first.in(ProjectLifecycle.Phase.AWAITING_APPROVAL, null, at);
        var setBack = next.in(ProjectLifecycle.Phase.SELECTION_OPEN, null, at.minusSeconds(60));
        assertTrue(next.updatedAt().isAfter(first.updatedAt()));
        assertTrue(setBack.updatedAt().isAfter(next.updatedAt()));
        assertFalse(w.ports.lifecycles.saveIfUnchanged(next, first), "no record yet, and one was written");
    }
}
