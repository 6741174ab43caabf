package org.teachertraining.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification;

import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * S3 event notifications of template.yaml (functions' {@code Events} of type S3), delivered as S3 delivers
 * them: after the object is stored, asynchronously, an {@link S3Event} with the key URL-encoded, to the
 * function's handler in this JVM; an invocation that throws (or passes the function's timeout) is retried
 * twice, as Lambda retries asynchronous invocations, and then sent to the function's {@code DeadLetterQueue}
 * as Lambda sends it: the event as the body, {@code RequestID}, {@code ErrorCode} and {@code ErrorMessage}
 * as message attributes. Prefix and suffix filter rules apply.
 */
final class S3Notifications implements NotifyingBlobStore.Listener, AutoCloseable {
    /** {@code deadLetterQueueUrl}: the function's DeadLetterQueue, null without one. */
    record Mapping(String functionId, String handlerClass, String bucket, List<String> events, String prefix, String suffix, int timeoutSeconds,
                   String deadLetterQueueUrl) {
        boolean matches(String bucket, String key) {
            return this.bucket.equals(bucket) && key.startsWith(prefix) && key.endsWith(suffix)
                    && events.stream().anyMatch(e -> e.equals("s3:ObjectCreated:*") || e.equals("s3:ObjectCreated:Put")
                    || e.equals("s3:ObjectCreated:CompleteMultipartUpload"));
        }
    }

    static final int ATTEMPTS = 3;

    private final List<Mapping> mappings;
    private final Map<String, RequestHandler<S3Event, ?>> handlers;
    private final Clock clock;
    private final ExecutorService invoker = Executors.newSingleThreadExecutor(r -> {
        var t = new Thread(r, "s3-notifications");
        t.setDaemon(true);
        return t;
    });
    private final AtomicLong sequencer = new AtomicLong();

    private final SqsClient sqs;

    S3Notifications(List<Mapping> mappings, Map<String, RequestHandler<S3Event, ?>> handlers, Clock clock, SqsClient sqs) {
        this.mappings = mappings;
        this.handlers = handlers;
        this.clock = clock;
        this.sqs = sqs;
    }

    @SuppressWarnings("unchecked")
    static List<Mapping> of(CloudFormationTemplate template, Provisioner provisioner) {
        var out = new ArrayList<Mapping>();
        for (var e : template.functionEvents("S3")) {
            var p = e.properties();
            Object kinds = p.get("Events");
            String prefix = "", suffix = "";
            var filter = (Map<String, Object>) p.getOrDefault("Filter", Map.of());
            var key = (Map<String, Object>) filter.getOrDefault("S3Key", Map.of());
            for (var rule : (List<Map<String, Object>>) key.getOrDefault("Rules", List.of())) {
                if ("prefix".equalsIgnoreCase((String) rule.get("Name"))) prefix = (String) rule.get("Value");
                if ("suffix".equalsIgnoreCase((String) rule.get("Name"))) suffix = (String) rule.get("Value");
            }
            out.add(new Mapping(e.functionId(), e.handlerClass(), provisioner.resolve(p.get("Bucket")),
                    kinds instanceof List<?> l ? (List<String>) l : List.of((String) kinds), prefix, suffix, e.timeoutSeconds(),
                    provisioner.deadLetterQueueUrl(e.functionId())));
        }
        return out;
    }

    @Override
    public void stored(String bucket, String key, long size, String eTag) {
        String eventTime = clock.instant().toString();
        for (var m : mappings) {
            if (!m.matches(bucket, key)) continue;
            var event = event(bucket, key, size, eTag, eventTime);
            invoker.submit(() -> invoke(m, event));
        }
    }

    private void invoke(Mapping m, S3Event event) {
        RuntimeException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                FunctionTimeout.call(m.functionId(), m.timeoutSeconds(),
                        () -> handlers.get(m.functionId()).handleRequest(event, new LocalLambdaContext(m.functionId(), m.timeoutSeconds())));
                return;
            } catch (RuntimeException e) {
                last = e;
                System.err.println(m.functionId() + ": attempt " + attempt + " of " + ATTEMPTS + " failed: " + e);
            }
        }
        if (m.deadLetterQueueUrl() == null) return;
        String error = last instanceof FunctionTimeout.TimedOut ? "Sandbox.Timedout" : last.getClass().getName();
        String message = String.valueOf(last.getMessage());
        sqs.sendMessage(b -> b.queueUrl(m.deadLetterQueueUrl()).messageBody(body(event))
                .messageAttributes(Map.of("RequestID", attribute(java.util.UUID.randomUUID().toString()), "ErrorCode", attribute(error),
                        "ErrorMessage", attribute(message.substring(0, Math.min(message.length(), 1000))))));
    }

    /** The event as S3 sends it (the fields a replay needs), for the dead-letter queue's message. */
    private static String body(S3Event event) {
        var json = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance;
        var records = json.arrayNode();
        for (var r : event.getRecords()) {
            var record = records.addObject().put("eventVersion", r.getEventVersion()).put("eventSource", r.getEventSource())
                    .put("awsRegion", r.getAwsRegion()).put("eventName", r.getEventName());
            record.put("eventTime", String.valueOf(r.getEventTime()));
            var s3 = record.putObject("s3");
            s3.putObject("bucket").put("name", r.getS3().getBucket().getName()).put("arn", r.getS3().getBucket().getArn());
            s3.putObject("object").put("key", r.getS3().getObject().getKey()).put("size", r.getS3().getObject().getSizeAsLong())
                    .put("eTag", r.getS3().getObject().geteTag()).put("sequencer", r.getS3().getObject().getSequencer());
        }
        return json.objectNode().set("Records", records).toString();
    }

    private static MessageAttributeValue attribute(String value) {
        return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
    }

    private S3Event event(String bucket, String key, long size, String eTag, String eventTime) {
        var object = new S3EventNotification.S3ObjectEntity(URLEncoder.encode(key, StandardCharsets.UTF_8), size,
                eTag == null ? null : eTag.replace("\"", ""), null, Long.toHexString(sequencer.incrementAndGet()));
        var s3 = new S3EventNotification.S3Entity("local-notification",
                new S3EventNotification.S3BucketEntity(bucket, new S3EventNotification.UserIdentityEntity("local"), "arn:aws:s3:::" + bucket),
                object, "1.0");
        var record = new S3EventNotification.S3EventNotificationRecord("local", "ObjectCreated:Put", "aws:s3", eventTime, "2.1",
                new S3EventNotification.RequestParametersEntity("127.0.0.1"), new S3EventNotification.ResponseElementsEntity("local", "local"),
                s3, new S3EventNotification.UserIdentityEntity("local"));
        return new S3Event(List.of(record));
    }

    /** Waits for the notifications already delivered to be handled. */
    @Override
    public void close() throws InterruptedException {
        invoker.shutdown();
        invoker.awaitTermination(30, TimeUnit.SECONDS);
    }
}
