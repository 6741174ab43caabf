package org.teachertraining.adapters.dynamodb;

import org.teachertraining.core.application.TeacherApplication;
import org.teachertraining.core.application.TeacherApplications;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.teachertraining.adapters.dynamodb.TrainingTable.s;

/**
 * Teachers' applications: PROJECT#id / APPLICATION#teacherId (GSI1 TEACHER#id / APPLICATION#createdAt#projectId for the
 * teacher's list), {@code status} as an attribute for the conditional moves; whether a project takes them:
 * PROJECT#id / TEACHER-APPLICATIONS {@code open}.
 */
public final class DynamoDbTeacherApplications implements TeacherApplications {
    private final TrainingTable table;

    public DynamoDbTeacherApplications(TrainingTable table) {
        this.table = table;
    }

    @Override
    public void setOpen(String projectId, boolean open) {
        table.client().putItem(b -> b.tableName(table.name()).item(Map.of("PK", s("PROJECT#" + projectId), "SK", s("TEACHER-APPLICATIONS"),
                "type", s("TEACHER-APPLICATIONS"), "open", AttributeValue.fromBool(open))));
    }

    @Override
    public boolean isOpen(String projectId) {
        return table.get("PROJECT#" + projectId, "TEACHER-APPLICATIONS").map(i -> Boolean.TRUE.equals(i.get("open").bool())).orElse(false);
    }

    @Override
    public boolean add(TeacherApplication a) {
        try {
            table.client().putItem(b -> b.tableName(table.name()).item(item(a)).conditionExpression("attribute_not_exists(PK)"));
            return true;
        } catch (ConditionalCheckFailedException exists) {
            return false;
        }
    }

    @Override
    public Optional<TeacherApplication> find(String projectId, String teacherId) {
        return table.get("PROJECT#" + projectId, "APPLICATION#" + teacherId).map(DynamoDbTeacherApplications::read);
    }

    @Override
    public boolean move(TeacherApplication next, Set<TeacherApplication.Status> from) {
        var moving = moving(next, from);
        try {
            table.client().putItem(b -> b.tableName(table.name()).item(moving.item()).conditionExpression(moving.conditionExpression())
                    .expressionAttributeNames(moving.expressionAttributeNames()).expressionAttributeValues(moving.expressionAttributeValues()));
            return true;
        } catch (ConditionalCheckFailedException moved) {
            return false;
        }
    }

    /**
     * {@value TrainingTable#MAX_TRANSACTION_ITEMS} to a transaction: the pending applications of a cancelled project of
     * thousands in dozens of writes. If one of them has moved meanwhile (approved, declined), DynamoDB refuses that
     * transaction whole, and its applications are then moved one by one, each on its own condition.
     */
    @Override
    public int moveAll(List<TeacherApplication> next, Set<TeacherApplication.Status> from) {
        int moved = 0;
        for (int at = 0; at < next.size(); at += TrainingTable.MAX_TRANSACTION_ITEMS) {
            var together = next.subList(at, Math.min(next.size(), at + TrainingTable.MAX_TRANSACTION_ITEMS));
            if (table.transact(together.stream().map(a -> TransactWriteItem.builder().put(moving(a, from)).build()).toList()).isEmpty()) {
                moved += together.size();
            } else {
                for (var a : together) if (move(a, from)) moved++;
            }
        }
        return moved;
    }

    /** The application stored as {@code next} on condition that its status is one of {@code from}. */
    private Put moving(TeacherApplication next, Set<TeacherApplication.Status> from) {
        var values = new HashMap<String, AttributeValue>();
        var names = new ArrayList<String>();
        int i = 0;
        for (var status : from) {
            names.add(":f" + i);
            values.put(":f" + i++, s(status.name()));
        }
        return Put.builder().tableName(table.name()).item(item(next)).conditionExpression("#status IN (" + String.join(", ", names) + ")")
                .expressionAttributeNames(Map.of("#status", "status")).expressionAttributeValues(values).build();
    }

    @Override
    public List<TeacherApplication> ofProject(String projectId) {
        return table.client().queryPaginator(QueryRequest.builder().tableName(table.name()).consistentRead(true)
                        .keyConditionExpression("PK = :pk AND begins_with(SK, :sk)")
                        .expressionAttributeValues(Map.of(":pk", s("PROJECT#" + projectId), ":sk", s("APPLICATION#"))).build())
                .items().stream().map(DynamoDbTeacherApplications::read).toList();
    }

    @Override
    public List<TeacherApplication> ofTeacher(String teacherId) {
        return table.items(TrainingTable.GSI1, "TEACHER#" + teacherId, "APPLICATION#").map(DynamoDbTeacherApplications::read).toList();
    }

    private static Map<String, AttributeValue> item(TeacherApplication a) {
        return Map.of("PK", s("PROJECT#" + a.projectId()), "SK", s("APPLICATION#" + a.teacherId()), "type", s("APPLICATION"),
                "status", s(a.status().name()), "GSI1PK", s("TEACHER#" + a.teacherId()), "GSI1SK", s("APPLICATION#" + a.createdAt() + "#" + a.projectId()),
                "data", s(TrainingTable.toJson(a)));
    }

    private static TeacherApplication read(Map<String, AttributeValue> item) {
        return TrainingTable.fromJson(TrainingTable.str(item, "data"), TeacherApplication.class);
    }
}
