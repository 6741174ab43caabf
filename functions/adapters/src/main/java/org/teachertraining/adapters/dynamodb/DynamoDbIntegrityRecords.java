package org.teachertraining.adapters.dynamodb;

import org.teachertraining.core.integrity.IntegrityRecord;
import org.teachertraining.core.integrity.IntegrityRecords;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

import java.util.List;
import java.util.Map;

import static org.teachertraining.adapters.dynamodb.TrainingTable.s;

/** Integrity records: PK=TEACHER#id, SK=INTEGRITY#occurredOn#projectId, read with the teacher's partition. */
public final class DynamoDbIntegrityRecords implements IntegrityRecords {
    private final TrainingTable table;

    public DynamoDbIntegrityRecords(TrainingTable table) {
        this.table = table;
    }

    @Override
    public void add(IntegrityRecord r) {
        var item = new java.util.HashMap<>(key(r));
        item.put("type", s("INTEGRITY"));
        item.put("data", s(TrainingTable.toJson(r)));
        table.client().putItem(PutItemRequest.builder().tableName(table.name()).item(item).build());
    }

    /** PK=TEACHER#teacherId, SK=INTEGRITY#occurredOn#projectId. */
    static Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> key(IntegrityRecord r) {
        return Map.of("PK", s("TEACHER#" + r.teacherId()), "SK", s("INTEGRITY#" + r.occurredOn() + "#" + r.projectId()));
    }

    @Override
    public List<IntegrityRecord> ofTeacher(String teacherId) {
        return table.client().query(QueryRequest.builder().tableName(table.name())
                        .keyConditionExpression("PK = :pk AND begins_with(SK, :sk)")
                        .expressionAttributeValues(Map.of(":pk", s("TEACHER#" + teacherId), ":sk", s("INTEGRITY#"))).build())
                .items().stream().map(i -> TrainingTable.fromJson(TrainingTable.str(i, "data"), IntegrityRecord.class)).toList();
    }
}
