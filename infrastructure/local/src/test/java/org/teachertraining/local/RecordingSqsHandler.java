package org.teachertraining.local;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/** A test function for SQS event sources: records bodies, reports "poison" messages as batch item failures. */
public class RecordingSqsHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
    static final Queue<String> PROCESSED = new ConcurrentLinkedQueue<>();
    static final Queue<Integer> BATCH_SIZES = new ConcurrentLinkedQueue<>();

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        BATCH_SIZES.add(event.getRecords().size());
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        for (var record : event.getRecords()) {
            if (record.getBody().contains("poison")) {
                failures.add(new SQSBatchResponse.BatchItemFailure(record.getMessageId()));
            } else {
                PROCESSED.add(record.getBody());
            }
        }
        return new SQSBatchResponse(failures);
    }
}
