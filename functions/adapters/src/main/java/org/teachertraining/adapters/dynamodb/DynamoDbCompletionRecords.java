package org.teachertraining.adapters.dynamodb;

import org.teachertraining.core.credit.CompletionRecords;
import org.teachertraining.core.enrollment.Enrollment;
import org.teachertraining.core.teacher.Teacher;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;

/** What a completion's check reads, each part in consistent BatchGetItems (docs/data-model.md, pattern 4b). */
public final class DynamoDbCompletionRecords implements CompletionRecords {
    private final TrainingTable table;

    public DynamoDbCompletionRecords(TrainingTable table) {
        this.table = table;
    }

    @Override
    public Parties parties(String projectId, String institutionId) {
        var project = DynamoDbProjects.itemKey(projectId);
        var institution = DynamoDbInstitutions.itemKey(institutionId);
        var items = table.getAll(List.of(project, institution));
        return new Parties(Optional.ofNullable(items.get(project)).map(DynamoDbProjects::read),
                Optional.ofNullable(items.get(institution)).map(DynamoDbInstitutions::read));
    }

    @Override
    public Trainees trainees(String projectId, List<String> teacherIds) {
        var keys = new ArrayList<TrainingTable.ItemKey>();
        for (String id : teacherIds) {
            keys.add(DynamoDbEnrollments.itemKey(projectId, id));
            keys.add(DynamoDbTeachers.itemKey(id));
        }
        var items = table.getAll(keys);
        var enrollments = new LinkedHashMap<String, Enrollment>();
        var teachers = new LinkedHashMap<String, Teacher>();
        for (String id : teacherIds) {
            Optional.ofNullable(items.get(DynamoDbEnrollments.itemKey(projectId, id))).ifPresent(i -> enrollments.put(id, DynamoDbEnrollments.read(i)));
            Optional.ofNullable(items.get(DynamoDbTeachers.itemKey(id))).ifPresent(i -> teachers.put(id, DynamoDbTeachers.read(i)));
        }
        return new Trainees(enrollments, teachers);
    }
}
