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
    /** As Lambda makes it. */
    public CreditPostingStreamHandler() {
        this(new CreditPostingHandler());
    }

    /** In the local runtime: the function's own environment. */
    public CreditPostingStreamHandler(FunctionEnvironment environment) {
        this(new CreditPostingHandler(environment));
    }

    public CreditPostingStreamHandler(CreditPostingHandler handler) {
        super(handler, SqsEvents::read);
    }
}
