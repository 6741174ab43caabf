package org.teachertraining.adapters.dynamodb;

import org.teachertraining.core.teacher.Teacher;
import org.teachertraining.core.teacher.Teachers;
import org.teachertraining.core.common.Page;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import static org.teachertraining.adapters.dynamodb.TrainingTable.s;

/**
 * Teachers: PK=TEACHER#id, SK=TEACHER (GSI1: JURISDICTION#code / TEACHER#id), the record as JSON; beside each, since
 * 2026-12-07, its ID's guard (PK=TEACHERID#ID in upper case), so that no two teachers' IDs differ only in case.
 */
public final class DynamoDbTeachers implements Teachers {
    private final TrainingTable table;

    public DynamoDbTeachers(TrainingTable table) {
        this.table = table;
    }

    @Override
    public boolean save(Teacher t, boolean registered) {
        var item = Map.<String, AttributeValue>of("PK", s("TEACHER#" + t.id()), "SK", s("TEACHER"), "type", s("TEACHER"),
                "GSI1PK", s("JURISDICTION#" + t.jurisdiction()), "GSI1SK", s("TEACHER#" + t.id()),
                "data", s(TrainingTable.toJson(t)));
        if (registered) return update(t, item);
        // a new teacher: its item and its ID's upper-case guard together, the guard free or already its own
        var failed = table.transact(List.of(CaseGuards.claim(table, "TEACHER", t.id()),
                TransactWriteItem.builder().put(Put.builder().tableName(table.name()).item(item)
                        .conditionExpression("attribute_not_exists(PK)").build()).build()));
        if (failed.isEmpty()) return true;
        if (TrainingTable.failed(failed.get(), 1)) return update(t, item);   // registered meanwhile (or the caller did not know)
        throw CaseGuards.heldByAnother(table, "TEACHER", t.id());
    }

    /** The record replaced as it always was, and a guard added where none was (a teacher saved before the guards). */
    private boolean update(Teacher t, Map<String, AttributeValue> item) {
        table.client().putItem(PutItemRequest.builder().tableName(table.name()).item(item).build());
        try {
            table.client().putItem(PutItemRequest.builder().tableName(table.name()).item(CaseGuards.item("TEACHER", t.id()))
                    .conditionExpression("attribute_not_exists(PK)").build());
        } catch (ConditionalCheckFailedException held) {
            // its own, or another case's registered before the guards: either way the record is updated
        }
        return false;
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

    @Override
    public Optional<String> registeredAs(String id) {
        return CaseGuards.inAnotherCase(table, "TEACHER", id);
    }

    /** The teacher's own item. */
    static TrainingTable.ItemKey itemKey(String id) {
        return new TrainingTable.ItemKey("TEACHER#" + id, "TEACHER");
    }

    static Teacher read(Map<String, AttributeValue> item) {
        return TrainingTable.fromJson(TrainingTable.str(item, "data"), Teacher.class);
    }
}
