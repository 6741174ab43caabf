package org.teachertraining.adapters.dynamodb;

import org.teachertraining.core.lifecycle.Lifecycles;
import org.teachertraining.core.lifecycle.ProjectLifecycle;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.teachertraining.adapters.dynamodb.TrainingTable.s;

/**
 * Under PROJECT#id: LIFECYCLE (the record as JSON), RATING#raterKey (a trainee's rating, kept without the
 * trainee: the key is one-way; put only if absent, so one per trainee), EXPERTSCORE#expert (one per expert),
 * BUREAURATING#jurisdiction (a sending bureau's rating, one per bureau).
 */
public final class DynamoDbLifecycles implements Lifecycles {
    private final TrainingTable table;

    public DynamoDbLifecycles(TrainingTable table) {
        this.table = table;
    }

    @Override
    public Optional<ProjectLifecycle> find(String projectId) {
        return table.read("PROJECT#" + projectId, "LIFECYCLE", ProjectLifecycle.class);
    }

    @Override
    public void save(ProjectLifecycle lifecycle) {
        table.client().putItem(b -> b.tableName(table.name()).item(item(lifecycle)));
    }

    @Override
    public boolean saveIfUnchanged(ProjectLifecycle next, ProjectLifecycle read) {
        try {
            table.client().putItem(b -> b.tableName(table.name()).item(item(next))
                    // a record from before updatedAt was kept beside the JSON has none: it is taken as unchanged
                    .conditionExpression("attribute_exists(PK) AND (attribute_not_exists(updatedAt) OR updatedAt = :read)").expressionAttributeValues(Map.of(":read", s(String.valueOf(read.updatedAt())))));
            return true;
        } catch (software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException changed) {
            return false;
        }
    }

    /** The record, with its phase and its {@code updatedAt} beside the JSON for conditions. */
    private static Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> item(ProjectLifecycle lifecycle) {
        return Map.of("PK", s("PROJECT#" + lifecycle.projectId()), "SK", s("LIFECYCLE"), "type", s("LIFECYCLE"), "phase", s(lifecycle.phase().name()),
                "updatedAt", s(String.valueOf(lifecycle.updatedAt())), "data", s(TrainingTable.toJson(lifecycle)));
    }

    @Override
    public boolean saveIfAbsent(ProjectLifecycle lifecycle) {
        try {
            table.client().putItem(b -> b.tableName(table.name()).item(item(lifecycle)).conditionExpression("attribute_not_exists(PK)"));
            return true;
        } catch (software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException exists) {
            return false;
        }
    }

    @Override
    public boolean rate(String projectId, String raterKey, int score, String comment) {
        var item = new HashMap<>(Map.of("PK", s("PROJECT#" + projectId), "SK", s("RATING#" + raterKey), "type", s("RATING"),
                "score", TrainingTable.n(score)));
        if (comment != null) item.put("comment", s(comment));
        try {
            table.client().putItem(b -> b.tableName(table.name()).item(item).conditionExpression("attribute_not_exists(PK)"));
            return true;
        } catch (software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException rated) {
            return false;
        }
    }

    @Override
    public List<Integer> ratings(String projectId) {
        return scores(projectId, "RATING#");
    }

    @Override
    public void score(String projectId, String expert, int score, String comment) {
        // one item per expert: a repeat replaces the score, so no expert can stuff the P1 average
        var item = new HashMap<>(Map.of("PK", s("PROJECT#" + projectId), "SK", s("EXPERTSCORE#" + expert),
                "type", s("EXPERTSCORE"), "score", TrainingTable.n(score)));
        if (comment != null) item.put("comment", s(comment));
        table.client().putItem(b -> b.tableName(table.name()).item(item));
    }

    @Override
    public void assignExpert(String projectId, String expert, String assignedBy, java.time.Instant at) {
        table.client().putItem(b -> b.tableName(table.name()).item(Map.of("PK", s("PROJECT#" + projectId), "SK", s("EXPERT#" + expert),
                "type", s("EXPERT"), "assignedBy", s(assignedBy), "assignedAt", s(at.toString()),
                "GSI1PK", s("EXPERT#" + expert), "GSI1SK", s("PROJECT#" + projectId))));
    }

    @Override
    public List<String> assignmentsOf(String expert) {
        return table.client().queryPaginator(b -> b.tableName(table.name()).indexName(TrainingTable.GSI1)
                        .keyConditionExpression("GSI1PK = :pk AND begins_with(GSI1SK, :sk)")
                        .expressionAttributeValues(Map.of(":pk", s("EXPERT#" + expert), ":sk", s("PROJECT#"))))
                .items().stream().map(i -> TrainingTable.str(i, "PK").substring("PROJECT#".length())).toList();
    }

    @Override
    public boolean isAssigned(String projectId, String expert) {
        return table.get("PROJECT#" + projectId, "EXPERT#" + expert).isPresent();
    }

    @Override
    public List<Integer> expertScores(String projectId) {
        return scores(projectId, "EXPERTSCORE#");
    }

    @Override
    public void rateAsBureau(String projectId, String jurisdiction, int score, String comment, String by, java.time.Instant at) {
        var item = new HashMap<>(Map.of("PK", s("PROJECT#" + projectId), "SK", s("BUREAURATING#" + jurisdiction),
                "type", s("BUREAURATING"), "score", TrainingTable.n(score), "by", s(by), "at", s(at.toString())));
        if (comment != null) item.put("comment", s(comment));
        table.client().putItem(b -> b.tableName(table.name()).item(item));
    }

    @Override
    public List<Integer> bureauRatings(String projectId) {
        return scores(projectId, "BUREAURATING#");
    }

    private List<Integer> scores(String projectId, String prefix) {
        return table.client().queryPaginator(b -> b.tableName(table.name()).consistentRead(true)
                        .keyConditionExpression("PK = :pk AND begins_with(SK, :sk)")
                        .expressionAttributeValues(Map.of(":pk", s("PROJECT#" + projectId), ":sk", s(prefix))))
                .items().stream().map(i -> TrainingTable.num(i, "score")).toList();
    }
}
