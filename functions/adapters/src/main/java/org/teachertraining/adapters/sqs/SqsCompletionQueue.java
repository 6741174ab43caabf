package org.teachertraining.adapters.sqs;

import org.teachertraining.adapters.aws.StoredJson;
import org.teachertraining.core.credit.Completion;
import org.teachertraining.core.credit.CompletionQueue;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Sends a completion to the credit-posting queue as the JSON message of docs/credits.md. */
public final class SqsCompletionQueue implements CompletionQueue {
    private final SqsClient sqs;
    private final String queueUrl;

    public SqsCompletionQueue(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    @Override
    public void send(Completion completion) {
        String body = StoredJson.write(completion);
        sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(body));
    }
}
