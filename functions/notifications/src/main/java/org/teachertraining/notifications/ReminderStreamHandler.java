package org.teachertraining.notifications;

import org.teachertraining.adapters.aws.FunctionEnvironment;
import org.teachertraining.adapters.aws.StreamEntry;

import java.util.Map;

/**
 * The Lambda entry point of the daily reminders (template.yaml's {@code Handler}): the schedule's event read from the
 * bytes Lambda hands over and the answer written back by {@link StreamEntry}, handled by {@link ReminderHandler}.
 */
public final class ReminderStreamHandler extends StreamEntry<Map<String, Object>, Map<String, Object>> {
    /** As Lambda makes it: the process environment and the system clock. */
    public ReminderStreamHandler() {
        this(FunctionEnvironment.lambda());
    }

    /** As the local runtime makes it: the function's own environment. */
    public ReminderStreamHandler(FunctionEnvironment environment) {
        super(new ReminderHandler(environment), StreamEntry::map);
    }
}
