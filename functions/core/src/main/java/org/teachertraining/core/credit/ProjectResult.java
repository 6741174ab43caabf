package org.teachertraining.core.credit;

import java.time.Instant;
import java.util.Map;

/**
 * A trainee's one result in a project (C5 at the business level): which completion gave it, the outcome
 * and the hours. There is at most one per project and trainee, whatever completion IDs an institution
 * sends; changing it is a correction ({@link CorrectResult}), never a second completion.
 * {@code certificateCode} is random and stored (issued with the credits), null until posted.
 */
public record ProjectResult(String projectId, String teacherId, String completionId, Completion.Outcome outcome,
                            Map<CreditCategory, Integer> hours, String topic, boolean posted, String certificateCode,
                            Instant recordedAt) {
    public ProjectResult {
        hours = hours == null ? Map.of() : Map.copyOf(hours);
    }

    public static ProjectResult of(Completion c, Completion.Result r) {
        return new ProjectResult(c.projectId(), r.teacherId(), c.completionId(), r.outcome(),
                r.hours() == null ? Map.of() : r.hours(), r.topic(), false, null, c.recordedAt());
    }

    /** What makes two results of the same completion the same result (a repeat may re-send it). */
    public String fingerprint() {
        return outcome + "|" + new java.util.TreeMap<>(hours) + "|" + (topic == null ? "" : topic);
    }
}
