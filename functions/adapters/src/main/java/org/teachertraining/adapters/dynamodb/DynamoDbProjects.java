package org.teachertraining.adapters.dynamodb;

import org.teachertraining.core.project.Project;
import org.teachertraining.core.project.Projects;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.teachertraining.adapters.dynamodb.TrainingTable.n;
import static org.teachertraining.adapters.dynamodb.TrainingTable.s;

/**
 * Projects: PK=PROJECT#id, SK=PROJECT (GSI1: PROGRAM#programId / PROJECT#code; GSI2: PROJECT-CALENDAR / endDate#id); a guard item
 * PROGRAM#programId / PROJECTCODE#CODE (the code in upper case) keeps codes unique per program whatever their case; the root quota item is written
 * in the same transaction. A cancelled project's item has {@code cancelledAt} beside its JSON.
 */
public final class DynamoDbProjects implements Projects {
    private final TrainingTable table;

    public DynamoDbProjects(TrainingTable table) {
        this.table = table;
    }

    @Override
    public boolean add(Project p) {
        var project = Map.of("PK", s("PROJECT#" + p.id()), "SK", s("PROJECT"), "type", s("PROJECT"),
                "GSI1PK", s("PROGRAM#" + p.programId()), "GSI1SK", s("PROJECT#" + p.code()),
                "GSI2PK", s(CALENDAR), "GSI2SK", s(p.endDate() + "#" + p.id()),
                "data", s(TrainingTable.toJson(p)));
        var codeGuard = Map.of("PK", s("PROGRAM#" + p.programId()), "SK", s("PROJECTCODE#" + p.code().toUpperCase(java.util.Locale.ROOT)),
                "type", s("PROJECTCODE"), "projectId", s(p.id()));
        var root = new HashMap<String, AttributeValue>(Map.of("PK", s("PROJECT#" + p.id()), "SK", s("QUOTA#" + p.ownerJurisdiction()),
                "type", s("QUOTA"), "jurisdiction", s(p.ownerJurisdiction()), "quotaAllocated", n(0), "quotaUsed", n(0)));
        if (p.seats() == null) {
            root.put("quotaUnlimited", AttributeValue.fromBool(true));
            root.put("quotaFree", n(0));
        } else {
            root.put("quotaSeats", n(p.seats()));
            root.put("quotaFree", n(p.seats()));
        }
        var failed = table.transact(List.of(put(project), put(codeGuard), put(root)));
        return failed.isEmpty();
    }

    private TransactWriteItem put(Map<String, AttributeValue> item) {
        return TransactWriteItem.builder().put(Put.builder().tableName(table.name()).item(item)
                .conditionExpression("attribute_not_exists(PK)").build()).build();
    }

    @Override
    public Optional<Project> find(String id) {
        return table.get(itemKey(id)).map(DynamoDbProjects::read);
    }

    /** Beside the project's JSON, so the mark is one conditional update of the item, not a rewrite of what it holds. */
    @Override
    public void markCancelled(String id, java.time.Instant at) {
        var key = itemKey(id);
        table.client().updateItem(b -> b.tableName(table.name()).key(Map.of("PK", s(key.pk()), "SK", s(key.sk())))
                .updateExpression("SET cancelledAt = if_not_exists(cancelledAt, :at)").conditionExpression("attribute_exists(PK)")
                .expressionAttributeValues(Map.of(":at", s(at.toString()))));
    }

    /** The project's own item. */
    static TrainingTable.ItemKey itemKey(String id) {
        return new TrainingTable.ItemKey("PROJECT#" + id, "PROJECT");
    }

    @Override
    public List<Project> ofProgram(String programId) {
        return table.items(TrainingTable.GSI1, "PROGRAM#" + programId, "PROJECT#").map(DynamoDbProjects::read).toList();
    }

    /** GSI2 partition of every project by its end date: the scheduled reminders' calendar. */
    static final String CALENDAR = "PROJECT-CALENDAR";

    @Override
    public List<Project> endingOnOrAfter(java.time.LocalDate day) {
        return table.client().queryPaginator(QueryRequest.builder().tableName(table.name()).indexName(TrainingTable.GSI2)
                        .keyConditionExpression("GSI2PK = :pk AND GSI2SK >= :day")
                        .expressionAttributeValues(Map.of(":pk", s(CALENDAR), ":day", s(day.toString()))).build())
                .items().stream().map(DynamoDbProjects::read).toList();
    }

    static Project read(Map<String, AttributeValue> item) {
        var project = TrainingTable.fromJson(TrainingTable.str(item, "data"), Project.class);
        var cancelled = item.get("cancelledAt");
        return cancelled == null ? project : project.cancelled(java.time.Instant.parse(cancelled.s()));
    }
}
