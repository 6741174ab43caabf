package org.teachertraining.core.funding;

import org.teachertraining.core.common.Labels;
import org.teachertraining.core.common.Money;
import org.teachertraining.core.common.Refusal;
import org.teachertraining.core.common.Text;
import org.teachertraining.core.project.Project;

import java.util.Map;

/**
 * The refusals of the funding use cases, worded once. Each carries an {@code error} name, the same the
 * funding-check function throws, so a state machine's {@code Retry}/{@code Catch} and an API client
 * match one vocabulary.
 */
final class FundingRefusals {
    private FundingRefusals() {}

    static Refusal noBudget(String projectId) {
        return Refusal.notFound(Text.of("项目尚未提交预算：" + projectId, "Project " + projectId + " has no budget submitted"))
                .withDetails(Map.of("error", "NoBudget"));
    }

    static Refusal noStandards(Project p) {
        return Refusal.unprocessable("F1", Text.of("项目所属计划未设定经费标准", "The project's program has no funding standards"),
                Map.of("error", "NoFundingStandards", "programId", p.programId()));
    }

    static Refusal noSeats(Project p) {
        return Refusal.unprocessable("F2", Text.of("项目未设定学员人数（seats），无法核定经费上限",
                "The project has no seats: the ceiling is computed from its planned trainees"), Map.of("error", "NoSeats"));
    }

    static Refusal ceilingOutOfRange() {
        return Refusal.unprocessable("F2", Text.of("经费上限超出可核算范围：请核对经费标准的单价与项目的学员人数、天数和学时",
                "The ceiling is beyond what can be computed: check the standards' rates and the project's seats, days and hours"),
                Map.of("error", "CeilingOutOfRange"));
    }

    static Refusal notApproved(Budget.Status status) {
        return status == Budget.Status.SETTLED
                ? Refusal.conflict("F2", Text.of("项目已结算关闭，不能再列支", "The project is settled and closed: nothing more is spent"))
                        .withDetails(Map.of("error", "ProjectSettled"))
                : Refusal.conflict("F2", Text.of("项目预算尚未批准，不能列支", "The project's budget is not approved: nothing is spent before it"))
                        .withDetails(Map.of("error", "BudgetNotApproved"));
    }

    static Refusal receiptUsed(Expense stored) {
        String amount = Money.yuan(stored.amountFen());
        return Refusal.conflict("F2", Text.of(
                        "该票据已用于另一笔支出（" + stored.date() + "，" + Labels.zh(stored.category()) + "，" + amount + " 元）：一张票据只列支一次",
                        "The receipt backs another expense already (" + stored.date() + ", " + Labels.of(stored.category()).en() + ", " + amount
                                + " yuan): a receipt is spent once"))
                .withDetails(Map.of("error", "ReceiptAlreadyUsed", "expenseId", stored.id()));
    }

    static Refusal alreadyApproved() {
        return Refusal.conflict("F2", Text.of("预算已批准，不能再修改", "The budget is approved already and cannot be replaced"))
                .withDetails(Map.of("error", "BudgetApproved"));
    }
}
