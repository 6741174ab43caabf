package org.teachertraining.core.lifecycle;

import org.teachertraining.core.common.Labels;
import org.teachertraining.core.common.Text;
import org.teachertraining.core.common.ChinaTime;
import org.teachertraining.core.common.Money;
import org.teachertraining.core.credit.Ledger;
import org.teachertraining.core.enrollment.Enrollment;
import org.teachertraining.core.enrollment.EnrollmentStatus;
import org.teachertraining.core.enrollment.Enrollments;
import org.teachertraining.core.enrollment.RegistrationDays;
import org.teachertraining.core.enrollment.ReleaseBannedSeats;
import org.teachertraining.core.integrity.IntegrityNotice;
import org.teachertraining.core.integrity.IntegrityRecord;
import org.teachertraining.core.integrity.IntegrityRecords;
import org.teachertraining.core.jurisdiction.JurisdictionTree;
import org.teachertraining.core.project.Project;
import org.teachertraining.core.project.Projects;
import org.teachertraining.core.quota.Quota;
import org.teachertraining.core.quota.Quotas;
import org.teachertraining.core.submission.Deliverables;
import org.teachertraining.core.submission.SubmissionKind;
import org.teachertraining.core.submission.Submissions;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The steps the project's state machine runs, one method per Task state. Each records what it did on the
 * project's lifecycle and answers what the next states decide on. A step that cannot proceed throws a
 * {@link StepFailed} named for the state machine's Retry/Catch.
 */
public final class LifecycleTasks {
    /** How long the province has to decide, and the institution to record completion, before the execution gives up. */
    public static final Duration APPROVAL_WINDOW = Duration.ofDays(30), COMPLETION_WINDOW = Duration.ofDays(60);

    /**
     * Step Functions ends a Standard execution that runs for a year (a hard quota), and a project applied for long ahead —
     * or training over years — waits longer than that. Before each wait for one of its dates the state machine checks that
     * the wait ends in time, and if not, waits until then and goes on in a new execution ({@link #continueInNewExecution}).
     * A wait before another such check may end by {@code handoverBy}, this long after the execution started (5 days left
     * for the tasks between two waits); the training's end must come by {@code trainingEndsBy}
     * ({@link #TRAINING_ENDS_WITHIN}), since after it the execution runs to the closure unchecked.
     */
    public static final Duration HANDOVER_AFTER = Duration.ofDays(360);

    /** The latest training end an execution waits for: the completion assessment ({@link #COMPLETION_WINDOW}, the 30 days of deliverables within it) still ends by {@link #HANDOVER_AFTER}. */
    public static final Duration TRAINING_ENDS_WITHIN = HANDOVER_AFTER.minus(COMPLETION_WINDOW);

    /** A step's write to the record, read again after another's: a decision and a cancellation are the only other writers. */
    private static final int WRITE_ATTEMPTS = 5;

    /** The trainees one call of {@link #markNoShows(String, String)} marks: 3.2–4.4 s of writes a call on the local runtime's on-disk store, well within the function's 30 s. */
    public static final int NO_SHOWS_PER_TASK = 100;

    /** A step that cannot proceed; {@code name} is the error the state machine matches. */
    public static final class StepFailed extends RuntimeException {
        public final String name;

        public StepFailed(String name, String message) {
            super(message);
            this.name = name;
        }
    }

    private final Projects projects;
    private final Enrollments enrollments;
    private final Quotas quotas;
    private final Submissions submissions;
    private final Ledger ledger;
    private final IntegrityRecords integrity;
    private final Lifecycles lifecycles;
    private final JurisdictionTree tree;
    private final Clock clock;
    private final ProjectFigures figures;
    private final ReleaseBannedSeats bannedSeats;
    private final org.teachertraining.core.credit.ProjectResults results;

    public LifecycleTasks(Projects projects, Enrollments enrollments, Quotas quotas, Submissions submissions, Ledger ledger,
                          IntegrityRecords integrity, org.teachertraining.core.credit.ProjectResults results, ReleaseBannedSeats bannedSeats,
                          Lifecycles lifecycles, JurisdictionTree tree, Clock clock) {
        this.projects = projects;
        this.enrollments = enrollments;
        this.quotas = quotas;
        this.submissions = submissions;
        this.ledger = ledger;
        this.integrity = integrity;
        this.bannedSeats = bannedSeats;
        this.lifecycles = lifecycles;
        this.tree = tree;
        this.clock = clock;
        this.results = results;
        this.figures = new ProjectFigures(enrollments, quotas, submissions, lifecycles, results, tree, clock);
    }

    /** Application submitted: the dates the Wait states wait for. */
    public ProjectLifecycle.Dates recordApplication(String projectId, String executionArn) {
        var p = project(projectId);
        var dates = new ProjectLifecycle.Dates(p.selectionCutoff(), RegistrationDays.of(p, submissions.classes(projectId)).closes(), ChinaTime.startOf(p.endDate().plusDays(1)),
                ChinaTime.startOf(p.endDate().plusDays(1 + Deliverables.AFTER_DAYS)));
        // the application request writes the record too, only if absent: whichever comes first, the dates are kept
        if (!lifecycles.saveIfAbsent(ProjectLifecycle.started(projectId, executionArn, clock.instant()).with(dates, null, null, null, null))) {
            update(projectId, lc -> lc.applied(executionArn, dates, clock.instant()));   // a new application's execution takes the record
        }
        return dates;
    }

    /**
     * The instants by which the execution starting now hands the project over to a new one ({@link #HANDOVER_AFTER},
     * {@link #TRAINING_ENDS_WITHIN}), as the state machine's dates {@code handoverBy} and {@code trainingEndsBy}: whole
     * seconds, as Step Functions reads timestamps.
     */
    public Map<String, String> handover() {
        var now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        return Map.of("handoverBy", now.plus(HANDOVER_AFTER).toString(), "trainingEndsBy", now.plus(TRAINING_ENDS_WITHIN).toString());
    }

    /**
     * The execution {@code executionArn} hands the project over before a date it cannot wait for ({@link #HANDOVER_AFTER}):
     * a new execution of the same state machine ({@link ProjectLifecycleRequests#nextExecution}: the project's ID and the
     * next number) goes on from {@code state}, the old one's state, which names the check to resume at
     * ({@code handover.resumeAt}), with instants to hand over by of its own ({@link #handover}); the record names it as the
     * one that runs the project. Asked again (a retried task), the same execution. A project cancelled meanwhile stops it
     * and fails the step (LifecycleEnded).
     */
    @SuppressWarnings("unchecked")
    public String continueInNewExecution(String projectId, String executionArn, Map<String, Object> state, LifecycleEngine engine) {
        if (!(state.get("dates") instanceof Map<?, ?> dates) || !(state.get("handover") instanceof Map<?, ?> handover)
                || !(handover.get("resumeAt") instanceof String)) {
            throw new StepFailed("InvalidInput", "the state to go on from names no dates or no handover.resumeAt");
        }
        var renewed = new java.util.LinkedHashMap<String, Object>((Map<String, Object>) dates);
        renewed.putAll(handover());
        var input = new java.util.LinkedHashMap<>(state);
        input.put("dates", renewed);
        String next = engine.start(ProjectLifecycleRequests.nextExecution(projectId, executionArn), input);
        try {
            update(projectId, lc -> lc.continuedIn(next, clock.instant()));
        } catch (StepFailed ended) {
            if (ended.name.equals("LifecycleEnded")) engine.stop(next, "ProjectCancelled", "the project's life ended as its execution continued");
            throw ended;
        }
        return next;
    }

    public void awaitApproval(String projectId, String token) {
        await(projectId, ProjectLifecycle.Phase.AWAITING_APPROVAL, "APPROVAL", token, APPROVAL_WINDOW);
    }

    public void awaitCompletion(String projectId, String token) {
        await(projectId, ProjectLifecycle.Phase.AWAITING_COMPLETION, "COMPLETION", token, COMPLETION_WINDOW);
    }

    public void openSelection(String projectId) {
        move(projectId, ProjectLifecycle.Phase.SELECTION_OPEN);
    }

    /** Selection closed: each allocated jurisdiction's fill rate and unfilled seats. */
    public Map<String, Object> closeSelection(String projectId) {
        var all = quotas.ofProject(projectId);
        var rates = new ArrayList<ProjectLifecycle.FillRate>();
        int seats = 0, enrolled = 0;
        for (var q : all) {
            if (q.seats() == null) continue;
            int used = Quota.enrolledWithin(q.jurisdiction(), all, tree);
            rates.add(new ProjectLifecycle.FillRate(q.jurisdiction(), q.seats(), used, Math.max(0, q.seats() - used), ProjectFigures.percent(used, q.seats())));
        }
        var top = rates.stream().filter(r -> all.stream().noneMatch(o -> !o.jurisdiction().equals(r.jurisdiction())
                && o.seats() != null && tree.quotaChain(r.jurisdiction()).contains(o.jurisdiction()))).toList();
        for (var r : top) {
            seats += r.seats();
            enrolled += r.enrolled();
        }
        update(projectId, lc -> lc.in(ProjectLifecycle.Phase.SELECTION_CLOSED, null, clock.instant()).with(null, rates, null, null, null));
        return Map.of("seats", seats, "enrolled", enrolled, "unfilled", Math.max(0, seats - enrolled));
    }

    /** S2 before the start: the class dates, registration notices and schedules that are missing or late. */
    public List<Text> preStartChecks(String projectId) {
        var p = project(projectId);
        var findings = new ArrayList<Text>();
        for (var d : Deliverables.current(p, submissions, quotas, clock.instant())) {
            if (!Set.of(SubmissionKind.CLASS_DATES, SubmissionKind.REGISTRATION_NOTICE, SubmissionKind.COURSE_SCHEDULE).contains(d.kind())) continue;
            if (d.status() != Deliverables.Status.ACCEPTED) findings.add(Text.of(
                    d.title().zh() + (d.classNo() == null ? "" : "（第 " + d.classNo() + " 期）") + "：" + Labels.zh(d.status()),
                    d.title().en() + (d.classNo() == null ? "" : " (class " + d.classNo() + ")") + ": " + Labels.of(d.status()).en().toLowerCase(java.util.Locale.ROOT)));
        }
        update(projectId, lc -> lc.in(ProjectLifecycle.Phase.PRE_START_CHECKED, null, clock.instant()).with(null, null, findings, null, null));
        return findings;
    }

    /**
     * E8, the last class's first day over: every trainee still only SELECTED (not registered) is a no-show — the enrollment
     * moves to NO_SHOW and the integrity record (E4, dated the start date, as a completion's NO_SHOW result
     * dates it) is written; an excuse or an appeal (E4a) can lift it. The move comes first, conditional on the
     * trainee being still only selected: one registered in the same instant is not recorded a no-show. Idempotent:
     * a retry finds them moved, and writes the record again (the same item) in case the move was all that landed.
     * The seats the ban keeps a no-show from in later provincial and national projects are released ({@link ReleaseBannedSeats}).
     * While a class reported since the application has its registration days still to come, nobody is marked and the
     * answer is {@code registrationCloses}: the instant the state machine waits for before marking again.
     * <p>
     * One call marks at most {@link #NO_SHOWS_PER_TASK} trainees, in the order of their teacher IDs, and answers
     * {@code next}, the last one it marked, when more may follow: the state machine calls again with it as {@code after}.
     * A no-show is several writes (33–43 ms of them on the local runtime's on-disk store), so a project of 1,000 would
     * outlast the function's 30 s in one call; a retry redoes no more than its own call's trainees. The last call
     * answers {@code registered} and {@code noShows}, counted over the whole project.
     */
    public Map<String, Object> markNoShows(String projectId, String after) {
        var p = project(projectId);
        stillRunning(projectId); // a cancelled project's trainees are not no-shows
        var closes = RegistrationDays.of(p, submissions.classes(projectId)).closes();
        if (clock.instant().isBefore(closes)) {
            // the record says so too: its registrationCloses was the application's, before the classes were reported
            update(projectId, lc -> lc.in(lc.phase(), lc.waiting(), clock.instant()).with(lc.dates() == null ? null
                    : new ProjectLifecycle.Dates(lc.dates().selectionCutoff(), closes, lc.dates().trainingEnds(), lc.dates().deliverablesDue()), null, null, null, null));
            return Map.of("registrationCloses", closes.toString());
        }
        var trainees = new ArrayList<>(enrollments.holdingSeats(projectId));
        trainees.sort(Comparator.comparing(Enrollment::teacherId));
        int registered = 0, noShows = 0, marked = 0;
        String last = after;
        for (var e : trainees) {
            // a no-show up to after has its record: the call that marked it answered
            boolean toMark = e.status() == EnrollmentStatus.SELECTED
                    || e.status() == EnrollmentStatus.NO_SHOW && (after == null || e.teacherId().compareTo(after) > 0);
            var status = e.status();
            if (toMark) {
                if (marked == NO_SHOWS_PER_TASK) return Map.of("next", last);
                status = markNoShow(p, e);
                last = e.teacherId();
                marked++;
            }
            if (status == EnrollmentStatus.NO_SHOW) noShows++;
            else if (status.holdsSeat()) registered++;
        }
        return Map.of("registered", registered, "noShows", noShows);
    }

    /** {@link #markNoShows(String, String)}'s first call. */
    public Map<String, Object> markNoShows(String projectId) {
        return markNoShows(projectId, null);
    }

    /** The trainee's status after the move (another's write may have come first), and a no-show's record and released seats. */
    private EnrollmentStatus markNoShow(Project p, Enrollment e) {
        var status = e.status() != EnrollmentStatus.SELECTED ? e.status()
                : enrollments.move(e, EnrollmentStatus.SELECTED, EnrollmentStatus.NO_SHOW, "lifecycle", clock.instant())
                        .map(Enrollment::status)
                        .orElseGet(() -> enrollments.find(p.id(), e.teacherId()).map(Enrollment::status)
                                .orElse(EnrollmentStatus.WITHDRAWN));
        if (status == EnrollmentStatus.NO_SHOW) {
            var record = IntegrityRecord.of(e.teacherId(), IntegrityRecord.Kind.NO_SHOW, p.id(), p.startDate());
            integrity.add(record, IntegrityNotice.recorded(record, e.teacherName(), p.name(), e.jurisdiction(), "lifecycle", clock.instant()));
            bannedSeats.of(e.teacherId(), "lifecycle");
        }
        return status;
    }

    /** The completion the institution recorded has been posted: a credit for every passed trainee, an integrity record for the rest. */
    public void confirmCreditsPosted(String projectId, ProjectLifecycle.CompletionSummary completion) {
        for (var r : completion.results()) {
            boolean posted = r.outcome().equals("PASSED")
                    ? ledger.ofTeacher(r.teacherId()).stream().anyMatch(e -> completion.completionId().equals(e.source()))
                    : integrity.ofTeacher(r.teacherId()).stream().anyMatch(i -> projectId.equals(i.projectId()));
            if (!posted) throw new StepFailed("CreditsNotPosted", "the completion " + completion.completionId() + " is not posted yet for " + r.teacherId());
        }
        update(projectId, lc -> lc.in(ProjectLifecycle.Phase.CREDITS_POSTED, null, clock.instant()).with(null, null, null, completion, null));
    }

    /** S4: are all the deliverables in (accepted), or is the 30-day window over? */
    public Map<String, Object> checkDeliverables(String projectId) {
        var p = project(projectId);
        var due = Deliverables.current(p, submissions, quotas, clock.instant());
        int awaitingResults = awaitingResults(projectId);
        boolean allIn = awaitingResults == 0
                && due.stream().filter(d -> d.kind().rule().equals("S4")).allMatch(d -> d.status() == Deliverables.Status.ACCEPTED);
        var lc = update(projectId, read -> read.in(ProjectLifecycle.Phase.DELIVERABLES_WINDOW, null, clock.instant()));
        boolean over = !clock.instant().isBefore(lc.dates().deliverablesDue());
        return Map.of("allIn", allIn, "windowOver", over, "awaitingResults", awaitingResults);
    }

    /**
     * Trainees who came (or were never marked) and have no result from any completion yet: while there are some, the
     * deliverables window does not end early — a project recorded class by class, or in parts of 100, would otherwise
     * close on its first part, and the others' completions be refused (C4), their hours never credited.
     */
    private int awaitingResults(String projectId) {
        var resulted = new java.util.HashSet<String>();
        results.ofProject(projectId).forEach(r -> resulted.add(r.teacherId()));
        return (int) enrollments.holdingSeats(projectId).stream()
                .filter(e -> e.status() == EnrollmentStatus.REGISTERED || e.status() == EnrollmentStatus.SELECTED)
                .filter(e -> !resulted.contains(e.teacherId())).count();
    }

    /** P1: fill, report and completion rates, deliverables on time, trainee ratings, expert scores. */
    public ProjectLifecycle.Evaluation evaluate(String projectId) {
        var evaluation = figures.of(project(projectId), lifecycle(projectId));
        update(projectId, lc -> lc.in(ProjectLifecycle.Phase.EVALUATED, null, clock.instant()).with(null, null, null, null, evaluation));
        return evaluation;
    }

    public void close(String projectId) {
        if (lifecycle(projectId).phase() == ProjectLifecycle.Phase.CLOSED) return; // a retry of the step that closed it
        move(projectId, ProjectLifecycle.Phase.CLOSED);
    }

    private void await(String projectId, ProjectLifecycle.Phase phase, String step, String token, Duration window) {
        if (token == null || token.isBlank()) throw new StepFailed("InvalidInput", "a task token is required");
        var now = clock.instant();
        update(projectId, lc -> lc.in(phase, new ProjectLifecycle.Waiting(step, token, now, now.plus(window)), now));
    }

    private void move(String projectId, ProjectLifecycle.Phase phase) {
        update(projectId, lc -> lc.in(phase, null, clock.instant()));
    }

    /**
     * Writes the step's change to the record as it was read, on condition that it is still so: a request's write in
     * between (the province's decision, a cancellation) makes the step read again. A project that was cancelled is not
     * moved on: its execution was stopped, and a task already running when it was must not write its phase over the
     * cancellation (nor over another end).
     */
    private ProjectLifecycle update(String projectId, UnaryOperator<ProjectLifecycle> step) {
        for (int attempt = 1; ; attempt++) {
            var read = stillRunning(projectId);
            var next = step.apply(read);
            if (lifecycles.saveIfUnchanged(next, read)) return next;
            if (attempt == WRITE_ATTEMPTS) throw new StepFailed("LifecycleContended", "project " + projectId + "'s lifecycle changed under each of "
                    + WRITE_ATTEMPTS + " writes");
        }
    }

    /** The record, unless the project's life ended (cancelled, say) while this step ran. */
    private ProjectLifecycle stillRunning(String projectId) {
        var lc = lifecycle(projectId);
        if (lc.ended()) throw new StepFailed("LifecycleEnded", "project " + projectId + " is " + lc.phase() + "; the step writes nothing");
        return lc;
    }

    private Project project(String projectId) {
        return projects.find(projectId).orElseThrow(() -> new StepFailed("NoSuchProject", "no project " + projectId));
    }

    private ProjectLifecycle lifecycle(String projectId) {
        return lifecycles.find(projectId).orElseThrow(() -> new StepFailed("NoLifecycle", "project " + projectId + " has no lifecycle"));
    }
}
