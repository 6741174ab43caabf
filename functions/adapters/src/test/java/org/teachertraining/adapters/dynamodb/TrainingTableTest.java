package org.teachertraining.adapters.dynamodb;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link TrainingTable#getAll}: consistent reads in one request, and the keys DynamoDB leaves unprocessed asked again;
 * {@link TrainingTable#putAll}: the items it leaves unprocessed sent again.
 */
class TrainingTableTest {

    /** A DynamoDB that answers each BatchGetItem, or BatchWriteItem, with {@code answer}, and keeps the requests. */
    static final class Batches<Q, A> implements DynamoDbClient {
        final List<Q> requests = new ArrayList<>();
        final Function<Q, A> answer;

        Batches(Function<Q, A> answer) {
            this.answer = answer;
        }

        @SuppressWarnings("unchecked")
        @Override
        public BatchGetItemResponse batchGetItem(BatchGetItemRequest request) {
            requests.add((Q) request);
            return (BatchGetItemResponse) answer.apply((Q) request);
        }

        @SuppressWarnings("unchecked")
        @Override
        public BatchWriteItemResponse batchWriteItem(BatchWriteItemRequest request) {
            requests.add((Q) request);
            return (BatchWriteItemResponse) answer.apply((Q) request);
        }

        @Override
        public String serviceName() {
            return "dynamodb";
        }

        @Override
        public void close() {
        }
    }

    static Batches<BatchGetItemRequest, BatchGetItemResponse> reads(Function<BatchGetItemRequest, BatchGetItemResponse> answer) {
        return new Batches<>(answer);
    }

    static Batches<BatchWriteItemRequest, BatchWriteItemResponse> writes(Function<BatchWriteItemRequest, BatchWriteItemResponse> answer) {
        return new Batches<>(answer);
    }

    static Map<String, AttributeValue> item(TrainingTable.ItemKey key) {
        return Map.of("PK", AttributeValue.fromS(key.pk()), "SK", AttributeValue.fromS(key.sk()), "data", AttributeValue.fromS("{}"));
    }

    final TrainingTable.ItemKey project = new TrainingTable.ItemKey("PROJECT#p1", "PROJECT"),
            teacher = new TrainingTable.ItemKey("TEACHER#t1", "TEACHER"),
            enrollment = new TrainingTable.ItemKey("PROJECT#p1", "ENROLLMENT#t1");

    @Test
    void itemKeysAreEqualExactlyWhenBothPartsAreAsARecordsWouldBe() {
        var key = new TrainingTable.ItemKey("PROJECT#1", "META");
        assertEquals(new TrainingTable.ItemKey("PROJECT#1", "META"), key);
        assertEquals(new TrainingTable.ItemKey("PROJECT#1", "META").hashCode(), key.hashCode());
        assertNotEquals(new TrainingTable.ItemKey("PROJECT#1", "SEAT"), key);
        assertNotEquals(new TrainingTable.ItemKey("PROJECT#2", "META"), key);
        assertNotEquals(new TrainingTable.ItemKey("META", "PROJECT#1"), key);
        assertNotEquals(key, "PROJECT#1META");
        assertNotEquals(key, null);
        assertEquals(new TrainingTable.ItemKey(null, "META"), new TrainingTable.ItemKey(null, "META"));
        assertNotEquals(new TrainingTable.ItemKey(null, "META"), key);
        assertEquals(Set.of(key), new java.util.HashSet<>(List.of(key, new TrainingTable.ItemKey("PROJECT#1", "META"))));
    }

    @Test
    void readsEveryKeyConsistentlyInOneRequest_andAKeyWithoutAnItemIsAbsent() {
        var db = reads(r -> BatchGetItemResponse.builder().responses(Map.of("T", List.of(item(project), item(teacher)))).build());
        var found = new TrainingTable(db, "T").getAll(Set.of(project, teacher, enrollment));
        assertEquals(Set.of(project, teacher), found.keySet());
        assertEquals(1, db.requests.size());
        var asked = db.requests.get(0).requestItems().get("T");
        assertEquals(Boolean.TRUE, asked.consistentRead());
        assertEquals(Set.of(project.attributes(), teacher.attributes(), enrollment.attributes()), Set.copyOf(asked.keys()));
    }

    @Test
    void keysLeftUnprocessed_areAskedAgain_untilAllAreRead() {
        var db = reads(r -> {
            var keys = r.requestItems().get("T").keys();
            // every answer reads the first key asked and leaves the others (as a throttled table does)
            var first = keys.get(0);
            var left = keys.subList(1, keys.size());
            var b = BatchGetItemResponse.builder().responses(Map.of("T", List.of(item(new TrainingTable.ItemKey(first.get("PK").s(), first.get("SK").s())))));
            if (!left.isEmpty()) b.unprocessedKeys(Map.of("T", KeysAndAttributes.builder().consistentRead(true).keys(left).build()));
            return b.build();
        });
        var found = new TrainingTable(db, "T").getAll(new LinkedHashSet<>(List.of(project, teacher, enrollment)));
        assertEquals(Set.of(project, teacher, enrollment), found.keySet());
        assertEquals(3, db.requests.size(), "one request per round of unprocessed keys");
        assertEquals(1, db.requests.get(2).requestItems().get("T").keys().size(), "only the keys left are asked again");
        assertTrue(db.requests.stream().allMatch(r -> Boolean.TRUE.equals(r.requestItems().get("T").consistentRead())), "consistent every time");
    }

    @Test
    void keysNeverProcessed_endInAnError_afterTheAttemptsAllowed() {
        var db = reads(r -> BatchGetItemResponse.builder().responses(Map.of()).unprocessedKeys(r.requestItems()).build());
        var table = new TrainingTable(db, "T");
        var failure = assertThrows(IllegalStateException.class, () -> table.getAll(Set.of(project)));
        assertEquals(TrainingTable.MAX_ATTEMPTS, db.requests.size());
        assertTrue(failure.getMessage().contains("1 keys unread"), failure.getMessage());
    }

    @Test
    void moreKeysThanOneRequestTakes_areReadInRequestsOfAHundred_eachKeyOnce() {
        var db = reads(r -> BatchGetItemResponse.builder().responses(Map.of("T", r.requestItems().get("T").keys().stream()
                .map(k -> item(new TrainingTable.ItemKey(k.get("PK").s(), k.get("SK").s()))).toList())).build());
        var keys = new ArrayList<TrainingTable.ItemKey>();
        for (int i = 0; i < 150; i++) keys.add(new TrainingTable.ItemKey("TEACHER#" + i, "TEACHER"));
        keys.add(keys.get(0));   // named twice: DynamoDB refuses a batch that names a key twice
        var found = new TrainingTable(db, "T").getAll(keys);
        assertEquals(150, found.size());
        assertEquals(List.of(TrainingTable.MAX_BATCH_KEYS, 50), db.requests.stream().map(r -> r.requestItems().get("T").keys().size()).toList());
    }

    @Test
    void noKeys_areRefusedBeforeAnyRequest() {
        var db = reads(r -> { throw new AssertionError("no request expected"); });
        assertThrows(IllegalArgumentException.class, () -> new TrainingTable(db, "T").getAll(Set.of()));
        assertEquals(0, db.requests.size());
    }

    static List<Map<String, AttributeValue>> attendance(int count) {
        var items = new ArrayList<Map<String, AttributeValue>>();
        for (int i = 0; i < count; i++) items.add(item(new TrainingTable.ItemKey("PROJECT#p1", "ATTENDANCE#t" + i)));
        return items;
    }

    @Test
    void itemsLeftUnwritten_areSentAgain_inBatchesOfTwentyFive_untilAllAreWritten() {
        var written = new ArrayList<String>();
        var db = writes(r -> {
            // every answer writes the first item sent and leaves the others (as a throttled table does)
            var sent = r.requestItems().get("T");
            written.add(sent.get(0).putRequest().item().get("SK").s());
            var left = sent.subList(1, sent.size());
            return BatchWriteItemResponse.builder().unprocessedItems(left.isEmpty() ? Map.of() : Map.of("T", left)).build();
        });
        new TrainingTable(db, "T").putAll(attendance(27));
        assertEquals(attendance(27).stream().map(i -> i.get("SK").s()).toList(), written);
        assertEquals(List.of(25, 24, 23), db.requests.stream().limit(3).map(r -> r.requestItems().get("T").size()).toList(),
                "only the items left are sent again");
        assertEquals(List.of(2, 1), db.requests.stream().skip(25).map(r -> r.requestItems().get("T").size()).toList(), "then the next batch");
    }

    @Test
    void itemsNeverWritten_endInAnError_afterTheAttemptsAllowed() {
        var db = writes(r -> BatchWriteItemResponse.builder().unprocessedItems(r.requestItems()).build());
        var failure = assertThrows(IllegalStateException.class, () -> new TrainingTable(db, "T").putAll(attendance(3)));
        assertEquals(TrainingTable.MAX_ATTEMPTS, db.requests.size());
        assertTrue(failure.getMessage().contains("3 items unwritten"), failure.getMessage());
    }
}
