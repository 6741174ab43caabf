package org.teachertraining.core.funding;

import java.time.Instant;
import java.time.LocalDate;

/** One expense of a project, with the receipt uploaded through the submissions path. */
public record Expense(String id, String projectId, BudgetCategory category, long amountFen, LocalDate date, String description,
                      String receiptSubmissionId, String recordedBy, Instant recordedAt) {}
