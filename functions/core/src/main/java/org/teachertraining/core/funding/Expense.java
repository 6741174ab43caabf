package org.teachertraining.core.funding;

import java.time.Instant;
import java.time.LocalDate;

/** One expense of a project, with the receipt uploaded through the submissions path; a receipt backs one expense. */
public record Expense(String id, String projectId, BudgetCategory category, long amountFen, LocalDate date, String description,
                      String receiptSubmissionId, String recordedBy, Instant recordedAt) {

    /** The same spending on the same receipt, whoever recorded it and when. */
    public boolean sameAs(Expense other) {
        return projectId.equals(other.projectId) && category == other.category && amountFen == other.amountFen && date.equals(other.date)
                && description.equals(other.description) && receiptSubmissionId.equals(other.receiptSubmissionId);
    }
}
