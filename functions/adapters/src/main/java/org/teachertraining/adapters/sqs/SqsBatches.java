package org.teachertraining.adapters.sqs;

import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

import java.util.ArrayList;
import java.util.List;

/**
 * Messages sent ten to a request (SendMessageBatch, which IAM allows as {@code sqs:SendMessage}). An entry the queue did
 * not take is sent again, twice at most; one it still refuses fails the whole send, for its caller to repeat (every
 * message this project sends is idempotent to its consumer).
 */
final class SqsBatches {
    /** SQS's own limit of entries a request. */
    static final int ENTRIES = 10;

    private SqsBatches() {}

    /** @param what the messages, in the failure's words ("compliance refresh") */
    static void send(SqsClient sqs, String queueUrl, List<String> bodies, String what) {
        for (int from = 0; from < bodies.size(); from += ENTRIES) {
            var entries = new ArrayList<SendMessageBatchRequestEntry>();
            for (int i = from; i < Math.min(bodies.size(), from + ENTRIES); i++) {
                entries.add(SendMessageBatchRequestEntry.builder().id(Integer.toString(i - from)).messageBody(bodies.get(i)).build());
            }
            for (int attempt = 1; !entries.isEmpty(); attempt++) {
                var failed = sqs.sendMessageBatch(b -> b.queueUrl(queueUrl).entries(entries)).failed();
                if (failed.isEmpty()) break;
                if (attempt == 3) throw new IllegalStateException("the queue refused " + failed.size() + " " + what + "(s): " + failed.get(0).message());
                var again = failed.stream().map(f -> f.id()).toList();
                entries.removeIf(e -> !again.contains(e.id()));
            }
        }
    }
}
