package org.teachertraining.core.credit;

import org.teachertraining.core.common.ChinaTime;
import org.teachertraining.core.common.Outcome;
import org.teachertraining.core.common.Refusal;
import org.teachertraining.core.common.Text;
import org.teachertraining.core.enrollment.Enrollment;
import org.teachertraining.core.identity.Access;
import org.teachertraining.core.identity.Caller;
import org.teachertraining.core.identity.Role;
import org.teachertraining.core.lifecycle.Lifecycles;
import org.teachertraining.core.lifecycle.ProjectLifecycle;
import org.teachertraining.core.project.Projects;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * An institution records a class's completion results (C4): checked now, so bad input is a 4xx and nothing
 * is queued; each trainee's result claimed now (C5: a trainee already given a result by another completion
 * is refused at once, naming it); posted later, exactly once, by the credit-posting function.
 * A completion is taken only once the project's application was approved and its training has ended.
 */
public final class RecordCompletion {
    /** The lifecycle phases at which the province has approved the project and it is not closed. */
    static final Set<ProjectLifecycle.Phase> APPROVED = EnumSet.of(ProjectLifecycle.Phase.SELECTION_OPEN,
            ProjectLifecycle.Phase.SELECTION_CLOSED, ProjectLifecycle.Phase.PRE_START_CHECKED, ProjectLifecycle.Phase.AWAITING_COMPLETION,
            ProjectLifecycle.Phase.CREDITS_POSTED, ProjectLifecycle.Phase.DELIVERABLES_WINDOW);

    private final CheckCompletion checkCompletion;
    private final Projects projects;
    private final Lifecycles lifecycles;
    private final ProjectResults results;
    private final CompletionQueue queue;
    private final Clock clock;
    private final Consumer<Completion> recorded;

    /** @param recorded told of every completion queued (the project's lifecycle waits for it) */
    public RecordCompletion(CheckCompletion checkCompletion, Projects projects, Lifecycles lifecycles, ProjectResults results,
                            CompletionQueue queue, Clock clock, Consumer<Completion> recorded) {
        this.checkCompletion = checkCompletion;
        this.projects = projects;
        this.lifecycles = lifecycles;
        this.results = results;
        this.queue = queue;
        this.clock = clock;
        this.recorded = recorded;
    }

    public Outcome<Completion> execute(Caller caller, String projectId, String completionId, List<Completion.Result> trainees) {
        if (caller.role() != Role.INSTITUTION || caller.institutionId() == null) {
            return Outcome.refused(Access.roleRefusal(Role.INSTITUTION));
        }
        var completion = new Completion(completionId, projectId, caller.institutionId(), trainees, caller.userId(), clock.instant());
        var checked = checkCompletion.seats(completion);
        if (checked instanceof Outcome.Refused<Map<String, Enrollment>> refused) {
            var r = refused.refusal();
            if (r.kind() == Refusal.Kind.FORBIDDEN) {
                return Outcome.refused(Refusal.forbidden(Text.of("只有项目的承训单位可以登记结业结果", "Only the project's institution may record its completion")));
            }
            return Outcome.refused(r);
        }
        var project = projects.find(projectId).orElseThrow();
        var phase = lifecycles.find(projectId).map(ProjectLifecycle::phase);
        if (phase.isEmpty() || !APPROVED.contains(phase.get())) {
            return Outcome.refused(Refusal.conflict("C4", Text.of(
                    "项目申报尚未获批（或已终止），不能登记结业结果", "The project's application is not approved (or the project has ended its life): no completion can be recorded"))
                    .withDetails(Map.of("phase", phase.map(Enum::name).orElse("NONE"))));
        }
        var today = ChinaTime.today(clock);
        if (!today.isAfter(project.endDate())) {
            return Outcome.refused(Refusal.conflict("C4", Text.of(
                    "培训尚未结束（结束日期 " + project.endDate() + "），不能登记结业结果",
                    "Training has not ended (it ends on " + project.endDate() + "): no completion can be recorded yet"))
                    .withDetails(Map.of("endDate", project.endDate().toString())));
        }
        var unregistered = checkCompletion.unregistered(completion, ((Outcome.Done<Map<String, Enrollment>>) checked).value());
        if (unregistered.isPresent()) return Outcome.refused(unregistered.get());
        var claim = results.claim(completion.results().stream().map(r -> ProjectResult.of(completion, r)).toList());
        if (claim instanceof ProjectResults.Claim.Taken taken) return Outcome.refused(alreadyResulted(taken.earlier(), completionId));
        queue.send(completion);
        recorded.accept(completion);
        return Outcome.done(completion);
    }

    /** C5: one result per trainee and project; a change goes through the correction path. */
    static Refusal alreadyResulted(ProjectResult earlier, String completionId) {
        boolean same = earlier.completionId().equals(completionId);
        return Refusal.conflict("C5", same
                ? Text.of("结业登记 " + completionId + " 已为学员 " + earlier.teacherId() + " 登记了不同的结果；更改结果请走更正流程",
                "Completion " + completionId + " already recorded another result for trainee " + earlier.teacherId() + "; change it through a correction")
                : Text.of("学员 " + earlier.teacherId() + " 已由结业登记 " + earlier.completionId() + " 登记结果；每名学员每个项目只登记一次，更改结果请走更正流程",
                "Trainee " + earlier.teacherId() + " already has a result from completion " + earlier.completionId()
                        + "; a trainee gets one result per project, and a change goes through a correction"))
                .withDetails(Map.of("teacherId", earlier.teacherId(), "completionId", earlier.completionId()));
    }
}
