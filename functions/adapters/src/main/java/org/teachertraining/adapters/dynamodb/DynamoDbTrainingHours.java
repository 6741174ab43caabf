package org.teachertraining.adapters.dynamodb;

import org.teachertraining.core.enrollment.TrainingHours;

/**
 * Hours credited per teacher and year: the aggregate item PK=TEACHER#id, SK=HOURS#year with a number
 * attribute {@code hours}, maintained by credit posting. No item means no hours credited.
 */
public final class DynamoDbTrainingHours implements TrainingHours {
    private final TrainingTable table;

    public DynamoDbTrainingHours(TrainingTable table) {
        this.table = table;
    }

    @Override
    public int creditedIn(String teacherId, int year) {
        return table.get("TEACHER#" + teacherId, "HOURS#" + year).map(i -> TrainingTable.num(i, "hours")).orElse(0);
    }
}
