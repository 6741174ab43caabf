package org.teachertraining.core.funding;

import org.teachertraining.core.project.ProjectAccess;
import org.teachertraining.core.common.ChinaTime;
import org.teachertraining.core.common.Money;
import org.teachertraining.core.common.NotFound;
import org.teachertraining.core.common.Outcome;
import org.teachertraining.core.common.Violations;
import org.teachertraining.core.identity.Access;
import org.teachertraining.core.identity.Caller;
import org.teachertraining.core.project.Projects;
import org.teachertraining.core.submission.Submission;
import org.teachertraining.core.submission.SubmissionKind;
import org.teachertraining.core.submission.Submissions;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Spending (F2, 专款专用): the project's institution records each expense with an accepted receipt; only
 * while the budget is approved and the project not settled, and each receipt for one expense (both enforced
 * with the write). The same expense sent again answers what was recorded. Running totals per category against
 * the budget flag the categories spent over.
 */
public final class ProjectSpending {
    public record Command(BudgetCategory category, BigDecimal amount, LocalDate date, String description, String receiptSubmissionId) {}

    /** An expense recorded now ({@code created}), or found recorded before with the same receipt and content. */
    public record Recorded(Expense expense, boolean created) {}

    /** @param over spent more than budgeted */
    public record CategoryTotal(BudgetCategory category, long budgetedFen, long spentFen, long remainingFen, boolean over) {}

    public record Overview(String projectId, Budget.Status budgetStatus, long budgetedFen, long spentFen, long remainingFen,
                           List<CategoryTotal> categories, List<BudgetCategory> overBudget, List<Expense> expenses) {}

    private final Projects projects;
    private final Funding funding;
    private final Submissions submissions;
    private final Access access;
    private final Clock clock;

    public ProjectSpending(Projects projects, Funding funding, Submissions submissions, Access access, Clock clock) {
        this.projects = projects;
        this.funding = funding;
        this.submissions = submissions;
        this.access = access;
        this.clock = clock;
    }

    public Outcome<Recorded> record(Caller caller, String projectId, Command c) {
        var project = projects.find(projectId);
        if (project.isEmpty()) return Outcome.refused(NotFound.project(projectId));
        var denied = ProjectAccess.institution(caller, project.get());
        if (denied.isPresent()) return Outcome.refused(denied.get());
        var v = new Violations();
        v.required("category", c.category());
        Long fen = Money.fen(v, "amount", c.amount());
        if (fen != null && fen == 0) v.add("amount", "金额须大于 0", "must be more than 0");
        if (v.required("date", c.date())) {
            // spending for a project is incurred around its training: a date years before it is a slip of the year
            LocalDate earliest = project.get().startDate().minusYears(1).withDayOfYear(1);
            if (c.date().isAfter(ChinaTime.today(clock))) v.add("date", "不能晚于今天", "must not be in the future");
            else if (c.date().isBefore(earliest)) {
                v.add("date", "不能早于 " + earliest + "（项目开始前一年的年初）", "must not be before " + earliest + " (the start of the year before the project's start)");
            }
        }
        v.text("description", c.description(), 500);
        if (v.required("receiptSubmissionId", c.receiptSubmissionId())) {
            var receipt = submissions.find(projectId, c.receiptSubmissionId());
            if (receipt.isEmpty() || receipt.get().kind() != SubmissionKind.RECEIPT) {
                v.add("receiptSubmissionId", "不是本项目的票据提交", "is not a receipt submitted for this project (kind RECEIPT)");
            } else if (receipt.get().status() != Submission.Status.ACCEPTED) {
                v.add("receiptSubmissionId", "票据尚未通过检查：" + org.teachertraining.core.common.Labels.zh(receipt.get().status()),
                        "the receipt is " + receipt.get().status() + ", not ACCEPTED");
            }
        }
        if (!v.isEmpty()) return Outcome.refused(v.refusal());
        var expense = new Expense(UUID.randomUUID().toString(), projectId, c.category(), fen, c.date(), c.description().strip(),
                c.receiptSubmissionId(), caller.userId(), clock.instant());
        return switch (funding.recordExpense(expense)) {
            case RECORDED -> Outcome.done(new Recorded(expense, true));
            case BUDGET_NOT_APPROVED -> Outcome.refused(FundingRefusals.notApproved(funding.budget(projectId).map(Budget::status).orElse(Budget.Status.SUBMITTED)));
            case RECEIPT_USED -> {
                var stored = funding.expenseWithReceipt(projectId, c.receiptSubmissionId())
                        .orElseThrow(() -> new IllegalStateException("receipt " + c.receiptSubmissionId() + " is taken, but by no expense"));
                yield stored.sameAs(expense) ? Outcome.done(new Recorded(stored, false)) : Outcome.refused(FundingRefusals.receiptUsed(stored));
            }
        };
    }

    public Outcome<Overview> overview(Caller caller, String projectId) {
        var project = projects.find(projectId);
        if (project.isEmpty()) return Outcome.refused(NotFound.project(projectId));
        var denied = ProjectAccess.institutionOrOwnerAdmins(access, caller, project.get());
        if (denied.isPresent()) return Outcome.refused(denied.get());
        var budget = funding.budget(projectId);
        var expenses = funding.expenses(projectId);
        var totals = new ArrayList<CategoryTotal>();
        for (var category : BudgetCategory.values()) {
            long budgeted = budget.map(b -> b.amountFen(category)).orElse(0L);
            long spent = expenses.stream().filter(e -> e.category() == category).mapToLong(Expense::amountFen).sum();
            if (budgeted == 0 && spent == 0) continue;
            totals.add(new CategoryTotal(category, budgeted, spent, budgeted - spent, spent > budgeted));
        }
        long budgeted = budget.map(Budget::totalFen).orElse(0L);
        long spent = expenses.stream().mapToLong(Expense::amountFen).sum();
        return Outcome.done(new Overview(projectId, budget.map(Budget::status).orElse(null), budgeted, spent, budgeted - spent, totals,
                totals.stream().filter(CategoryTotal::over).map(CategoryTotal::category).toList(), expenses));
    }
}
