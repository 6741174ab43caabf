package org.teachertraining.lifecycle;

import org.teachertraining.adapters.aws.Priming;
import org.teachertraining.adapters.dynamodb.StoredSelection;
import org.teachertraining.adapters.dynamodb.TrainingTable;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.core.type.TypeReference;
import org.teachertraining.adapters.aws.FunctionEnvironment;
import org.teachertraining.adapters.aws.StoredJson;
import org.teachertraining.adapters.dynamodb.DynamoDbEnrollments;
import org.teachertraining.adapters.dynamodb.DynamoDbIntegrityRecords;
import org.teachertraining.adapters.dynamodb.DynamoDbLedger;
import org.teachertraining.adapters.dynamodb.DynamoDbLifecycles;
import org.teachertraining.adapters.dynamodb.DynamoDbProjects;
import org.teachertraining.adapters.dynamodb.DynamoDbQuotas;
import org.teachertraining.adapters.dynamodb.DynamoDbSubmissions;
import org.teachertraining.adapters.sfn.SfnLifecycleEngine;
import org.teachertraining.core.jurisdiction.JurisdictionTree;
import org.teachertraining.core.lifecycle.LifecycleTasks;
import org.teachertraining.core.lifecycle.ProjectLifecycle;

import java.util.Map;


/**
 * The lifecycle state machine's tasks (infrastructure/statemachines/project-lifecycle.asl.json): input
 * {@code {"action": "…", "projectId": "…", "token"?, "executionArn"?, "completion"?, "after"?, "state"?}}, one use-case call per
 * action, its result as JSON. A step that cannot proceed throws a {@link LifecycleTaskError} whose class
 * names it for Retry/Catch.
 */
public class LifecycleTaskHandler implements RequestHandler<Map<String, Object>, Object> {
    private final LifecycleTasks tasks;
    private final TrainingTable table;
    private final FunctionEnvironment environment;
    /** Step Functions, made at the first handover only (a project's life longer than an execution's year): no start pays for it. */
    private software.amazon.awssdk.services.sfn.SfnClient sfn;

    /** In Lambda: the process environment and the system clock. */
    public LifecycleTaskHandler() {
        this(FunctionEnvironment.lambda());
    }

    /** The composition root, also used by the local runtime with the function's own environment and the platform's clock. */
    public LifecycleTaskHandler(FunctionEnvironment environment) {
        var table = environment.trainingTable();
        var tree = JurisdictionTree.china();
        this.tasks = new LifecycleTasks(new DynamoDbProjects(table), new DynamoDbEnrollments(table), new DynamoDbQuotas(table), new DynamoDbSubmissions(table),
                new DynamoDbLedger(table), new DynamoDbIntegrityRecords(table), new org.teachertraining.adapters.dynamodb.DynamoDbProjectResults(table),
                StoredSelection.releaseBannedSeats(table, tree, environment.clock()), new DynamoDbLifecycles(table), tree, environment.clock());
        this.table = table;
        this.environment = environment;
        Priming.beforeSnapshot("LifecycleFunction", this::prime);
    }

    /**
     * SnapStart priming ({@link Priming}), before the snapshot: the table's reads, a refused put and transaction, and the
     * JSON of the records it stores ({@link TrainingTable#prime}). Only requests its role allows (template.yaml); none
     * changes an item.
     */
    public void prime() {
        table.prime(TrainingTable.PrimingRequest.GET_ITEM, TrainingTable.PrimingRequest.QUERY, TrainingTable.PrimingRequest.PUT_ITEM);
    }

    @Override
    public Object handleRequest(Map<String, Object> input, Context context) {
        String action = text(input, "action");
        String projectId = text(input, "projectId");
        try {
            Object result = switch (action) {
                case "recordApplication" -> {
                    var dates = StoredJson.MAPPER.convertValue(tasks.recordApplication(projectId, text(input, "executionArn")), new TypeReference<Map<String, Object>>() {});
                    dates.putAll(tasks.handover());
                    yield dates;
                }
                case "continueInNewExecution" -> {
                    String executionArn = text(input, "executionArn");
                    if (!(input.get("state") instanceof Map<?, ?> state)) throw new LifecycleTaskError.InvalidInput("state is required, got " + input);
                    @SuppressWarnings("unchecked") var from = (Map<String, Object>) state;
                    yield Map.of("continuedIn", tasks.continueInNewExecution(projectId, executionArn, from, SfnLifecycleEngine.ofExecution(sfn(), executionArn)));
                }
                case "awaitApproval" -> {
                    tasks.awaitApproval(projectId, text(input, "token"));
                    yield Map.of("waitingFor", "APPROVAL");
                }
                case "openSelection" -> {
                    tasks.openSelection(projectId);
                    yield Map.of("phase", "SELECTION_OPEN");
                }
                case "closeSelection" -> tasks.closeSelection(projectId);
                case "preStartChecks" -> Map.of("findings", tasks.preStartChecks(projectId));
                case "markNoShows" -> tasks.markNoShows(projectId, optionalText(input, "after"));
                case "awaitCompletion" -> {
                    tasks.awaitCompletion(projectId, text(input, "token"));
                    yield Map.of("waitingFor", "COMPLETION");
                }
                case "confirmCreditsPosted" -> {
                    tasks.confirmCreditsPosted(projectId, StoredJson.MAPPER.convertValue(input.get("completion"), ProjectLifecycle.CompletionSummary.class));
                    yield Map.of("phase", "CREDITS_POSTED");
                }
                case "checkDeliverables" -> tasks.checkDeliverables(projectId);
                case "evaluate" -> tasks.evaluate(projectId);
                case "close" -> {
                    tasks.close(projectId);
                    yield Map.of("phase", "CLOSED");
                }
                default -> throw new LifecycleTaskError.InvalidInput("unknown action " + action);
            };
            return StoredJson.MAPPER.convertValue(result, new TypeReference<Object>() {});
        } catch (LifecycleTasks.StepFailed e) {
            throw LifecycleTaskError.named(e.name, e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new LifecycleTaskError.InvalidInput(e.getMessage());
        }
    }

    private synchronized software.amazon.awssdk.services.sfn.SfnClient sfn() {
        if (sfn == null) sfn = environment.sfn();
        return sfn;
    }

    /** The field's text, or null when it is absent; anything else there is invalid input. */
    private static String optionalText(Map<String, Object> input, String field) {
        return input == null || input.get(field) == null ? null : text(input, field);
    }

    private static String text(Map<String, Object> input, String field) {
        Object v = input == null ? null : input.get(field);
        if (!(v instanceof String s) || s.isBlank()) throw new LifecycleTaskError.InvalidInput(field + " is required, got " + input);
        return s;
    }
}
