package org.teachertraining.adapters.sqs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.teachertraining.core.credit.Completion;
import org.teachertraining.core.credit.CompletionQueue;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Sends a completion to the credit-posting queue as the JSON message of docs/credits.md. */
public final class SqsCompletionQueue implements CompletionQueue {
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final SqsClient sqs;
    private final String queueUrl;

    public SqsCompletionQueue(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    @Override
    public void send(Completion completion) {
        String body;
        try {
            body = JSON.writeValueAsString(completion);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(body));
    }
}
