package org.teachertraining.adapters.dynamodb;

import org.teachertraining.core.notification.ReminderRuns;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

import static org.teachertraining.adapters.dynamodb.TrainingTable.s;

/** The reminders' last day: PK=SCHEDULE#reminders, SK=LASTDAY, {@code day}. */
public final class DynamoDbReminderRuns implements ReminderRuns {
    private final TrainingTable table;

    public DynamoDbReminderRuns(TrainingTable table) {
        this.table = table;
    }

    @Override
    public Optional<LocalDate> lastDay() {
        return table.get("SCHEDULE#reminders", "LASTDAY").map(i -> LocalDate.parse(TrainingTable.str(i, "day")));
    }

    @Override
    public void done(LocalDate day) {
        table.client().putItem(b -> b.tableName(table.name()).item(Map.of("PK", s("SCHEDULE#reminders"), "SK", s("LASTDAY"), "type", s("LASTDAY"),
                "day", s(day.toString()))));
    }
}
