package org.teachertraining.core.funding;

import java.time.Instant;
import java.util.List;

/**
 * A project's budget as its institution submitted it, and where it stands: submitted (may be replaced),
 * approved by the province (spending may be recorded), settled (closed: nothing more is spent).
 */
public record Budget(String projectId, List<Line> lines, Status status, String submittedBy, Instant submittedAt,
                     String approvedBy, Instant approvedAt) {
    public enum Status { SUBMITTED, APPROVED, SETTLED }

    /** @param justification the calculation behind the amount (测算依据) */
    public record Line(BudgetCategory category, long amountFen, String justification) {}

    public Budget {
        lines = List.copyOf(lines);
    }

    public long totalFen() {
        return lines.stream().mapToLong(Line::amountFen).sum();
    }

    public long amountFen(BudgetCategory category) {
        return lines.stream().filter(l -> l.category() == category).mapToLong(Line::amountFen).sum();
    }
}
