package org.teachertraining.notifications;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import org.teachertraining.adapters.aws.FunctionEnvironment;
import org.teachertraining.adapters.aws.SqsEvents;
import org.teachertraining.adapters.aws.StreamEntry;

/**
 * The Lambda entry point of the notification function (template.yaml's {@code Handler}): the queue's batch of
 * notifications read from the bytes Lambda hands over and the answer written back by {@link StreamEntry}, handled by
 * {@link NotificationHandler}.
 */
public final class NotificationStreamHandler extends StreamEntry<SQSEvent, SQSBatchResponse> {
    /** As Lambda makes it: the process environment and the system clock. */
    public NotificationStreamHandler() {
        this(FunctionEnvironment.lambda());
    }

    /** As the local runtime makes it: the function's own environment. */
    public NotificationStreamHandler(FunctionEnvironment environment) {
        super(new NotificationHandler(environment), SqsEvents::read);
    }
}
