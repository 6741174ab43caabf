package org.teachertraining.core.enrollment;

/**
 * What an {@code Idempotency-Key} was first used for: the request's fingerprint and the teacher it enrolled.
 * Keys belong to the caller who sent them ({@code userId}): the same key from another user is another key.
 */
public record IdempotencyRecord(String projectId, String userId, String key, String requestHash, String teacherId) {}
