package org.teachertraining.core.credit;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An institution's completion results for a class (结业考核), as carried on the credit-posting queue:
 * per trainee the outcome and, for those who passed, the hours per category (C4).
 */
public record Completion(String completionId, String projectId, String institutionId, List<Result> results,
                         String recordedBy, Instant recordedAt) {

    public enum Outcome { PASSED, FAILED, DISMISSED, NO_SHOW }

    /** {@code topic} marks the hours as special-topic hours (e.g. HEAD_TEACHER, IT_2_0), or is null. */
    public record Result(String teacherId, Outcome outcome, Map<CreditCategory, Integer> hours, String topic) {}
}
