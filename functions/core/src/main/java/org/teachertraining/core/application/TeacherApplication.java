package org.teachertraining.core.application;

import org.teachertraining.core.teacher.Teacher;

import java.time.Instant;

/**
 * A teacher's own application to a project (自主选学, E9): PENDING until the teacher's county (or city)
 * decides; APPROVING while an approval takes the seat; APPROVED with the enrollment it made; DECLINED with
 * the reason. {@code teacherJurisdiction} is the teacher's unit (their school, else their county), which decides
 * who may decide.
 */
public record TeacherApplication(String projectId, String teacherId, String teacherName, String teacherJurisdiction, String statement,
                                 Status status, String decidedBy, Instant decidedAt, String reason, String enrollmentId, Instant createdAt) {
    public enum Status { PENDING, APPROVING, APPROVED, DECLINED }

    /** Why the applications of a cancelled (or rejected) project were declined: the reason a teacher reads beside the decision. */
    public static final String PROJECT_STOPPED = "项目已取消，不再遴选";

    /** The application as the teacher's unit now responsible for it holds it (a teacher moved, or renamed). */
    public TeacherApplication of(Teacher teacher) {
        return new TeacherApplication(projectId, teacherId, teacher.name(), teacher.unit(), statement, status, decidedBy, decidedAt, reason,
                enrollmentId, createdAt);
    }

    public TeacherApplication with(Status status, String decidedBy, Instant decidedAt, String reason, String enrollmentId) {
        return new TeacherApplication(projectId, teacherId, teacherName, teacherJurisdiction, statement, status, decidedBy, decidedAt, reason,
                enrollmentId, createdAt);
    }
}
