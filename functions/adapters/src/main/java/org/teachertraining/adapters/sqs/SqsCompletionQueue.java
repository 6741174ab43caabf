package org.teachertraining.adapters.sqs;

import org.teachertraining.adapters.aws.StoredJson;
import org.teachertraining.core.credit.Completion;
import org.teachertraining.core.credit.CompletionQueue;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.util.ArrayList;
import java.util.List;

/**
 * Sends a completion to the credit-posting queue as the JSON messages of docs/credits.md: at most
 * {@value #RESULTS_PER_MESSAGE} results a message, each part a completion of the same ID. The queue's event source
 * hands the function ten messages at a time, so one invocation posts at most 100 trainees, well within its 30 s
 * (a trainee's posting is about ten requests and a certificate); before, ten completions of 100 trainees in one batch
 * outlasted it, and the whole batch went back to the queue.
 */
public final class SqsCompletionQueue implements CompletionQueue {
    static final int RESULTS_PER_MESSAGE = 10;

    private final SqsClient sqs;
    private final String queueUrl;

    public SqsCompletionQueue(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    @Override
    public void send(Completion completion) {
        SqsBatches.send(sqs, queueUrl, parts(completion).stream().map(StoredJson::write).toList(), "completion part");
    }

    /** The completion in parts of at most {@value #RESULTS_PER_MESSAGE} results, in its order. */
    static List<Completion> parts(Completion c) {
        var parts = new ArrayList<Completion>();
        for (int from = 0; from == 0 || from < c.results().size(); from += RESULTS_PER_MESSAGE) {
            var results = c.results().subList(from, Math.min(c.results().size(), from + RESULTS_PER_MESSAGE));
            parts.add(new Completion(c.completionId(), c.projectId(), c.institutionId(), List.copyOf(results), c.recordedBy(), c.recordedAt()));
        }
        return parts;
    }
}
