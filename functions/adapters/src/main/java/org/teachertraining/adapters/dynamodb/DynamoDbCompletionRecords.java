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
        var seatKeys = new LinkedHashMap<String, TrainingTable.ItemKey>();
        var teacherKeys = new LinkedHashMap<String, TrainingTable.ItemKey>();
        for (String id : teacherIds) {
            seatKeys.put(id, DynamoDbEnrollments.itemKey(projectId, id));
            teacherKeys.put(id, DynamoDbTeachers.itemKey(id));
        }
        var keys = new ArrayList<>(seatKeys.values());
        keys.addAll(teacherKeys.values());
        var items = table.getAll(keys);
        var enrollments = new LinkedHashMap<String, Enrollment>();
        var teachers = new LinkedHashMap<String, Teacher>();
        seatKeys.forEach((id, key) -> Optional.ofNullable(items.get(key)).ifPresent(i -> enrollments.put(id, DynamoDbEnrollments.read(i))));
        teacherKeys.forEach((id, key) -> Optional.ofNullable(items.get(key)).ifPresent(i -> teachers.put(id, DynamoDbTeachers.read(i))));
        return new Trainees(enrollments, teachers);
    }

    @Override
    public Optional<String> teacherRegisteredAs(String teacherId) {
        return new DynamoDbTeachers(table).registeredAs(teacherId);
    }
}
