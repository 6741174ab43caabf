package org.teachertraining.core.enrollment;

/** What an {@code Idempotency-Key} was first used for: the request's fingerprint and the teacher it enrolled. */
public record IdempotencyRecord(String projectId, String key, String requestHash, String teacherId) {}
