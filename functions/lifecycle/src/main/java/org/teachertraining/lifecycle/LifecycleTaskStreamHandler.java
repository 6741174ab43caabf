package org.teachertraining.lifecycle;

import org.teachertraining.adapters.aws.FunctionEnvironment;
import org.teachertraining.adapters.aws.StreamEntry;

import java.util.Map;

/**
 * The Lambda entry point of the lifecycle's tasks (template.yaml's {@code Handler}): the Step Functions task's input
 * read from the bytes Lambda hands over and the answer written back by {@link StreamEntry}, handled by {@link
 * LifecycleTaskHandler}.
 */
public final class LifecycleTaskStreamHandler extends StreamEntry<Map<String, Object>, Object> {
    /** As Lambda makes it: the process environment and the system clock. */
    public LifecycleTaskStreamHandler() {
        this(FunctionEnvironment.lambda());
    }

    /** As the local runtime makes it: the function's own environment. */
    public LifecycleTaskStreamHandler(FunctionEnvironment environment) {
        super(new LifecycleTaskHandler(environment), StreamEntry::map);
    }
}
