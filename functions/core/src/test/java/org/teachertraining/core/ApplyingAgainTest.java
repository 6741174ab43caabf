package org.teachertraining.core;

import org.junit.jupiter.api.Test;
import org.teachertraining.core.identity.Caller;
import org.teachertraining.core.identity.Role;
import org.teachertraining.core.lifecycle.LifecycleEngine;
import org.teachertraining.core.lifecycle.ProjectLifecycle;
import org.teachertraining.core.lifecycle.ProjectLifecycleRequests;
import org.teachertraining.core.project.Project;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.teachertraining.core.World.done;

/**
 * An application that failed before the province approved it (no budget, a budget over the standards, the approval timed
 * out) is made again as an execution of its own; a rejected one, whose execution failed too, is not (LifecycleIT runs the
 * first on the local Step Functions).
 */
class ApplyingAgainTest {
    static final Caller HENU = new Caller("henu", Role.INSTITUTION, null, "HENU", null);

    final World w = new World();
    final List<String> started = new ArrayList<>();
    /** How the project's first execution ended. */
    String error = "ApplicationIncomplete";

    final LifecycleEngine engine = new LifecycleEngine() {
        public String start(String name, Object input) {
            started.add(name);
            return arn(name);
        }
        public boolean succeed(String token, Object output) { return false; }
        public boolean fail(String token, String error, String cause) { return false; }
        public boolean heartbeat(String token) { return false; }
        public void stop(String executionId, String error, String cause) { }
        public Execution describe(String executionId) {
            return executionId.endsWith("-2") ? new Execution("RUNNING", null, null, List.of()) : new Execution("FAILED", error, "cause", List.of());
        }
    };

    final ProjectLifecycleRequests requests = new ProjectLifecycleRequests(w.ports.projects, w.ports.enrollments, w.ports.lifecycles, w.ports.quotas,
            w.ports.applications, w.ports.waitlists, engine, w.access, w.clock);

    static String arn(String name) {
        return "arn:aws-cn:states:cn-north-1:123456789012:execution:ProjectLifecycle:" + name;
    }

    Project failedIn(ProjectLifecycle.Phase phase) {
        var p = w.projectWithCountySeats(1);
        var now = w.clock.instant();
        w.ports.lifecycles.save(ProjectLifecycle.started(p.id(), arn(p.id()), now).in(phase, null, now));
        return p;
    }

    @Test
    void anApplicationThatFailedBeforeTheApprovalIsMadeAgain_asAnExecutionOfItsOwn() {
        var p = failedIn(ProjectLifecycle.Phase.APPLIED);
        done(requests.apply(HENU, p.id()));
        assertEquals(List.of(p.id() + "-2"), started);
        var record = w.ports.lifecycles.find(p.id()).orElseThrow();
        assertEquals(arn(p.id() + "-2"), record.executionArn(), "the new execution takes the record");
        assertEquals(ProjectLifecycle.Phase.APPLIED, record.phase());
        // asked again while the new one runs: that one, no third
        done(requests.apply(HENU, p.id()));
        assertEquals(arn(p.id() + "-2"), w.ports.lifecycles.find(p.id()).orElseThrow().executionArn());
        assertEquals(List.of(p.id() + "-2", p.id()), started, "the second request only finds the project's execution by its name");
    }

    /** The rejection's own writes lost (its request cut off after the engine was told): the failed execution is still no failed application. */
    @Test
    void aRejectedApplicationIsNotMadeAgain() {
        error = "ApplicationRejected";
        var p = failedIn(ProjectLifecycle.Phase.AWAITING_APPROVAL);
        done(requests.apply(HENU, p.id()));
        assertEquals(List.of(p.id()), started, "a new execution for a rejected application");
        assertEquals(arn(p.id()), w.ports.lifecycles.find(p.id()).orElseThrow().executionArn());
    }
}
