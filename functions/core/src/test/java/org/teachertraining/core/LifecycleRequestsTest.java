package org.teachertraining.core;

import org.junit.jupiter.api.Test;
import org.teachertraining.core.identity.Caller;
import org.teachertraining.core.identity.Role;
import org.teachertraining.core.lifecycle.LifecycleEngine;
import org.teachertraining.core.lifecycle.Lifecycles;
import org.teachertraining.core.lifecycle.ProjectLifecycle;
import org.teachertraining.core.lifecycle.ProjectLifecycleRequests;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.teachertraining.core.World.done;

/**
 * The application starts the execution; its first task writes the lifecycle record with its dates, and may do so
 * between the request's read and its write. The request must not erase them (a check-then-act on the record did,
 * about one run in four of the README's lifecycle walkthrough).
 */
class LifecycleRequestsTest {
    final World w = new World();
    final Map<String, ProjectLifecycle> stored = new ConcurrentHashMap<>();

    /** Set when the execution starts: its first task (recordApplication, writing the dates) lands just before the request's own write. */
    volatile String taskPending;

    /** Set when the approval is handed to the execution: its next task (publishing quotas) lands just before the request's own write. */
    volatile String approving, nextTaskOf;

    void landTheTask() {
        if (nextTaskOf != null) {
            stored.computeIfPresent(nextTaskOf, (id, lc) -> lc.in(ProjectLifecycle.Phase.SELECTION_OPEN, null, Instant.EPOCH.plusSeconds(60)));
            nextTaskOf = null;
        }
        if (taskPending == null) return;
        var dates = new ProjectLifecycle.Dates(Instant.EPOCH, Instant.EPOCH, Instant.EPOCH, Instant.EPOCH);
        stored.put(taskPending, ProjectLifecycle.started(taskPending, "arn:exec", Instant.EPOCH).with(dates, null, null, null, null));
        taskPending = null;
    }

    final Lifecycles lifecycles = new Lifecycles() {
        public Optional<ProjectLifecycle> find(String projectId) { return Optional.ofNullable(stored.get(projectId)); }
        public void save(ProjectLifecycle lc) {
            landTheTask();
            stored.put(lc.projectId(), lc);
        }
        public boolean saveIfAbsent(ProjectLifecycle lc) {
            landTheTask();
            return stored.putIfAbsent(lc.projectId(), lc) == null;
        }
        public synchronized boolean saveIfUnchanged(ProjectLifecycle next, ProjectLifecycle read) {
            landTheTask();
            var current = stored.get(next.projectId());
            if (current == null || !current.updatedAt().equals(read.updatedAt())) return false;
            stored.put(next.projectId(), next);
            return true;
        }
        public boolean rate(String projectId, String raterKey, int score, String comment) { return false; }
        public List<Integer> ratings(String projectId) { return List.of(); }
        public void score(String projectId, String expert, int score, String comment) { }
        public void assignExpert(String projectId, String expert, String assignedBy, Instant at) { }
        public boolean isAssigned(String projectId, String expert) { return false; }
        public List<String> assignmentsOf(String expert) { return List.of(); }
        public List<Integer> expertScores(String projectId) { return List.of(); }
        public void rateAsBureau(String projectId, String jurisdiction, int score, String comment, String by, Instant at) { }
        public List<Integer> bureauRatings(String projectId) { return List.of(); }
    };

    final LifecycleEngine engine = new LifecycleEngine() {
        public String start(String projectId, Object input) {
            taskPending = projectId;
            return "arn:exec";
        }
        public boolean succeed(String token, Object output) {
            if (approving == null || !token.equals("approval-token")) return false;
            nextTaskOf = approving;
            return true;
        }
        public boolean fail(String token, String error, String cause) { return false; }
        public boolean heartbeat(String token) { return false; }
        public void stop(String executionId, String error, String cause) { }
        public Execution describe(String executionId) {
            if (closingProject == null) return new Execution("RUNNING", null, null, List.of());
            // the last task lands while the execution is described: it writes CLOSED, then the execution ends
            stored.computeIfPresent(closingProject, (id, lc) -> lc.in(ProjectLifecycle.Phase.CLOSED, null, Instant.EPOCH));
            return new Execution("SUCCEEDED", null, null, List.of());
        }
    };

    volatile String closingProject;

    @Test
    void theApplicationDoesNotEraseWhatTheFirstTaskWrote() {
        var project = w.projectWithCountySeats(1);
        var requests = new ProjectLifecycleRequests(w.ports.projects, w.ports.enrollments, lifecycles, w.ports.quotas, w.ports.applications, w.ports.waitlists, engine, w.access, w.clock);
        done(requests.apply(new Caller("henu", Role.INSTITUTION, null, "HENU", null), project.id()));
        assertNotNull(stored.get(project.id()).dates(), "the dates the first task recorded are gone");
    }

    /** The approval hands the execution its token, whose next task writes SELECTION_OPEN; the request's own write must not undo it. */
    @Test
    void theApprovalDoesNotEraseThePhaseItsNextTaskWrote() {
        var project = w.projectWithCountySeats(1);
        var requests = new ProjectLifecycleRequests(w.ports.projects, w.ports.enrollments, lifecycles, w.ports.quotas, w.ports.applications, w.ports.waitlists, engine, w.access, w.clock);
        var waiting = new ProjectLifecycle.Waiting("APPROVAL", "approval-token", Instant.EPOCH, Instant.EPOCH.plusSeconds(86_400));
        stored.put(project.id(), ProjectLifecycle.started(project.id(), "arn:exec", Instant.EPOCH).in(ProjectLifecycle.Phase.AWAITING_APPROVAL, waiting, Instant.EPOCH));
        approving = project.id();
        done(requests.decide(new Caller("hn", Role.PROVINCE_ADMIN, "410000", null, null), project.id(), true, null));
        assertEquals(ProjectLifecycle.Phase.SELECTION_OPEN, stored.get(project.id()).phase(), "the approval wrote over the phase its next task recorded");
    }

    /** The view never pairs an ended execution with the phase from before its last task (LifecycleIT saw EVALUATED beside SUCCEEDED). */
    @Test
    void aViewReadsThePhaseAfterTheExecutionsStatus() {
        var project = w.projectWithCountySeats(1);
        var requests = new ProjectLifecycleRequests(w.ports.projects, w.ports.enrollments, lifecycles, w.ports.quotas, w.ports.applications, w.ports.waitlists, engine, w.access, w.clock);
        stored.put(project.id(), ProjectLifecycle.started(project.id(), "arn:exec", Instant.EPOCH).in(ProjectLifecycle.Phase.EVALUATED, null, Instant.EPOCH));
        closingProject = project.id();
        var view = done(requests.read(new Caller("hn", Role.PROVINCE_ADMIN, "410000", null, null), project.id()));
        assertEquals("SUCCEEDED", view.status());
        assertEquals(ProjectLifecycle.Phase.CLOSED, view.phase());
    }
}
