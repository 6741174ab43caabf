package org.teachertraining.adapters.aws;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonNode;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;

/**
 * The event an SQS event source hands a function, read from its JSON for a {@link StreamEntry}. A class of its own: the
 * functions whose events are not SQS messages carry no {@code aws-lambda-java-events}, and the Lambda runtime, looking up
 * the entry point's {@code handleRequest}, resolves every type its public methods name.
 */
public final class SqsEvents {
    private SqsEvents() {}

    /** An SQS event source's batch (Lambda's {@code Records}), every field the runtime's serializer reads. */
    public static SQSEvent read(JsonNode json) {
        var records = new ArrayList<SQSEvent.SQSMessage>();
        for (JsonNode r : json.path("Records")) {
            var m = new SQSEvent.SQSMessage();
            m.setMessageId(text(r, "messageId"));
            m.setReceiptHandle(text(r, "receiptHandle"));
            m.setBody(text(r, "body"));
            m.setMd5OfBody(text(r, "md5OfBody"));
            m.setMd5OfMessageAttributes(text(r, "md5OfMessageAttributes"));
            m.setEventSource(text(r, "eventSource"));
            m.setEventSourceArn(text(r, "eventSourceARN"));
            m.setAwsRegion(text(r, "awsRegion"));
            if (r.path("attributes").isObject()) {
                var attributes = new LinkedHashMap<String, String>();
                r.path("attributes").properties().forEach(a -> attributes.put(a.getKey(), a.getValue().isNull() ? null : a.getValue().asText()));
                m.setAttributes(attributes);
            }
            if (r.path("messageAttributes").isObject()) {
                var attributes = new LinkedHashMap<String, SQSEvent.MessageAttribute>();
                r.path("messageAttributes").properties().forEach(a -> attributes.put(a.getKey(), messageAttribute(a.getValue())));
                m.setMessageAttributes(attributes);
            }
            records.add(m);
        }
        var event = new SQSEvent();
        event.setRecords(records);
        return event;
    }

    private static SQSEvent.MessageAttribute messageAttribute(JsonNode json) {
        var a = new SQSEvent.MessageAttribute();
        a.setDataType(text(json, "dataType"));
        a.setStringValue(text(json, "stringValue"));
        String binary = text(json, "binaryValue");
        if (binary != null) a.setBinaryValue(ByteBuffer.wrap(Base64.getDecoder().decode(binary)));
        if (json.path("stringListValues").isArray()) {
            var values = new ArrayList<String>();
            json.path("stringListValues").forEach(v -> values.add(v.asText()));
            a.setStringListValues(values);
        }
        if (json.path("binaryListValues").isArray()) {
            var values = new ArrayList<ByteBuffer>();
            json.path("binaryListValues").forEach(v -> values.add(ByteBuffer.wrap(Base64.getDecoder().decode(v.asText()))));
            a.setBinaryListValues(values);
        }
        return a;
    }

    private static String text(JsonNode json, String field) {
        JsonNode v = json.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
