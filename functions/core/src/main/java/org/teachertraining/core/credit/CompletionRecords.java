package org.teachertraining.core.credit;

import org.teachertraining.core.enrollment.Enrollment;
import org.teachertraining.core.enrollment.Enrollments;
import org.teachertraining.core.institution.Institution;
import org.teachertraining.core.institution.Institutions;
import org.teachertraining.core.project.Project;
import org.teachertraining.core.project.Projects;
import org.teachertraining.core.teacher.Teacher;
import org.teachertraining.core.teacher.Teachers;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Port: what a completion's check reads, in two calls whatever the class's size — the project and the institution it
 * names; then every trainee's enrollment in the project and teacher record. A store that reads several records in one
 * request (DynamoDB's BatchGetItem) makes each call one round trip for a class of 50 (the second, 100 keys, two for
 * 100 trainees), where a class of 50 took 102 requests. The program, whose ID the project holds, is read apart. Nothing
 * is decided here: {@link CheckCompletion} checks what was found, in its order.
 */
public interface CompletionRecords {

    /** The project and the institution a completion names; each empty when there is no such record. */
    record Parties(Optional<Project> project, Optional<Institution> institution) {}

    /** The trainees' enrollments in the project, whatever their status, and their teacher records, by teacher ID; absent where none. */
    record Trainees(Map<String, Enrollment> enrollments, Map<String, Teacher> teachers) {}

    Parties parties(String projectId, String institutionId);

    /** @param teacherIds at most {@value CheckCompletion#MAX_RESULTS}, each named once */
    Trainees trainees(String projectId, List<String> teacherIds);

    /** The ID as registered of a teacher whose ID is {@code teacherId} in another case ({@link Teachers#registeredAs}), read only for a refusal. */
    Optional<String> teacherRegisteredAs(String teacherId);

    /** Each record read through its own port, one after another: a store without batched reads (the tests' in-memory one). */
    static CompletionRecords of(Projects projects, Institutions institutions, Enrollments enrollments, Teachers teachers) {
        return new CompletionRecords() {
            @Override
            public Parties parties(String projectId, String institutionId) {
                return new Parties(projects.find(projectId), institutions.find(institutionId));
            }

            @Override
            public Trainees trainees(String projectId, List<String> teacherIds) {
                var enrolled = new LinkedHashMap<String, Enrollment>();
                var found = new LinkedHashMap<String, Teacher>();
                for (String id : teacherIds) {
                    enrollments.find(projectId, id).ifPresent(e -> enrolled.put(id, e));
                    teachers.find(id).ifPresent(t -> found.put(id, t));
                }
                return new Trainees(enrolled, found);
            }

            @Override
            public Optional<String> teacherRegisteredAs(String teacherId) {
                return teachers.registeredAs(teacherId);
            }
        };
    }
}
