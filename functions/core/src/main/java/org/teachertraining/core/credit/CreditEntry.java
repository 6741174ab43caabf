package org.teachertraining.core.credit;

import java.time.Instant;

/**
 * One line of a teacher's append-only ledger (C5). {@code hours} is negative on a reversing entry, which
 * names the entry it reverses. {@code topic} marks special-topic hours (e.g. HEAD_TEACHER, IT_2_0) that
 * some requirements count on their own. {@code source} is what produced it (a completion, a school-based
 * record, a correction) and, with teacher and category, what makes posting idempotent.
 */
public record CreditEntry(String id, String teacherId, int year, CreditCategory category, int hours, String topic,
                          String source, String projectId, String reverses, String reason, String recordedBy, Instant recordedAt) {}
