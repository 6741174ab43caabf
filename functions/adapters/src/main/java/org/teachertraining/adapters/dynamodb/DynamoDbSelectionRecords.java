package org.teachertraining.adapters.dynamodb;

import org.teachertraining.core.enrollment.SelectionRecords;

import java.util.List;
import java.util.Optional;

/** The project, the teacher, the teacher's enrollment in it and waitlist entry, in one consistent BatchGetItem (docs/data-model.md). */
public final class DynamoDbSelectionRecords implements SelectionRecords {
    private final TrainingTable table;

    public DynamoDbSelectionRecords(TrainingTable table) {
        this.table = table;
    }

    @Override
    public Found find(String projectId, String teacherId) {
        var project = DynamoDbProjects.itemKey(projectId);
        var teacher = DynamoDbTeachers.itemKey(teacherId);
        var enrollment = DynamoDbEnrollments.itemKey(projectId, teacherId);
        var waitlisted = DynamoDbWaitlists.guardKey(projectId, teacherId);
        var items = table.getAll(List.of(project, teacher, enrollment, waitlisted));
        return new Found(Optional.ofNullable(items.get(project)).map(DynamoDbProjects::read),
                Optional.ofNullable(items.get(teacher)).map(DynamoDbTeachers::read),
                Optional.ofNullable(items.get(enrollment)).map(DynamoDbEnrollments::read),
                Optional.ofNullable(items.get(waitlisted)).map(DynamoDbWaitlists::entry));
    }

    @Override
    public Optional<String> teacherRegisteredAs(String teacherId) {
        return new DynamoDbTeachers(table).registeredAs(teacherId);
    }
}
