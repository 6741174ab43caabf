package org.teachertraining.core.enrollment;

import org.teachertraining.core.program.ProgramLevel;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A teacher selected into a project. {@code jurisdiction} is the teacher's; {@code quotaJurisdiction} is
 * whose pool the seat came from (returned there on withdrawal). The project's level, name and start date
 * are copied so that a teacher's enrollments can be listed and checked (E5) without reading each project.
 */
public record Enrollment(String id, String projectId, String teacherId, String teacherName, String jurisdiction,
                         String quotaJurisdiction, EnrollmentStatus status, String idempotencyKey,
                         String projectName, ProgramLevel projectLevel, LocalDate projectStartDate,
                         String createdBy, Instant createdAt, Instant withdrawnAt) {

    public Enrollment in(EnrollmentStatus status) {
        return new Enrollment(id, projectId, teacherId, teacherName, jurisdiction, quotaJurisdiction, status, idempotencyKey, projectName,
                projectLevel, projectStartDate, createdBy, createdAt, withdrawnAt);
    }

    public Enrollment withdrawn(Instant at) {
        return new Enrollment(id, projectId, teacherId, teacherName, jurisdiction, quotaJurisdiction,
                EnrollmentStatus.WITHDRAWN, idempotencyKey, projectName, projectLevel, projectStartDate,
                createdBy, createdAt, at);
    }
}
