package org.teachertraining.adapters.aws;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The bytes Lambda hands an entry point, read into the handler's event; its answer written back as Lambda expects it. */
class StreamEntryTest {
    static final String SQS = """
            {"Records": [
              {"messageId": "m1", "receiptHandle": "r1", "body": "{\\"completionId\\": \\"c1\\"}",
               "attributes": {"ApproximateReceiveCount": "2", "SentTimestamp": "1700000000000"},
               "messageAttributes": {"kind": {"stringValue": "完成", "dataType": "String", "stringListValues": [], "binaryListValues": []},
                                     "blob": {"binaryValue": "AAEC", "dataType": "Binary"}},
               "md5OfBody": "d41d8cd98f00b204e9800998ecf8427e", "eventSource": "aws:sqs",
               "eventSourceARN": "arn:aws-cn:sqs:cn-north-1:123456789012:credit-posting", "awsRegion": "cn-north-1"},
              {"messageId": "m2", "body": "not json"}
            ]}
            """;

    /** An entry point around a handler that records its event and answers {@code answer}. */
    static final class Recording<I, O> extends StreamEntry<I, O> {
        Recording(AtomicReference<I> seen, O answer, java.util.function.Function<com.fasterxml.jackson.databind.JsonNode, I> read) {
            super((RequestHandler<I, O>) (event, context) -> {
                seen.set(event);
                return answer;
            }, read);
        }
    }

    static String invoke(StreamEntry<?, ?> entry, String event) throws Exception {
        var out = new ByteArrayOutputStream();
        entry.handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out, (Context) null);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void anSqsBatchIsReadWithEveryFieldAndItsFailuresAnsweredAsLambdaReadsThem() throws Exception {
        var seen = new AtomicReference<SQSEvent>();
        var answer = new SQSBatchResponse(List.of(new SQSBatchResponse.BatchItemFailure("m2")));
        String written = invoke(new Recording<>(seen, answer, SqsEvents::read), SQS);
        assertEquals(new ObjectMapper().readTree("{\"batchItemFailures\": [{\"itemIdentifier\": \"m2\"}]}"), new ObjectMapper().readTree(written));
        var records = seen.get().getRecords();
        assertEquals(2, records.size());
        var first = records.get(0);
        assertEquals("m1", first.getMessageId());
        assertEquals("r1", first.getReceiptHandle());
        assertEquals("{\"completionId\": \"c1\"}", first.getBody());
        assertEquals("2", first.getAttributes().get("ApproximateReceiveCount"));
        assertEquals("完成", first.getMessageAttributes().get("kind").getStringValue());
        assertEquals("String", first.getMessageAttributes().get("kind").getDataType());
        assertEquals(java.nio.ByteBuffer.wrap(new byte[] {0, 1, 2}), first.getMessageAttributes().get("blob").getBinaryValue());
        assertEquals("arn:aws-cn:sqs:cn-north-1:123456789012:credit-posting", first.getEventSourceArn());
        assertEquals("aws:sqs", first.getEventSource());
        assertEquals("cn-north-1", first.getAwsRegion());
        assertEquals("d41d8cd98f00b204e9800998ecf8427e", first.getMd5OfBody());
        var second = records.get(1);
        assertEquals("not json", second.getBody());
        assertNull(second.getAttributes());
        assertNull(second.getReceiptHandle());
    }

    @Test
    void aTaskInputIsReadAsAMap_andAnyAnswerWrittenAsJson() throws Exception {
        var seen = new AtomicReference<Map<String, Object>>();
        String written = invoke(new Recording<>(seen, Map.of("passed", false, "findings", List.of("超标")), StreamEntry::map),
                "{\"projectId\": \"p-1\", \"attempt\": 2, \"share\": 0.5, \"nested\": {\"list\": [1, null]}}");
        assertEquals(Map.of("projectId", "p-1", "attempt", 2, "share", 0.5, "nested", Map.of("list", java.util.Arrays.asList(1, null))), seen.get());
        assertEquals(new ObjectMapper().readTree("{\"passed\": false, \"findings\": [\"超标\"]}"), new ObjectMapper().readTree(written));
        assertEquals("null", invoke(new Recording<Map<String, Object>, Object>(new AtomicReference<>(), null, StreamEntry::map), "{}"));
    }

    @Test
    void aTaskInputThatIsNotAnObjectIsRefusedBeforeTheHandler() {
        var seen = new AtomicReference<Map<String, Object>>();
        for (String notAnObject : List.of("[]", "\"p-1\"", "42", "null")) {
            var e = assertThrows(IllegalArgumentException.class, () -> invoke(new Recording<>(seen, Map.of(), StreamEntry::map), notAnObject));
            assertEquals(true, e.getMessage().startsWith("the event is not a JSON object"), e.getMessage());
        }
        assertNull(seen.get());
    }

    @Test
    void whatTheHandlerThrowsReachesTheRuntimeAsItIs() {
        var failing = new StreamEntry<Map<String, Object>, Object>((event, context) -> {
            throw new IllegalStateException("NoSuchProject");
        }, StreamEntry::map) {};
        var e = assertThrows(IllegalStateException.class, () -> invoke(failing, "{}"));
        assertEquals("NoSuchProject", e.getMessage());
    }
}
