package org.teachertraining.adapters.dynamodb;

import org.teachertraining.core.submission.ReportedClasses;
import org.teachertraining.core.submission.Submission;
import org.teachertraining.core.submission.Submissions;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.teachertraining.adapters.dynamodb.TrainingTable.s;

/**
 * Submissions: PK=PROJECT#id, SK=SUBMISSION#submissionId (the record as JSON, {@code status}). One file for
 * one deliverable is guarded by PK=PROJECT#id, SK=SUBMISSIONFILE#kind#class#sha256 → {@code submissionId},
 * written in the same transaction as the submission, so two requests for the same file make one. Reported
 * class dates: PK=PROJECT#id, SK=CLASSES.
 */
public final class DynamoDbSubmissions implements Submissions {
    private static final int MAX_ATTEMPTS = 5;
    private final TrainingTable table;

    public DynamoDbSubmissions(TrainingTable table) {
        this.table = table;
    }

    @Override
    public Submission putUnlessSameFile(Submission s) {
        String pk = "PROJECT#" + s.projectId(), guardSk = "SUBMISSIONFILE#" + s.fileIdentity();
        for (int attempt = 1; ; attempt++) {
            var standing = table.get(pk, guardSk).map(g -> TrainingTable.str(g, "submissionId"));
            var guardPut = Put.builder().tableName(table.name())
                    .item(Map.of("PK", s(pk), "SK", s(guardSk), "type", s("SUBMISSIONFILE"), "submissionId", s(s.id())));
            if (standing.isPresent()) {
                var earlier = find(s.projectId(), standing.get()).orElseThrow();
                if (earlier.status() != Submission.Status.REJECTED) return earlier;
                // the earlier upload of this file was rejected: this request takes the guard over, unless another did first
                guardPut.conditionExpression("submissionId = :earlier").expressionAttributeValues(Map.of(":earlier", s(earlier.id())));
            } else {
                guardPut.conditionExpression("attribute_not_exists(PK)");
            }
            var failed = table.transact(List.of(TransactWriteItem.builder().put(guardPut.build()).build(),
                    TransactWriteItem.builder().put(Put.builder().tableName(table.name()).item(item(s))
                            .conditionExpression("attribute_not_exists(PK)").build()).build()));
            if (failed.isEmpty()) return s;
            if (attempt >= MAX_ATTEMPTS) throw new IllegalStateException("the file guard of " + guardSk + " keeps changing");
        }
    }

    @Override
    public void put(Submission s) {
        table.client().putItem(b -> b.tableName(table.name()).item(item(s)).conditionExpression("attribute_not_exists(PK)"));
    }

    @Override
    public Optional<Submission> find(String projectId, String submissionId) {
        return table.read("PROJECT#" + projectId, "SUBMISSION#" + submissionId, Submission.class);
    }

    @Override
    public List<Submission> ofProject(String projectId) {
        return table.client().queryPaginator(b -> b.tableName(table.name()).consistentRead(true)
                        .keyConditionExpression("PK = :pk AND begins_with(SK, :sk)")
                        .expressionAttributeValues(Map.of(":pk", s("PROJECT#" + projectId), ":sk", s("SUBMISSION#"))))
                .items().stream().map(i -> TrainingTable.fromJson(TrainingTable.str(i, "data"), Submission.class)).toList();
    }

    @Override
    public boolean decide(Submission decided) {
        try {
            table.client().putItem(b -> b.tableName(table.name()).item(item(decided))
                    .conditionExpression("#status = :awaiting").expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(Map.of(":awaiting", s(Submission.Status.AWAITING_UPLOAD.name()))));
            return true;
        } catch (ConditionalCheckFailedException decidedAlready) {
            return false;
        }
    }

    @Override
    public void reportClasses(ReportedClasses classes) {
        table.client().putItem(b -> b.tableName(table.name()).item(Map.of("PK", s("PROJECT#" + classes.projectId()), "SK", s("CLASSES"),
                "type", s("CLASSES"), "data", s(TrainingTable.toJson(classes)))));
    }

    @Override
    public Optional<ReportedClasses> classes(String projectId) {
        return table.read("PROJECT#" + projectId, "CLASSES", ReportedClasses.class);
    }

    private static Map<String, AttributeValue> item(Submission s) {
        return Map.of("PK", s("PROJECT#" + s.projectId()), "SK", s("SUBMISSION#" + s.id()), "type", s("SUBMISSION"),
                "status", s(s.status().name()), "data", s(TrainingTable.toJson(s)));
    }
}
