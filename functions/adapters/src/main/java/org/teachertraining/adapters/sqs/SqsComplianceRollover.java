package org.teachertraining.adapters.sqs;

import com.fasterxml.jackson.databind.JsonNode;
import org.teachertraining.adapters.aws.StoredJson;
import org.teachertraining.core.credit.ComplianceRollover;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The compliance rollover's work on the credit-posting queue, beside the completions (docs/credits.md): each item is
 * the message {@code {"complianceRefresh": {"unit": "411523", "cursor": null}}}, sent ten to a request. An entry the
 * queue did not take is sent again; one it still refuses fails the whole send, which the daily run then repeats.
 */
public final class SqsComplianceRollover implements ComplianceRollover.WorkQueue {
    private static final String MEMBER = "complianceRefresh";
    private static final int BATCH = 10;

    private final SqsClient sqs;
    private final String queueUrl;

    public SqsComplianceRollover(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    @Override
    public void send(List<ComplianceRollover.Work> work) {
        for (int from = 0; from < work.size(); from += BATCH) {
            var entries = new ArrayList<SendMessageBatchRequestEntry>();
            for (int i = from; i < Math.min(work.size(), from + BATCH); i++) {
                entries.add(SendMessageBatchRequestEntry.builder().id(Integer.toString(i - from)).messageBody(body(work.get(i))).build());
            }
            for (int attempt = 1; !entries.isEmpty(); attempt++) {
                var failed = sqs.sendMessageBatch(b -> b.queueUrl(queueUrl).entries(entries)).failed();
                if (failed.isEmpty()) break;
                if (attempt == 3) throw new IllegalStateException("the queue refused " + failed.size() + " compliance refresh(es): " + failed.get(0).message());
                var again = failed.stream().map(f -> f.id()).toList();
                entries.removeIf(e -> !again.contains(e.id()));
            }
        }
    }

    /** The message of one item. */
    static String body(ComplianceRollover.Work work) {
        return StoredJson.write(Map.of(MEMBER, work));
    }

    /**
     * The item a message carries, or empty for any other message (a completion). A completion's body never holds the
     * member's name as a string of its own, so it is read no further than that look, and the completion path stays as
     * it was; a body that does is parsed and read by its member.
     */
    public static Optional<ComplianceRollover.Work> read(String body) {
        if (body == null || !body.contains("\"" + MEMBER + "\"")) return Optional.empty();
        JsonNode member = StoredJson.read(body, JsonNode.class).get(MEMBER);
        if (member == null) return Optional.empty();
        return Optional.of(StoredJson.read(member.toString(), ComplianceRollover.Work.class));
    }
}
