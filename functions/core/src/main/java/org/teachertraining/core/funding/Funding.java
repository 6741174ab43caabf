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

    /** Records the expense only while the budget is APPROVED (checked in the same transaction); false otherwise. */
    boolean recordExpense(Expense expense);

    List<Expense> expenses(String projectId);

    void saveAttendance(String projectId, List<Attendance> attendance);

    List<Attendance> attendance(String projectId);

    /** Stores the settlement and moves the budget APPROVED → SETTLED in one transaction; false if it was not APPROVED. */
    boolean settle(Settlement settlement);

    Optional<Settlement> settlement(String projectId);
}
