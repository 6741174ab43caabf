package org.teachertraining.adapters.sqs;

import com.fasterxml.jackson.databind.JsonNode;
import org.teachertraining.adapters.aws.StoredJson;
import org.teachertraining.core.credit.ComplianceRollover;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The compliance rollover's work on the credit-posting queue, beside the completions (docs/credits.md): each item is
 * the message {@code {"complianceRefresh": {"unit": "411523", "cursor": null}}}, sent ten to a request ({@link SqsBatches});
 * a send that fails is repeated by the daily run.
 */
public final class SqsComplianceRollover implements ComplianceRollover.WorkQueue {
    private static final String MEMBER = "complianceRefresh";
    private final SqsClient sqs;
    private final String queueUrl;

    public SqsComplianceRollover(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    @Override
    public void send(List<ComplianceRollover.Work> work) {
        SqsBatches.send(sqs, queueUrl, work.stream().map(SqsComplianceRollover::body).toList(), "compliance refresh");
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
