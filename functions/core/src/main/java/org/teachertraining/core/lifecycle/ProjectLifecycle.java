package org.teachertraining.core.lifecycle;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * Where a project stands in its life (docs/domain.md "Project lifecycle"), as the lifecycle's tasks record it:
 * the phase, what it waits for (a human step, with the task token) and until when, its dates, the fill
 * rates at the cutoff, the pre-start findings, the completion recorded and the evaluation. {@code executionArn} is the
 * execution that runs it now; {@code continuedFrom}, oldest first, the ones of the same application that ran it before,
 * each until it handed the project over before Step Functions' year ran out ({@link LifecycleTasks#HANDOVER_AFTER}).
 */
public record ProjectLifecycle(String projectId, String executionArn, Phase phase, Waiting waiting, Dates dates,
                               List<FillRate> fillRates, List<org.teachertraining.core.common.Text> preStartFindings, CompletionSummary completion,
                               Evaluation evaluation, Instant updatedAt, List<String> continuedFrom) {

    public enum Phase {
        APPLIED, AWAITING_APPROVAL, SELECTION_OPEN, SELECTION_CLOSED, PRE_START_CHECKED, AWAITING_COMPLETION, CREDITS_POSTED,
        DELIVERABLES_WINDOW, EVALUATED, CLOSED, REJECTED, CANCELLED
    }

    /** A human step the execution waits for: APPROVAL (the province) or COMPLETION (the institution). */
    public record Waiting(String step, String token, Instant since, Instant until) {}

    /** The instants the state machine's Wait states wait for (00:00 Asia/Shanghai of the day after, for dates). */
    /** {@code registrationCloses}: the end of the first day (E8), after which who has not registered is a no-show. */
    public record Dates(Instant selectionCutoff, Instant registrationCloses, Instant trainingEnds, Instant deliverablesDue) {}

    public record FillRate(String jurisdiction, int seats, int enrolled, int unfilled, BigDecimal percent) {}

    public record CompletionSummary(String completionId, int passed, int failed, int dismissed, int noShows, List<Outcome> results) {
        public record Outcome(String teacherId, String outcome) {}
    }

    /** P1: the figures the platform has. Rates in percent, 2 decimals; averages null when nothing was given. */
    public record Evaluation(BigDecimal fillRate, BigDecimal reportRate, BigDecimal completionRate, int deliverablesRequired,
                             int deliverablesAcceptedOnTime, BigDecimal traineeRating, int traineeRatings, BigDecimal expertScore,
                             int expertScores, List<ReportRate> reportRates) {}

    /** Per allocated jurisdiction: its trainees, how many came (every outcome but a no-show), the rate. */
    public record ReportRate(String jurisdiction, int enrolled, int reported, BigDecimal percent) {}

    public ProjectLifecycle {
        fillRates = fillRates == null ? List.of() : List.copyOf(fillRates);
        preStartFindings = preStartFindings == null ? List.of() : List.copyOf(preStartFindings);
        continuedFrom = continuedFrom == null ? List.of() : List.copyOf(continuedFrom);
    }

    /** A project's life that ended: nothing moves it on, and it cannot be cancelled. */
    public boolean ended() {
        return phase == Phase.CLOSED || phase == Phase.REJECTED || phase == Phase.CANCELLED;
    }

    public static ProjectLifecycle started(String projectId, String executionArn, Instant at) {
        return new ProjectLifecycle(projectId, executionArn, Phase.APPLIED, null, null, null, null, null, null, at, null);
    }

    /**
     * The record moved on at {@code at}. Its {@code updatedAt} is always after the one it replaces, even on a clock that stands
     * still or was set back: conditional writes ({@link Lifecycles#saveIfUnchanged}) tell records apart by it.
     */
    public ProjectLifecycle in(Phase phase, Waiting waiting, Instant at) {
        var stamp = updatedAt != null && !at.isAfter(updatedAt) ? updatedAt.plusNanos(1) : at;
        return new ProjectLifecycle(projectId, executionArn, phase, waiting, dates, fillRates, preStartFindings, completion, evaluation, stamp, continuedFrom);
    }

    /** Run on by the execution {@code arn} from now, the one before among those that ran it (once: again, the same record). */
    public ProjectLifecycle continuedIn(String arn, Instant at) {
        if (arn.equals(executionArn)) return this;
        var earlier = new java.util.ArrayList<>(continuedFrom);
        earlier.add(executionArn);
        return new ProjectLifecycle(projectId, arn, phase, waiting, dates, fillRates, preStartFindings, completion, evaluation, updatedAt, earlier)
                .in(phase, waiting, at);
    }

    /**
     * The application recorded by the execution {@code arn}: the first one, or a new one after an application that failed
     * before its approval (what the failed one recorded does not carry over).
     */
    public ProjectLifecycle applied(String arn, Dates d, Instant at) {
        if (arn.equals(executionArn)) return in(Phase.APPLIED, null, at).with(d, null, null, null, null);
        return new ProjectLifecycle(projectId, arn, phase, null, d, null, null, null, null, updatedAt, null).in(Phase.APPLIED, null, at);
    }

    public ProjectLifecycle with(Dates d, List<FillRate> f, List<org.teachertraining.core.common.Text> pre, CompletionSummary c, Evaluation e) {
        return new ProjectLifecycle(projectId, executionArn, phase, waiting, d == null ? dates : d, f == null ? fillRates : f,
                pre == null ? preStartFindings : pre, c == null ? completion : c, e == null ? evaluation : e, updatedAt, continuedFrom);
    }
}
