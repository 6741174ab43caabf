package org.teachertraining.core.credit;

import org.teachertraining.core.common.Outcome;
import org.teachertraining.core.common.Refusal;
import org.teachertraining.core.common.Text;
import org.teachertraining.core.identity.Access;
import org.teachertraining.core.identity.Caller;
import org.teachertraining.core.identity.Role;

import java.time.Clock;
import java.util.List;

/**
 * An institution records a class's completion results (C4): checked now, so bad input is a 4xx and
 * nothing is queued; posted later, exactly once, by the credit-posting function.
 */
public final class RecordCompletion {
    private final CheckCompletion checkCompletion;
    private final CompletionQueue queue;
    private final Clock clock;
    private final java.util.function.Consumer<Completion> recorded;

    /** @param recorded told of every completion queued (the project's lifecycle waits for it) */
    public RecordCompletion(CheckCompletion checkCompletion, CompletionQueue queue, Clock clock, java.util.function.Consumer<Completion> recorded) {
        this.checkCompletion = checkCompletion;
        this.queue = queue;
        this.clock = clock;
        this.recorded = recorded;
    }

    public Outcome<Completion> execute(Caller caller, String projectId, String completionId, List<Completion.Result> results) {
        if (caller.role() != Role.INSTITUTION || caller.institutionId() == null) {
            return Outcome.refused(Access.roleRefusal(Role.INSTITUTION));
        }
        var completion = new Completion(completionId, projectId, caller.institutionId(), results, caller.userId(), clock.instant());
        var refusal = checkCompletion.check(completion);
        if (refusal.isPresent()) {
            var r = refusal.get();
            if (r.kind() == Refusal.Kind.FORBIDDEN) {
                return Outcome.refused(Refusal.forbidden(Text.of("只有项目的承训单位可以登记结业结果", "Only the project's institution may record its completion")));
            }
            return Outcome.refused(r);
        }
        queue.send(completion);
        recorded.accept(completion);
        return Outcome.done(completion);
    }
}
