package org.teachertraining.core.funding;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Port: funding standards, budgets, spending, attendance and settlements. Status changes are conditional writes. */
public interface Funding {
    void saveStandards(ProgramStandards standards);

    Optional<ProgramStandards> standards(String programId);

    /** Stores a submitted budget unless the project's budget is approved or settled already; false then. */
    boolean submitBudget(Budget budget);

    Optional<Budget> budget(String projectId);

    /** SUBMITTED → APPROVED; false if the budget was no longer the submitted one. */
    boolean approveBudget(String projectId, Instant submittedAt, String by, Instant at);

    /** What became of an expense to record. */
    enum ExpenseWrite {
        RECORDED,
        /** nothing written: the budget is not APPROVED (not yet, or settled) */
        BUDGET_NOT_APPROVED,
        /** nothing written: the receipt backs an expense already ({@link #expenseWithReceipt}) */
        RECEIPT_USED
    }

    /**
     * Records the expense only while the budget is APPROVED and its receipt backs no other expense, both checked in
     * the same transaction; where both fail, {@link ExpenseWrite#RECEIPT_USED}.
     */
    ExpenseWrite recordExpense(Expense expense);

    /** The expense the receipt backs, if one was recorded with it. */
    Optional<Expense> expenseWithReceipt(String projectId, String receiptSubmissionId);

    List<Expense> expenses(String projectId);

    void saveAttendance(String projectId, List<Attendance> attendance);

    List<Attendance> attendance(String projectId);

    /** Stores the settlement and moves the budget APPROVED → SETTLED in one transaction; false if it was not APPROVED. */
    boolean settle(Settlement settlement);

    Optional<Settlement> settlement(String projectId);
}
