package org.teachertraining.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * SQS event source mappings of template.yaml, run as Lambda runs them: each of the mapping's pollers
 * (ScalingConfig.MaximumConcurrency of them, else one) receives
 * up to {@code BatchSize} messages, invokes the function in-process with an {@link SQSEvent}, and deletes
 * what succeeded. With {@code FunctionResponseTypes: [ReportBatchItemFailures]} the messages the function
 * names stay on the queue (partial batch failure); a thrown exception keeps the whole batch. Messages left
 * on the queue come back after the visibility timeout, and the queue's redrive policy moves them to the
 * dead-letter queue after {@code maxReceiveCount} receives — ElasticMQ applies it, as SQS does.
 */
final class SqsEventSources implements AutoCloseable {
    /** {@code concurrency}: the mapping's ScalingConfig.MaximumConcurrency, the number of batches in flight at once (1 without it). */
    record Mapping(String functionId, String handlerClass, String queueUrl, String queueArn, int batchSize,
                   boolean reportItemFailures, int timeoutSeconds, int concurrency) {}

    private final SqsClient sqs;
    private final List<Thread> pollers = new ArrayList<>();
    private volatile boolean running = true;

    SqsEventSources(SqsClient sqs) {
        this.sqs = sqs;
    }

    /** The mappings a template declares (functions' {@code Events} of type SQS). */
    @SuppressWarnings("unchecked")
    static List<Mapping> of(CloudFormationTemplate template, Provisioner provisioner) {
        var mappings = new ArrayList<Mapping>();
        for (var e : template.functionEvents("SQS")) {
            var p = e.properties();
            String arn = provisioner.resolve(p.get("Queue"));
            String url = provisioner.queueUrl(arn);
            var responseTypes = (List<String>) p.getOrDefault("FunctionResponseTypes", List.of());
            var scaling = (Map<String, Object>) p.getOrDefault("ScalingConfig", Map.of());
            mappings.add(new Mapping(e.functionId(), e.handlerClass(), url, arn, ((Number) p.getOrDefault("BatchSize", 10)).intValue(),
                    responseTypes.contains("ReportBatchItemFailures"), e.timeoutSeconds(),
                    ((Number) scaling.getOrDefault("MaximumConcurrency", 1)).intValue()));
        }
        return mappings;
    }

    /** One poller per concurrent batch; they share the function's handler instance, which is thread-safe. */
    void start(Mapping mapping, RequestHandler<SQSEvent, ?> handler) {
        for (int i = 0; i < mapping.concurrency(); i++) {
            var thread = new Thread(() -> poll(mapping, handler), "sqs-" + mapping.functionId() + "-" + i);
            thread.setDaemon(true);
            pollers.add(thread);
            thread.start();
        }
    }

    private void poll(Mapping m, RequestHandler<SQSEvent, ?> handler) {
        while (running) {
            List<Message> messages;
            try {
                messages = sqs.receiveMessage(b -> b.queueUrl(m.queueUrl()).maxNumberOfMessages(Math.min(10, m.batchSize()))
                        .waitTimeSeconds(1).messageSystemAttributeNames(MessageSystemAttributeName.ALL).messageAttributeNames("All")).messages();
            } catch (RuntimeException e) {
                if (!running) return;
                continue;
            }
            if (messages.isEmpty()) continue;
            var failed = new HashSet<String>();
            try {
                var event = event(m, messages);
                Object result = FunctionTimeout.call(m.functionId(), m.timeoutSeconds(),
                        () -> handler.handleRequest(event, new LocalLambdaContext(m.functionId(), m.timeoutSeconds())));
                if (m.reportItemFailures() && result instanceof SQSBatchResponse response && response.getBatchItemFailures() != null) {
                    response.getBatchItemFailures().forEach(f -> failed.add(f.getItemIdentifier()));
                }
            } catch (RuntimeException e) {
                System.out.println("{\"level\":\"ERROR\",\"function\":\"" + m.functionId() + "\",\"error\":\"" + e.getClass().getName()
                        + "\",\"note\":\"the whole batch stays on the queue\"}");
                continue;
            }
            var done = messages.stream().filter(msg -> !failed.contains(msg.messageId()))
                    .map(msg -> DeleteMessageBatchRequestEntry.builder().id(msg.messageId()).receiptHandle(msg.receiptHandle()).build()).toList();
            if (!done.isEmpty()) sqs.deleteMessageBatch(b -> b.queueUrl(m.queueUrl()).entries(done));
        }
    }

    private static SQSEvent event(Mapping m, List<Message> messages) {
        var records = new ArrayList<SQSEvent.SQSMessage>();
        for (var msg : messages) {
            var r = new SQSEvent.SQSMessage();
            r.setMessageId(msg.messageId());
            r.setReceiptHandle(msg.receiptHandle());
            r.setBody(msg.body());
            r.setMd5OfBody(msg.md5OfBody());
            r.setEventSource("aws:sqs");
            r.setEventSourceArn(m.queueArn());
            r.setAwsRegion("local");
            var attributes = new HashMap<String, String>();
            msg.attributes().forEach((k, v) -> attributes.put(k.toString(), v));
            r.setAttributes(attributes);
            var messageAttributes = new HashMap<String, SQSEvent.MessageAttribute>();
            msg.messageAttributes().forEach((k, v) -> {
                var a = new SQSEvent.MessageAttribute();
                a.setDataType(v.dataType());
                a.setStringValue(v.stringValue());
                messageAttributes.put(k, a);
            });
            r.setMessageAttributes(messageAttributes);
            records.add(r);
        }
        var event = new SQSEvent();
        event.setRecords(records);
        return event;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        for (var t : pollers) t.join(5000);
    }
}
