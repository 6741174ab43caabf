package org.teachertraining.adapters.dynamodb;

import org.teachertraining.core.teacher.Teacher;
import org.teachertraining.core.teacher.Teachers;
import org.teachertraining.core.common.Page;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import static org.teachertraining.adapters.dynamodb.TrainingTable.s;

/** Teachers: PK=TEACHER#id, SK=TEACHER (GSI1: JURISDICTION#code / TEACHER#id), the record as JSON. */
public final class DynamoDbTeachers implements Teachers {
    private final TrainingTable table;

    public DynamoDbTeachers(TrainingTable table) {
        this.table = table;
    }

    @Override
    public boolean save(Teacher t) {
        var old = table.client().putItem(PutItemRequest.builder().tableName(table.name())
                .item(Map.of("PK", s("TEACHER#" + t.id()), "SK", s("TEACHER"), "type", s("TEACHER"),
                        "GSI1PK", s("JURISDICTION#" + t.jurisdiction()), "GSI1SK", s("TEACHER#" + t.id()),
                        "data", s(TrainingTable.toJson(t))))
                .returnValues(ReturnValue.ALL_OLD).build()).attributes();
        return old == null || old.isEmpty();
    }

    @Override
    public Page<Teacher> registeredAt(String unit, String cursor, int limit, Predicate<Teacher> matching, int examineAtMost) {
        var request = QueryRequest.builder().tableName(table.name()).indexName(TrainingTable.GSI1)
                .keyConditionExpression("GSI1PK = :pk AND begins_with(GSI1SK, :sk)")
                .expressionAttributeValues(Map.of(":pk", s("JURISDICTION#" + unit), ":sk", s("TEACHER#")));
        if (cursor != null) request.exclusiveStartKey(TrainingTable.decodeCursor(cursor, "GSI1PK", "JURISDICTION#" + unit, "GSI1SK", "TEACHER#"));
        return table.filledPage(request.build(), List.of("PK", "SK", "GSI1PK", "GSI1SK"), limit, examineAtMost, DynamoDbTeachers::read, matching);
    }

    @Override
    public int countRegisteredAt(String unit) {
        return table.count(TrainingTable.GSI1, "JURISDICTION#" + unit, "TEACHER#");
    }

    @Override
    public Optional<Teacher> find(String id) {
        return table.get(itemKey(id)).map(DynamoDbTeachers::read);
    }

    /** The teacher's own item. */
    static TrainingTable.ItemKey itemKey(String id) {
        return new TrainingTable.ItemKey("TEACHER#" + id, "TEACHER");
    }

    static Teacher read(Map<String, AttributeValue> item) {
        return TrainingTable.fromJson(TrainingTable.str(item, "data"), Teacher.class);
    }
}
