package org.teachertraining.core.integrity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Recourse on an integrity record (E4a), every step kept: the county excuses a no-show with cause (特殊情况)
 * and evidence, which lifts the ban; the teacher appeals, which does not; the province decides an appeal or
 * reviews an excuse, lifting the record or keeping it, and that is final. {@code version} counts the steps:
 * a step is saved only on the version it was decided on, so two decisions at once cannot both stand.
 */
public record Recourse(String teacherId, String recordId, Status status, List<Step> steps, int version) {
    public enum Status {
        EXCUSED, APPEALED, LIFTED, KEPT;

        public String zh() {
            return org.teachertraining.core.common.Labels.zh(this);
        }
    }

    public enum Action { EXCUSE, APPEAL, DECISION }

    /** {@code lift} only on a decision; {@code evidenceKey} the uploaded file, where one was given. */
    public record Step(Action action, String by, String role, Instant at, String reason, String evidenceKey, Boolean lift) {}

    public Recourse {
        steps = List.copyOf(steps);
    }

    public static Recourse none(String teacherId, String recordId) {
        return new Recourse(teacherId, recordId, null, List.of(), 0);
    }

    /** Whether the record still bars the teacher (E4) given this recourse. */
    public boolean liftsBan() {
        return status == Status.EXCUSED || status == Status.LIFTED;
    }

    /** Whether the province has yet to decide: an appeal, or a county's excuse it may review (E4a). */
    public boolean awaitsDecision() {
        return status == Status.APPEALED || status == Status.EXCUSED;
    }

    /** When the latest step was taken; null before any. */
    public Instant lastStepAt() {
        return steps.isEmpty() ? null : steps.get(steps.size() - 1).at();
    }

    public Recourse then(Status next, Step step) {
        var all = new ArrayList<>(steps);
        all.add(step);
        return new Recourse(teacherId, recordId, next, all, version + 1);
    }
}
