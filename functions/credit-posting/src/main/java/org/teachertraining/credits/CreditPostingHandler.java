package org.teachertraining.credits;

import org.teachertraining.adapters.aws.Priming;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.teachertraining.adapters.aws.FunctionEnvironment;
import org.teachertraining.adapters.dynamodb.DynamoDbComplianceAggregates;
import org.teachertraining.adapters.dynamodb.DynamoDbCompletionRecords;
import org.teachertraining.adapters.dynamodb.DynamoDbProjectResults;
import org.teachertraining.adapters.dynamodb.DynamoDbPrograms;
import org.teachertraining.adapters.s3.StoredCertificates;
import org.teachertraining.core.common.Outcome;
import org.teachertraining.core.credit.Completion;
import org.teachertraining.core.credit.CheckCompletion;
import org.teachertraining.core.credit.ComplianceRollover;
import org.teachertraining.adapters.dynamodb.DynamoDbTeachers;
import org.teachertraining.adapters.sqs.SqsComplianceRollover;
import org.teachertraining.core.jurisdiction.JurisdictionTree;
import org.teachertraining.core.credit.PostCompletion;
import org.teachertraining.core.credit.RefreshCompliance;
import org.teachertraining.core.credit.RequirementBook;
import org.teachertraining.core.credit.Requirements;
import org.teachertraining.adapters.dynamodb.DynamoDbRequirementVersions;
import org.teachertraining.adapters.dynamodb.StoredSelection;
import org.teachertraining.adapters.dynamodb.TrainingTable;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;


/**
 * Consumes the credit-posting queue (message schema: docs/credits.md). Each message is one completion (or a part of one, at
 * most ten results: {@code SqsCompletionQueue}), or one page of
 * the compliance rollover's work at the turn of a year ({@link ComplianceRollover});
 * a message that cannot be read or is refused is reported as a batch item failure, so it comes back and,
 * after the queue's maxReceiveCount, lands in the dead-letter queue, while the rest of the batch posts.
 * Posting is idempotent (C5), so redelivery and concurrent consumers post once.
 */
public class CreditPostingHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final PostCompletion postCompletion;
    private final ComplianceRollover rollover;
    private final TrainingTable table;

    /** In Lambda: the process environment and the system clock. */
    public CreditPostingHandler() {
        this(FunctionEnvironment.lambda());
    }

    /** The composition root, also used by the local runtime with the function's own environment and the platform's clock. */
    public CreditPostingHandler(FunctionEnvironment environment) {
        var table = environment.trainingTable();
        var s3 = environment.s3();
        var requirements = new RequirementBook(Requirements.seeds(), new DynamoDbRequirementVersions(table), RequirementBook.KEEP);
        var aggregates = new DynamoDbComplianceAggregates(table);
        var refresh = new RefreshCompliance(requirements, aggregates, environment.clock());
        this.postCompletion = new PostCompletion(new CheckCompletion(new DynamoDbCompletionRecords(table), new DynamoDbPrograms(table), requirements), new DynamoDbProjectResults(table),
                new StoredCertificates(table, s3, environment.require("CERTIFICATES_BUCKET")), refresh,
                StoredSelection.releaseBannedSeats(table, JurisdictionTree.china(), environment.clock()));
        this.rollover = new ComplianceRollover(requirements, JurisdictionTree.china(), new DynamoDbTeachers(table), refresh, aggregates,
                new SqsComplianceRollover(environment.sqs(), environment.require("CREDIT_POSTING_QUEUE_URL")),
                new org.teachertraining.adapters.sqs.SqsNotificationQueue(environment.sqs(), environment.require("NOTIFICATION_QUEUE_URL")), environment.clock());
        this.table = table;
        Priming.beforeSnapshot("CreditPostingFunction", this::prime);
    }

    /**
     * SnapStart priming ({@link Priming}), before the snapshot: each request a posting makes of the table (reads, and a
     * put and a transaction that DynamoDB refuses) and the JSON of the records it stores, then a completion for a project
     * that does not exist, read from its JSON, checked and refused. Only requests its role allows (template.yaml), and
     * none changes an item ({@link TrainingTable#prime}).
     */
    public void prime() {
        table.prime(TrainingTable.PrimingRequest.GET_ITEM, TrainingTable.PrimingRequest.BATCH_GET_ITEM, TrainingTable.PrimingRequest.QUERY,
                TrainingTable.PrimingRequest.PUT_ITEM);
        try {
            postCompletion.execute(JSON.readValue(PRIMING_COMPLETION, Completion.class));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The completion priming reads, as a message carries it (docs/credits.md), for a project that does not exist. */
    private static final String PRIMING_COMPLETION = """
            {"completionId": "PRIMING", "projectId": "PRIMING", "institutionId": "PRIMING",
             "results": [{"teacherId": "PRIMING", "outcome": "PASSED", "hours": {"CENTRALIZED": 1}, "topic": null}],
             "recordedBy": "PRIMING", "recordedAt": "1970-01-01T08:00:00+08:00"}
            """;

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        var failures = new ArrayList<SQSBatchResponse.BatchItemFailure>();
        for (var message : event.getRecords()) {
            var log = new LinkedHashMap<String, Object>();
            log.put("messageId", message.getMessageId());
            log.put("receiveCount", message.getAttributes() == null ? null : message.getAttributes().get("ApproximateReceiveCount"));
            try {
                var work = SqsComplianceRollover.read(message.getBody());
                if (work.isPresent()) {
                    log.put("complianceRefresh", work.get().unit());
                    log.put("refreshed", rollover.refresh(work.get()));
                    log.put("level", "INFO");
                    print(log);
                    continue;
                }
                var completion = JSON.readValue(message.getBody(), Completion.class);
                log.put("completionId", completion.completionId());
                var outcome = postCompletion.execute(completion);
                if (outcome instanceof Outcome.Done<PostCompletion.Posted> done) {
                    log.put("level", "INFO");
                    log.put("posted", done.value().posted());
                    log.put("alreadyPosted", done.value().alreadyPosted());
                    log.put("heldByAnotherCompletion", done.value().heldByAnother());
                } else {
                    log.put("level", "ERROR");
                    log.put("refused", ((Outcome.Refused<PostCompletion.Posted>) outcome).refusal().message().en());
                    failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
                }
            } catch (Exception e) {
                log.put("level", "ERROR");
                log.put("error", e.getClass().getName() + ": " + e.getMessage());
                failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
            }
            print(log);
        }
        return new SQSBatchResponse(failures);
    }

    private static void print(Map<String, Object> line) {
        try {
            System.out.println(JSON.writeValueAsString(line));
        } catch (Exception ignored) {
            System.out.println(line);
        }
    }
}
