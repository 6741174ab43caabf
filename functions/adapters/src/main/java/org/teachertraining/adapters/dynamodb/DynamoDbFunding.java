package org.teachertraining.adapters.dynamodb;

import org.teachertraining.core.funding.Attendance;
import org.teachertraining.core.funding.Budget;
import org.teachertraining.core.funding.Expense;
import org.teachertraining.core.funding.Funding;
import org.teachertraining.core.funding.ProgramStandards;
import org.teachertraining.core.funding.Settlement;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.teachertraining.adapters.dynamodb.TrainingTable.s;

/**
 * Funding records. Standards: PROGRAM#id / FUNDINGSTANDARDS. Under PROJECT#id: BUDGET (with {@code status}),
 * EXPENSE#recordedAt#id, RECEIPTUSE#submissionId, ATTENDANCE#teacherId, SETTLEMENT. An expense is put in one
 * transaction with a condition on the budget being APPROVED and its receipt's claim (put only if absent), so a
 * receipt backs one expense however often it is sent; the settlement is put in one transaction with the budget's
 * move APPROVED → SETTLED, so no expense lands on a settled project, however they race.
 */
public final class DynamoDbFunding implements Funding {
    private static final Map<String, String> STATUS = Map.of("#status", "status");
    /** The receipt's claim: one item per receipt spent, holding the expense it backs. */
    private static final String RECEIPT_USE = "RECEIPTUSE#";
    private final TrainingTable table;

    public DynamoDbFunding(TrainingTable table) {
        this.table = table;
    }

    @Override
    public void saveStandards(ProgramStandards standards) {
        table.client().putItem(b -> b.tableName(table.name()).item(Map.of("PK", s("PROGRAM#" + standards.programId()), "SK", s("FUNDINGSTANDARDS"),
                "type", s("FUNDINGSTANDARDS"), "data", s(TrainingTable.toJson(standards)))));
    }

    @Override
    public Optional<ProgramStandards> standards(String programId) {
        return table.read("PROGRAM#" + programId, "FUNDINGSTANDARDS", ProgramStandards.class);
    }

    @Override
    public boolean submitBudget(Budget budget) {
        return conditionally(() -> table.client().putItem(b -> b.tableName(table.name()).item(budgetItem(budget))
                .conditionExpression("attribute_not_exists(PK) OR #status = :submitted").expressionAttributeNames(STATUS)
                .expressionAttributeValues(Map.of(":submitted", s(Budget.Status.SUBMITTED.name())))));
    }

    @Override
    public Optional<Budget> budget(String projectId) {
        return table.read("PROJECT#" + projectId, "BUDGET", Budget.class);
    }

    @Override
    public boolean approveBudget(String projectId, Instant submittedAt, String by, Instant at) {
        var current = budget(projectId);
        if (current.isEmpty()) return false;
        var b = current.get();
        var approved = new Budget(projectId, b.lines(), Budget.Status.APPROVED, b.submittedBy(), b.submittedAt(), by, at);
        return conditionally(() -> table.client().putItem(r -> r.tableName(table.name()).item(budgetItem(approved))
                .conditionExpression("#status = :submitted AND submittedAt = :at").expressionAttributeNames(STATUS)
                .expressionAttributeValues(Map.of(":submitted", s(Budget.Status.SUBMITTED.name()), ":at", s(submittedAt.toString())))));
    }

    @Override
    public ExpenseWrite recordExpense(Expense e) {
        String pk = "PROJECT#" + e.projectId();
        String json = TrainingTable.toJson(e);
        var failed = table.transact(List.of(
                TransactWriteItem.builder().conditionCheck(ConditionCheck.builder().tableName(table.name())
                        .key(TrainingTable.key(pk, "BUDGET")).conditionExpression("#status = :approved")
                        .expressionAttributeNames(STATUS).expressionAttributeValues(Map.of(":approved", s(Budget.Status.APPROVED.name()))).build()).build(),
                TransactWriteItem.builder().put(Put.builder().tableName(table.name()).item(Map.of("PK", s(pk),
                        "SK", s("EXPENSE#" + e.recordedAt() + "#" + e.id()), "type", s("EXPENSE"), "data", s(json)))
                        .conditionExpression("attribute_not_exists(PK)").build()).build(),
                TransactWriteItem.builder().put(Put.builder().tableName(table.name()).item(Map.of("PK", s(pk),
                        "SK", s(RECEIPT_USE + e.receiptSubmissionId()), "type", s("RECEIPTUSE"), "data", s(json)))
                        .conditionExpression("attribute_not_exists(PK)").build()).build()));
        if (failed.isEmpty()) return ExpenseWrite.RECORDED;
        return TrainingTable.failed(failed.get(), 2) ? ExpenseWrite.RECEIPT_USED : ExpenseWrite.BUDGET_NOT_APPROVED;
    }

    @Override
    public Optional<Expense> expenseWithReceipt(String projectId, String receiptSubmissionId) {
        return table.read("PROJECT#" + projectId, RECEIPT_USE + receiptSubmissionId, Expense.class);
    }

    @Override
    public List<Expense> expenses(String projectId) {
        return query(projectId, "EXPENSE#", Expense.class);
    }

    @Override
    public void saveAttendance(String projectId, List<Attendance> attendance) {
        table.putAll(attendance.stream().map(a -> Map.of("PK", s("PROJECT#" + projectId), "SK", s("ATTENDANCE#" + a.teacherId()),
                "type", s("ATTENDANCE"), "data", s(TrainingTable.toJson(a)))).toList());
    }

    @Override
    public List<Attendance> attendance(String projectId) {
        return query(projectId, "ATTENDANCE#", Attendance.class);
    }

    @Override
    public boolean settle(Settlement settlement) {
        var current = budget(settlement.projectId());
        if (current.isEmpty()) return false;
        var b = current.get();
        var settled = new Budget(b.projectId(), b.lines(), Budget.Status.SETTLED, b.submittedBy(), b.submittedAt(), b.approvedBy(), b.approvedAt());
        var failed = table.transact(List.of(
                TransactWriteItem.builder().put(Put.builder().tableName(table.name()).item(budgetItem(settled))
                        .conditionExpression("#status = :approved").expressionAttributeNames(STATUS)
                        .expressionAttributeValues(Map.of(":approved", s(Budget.Status.APPROVED.name()))).build()).build(),
                TransactWriteItem.builder().put(Put.builder().tableName(table.name()).item(Map.of("PK", s("PROJECT#" + settlement.projectId()),
                        "SK", s("SETTLEMENT"), "type", s("SETTLEMENT"), "data", s(TrainingTable.toJson(settlement))))
                        .conditionExpression("attribute_not_exists(PK)").build()).build()));
        return failed.isEmpty();
    }

    @Override
    public Optional<Settlement> settlement(String projectId) {
        return table.read("PROJECT#" + projectId, "SETTLEMENT", Settlement.class);
    }

    private static Map<String, AttributeValue> budgetItem(Budget b) {
        return Map.of("PK", s("PROJECT#" + b.projectId()), "SK", s("BUDGET"), "type", s("BUDGET"),
                "status", s(b.status().name()), "submittedAt", s(b.submittedAt().toString()), "data", s(TrainingTable.toJson(b)));
    }

    private <T> List<T> query(String projectId, String prefix, Class<T> type) {
        return table.client().queryPaginator(b -> b.tableName(table.name()).consistentRead(true)
                        .keyConditionExpression("PK = :pk AND begins_with(SK, :sk)")
                        .expressionAttributeValues(Map.of(":pk", s("PROJECT#" + projectId), ":sk", s(prefix))))
                .items().stream().map(i -> TrainingTable.fromJson(TrainingTable.str(i, "data"), type)).toList();
    }

    private static boolean conditionally(Runnable write) {
        try {
            write.run();
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }
}
