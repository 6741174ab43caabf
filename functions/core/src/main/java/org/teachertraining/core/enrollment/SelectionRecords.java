package org.teachertraining.core.enrollment;

import org.teachertraining.core.project.Project;
import org.teachertraining.core.project.Projects;
import org.teachertraining.core.teacher.Teacher;
import org.teachertraining.core.teacher.Teachers;

import java.util.Optional;

/**
 * Port: the records a selection starts from — the project, the teacher, the teacher's enrollment in that project,
 * whatever its status, and the teacher's entry on its waitlist — read at once. A store that can read several records
 * in one request (DynamoDB's BatchGetItem) makes one round trip of them on the platform's busiest path, the enrollment
 * rush before the 9/25 cutoff. Nothing is decided from them here: {@link EnrollTeacher} checks them in its order,
 * authorization first, and takes a waitlisted teacher it selects off the waitlist with the seat (E7).
 */
public interface SelectionRecords {

    /** What was found; each empty when there is no such record. */
    record Found(Optional<Project> project, Optional<Teacher> teacher, Optional<Enrollment> enrollment, Optional<WaitlistEntry> waitlisted) {}

    Found find(String projectId, String teacherId);

    /** The ID as registered of a teacher whose ID is {@code teacherId} in another case ({@link Teachers#registeredAs}), read only for a refusal. */
    Optional<String> teacherRegisteredAs(String teacherId);

    /** Read one after another through their own ports: a store without batched reads (the tests' in-memory one). */
    static SelectionRecords of(Projects projects, Teachers teachers, Enrollments enrollments, Waitlists waitlists) {
        return new SelectionRecords() {
            @Override
            public Found find(String projectId, String teacherId) {
                return new Found(projects.find(projectId), teachers.find(teacherId), enrollments.find(projectId, teacherId),
                        waitlists.find(projectId, teacherId));
            }

            @Override
            public Optional<String> teacherRegisteredAs(String teacherId) {
                return teachers.registeredAs(teacherId);
            }
        };
    }
}
