package org.teachertraining.adapters.dynamodb;

import org.teachertraining.core.teacher.Teacher;
import org.teachertraining.core.teacher.Teachers;
import org.teachertraining.core.common.Page;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

import java.util.ArrayList;
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
    public Page<Teacher> ofCounty(String county, String cursor, int limit, Predicate<Teacher> matching, int examineAtMost) {
        var start = cursor == null ? null : TrainingTable.decodeCursor(cursor, "GSI1PK", "JURISDICTION#" + county, "GSI1SK", "TEACHER#");
        var items = new ArrayList<Teacher>();
        int examined = 0;
        while (true) {
            var request = QueryRequest.builder().tableName(table.name()).indexName(TrainingTable.GSI1)
                    .limit(Math.max(1, Math.min(examineAtMost - examined, READ_AT_ONCE)))
                    .keyConditionExpression("GSI1PK = :pk AND begins_with(GSI1SK, :sk)")
                    .expressionAttributeValues(Map.of(":pk", s("JURISDICTION#" + county), ":sk", s("TEACHER#")));
            if (start != null) request.exclusiveStartKey(start);
            var response = table.queryPage(request.build());
            var last = response.lastEvaluatedKey() == null || response.lastEvaluatedKey().isEmpty() ? null : response.lastEvaluatedKey();
            var read = response.items();
            for (int i = 0; i < read.size(); i++) {
                examined++;
                var teacher = read(read.get(i));
                if (!matching.test(teacher)) continue;
                items.add(teacher);
                if (items.size() == limit) {
                    boolean endOfList = i == read.size() - 1 && last == null;
                    return new Page<>(items, endOfList ? null : TrainingTable.encodeCursor(indexKey(read.get(i))));
                }
            }
            if (last == null) return new Page<>(items, null);
            if (examined >= examineAtMost) return new Page<>(items, TrainingTable.encodeCursor(last));
            start = last;
        }
    }

    /** How many of a county's teachers one request reads: under DynamoDB's 1 MB a response, at about 400 bytes a teacher. */
    private static final int READ_AT_ONCE = 1000;

    /** An item's key in GSI1, as DynamoDB gives it for a page's end: the index's key and the table's. */
    private static Map<String, AttributeValue> indexKey(Map<String, AttributeValue> item) {
        return Map.of("PK", item.get("PK"), "SK", item.get("SK"), "GSI1PK", item.get("GSI1PK"), "GSI1SK", item.get("GSI1SK"));
    }

    @Override
    public int countInCounty(String county) {
        return table.client().queryPaginator(b -> b.tableName(table.name()).indexName(TrainingTable.GSI1)
                        .select(software.amazon.awssdk.services.dynamodb.model.Select.COUNT)
                        .keyConditionExpression("GSI1PK = :pk AND begins_with(GSI1SK, :sk)")
                        .expressionAttributeValues(Map.of(":pk", s("JURISDICTION#" + county), ":sk", s("TEACHER#"))))
                .stream().mapToInt(r -> r.count()).sum();
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
