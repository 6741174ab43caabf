package org.teachertraining.core.lifecycle;

import java.time.Instant;
import java.util.List;

/** Port: the workflow engine that runs a project's execution (Step Functions): one, or one more per application made again after a failed one. */
public interface LifecycleEngine {
    /**
     * Starts the execution named {@code name}, or finds it: one per name (the project's ID, or after an application that
     * failed before its approval the ID and the application's number). Answers its ID. {@code input} is written as JSON.
     */
    String start(String name, Object input);

    /**
     * Completes the human step waiting on {@code token} with {@code output}, written as JSON. False when the
     * step no longer waits: someone else completed it first, or it timed out (Step Functions' TaskTimedOut).
     */
    boolean succeed(String token, Object output);

    /** Fails the human step waiting on {@code token}; false when it no longer waits (see {@link #succeed}). */
    boolean fail(String token, String error, String cause);

    /** The human step waiting on {@code token} is still being worked on; false when it no longer waits. */
    boolean heartbeat(String token);

    void stop(String executionId, String error, String cause);

    Execution describe(String executionId);

    /** @param states the states entered, in order, with when */
    record Execution(String status, String error, String cause, List<Entered> states) {
        public record Entered(String state, Instant at) {}
    }
}
