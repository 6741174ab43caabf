package org.teachertraining.core.enrollment;

import org.teachertraining.core.project.Project;
import org.teachertraining.core.project.Projects;
import org.teachertraining.core.teacher.Teacher;
import org.teachertraining.core.teacher.Teachers;

import java.util.Optional;

/**
 * Port: the three records a selection starts from — the project, the teacher, and the teacher's enrollment in that
 * project, whatever its status — read at once. A store that can read several records in one request (DynamoDB's
 * BatchGetItem) makes one round trip of the three on the platform's busiest path, the enrollment rush before the 9/25
 * cutoff. Nothing is decided from them here: {@link EnrollTeacher} checks them in its order, authorization first.
 */
public interface SelectionRecords {

    /** What was found of the three; each empty when there is no such record. */
    record Found(Optional<Project> project, Optional<Teacher> teacher, Optional<Enrollment> enrollment) {}

    Found find(String projectId, String teacherId);

    /** The three read one after another through their own ports: a store without batched reads (the tests' in-memory one). */
    static SelectionRecords of(Projects projects, Teachers teachers, Enrollments enrollments) {
        return (projectId, teacherId) -> new Found(projects.find(projectId), teachers.find(teacherId), enrollments.find(projectId, teacherId));
    }
}
