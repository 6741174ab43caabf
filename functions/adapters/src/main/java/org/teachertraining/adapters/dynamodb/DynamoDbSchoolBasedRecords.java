package org.teachertraining.adapters.dynamodb;

import org.teachertraining.core.credit.SchoolBasedHours;
import org.teachertraining.core.credit.SchoolBasedRecords;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.teachertraining.adapters.dynamodb.TrainingTable.key;
import static org.teachertraining.adapters.dynamodb.TrainingTable.s;

/**
 * School-based hours: PK=TEACHER#id, SK=SCHOOLHOURS#recordId. While pending, GSI1 holds
 * SCHOOLHOURS#county#PENDING / recordedAt#teacherId#recordId: the county's approval queue; the decision
 * removes it, conditioned on the record still being pending.
 */
public final class DynamoDbSchoolBasedRecords implements SchoolBasedRecords {
    private final TrainingTable table;

    public DynamoDbSchoolBasedRecords(TrainingTable table) {
        this.table = table;
    }

    @Override
    public boolean add(SchoolBasedHours r) {
        try {
            table.client().putItem(PutItemRequest.builder().tableName(table.name())
                    .item(Map.of("PK", s("TEACHER#" + r.teacherId()), "SK", s("SCHOOLHOURS#" + r.id()), "type", s("SCHOOLHOURS"),
                            "status", s(r.status().name()), "GSI1PK", s("SCHOOLHOURS#" + r.jurisdiction() + "#PENDING"),
                            "GSI1SK", s(r.recordedAt() + "#" + r.teacherId() + "#" + r.id()), "data", s(TrainingTable.toJson(r))))
                    .conditionExpression("attribute_not_exists(PK)").build());
            return true;
        } catch (ConditionalCheckFailedException exists) {
            return false;
        }
    }

    @Override
    public Optional<SchoolBasedHours> find(String teacherId, String id) {
        return table.get("TEACHER#" + teacherId, "SCHOOLHOURS#" + id).map(i -> TrainingTable.fromJson(TrainingTable.str(i, "data"), SchoolBasedHours.class));
    }

    @Override
    public boolean decide(SchoolBasedHours d) {
        try {
            table.client().updateItem(UpdateItemRequest.builder().tableName(table.name())
                    .key(key("TEACHER#" + d.teacherId(), "SCHOOLHOURS#" + d.id()))
                    .updateExpression("SET #status = :status, #data = :data REMOVE GSI1PK, GSI1SK")
                    .conditionExpression("#status = :pending")
                    .expressionAttributeNames(Map.of("#status", "status", "#data", "data"))
                    .expressionAttributeValues(Map.of(":status", s(d.status().name()), ":data", s(TrainingTable.toJson(d)),
                            ":pending", s(SchoolBasedHours.Status.PENDING.name())))
                    .build());
            return true;
        } catch (ConditionalCheckFailedException decidedAlready) {
            return false;
        }
    }

    @Override
    public List<SchoolBasedHours> pendingIn(String county) {
        return table.client().query(QueryRequest.builder().tableName(table.name()).indexName(TrainingTable.GSI1).limit(100)
                        .keyConditionExpression("GSI1PK = :pk")
                        .expressionAttributeValues(Map.of(":pk", s("SCHOOLHOURS#" + county + "#PENDING"))).build())
                .items().stream().map(i -> TrainingTable.fromJson(TrainingTable.str(i, "data"), SchoolBasedHours.class)).toList();
    }
}
