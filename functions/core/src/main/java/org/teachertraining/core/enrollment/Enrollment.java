package org.teachertraining.core.enrollment;

import org.teachertraining.core.program.ProgramLevel;
import org.teachertraining.core.teacher.Teacher;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A teacher selected into a project. {@code jurisdiction} is the teacher's; {@code quotaJurisdiction} is
 * whose pool the seat came from (returned there on withdrawal). The project's level, name and start date
 * are copied so that a teacher's enrollments can be listed and checked (E5) without reading each project.
 * {@code school} is the teacher's school when the teacher has one in the tree (null otherwise, and on enrollments made
 * before it was kept): its admin lists the school's trainees by it.
 */
public record Enrollment(String id, String projectId, String teacherId, String teacherName, String jurisdiction,
                         String quotaJurisdiction, EnrollmentStatus status, String idempotencyKey,
                         String projectName, ProgramLevel projectLevel, LocalDate projectStartDate,
                         String createdBy, Instant createdAt, Instant withdrawnAt, String school) {

    /** The smallest unit the teacher belongs to: the school, else the county. */
    public String unit() {
        return school != null ? school : jurisdiction;
    }

    public Enrollment in(EnrollmentStatus status) {
        return new Enrollment(id, projectId, teacherId, teacherName, jurisdiction, quotaJurisdiction, status, idempotencyKey, projectName,
                projectLevel, projectStartDate, createdBy, createdAt, withdrawnAt, school);
    }

    public Enrollment withdrawn(Instant at) {
        return new Enrollment(id, projectId, teacherId, teacherName, jurisdiction, quotaJurisdiction,
                EnrollmentStatus.WITHDRAWN, idempotencyKey, projectName, projectLevel, projectStartDate,
                createdBy, createdAt, at, school);
    }

    /** The teacher's school for {@link #school}: the unit when it is a school, else none. */
    public static String schoolOf(Teacher t) {
        return t.unit().equals(t.jurisdiction()) ? null : t.unit();
    }
}
