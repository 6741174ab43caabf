package org.teachertraining.core.lifecycle;

import org.teachertraining.core.application.TeacherApplication;
import org.teachertraining.core.application.TeacherApplications;
import org.teachertraining.core.common.NotFound;
import org.teachertraining.core.common.Outcome;
import org.teachertraining.core.common.Refusal;
import org.teachertraining.core.common.Text;
import org.teachertraining.core.common.Violations;
import org.teachertraining.core.credit.Completion;
import org.teachertraining.core.enrollment.EnrollmentStatus;
import org.teachertraining.core.enrollment.Enrollments;
import org.teachertraining.core.enrollment.SelectionNotice;
import org.teachertraining.core.enrollment.Waitlists;
import org.teachertraining.core.identity.Access;
import org.teachertraining.core.identity.Caller;
import org.teachertraining.core.identity.Role;
import org.teachertraining.core.project.Project;
import org.teachertraining.core.project.ProjectAccess;
import org.teachertraining.core.project.Projects;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * What people do to a project's lifecycle: the institution applies (starting the one execution), the
 * province decides or says it is still reviewing, anyone over the project reads where it stands; trainees
 * rate it anonymously and experts score it (P1). Recording a completion completes the human step the
 * execution waits for.
 */
public final class ProjectLifecycleRequests {
    /** What {@code GET /projects/{id}/lifecycle} shows. */
    public record View(String projectId, ProjectLifecycle.Phase phase, String status, String error, String cause, String waitingFor,
                       java.time.Instant waitingSince, java.time.Instant waitingUntil, ProjectLifecycle.Dates dates,
                       List<ProjectLifecycle.FillRate> fillRates, List<Text> preStartFindings, ProjectLifecycle.CompletionSummary completion,
                       ProjectLifecycle.Evaluation evaluation, List<LifecycleEngine.Execution.Entered> history) {}

    private final Projects projects;
    private final Enrollments enrollments;
    private final Lifecycles lifecycles;
    private final org.teachertraining.core.quota.Quotas quotas;
    private final TeacherApplications applications;
    private final Waitlists waitlists;
    private final LifecycleEngine engine;
    private final Access access;
    private final Clock clock;

    public ProjectLifecycleRequests(Projects projects, Enrollments enrollments, Lifecycles lifecycles, org.teachertraining.core.quota.Quotas quotas,
                                    TeacherApplications applications, Waitlists waitlists, LifecycleEngine engine, Access access, Clock clock) {
        this.quotas = quotas;
        this.waitlists = waitlists;
        this.applications = applications;
        this.projects = projects;
        this.enrollments = enrollments;
        this.lifecycles = lifecycles;
        this.engine = engine;
        this.access = access;
        this.clock = clock;
    }

    /**
     * The institution submits its application: the project's execution starts (once; asking again answers the same). After an
     * application that failed before the province approved it — its budget over the funding standards, incomplete, the
     * approval timed out — a new application starts a new execution; one rejected, cancelled or approved does not.
     */
    public Outcome<View> apply(Caller caller, String projectId) {
        var project = projects.find(projectId);
        if (project.isEmpty()) return Outcome.refused(NotFound.project(projectId));
        var denied = ProjectAccess.institution(caller, project.get());
        if (denied.isPresent()) return Outcome.refused(denied.get());
        var earlier = lifecycles.find(projectId);
        if (project.get().cancelledAt() != null || earlier.filter(lc -> lc.executionArn() == null).isPresent()) {
            // cancelled before anyone applied: no execution is started for it
            return Outcome.refused(Refusal.conflict(null, Text.of("项目已取消，不能申报", "The project was cancelled; it cannot be applied for")));
        }
        if (earlier.isPresent() && failedBeforeApproval(earlier.get())) {
            var failed = earlier.get();
            String arn = engine.start(nextExecution(projectId, failed.executionArn()), Map.of("projectId", projectId));
            // the new execution's first task takes the record too (recordApplication): whichever writes first, the other sees it
            lifecycles.saveIfUnchanged(failed.applied(arn, failed.dates(), clock.instant()), failed);
            return view(project.get());
        }
        String arn = engine.start(projectId, Map.of("projectId", projectId));
        // conditionally: the execution's first task (recordApplication) may already have written the record with its
        // dates, and a plain save here would erase them (found by the README's lifecycle walkthrough: a NullPointerException
        // in "Check the deliverables", about one run in four)
        lifecycles.saveIfAbsent(ProjectLifecycle.started(projectId, arn, clock.instant()));
        return view(project.get());
    }

    private boolean failedBeforeApproval(ProjectLifecycle lc) {
        if (lc.executionArn() == null || (lc.phase() != ProjectLifecycle.Phase.APPLIED && lc.phase() != ProjectLifecycle.Phase.AWAITING_APPROVAL)) return false;
        var execution = engine.describe(lc.executionArn());
        // a rejection fails the execution too (ApplicationRejected): that one is the province's answer, not a failed application
        return ("FAILED".equals(execution.status()) || "TIMED_OUT".equals(execution.status())) && !"ApplicationRejected".equals(execution.error());
    }

    /**
     * The name of the project's execution after {@code arn}: the project's ID, then "-2", "-3"... — for a new application
     * after one that failed, and for an execution that goes on from one that reached its year ({@link LifecycleTasks#continueInNewExecution}).
     */
    static String nextExecution(String projectId, String arn) {
        String name = arn.substring(arn.lastIndexOf(':') + 1);
        int number = name.equals(projectId) ? 1 : Integer.parseInt(name.substring(projectId.length() + 1));
        return projectId + "-" + (number + 1);
    }

    /** The province approves or rejects the application the execution waits on. */
    public Outcome<View> decide(Caller caller, String projectId, Boolean approved, String reason) {
        var project = projects.find(projectId);
        if (project.isEmpty()) return Outcome.refused(NotFound.project(projectId));
        var denied = ProjectAccess.ownerAdmins(access, caller, project.get());
        if (denied.isPresent()) return Outcome.refused(denied.get());
        var v = new Violations();
        v.required("approved", approved);
        if (Boolean.FALSE.equals(approved)) v.text("reason", reason, 1000);
        else v.optionalText("reason", reason, 1000);
        if (!v.isEmpty()) return Outcome.refused(v.refusal());
        var waiting = waitingFor(projectId, "APPROVAL");
        if (waiting instanceof Outcome.Refused<ProjectLifecycle.Waiting> r) return Outcome.refused(r.refusal());
        String token = ((Outcome.Done<ProjectLifecycle.Waiting>) waiting).value().token();
        boolean taken = approved ? engine.succeed(token, Map.of("approved", true, "by", caller.userId()))
                : engine.fail(token, "ApplicationRejected", reason.strip());
        if (!taken) return Outcome.refused(noLongerWaiting("审批", "approval"));
        // the execution may already be past the approval, its next task's phase written: that record stands
        lifecycles.find(projectId).ifPresent(lc -> lifecycles.saveIfUnchanged(lc.in(approved ? lc.phase() : ProjectLifecycle.Phase.REJECTED, null, clock.instant()), lc));
        // a rejected project will not run: it selects no one more, and its trainees selected so far are released
        if (!approved) stop(project.get(), lifecycles.find(projectId).orElseThrow().updatedAt(), caller);
        return view(project.get());
    }

    /** The province is still reviewing: the approval step's heartbeat. */
    public Outcome<View> stillReviewing(Caller caller, String projectId) {
        var project = projects.find(projectId);
        if (project.isEmpty()) return Outcome.refused(NotFound.project(projectId));
        var denied = ProjectAccess.ownerAdmins(access, caller, project.get());
        if (denied.isPresent()) return Outcome.refused(denied.get());
        var waiting = waitingFor(projectId, "APPROVAL");
        if (waiting instanceof Outcome.Refused<ProjectLifecycle.Waiting> r) return Outcome.refused(r.refusal());
        if (!engine.heartbeat(((Outcome.Done<ProjectLifecycle.Waiting>) waiting).value().token())) {
            return Outcome.refused(noLongerWaiting("审批", "approval"));
        }
        return view(project.get());
    }

    /** The province cancels the project: its execution stops; a project nobody applied for yet is cancelled as it is. */
    public Outcome<View> cancel(Caller caller, String projectId, String reason) {
        var project = projects.find(projectId);
        if (project.isEmpty()) return Outcome.refused(NotFound.project(projectId));
        var denied = ProjectAccess.ownerAdmins(access, caller, project.get());
        if (denied.isPresent()) return Outcome.refused(denied.get());
        var v = new Violations();
        v.text("reason", reason, 1000);
        if (!v.isEmpty()) return Outcome.refused(v.refusal());
        var lc = lifecycles.find(projectId);
        if (lc.isEmpty()) {
            // never applied for: nothing to stop; the record says cancelled, and no application starts one after it
            var now = clock.instant();
            var cancelled = ProjectLifecycle.started(projectId, null, now).in(ProjectLifecycle.Phase.CANCELLED, null, now);
            if (lifecycles.saveIfAbsent(cancelled)) return finishCancellation(project.get(), cancelled, caller);
            lc = lifecycles.find(projectId);   // the application came first: its execution is stopped as any other
        }
        if (lc.get().ended()) return finishCancellation(project.get(), lc.get(), caller);
        engine.stop(lc.get().executionArn(), "ProjectCancelled", reason.strip());
        // conditionally, read again on a lost race: a task that was running wrote its phase and data meanwhile (they are
        // kept, under the cancellation), or the execution's last task closed the project before it was stopped
        while (true) {
            var read = lifecycles.find(projectId).orElseThrow();
            if (read.ended()) return finishCancellation(project.get(), read, caller);
            var cancelled = read.in(ProjectLifecycle.Phase.CANCELLED, null, clock.instant());
            if (lifecycles.saveIfUnchanged(cancelled, read)) {
                // the stopped execution had handed the project over to a new one meanwhile (its year ran short): that one stops too
                if (!read.executionArn().equals(lc.get().executionArn())) engine.stop(read.executionArn(), "ProjectCancelled", reason.strip());
                return finishCancellation(project.get(), cancelled, caller);
            }
        }
    }

    /** Called when the institution records completion results: the execution waiting for them carries on. */
    public void completionRecorded(Completion c) {
        var lc = lifecycles.find(c.projectId());
        if (lc.isEmpty() || lc.get().waiting() == null || !lc.get().waiting().step().equals("COMPLETION")) return;
        var results = c.results().stream().map(r -> new ProjectLifecycle.CompletionSummary.Outcome(r.teacherId(), r.outcome().name())).toList();
        var summary = new ProjectLifecycle.CompletionSummary(c.completionId(), count(c, Completion.Outcome.PASSED), count(c, Completion.Outcome.FAILED),
                count(c, Completion.Outcome.DISMISSED), count(c, Completion.Outcome.NO_SHOW), results);
        // false: an earlier completion of this project (another class, say) already moved the lifecycle on
        engine.succeed(lc.get().waiting().token(), summary);
    }

    public Outcome<View> read(Caller caller, String projectId) {
        var project = projects.find(projectId);
        if (project.isEmpty()) return Outcome.refused(NotFound.project(projectId));
        var p = project.get();
        var denied = ProjectAccess.institutionOrOwnerAdmins(access, caller, p);
        if (denied.isPresent()) return Outcome.refused(denied.get());
        return view(p);
    }

    /**
     * P1: a trainee who holds a seat rates the project 1–5, once, from its first day; the rating is kept without the
     * trainee. One the lifecycle marked a no-show (E8) never came, so has nothing to rate.
     */
    public Outcome<Map<String, Object>> rate(Caller caller, String projectId, Integer score, String comment) {
        var project = projects.find(projectId);
        if (project.isEmpty()) return Outcome.refused(NotFound.project(projectId));
        if (caller.role() != Role.TEACHER || caller.teacherId() == null) return Outcome.refused(Access.roleRefusal(Role.TEACHER));
        var seat = enrollments.find(projectId, caller.teacherId()).filter(e -> e.status().holdsSeat());
        if (seat.isEmpty()) {
            return Outcome.refused(Refusal.forbidden(Text.of("只有本项目的学员可以评价", "Only the project's trainees rate it")));
        }
        var v = new Violations();
        if (v.required("score", score)) v.range("score", score, 1, 5);
        v.optionalText("comment", comment, 1000);
        if (!v.isEmpty()) return Outcome.refused(v.refusal());
        var startDate = project.get().startDate();
        if (org.teachertraining.core.common.ChinaTime.today(clock).isBefore(startDate)) {
            return Outcome.refused(Refusal.conflict("P1", Text.of("培训开始（" + startDate + "）后才能评价", "The project can be rated once training starts (" + startDate + ")")));
        }
        if (seat.get().status() == EnrollmentStatus.NO_SHOW) {
            return Outcome.refused(Refusal.conflict("E8", Text.of("您开班时未报到，已记为未参训，不能评价本项目",
                    "You did not register (报到) by the end of the first day and are recorded as a no-show: you cannot rate the project")));
        }
        if (!lifecycles.rate(projectId, raterKey(projectId, caller.teacherId()), score, comment == null ? null : comment.strip())) {
            return Outcome.refused(Refusal.conflict(null, Text.of("您已评价过本项目", "You have rated this project already")));
        }
        return Outcome.done(Map.of("projectId", projectId, "ratings", lifecycles.ratings(projectId).size()));
    }

    /**
     * P1, the stakeholders' rating: a bureau that sent trainees (an admin of a unit holding a quota of the project with a
     * seat of it taken or passed on, not its owner) rates the project 0–100 once training has ended; one rating per bureau, a repeat
     * replaces it.
     */
    public Outcome<Map<String, Object>> rateAsBureau(Caller caller, String projectId, Integer score, String comment) {
        var project = projects.find(projectId);
        if (project.isEmpty()) return Outcome.refused(NotFound.project(projectId));
        var p = project.get();
        Role[] bureaus = {Role.CITY_ADMIN, Role.COUNTY_ADMIN};
        if (!caller.hasRole(bureaus)) return Outcome.refused(Access.roleRefusal(bureaus));
        var denied = access.require(caller, caller.jurisdiction(), bureaus);
        if (denied.isPresent()) return Outcome.refused(denied.get());
        // sent trainees: a seat of its quota taken by its own trainees, or passed on to the units below it
        if (caller.jurisdiction().equals(p.ownerJurisdiction())
                || quotas.find(projectId, caller.jurisdiction()).filter(q -> q.used() + q.allocated() > 0).isEmpty()) {
            return Outcome.refused(Refusal.forbidden(Text.of("只有向本项目选派学员的教育行政部门可以评价",
                    "Only the bureaus that sent trainees (holding a quota of the project) rate it")));
        }
        var v = new Violations();
        if (v.required("score", score)) v.range("score", score, 0, 100);
        v.optionalText("comment", comment, 1000);
        if (!v.isEmpty()) return Outcome.refused(v.refusal());
        if (org.teachertraining.core.common.ChinaTime.today(clock).isBefore(p.endDate())) {
            return Outcome.refused(Refusal.conflict("P1", Text.of("培训结束（" + p.endDate() + "）后才能评价", "The project can be rated once training ends (" + p.endDate() + ")")));
        }
        lifecycles.rateAsBureau(projectId, caller.jurisdiction(), score, comment == null ? null : comment.strip(), caller.userId(), clock.instant());
        return Outcome.done(Map.of("projectId", projectId, "jurisdiction", caller.jurisdiction(), "ratings", lifecycles.bureauRatings(projectId).size()));
    }

    /** P1: the admins over the project's owner (the province, for a provincial project) assign an expert to score it. */
    public Outcome<Map<String, Object>> assignExpert(Caller caller, String projectId, String expertId) {
        var project = projects.find(projectId);
        if (project.isEmpty()) return Outcome.refused(NotFound.project(projectId));
        var denied = ProjectAccess.ownerAdmins(access, caller, project.get());
        if (denied.isPresent()) return Outcome.refused(denied.get());
        var v = new Violations();
        v.identifier("expertId", expertId);
        if (!v.isEmpty()) return Outcome.refused(v.refusal());
        lifecycles.assignExpert(projectId, expertId, caller.userId(), clock.instant());
        return Outcome.done(Map.of("projectId", projectId, "expertId", expertId));
    }

    /** The projects the signed-in expert was assigned to score (P1). */
    public Outcome<List<org.teachertraining.core.project.Project>> assignments(Caller caller) {
        if (caller.role() != Role.EXPERT) return Outcome.refused(Access.roleRefusal(Role.EXPERT));
        return Outcome.done(lifecycles.assignmentsOf(caller.userId()).stream().map(projects::find)
                .flatMap(java.util.Optional::stream).toList());
    }

    /** P1: an expert assigned to the project scores its process and deliverables, 0–100; one score per expert, a repeat replaces it. */
    public Outcome<Map<String, Object>> score(Caller caller, String projectId, Integer score, String comment) {
        if (caller.role() != Role.EXPERT) return Outcome.refused(Access.roleRefusal(Role.EXPERT));
        if (projects.find(projectId).isEmpty()) return Outcome.refused(NotFound.project(projectId));
        if (!lifecycles.isAssigned(projectId, caller.userId())) {
            return Outcome.refused(Refusal.forbidden(Text.of("您未被指派评审该项目", "You are not assigned to score this project")));
        }
        var v = new Violations();
        if (v.required("score", score)) v.range("score", score, 0, 100);
        v.optionalText("comment", comment, 2000);
        if (!v.isEmpty()) return Outcome.refused(v.refusal());
        lifecycles.score(projectId, caller.userId(), score, comment == null ? null : comment.strip());
        return Outcome.done(Map.of("projectId", projectId, "scores", lifecycles.expertScores(projectId).size()));
    }

    private Outcome<ProjectLifecycle.Waiting> waitingFor(String projectId, String step) {
        var lc = lifecycles.find(projectId);
        if (lc.isEmpty()) return Outcome.refused(noLifecycle(projectId));
        var w = lc.get().waiting();
        if (w == null || !w.step().equals(step)) {
            return Outcome.refused(Refusal.conflict(null, Text.of("项目当前不在等待" + (step.equals("APPROVAL") ? "审批" : "结业认定"),
                    "The project is not waiting for " + step.toLowerCase() + "; it is " + lc.get().phase())));
        }
        return Outcome.done(w);
    }

    private Outcome<View> view(Project p) {
        var lc = lifecycles.find(p.id());
        if (lc.isEmpty()) return Outcome.refused(noLifecycle(p.id()));
        // cancelled before anyone applied: there is no execution
        var execution = lc.get().executionArn() == null ? new LifecycleEngine.Execution(null, null, null, List.of())
                : engine.describe(lc.get().executionArn());
        // states entered by the executions that ran the project before this one (each until its year ran short), first
        var history = new java.util.ArrayList<LifecycleEngine.Execution.Entered>();
        for (var earlier : lc.get().continuedFrom()) history.addAll(engine.describe(earlier).states());
        history.addAll(execution.states());
        // the record read again after the execution: a task that wrote it in between (the last one, before the
        // execution ended) must not be answered with its phase from before, beside the execution's end
        var l = lifecycles.find(p.id()).orElse(lc.get());
        var w = l.waiting();
        return Outcome.done(new View(p.id(), l.phase(), execution.status(), execution.error(), execution.cause(), w == null ? null : w.step(),
                w == null ? null : w.since(), w == null ? null : w.until(), l.dates(), l.fillRates(), l.preStartFindings(), l.completion(),
                l.evaluation(), history));
    }

    /** The step was decided (or timed out) between our read and our answer: someone else was first. */
    private static Refusal noLongerWaiting(String stepZh, String stepEn) {
        return Refusal.conflict(null, Text.of("项目已不在等待" + stepZh + "：已由他人处理或已超时", "The project no longer waits for " + stepEn
                + ": someone else decided first, or the step timed out"));
    }

    /**
     * What a cancellation does once the lifecycle has ended. Cancelled, now or asked again: the project is marked so
     * (selection and registration close), and its trainees selected but not yet registered are released (WITHDRAWN), so
     * the seat counts against nothing of theirs (E5's caps on national projects); a step missed before is done then.
     * Closed or rejected: refused.
     */
    private Outcome<View> finishCancellation(Project p, ProjectLifecycle lc, Caller caller) {
        return switch (lc.phase()) {
            case CLOSED -> Outcome.refused(Refusal.conflict(null, Text.of("项目已结项，不能取消", "The project is closed; it cannot be cancelled")));
            default -> {   // a rejected project too: its rejection stopped it already, and this finishes what the rejection may have left
                stop(p, lc.updatedAt(), caller);
                yield view(p);
            }
        };
    }

    /**
     * The project runs no more: marked cancelled, so it selects and registers no one; its trainees not yet registered are
     * released and told, the teachers' applications still awaiting a decision are declined (an approval under way is
     * refused, E2, and declines its application itself: {@code SelfSelection}), and the teachers on its waitlist are taken
     * off and told (a listing under way is refused, E2: its pool is closed).
     */
    private void stop(Project p, java.time.Instant at, Caller by) {
        projects.markCancelled(p.id(), at);
        quotas.close(p.id(), at);   // before the read: a booking under way lands before it, and is released, or is refused
        var selected = enrollments.holdingSeats(p.id()).stream().filter(e -> e.status() == EnrollmentStatus.SELECTED).toList();
        enrollments.withdrawAll(selected, at, e -> List.of(SelectionNotice.projectCancelled(p, e, at)));
        applications.moveAll(applications.ofProject(p.id()).stream().filter(a -> a.status() == TeacherApplication.Status.PENDING)
                .map(a -> a.with(TeacherApplication.Status.DECLINED, by.userId(), at, TeacherApplication.PROJECT_STOPPED, null)).toList(),
                java.util.EnumSet.of(TeacherApplication.Status.PENDING));
        for (var entry : waitlists.ofProject(p.id(), "")) {
            waitlists.remove(entry, List.of(SelectionNotice.waitlistCancelled(p, entry, at)));
        }
    }

    private static Refusal noLifecycle(String projectId) {
        return Refusal.notFound(Text.of("项目尚未提交申报：" + projectId, "Project " + projectId + " has not applied yet"));
    }

    private static int count(Completion c, Completion.Outcome o) {
        return (int) c.results().stream().filter(r -> r.outcome() == o).count();
    }

    /** One rating per trainee and project, without keeping who: a one-way key. */
    static String raterKey(String projectId, String teacherId) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest((projectId + "/" + teacherId).getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
