package org.teachertraining.funding;

import org.teachertraining.adapters.aws.Priming;
import org.teachertraining.adapters.dynamodb.TrainingTable;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.core.type.TypeReference;
import org.teachertraining.adapters.aws.FunctionEnvironment;
import org.teachertraining.adapters.aws.StoredJson;
import org.teachertraining.adapters.dynamodb.DynamoDbFunding;
import org.teachertraining.adapters.dynamodb.DynamoDbProjects;
import org.teachertraining.core.common.Outcome;
import org.teachertraining.core.funding.BudgetCheck;
import org.teachertraining.core.funding.ProjectBudget;
import org.teachertraining.core.identity.Access;
import org.teachertraining.core.jurisdiction.JurisdictionTree;

import java.util.Map;


/**
 * The funding check (F2) as a Step Functions task: input {@code {"projectId": "…"}}; output the check
 * ({@code projectId, passed, ceilingFen, budgetFen, ceiling, findings}) — a budget over its ceiling is a
 * result ({@code passed: false}) for a Choice state, not an error. When the check cannot be made it throws
 * a {@link FundingCheckError} whose class names the reason (docs/funding.md).
 */
public class FundingCheckHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    private final ProjectBudget budgets;
    private final TrainingTable table;

    /** In Lambda: the process environment and the system clock. */
    public FundingCheckHandler() {
        this(FunctionEnvironment.lambda());
    }

    /** The composition root, also used by the local runtime with the function's own environment and the platform's clock. */
    public FundingCheckHandler(FunctionEnvironment environment) {
        var table = environment.trainingTable();
        this.budgets = new ProjectBudget(new DynamoDbProjects(table), new DynamoDbFunding(table), new Access(JurisdictionTree.china()),
                environment.clock());
        this.table = table;
        Priming.beforeSnapshot("FundingCheckFunction", this::prime);
    }

    /**
     * SnapStart priming ({@link Priming}), before the snapshot: the table's reads and the JSON of the records it stores
     * ({@link TrainingTable#prime}), then the whole check for a project that does not exist (ends in NoSuchProject).
     * Only requests its role allows (template.yaml); none changes an item.
     */
    public void prime() {
        table.prime(TrainingTable.PrimingRequest.GET_ITEM, TrainingTable.PrimingRequest.QUERY);
        try {
            handleRequest(Map.of("projectId", "PRIMING"), null);
        } catch (FundingCheckError expected) {
            // the answer for a project that does not exist
        }
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
        Object projectId = input == null ? null : input.get("projectId");
        if (!(projectId instanceof String id) || id.isBlank()) {
            throw new FundingCheckError.InvalidInput("input must be {\"projectId\": \"…\"}, got " + input);
        }
        var outcome = budgets.check(id);
        if (outcome instanceof Outcome.Refused<BudgetCheck> r) {
            throw FundingCheckError.named((String) r.refusal().details().get("error"), r.refusal().message().en());
        }
        return StoredJson.MAPPER.convertValue(((Outcome.Done<BudgetCheck>) outcome).value(), new TypeReference<Map<String, Object>>() {});
    }
}
