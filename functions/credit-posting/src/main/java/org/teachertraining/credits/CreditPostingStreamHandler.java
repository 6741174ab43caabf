package org.teachertraining.credits;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import org.teachertraining.adapters.aws.FunctionEnvironment;
import org.teachertraining.adapters.aws.SqsEvents;
import org.teachertraining.adapters.aws.StreamEntry;

/**
 * The Lambda entry point of the credit-posting function (template.yaml's {@code Handler}): the queue's batch of
 * completions read from the bytes Lambda hands over and the answer written back by {@link StreamEntry}, handled by
 * {@link CreditPostingHandler}.
 */
public final class CreditPostingStreamHandler extends StreamEntry<SQSEvent, SQSBatchResponse> {
    /** As Lambda makes it: the process environment and the system clock. */
    public CreditPostingStreamHandler() {
        this(FunctionEnvironment.lambda());
    }

    /** As the local runtime makes it: the function's own environment. */
    public CreditPostingStreamHandler(FunctionEnvironment environment) {
        super(new CreditPostingHandler(environment), SqsEvents::read);
    }
}
