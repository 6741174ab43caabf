package org.teachertraining.adapters.dynamodb;

import org.teachertraining.core.integrity.IntegrityRecord;
import org.teachertraining.core.integrity.IntegrityRecords;
import org.teachertraining.core.integrity.Recourse;
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

    /** Recourse (E4a) on its own item, PK=TEACHER#teacherId, SK=RECOURSE#recordId: a record re-written by a posting keeps it. */
    @Override
    public Map<String, Recourse> recourseOf(String teacherId) {
        var out = new java.util.HashMap<String, Recourse>();
        table.client().queryPaginator(QueryRequest.builder().tableName(table.name()).consistentRead(true)
                        .keyConditionExpression("PK = :pk AND begins_with(SK, :sk)")
                        .expressionAttributeValues(Map.of(":pk", s("TEACHER#" + teacherId), ":sk", s("RECOURSE#"))).build())
                .items().forEach(i -> {
                    var r = TrainingTable.fromJson(TrainingTable.str(i, "data"), Recourse.class);
                    out.put(r.recordId(), r);
                });
        return out;
    }

    @Override
    public boolean saveRecourse(Recourse r) {
        var item = Map.of("PK", s("TEACHER#" + r.teacherId()), "SK", s("RECOURSE#" + r.recordId()), "type", s("RECOURSE"),
                "version", TrainingTable.n(r.version()), "data", s(TrainingTable.toJson(r)));
        try {
            table.client().putItem(PutItemRequest.builder().tableName(table.name()).item(item)
                    .conditionExpression(r.version() == 1 ? "attribute_not_exists(PK)" : "version = :previous")
                    .expressionAttributeValues(r.version() == 1 ? null : Map.of(":previous", TrainingTable.n(r.version() - 1))).build());
            return true;
        } catch (software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException taken) {
            return false;
        }
    }

    @Override
    public List<IntegrityRecord> ofTeacher(String teacherId) {
        return table.client().query(QueryRequest.builder().tableName(table.name())
                        .keyConditionExpression("PK = :pk AND begins_with(SK, :sk)")
                        .expressionAttributeValues(Map.of(":pk", s("TEACHER#" + teacherId), ":sk", s("INTEGRITY#"))).build())
                .items().stream().map(i -> TrainingTable.fromJson(TrainingTable.str(i, "data"), IntegrityRecord.class)).toList();
    }
}
