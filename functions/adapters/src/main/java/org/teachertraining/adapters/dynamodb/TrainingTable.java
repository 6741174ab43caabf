package org.teachertraining.adapters.dynamodb;

import org.teachertraining.adapters.aws.StoredJson;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The single DynamoDB table of the platform (keys PK/SK, indexes GSI1 and GSI2; layout in
 * docs/data-model.md) and the helpers every adapter shares.
 */
public final class TrainingTable {
    public static final String GSI1 = "GSI1";
    public static final String GSI2 = "GSI2";
    /** Transactions on hot items (a quota during the enrollment rush) conflict; they are retried this often. */
    static final int MAX_ATTEMPTS = 40;

    private final DynamoDbClient client;
    private final String name;

    public TrainingTable(DynamoDbClient client, String name) {
        this.client = client;
        this.name = name;
    }

    public DynamoDbClient client() {
        return client;
    }

    /**
     * Every item of an index's partition ({@code index}PK = {@code partition}) whose sort key starts with
     * {@code sortKeyPrefix}, all pages read, in the index's order.
     */
    public java.util.stream.Stream<Map<String, AttributeValue>> items(String index, String partition, String sortKeyPrefix) {
        return client.queryPaginator(b -> b.tableName(name).indexName(index)
                        .keyConditionExpression(index + "PK = :pk AND begins_with(" + index + "SK, :prefix)")
                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(partition), ":prefix", AttributeValue.fromS(sortKeyPrefix))))
                .items().stream();
    }

    /**
     * How many items of an index's partition ({@code index}PK = {@code partition}) have a sort key starting with
     * {@code sortKeyPrefix}, counted by DynamoDB (Select COUNT, page by page: the items are not sent).
     */
    public int count(String index, String partition, String sortKeyPrefix) {
        return client.queryPaginator(b -> b.tableName(name).indexName(index)
                        .select(software.amazon.awssdk.services.dynamodb.model.Select.COUNT)
                        .keyConditionExpression(index + "PK = :pk AND begins_with(" + index + "SK, :prefix)")
                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(partition), ":prefix", AttributeValue.fromS(sortKeyPrefix))))
                .stream().mapToInt(r -> r.count()).sum();
    }

    public String name() {
        return name;
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of("PK", s(pk), "SK", s(sk));
    }

    static String str(Map<String, AttributeValue> item, String attr) {
        var v = item.get(attr);
        return v == null ? null : v.s();
    }

    static int num(Map<String, AttributeValue> item, String attr) {
        var v = item.get(attr);
        return v == null ? 0 : Integer.parseInt(v.n());
    }

    Optional<Map<String, AttributeValue>> get(String pk, String sk) {
        var item = client.getItem(GetItemRequest.builder().tableName(name).key(key(pk, sk)).consistentRead(true).build()).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
    }

    /**
     * An item's primary key. Its {@code equals} and {@code hashCode} are written out: a record's own are linked at their
     * first call (an {@code invokedynamic} of {@code ObjectMethods}), which spins method handles that JDK 25's AOT cache
     * does not keep, about 5 ms of every cold start's first batch read (BENCHMARKS.md, "Made side by side").
     */
    record ItemKey(String pk, String sk) {
        Map<String, AttributeValue> attributes() {
            return key(pk, sk);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof ItemKey key && Objects.equals(pk, key.pk) && Objects.equals(sk, key.sk);
        }

        @Override
        public int hashCode() {
            return 31 * Objects.hashCode(pk) + Objects.hashCode(sk);
        }
    }

    /** A consistent read of one item by its key. */
    Optional<Map<String, AttributeValue>> get(ItemKey key) {
        return get(key.pk(), key.sk());
    }

    /** The most keys one BatchGetItem may ask for. */
    static final int MAX_BATCH_KEYS = 100;

    /** The most items one TransactWriteItems may write. */
    static final int MAX_TRANSACTION_ITEMS = 100;

    /**
     * Consistent reads of several keys, in BatchGetItems of at most {@value #MAX_BATCH_KEYS} keys: the items found, by key
     * (a key without an item is absent). Keys DynamoDB leaves unprocessed (its answer is limited to 16 MB, and throttled
     * keys are left rather than failed) are asked again with jittered backoff, up to {@value #MAX_ATTEMPTS} requests a batch.
     */
    Map<ItemKey, Map<String, AttributeValue>> getAll(java.util.Collection<ItemKey> keys) {
        if (keys.isEmpty()) throw new IllegalArgumentException("no keys to read");
        var distinct = List.copyOf(new java.util.LinkedHashSet<>(keys));
        var found = new java.util.HashMap<ItemKey, Map<String, AttributeValue>>();
        for (int from = 0; from < distinct.size(); from += MAX_BATCH_KEYS) {
            var batch = distinct.subList(from, Math.min(distinct.size(), from + MAX_BATCH_KEYS));
            var asked = Map.of(name, KeysAndAttributes.builder().consistentRead(true).keys(batch.stream().map(ItemKey::attributes).toList()).build());
            for (int attempt = 1; ; attempt++) {
                var response = client.batchGetItem(BatchGetItemRequest.builder().requestItems(asked).build());
                for (var item : response.responses().getOrDefault(name, List.of())) found.put(new ItemKey(str(item, "PK"), str(item, "SK")), item);
                var left = response.unprocessedKeys();
                if (left == null || !left.containsKey(name) || left.get(name).keys().isEmpty()) break;
                if (attempt >= MAX_ATTEMPTS) {
                    throw new IllegalStateException("DynamoDB left " + left.get(name).keys().size() + " keys unread after " + attempt + " requests");
                }
                backoff(attempt);
                asked = Map.of(name, left.get(name));
            }
        }
        return found;
    }

    /** The most items one BatchWriteItem may put. */
    static final int MAX_BATCH_WRITES = 25;

    /**
     * Puts the items, unconditionally, in BatchWriteItems of at most {@value #MAX_BATCH_WRITES}. Items DynamoDB leaves
     * unprocessed (throttled ones are left rather than failed) are sent again with jittered backoff, up to
     * {@value #MAX_ATTEMPTS} requests a batch, as AWS advises; before, they were sent again at once, ten times at most.
     */
    void putAll(List<Map<String, AttributeValue>> items) {
        for (int from = 0; from < items.size(); from += MAX_BATCH_WRITES) {
            Map<String, List<WriteRequest>> batch = Map.of(name, items.subList(from, Math.min(items.size(), from + MAX_BATCH_WRITES)).stream()
                    .map(item -> WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build()).toList());
            for (int attempt = 1; ; attempt++) {
                var pending = batch;
                var left = client.batchWriteItem(b -> b.requestItems(pending)).unprocessedItems();
                if (left == null || !left.containsKey(name) || left.get(name).isEmpty()) break;
                if (attempt >= MAX_ATTEMPTS) {
                    throw new IllegalStateException("DynamoDB left " + left.get(name).size() + " items unwritten after " + attempt + " requests");
                }
                backoff(attempt);
                batch = Map.of(name, left.get(name));
            }
        }
    }

    private static final String CURSOR_SEPARATOR = "\u001f";

    /** A query's last evaluated key (string attributes only), base64url-encoded as an opaque page cursor. */
    static String encodeCursor(Map<String, AttributeValue> lastEvaluatedKey) {
        var parts = new java.util.ArrayList<String>();
        new java.util.TreeMap<>(lastEvaluatedKey).forEach((k, v) -> parts.add(k + "=" + v.s()));
        return java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(String.join(CURSOR_SEPARATOR, parts).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /**
     * The exclusive start key of a cursor this table issued for the index partition {@code indexPk} of
     * {@code indexPkName}, whose sort key starts with {@code indexSkPrefix}; anything else is a BadCursor.
     */
    static Map<String, AttributeValue> decodeCursor(String cursor, String indexPkName, String indexPk, String indexSkName, String indexSkPrefix) {
        var key = new java.util.HashMap<String, AttributeValue>();
        if (cursor.length() > 2048) throw new org.teachertraining.core.common.BadCursor();
        try {
            String raw = new String(java.util.Base64.getUrlDecoder().decode(cursor), java.nio.charset.StandardCharsets.UTF_8);
            for (String part : raw.split(CURSOR_SEPARATOR, -1)) {
                int eq = part.indexOf('=');
                // every value a non-empty key of at most 1024 bytes, as DynamoDB's sort keys are
                if (eq <= 0 || eq == part.length() - 1 || part.length() - eq > 1024) throw new org.teachertraining.core.common.BadCursor();
                key.put(part.substring(0, eq), s(part.substring(eq + 1)));
            }
        } catch (IllegalArgumentException e) {
            throw new org.teachertraining.core.common.BadCursor();
        }
        if (key.size() != 4 || !key.containsKey("PK") || !key.containsKey("SK") || !indexPk.equals(str(key, indexPkName))
                || str(key, indexSkName) == null || !str(key, indexSkName).startsWith(indexSkPrefix)) {
            throw new org.teachertraining.core.common.BadCursor();
        }
        return key;
    }

    /**
     * Runs a query that may start from a caller's cursor: a start key DynamoDB refuses (a cursor made up to
     * pass {@link #decodeCursor}'s checks) is the caller's bad cursor, a 400, not the platform's error.
     */
    software.amazon.awssdk.services.dynamodb.model.QueryResponse queryPage(software.amazon.awssdk.services.dynamodb.model.QueryRequest request) {
        try {
            return client.query(request);
        } catch (software.amazon.awssdk.services.dynamodb.model.DynamoDbException e) {
            if (request.hasExclusiveStartKey() && e.statusCode() == 400) throw new org.teachertraining.core.common.BadCursor();
            throw e;
        }
    }

    /**
     * One page of a caller's list that keeps only some of what it reads ({@code request}'s filter expression, then
     * {@code matching}): read on until {@code limit} items are kept, the list ends, or {@code examineAtMost} items were
     * evaluated — only then is a page short with a cursor. A page that fills in the middle of a response ends at its last
     * item, whose {@code keyNames} (the index's key and the table's) make the cursor.
     */
    <T> org.teachertraining.core.common.Page<T> filledPage(software.amazon.awssdk.services.dynamodb.model.QueryRequest request, List<String> keyNames,
                                                           int limit, int examineAtMost, java.util.function.Function<Map<String, AttributeValue>, T> read,
                                                           java.util.function.Predicate<T> matching) {
        var items = new java.util.ArrayList<T>();
        int examined = 0;
        // the first request reads a page's worth, as an unfiltered list does; each further one four times as many
        int batch = Math.min(limit, READ_AT_ONCE);
        var start = request.hasExclusiveStartKey() ? request.exclusiveStartKey() : null;
        while (true) {
            var page = request.toBuilder().limit(Math.max(1, Math.min(examineAtMost - examined, batch)));
            batch = Math.min(batch * 4, READ_AT_ONCE);
            if (start != null) page.exclusiveStartKey(start);
            var response = queryPage(page.build());
            var last = response.lastEvaluatedKey() == null || response.lastEvaluatedKey().isEmpty() ? null : response.lastEvaluatedKey();
            examined += response.scannedCount();
            var found = response.items();
            for (int i = 0; i < found.size(); i++) {
                T item = read.apply(found.get(i));
                if (!matching.test(item)) continue;
                items.add(item);
                if (items.size() == limit) {
                    if (i == found.size() - 1 && last == null) return new org.teachertraining.core.common.Page<>(items, null);
                    var key = new java.util.HashMap<String, AttributeValue>();
                    for (String name : keyNames) key.put(name, found.get(i).get(name));
                    return new org.teachertraining.core.common.Page<>(items, encodeCursor(key));
                }
            }
            if (last == null) return new org.teachertraining.core.common.Page<>(items, null);
            if (examined >= examineAtMost) return new org.teachertraining.core.common.Page<>(items, encodeCursor(last));
            start = last;
        }
    }

    /** How many items one request of {@link #filledPage} evaluates at most: well under DynamoDB's 1 MB a response for the lists' items. */
    private static final int READ_AT_ONCE = 1000;

    /** {@link #filledPage} of a request whose filter expression ({@code filtered}) alone decides what is kept. */
    <T> org.teachertraining.core.common.Page<T> filledPage(software.amazon.awssdk.services.dynamodb.model.QueryRequest request, List<String> keyNames,
                                                           int limit, boolean filtered, java.util.function.Function<Map<String, AttributeValue>, T> read) {
        return filledPage(request, keyNames, limit, org.teachertraining.core.common.Page.evaluatedAtMost(limit, filtered), read, item -> true);
    }

    /** One page of a caller's list: {@link #queryPage}'s items, each read by {@code read}, and the cursor to the next page (none after the last). */
    <T> org.teachertraining.core.common.Page<T> page(software.amazon.awssdk.services.dynamodb.model.QueryRequest request,
                                                     java.util.function.Function<Map<String, AttributeValue>, T> read) {
        var result = queryPage(request);
        var last = result.lastEvaluatedKey();
        return new org.teachertraining.core.common.Page<>(result.items().stream().map(read).toList(),
                last == null || last.isEmpty() ? null : encodeCursor(last));
    }

    /** Puts a record as JSON in {@code data} unless the key exists; true if it was put now. */
    public boolean putIfAbsent(String pk, String sk, Object record) {
        try {
            client.putItem(b -> b.tableName(name).item(Map.of("PK", s(pk), "SK", s(sk), "type", s(sk), "data", s(toJson(record))))
                    .conditionExpression("attribute_not_exists(PK)"));
            return true;
        } catch (software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException exists) {
            return false;
        }
    }

    /**
     * The requests SnapStart priming ({@link org.teachertraining.adapters.aws.Priming}) may send to the table, each named by
     * the IAM action it needs: a function primes with those its role allows, so that the client, its signer, its
     * connection and each operation's marshallers are ready in the snapshot. None changes an item.
     */
    public enum PrimingRequest {
        /** {@code dynamodb:GetItem}: a consistent read of a key no item has. */
        GET_ITEM,
        /** {@code dynamodb:BatchGetItem}: consistent reads of two keys no item has. */
        BATCH_GET_ITEM,
        /** {@code dynamodb:Query}: a consistent Query of a partition no item has. */
        QUERY,
        /**
         * {@code dynamodb:PutItem}: a put, and a transaction of one put, each under a condition no item can meet (the key
         * both present and absent), so DynamoDB refuses both (ConditionalCheckFailed) and writes nothing.
         */
        PUT_ITEM
    }

    static final String PRIMING_KEY = "PRIMING";
    /** A condition that holds for no item, present or absent. */
    static final String NEVER = "attribute_exists(PK) AND attribute_not_exists(PK)";

    /**
     * Sends {@code requests} ({@link PrimingRequest}; a put refused as it must be is not a failure), then builds the JSON
     * readers and writers of the records the table stores ({@link StoredJson#primeRecords}), which a restored function
     * would otherwise build on its first read or write of each.
     */
    public void prime(PrimingRequest... requests) {
        for (var request : requests) {
            switch (request) {
                case GET_ITEM -> get(PRIMING_KEY, PRIMING_KEY);
                case BATCH_GET_ITEM -> getAll(List.of(new ItemKey(PRIMING_KEY, PRIMING_KEY), new ItemKey(PRIMING_KEY, PRIMING_KEY + "#2")));
                case QUERY -> client.query(b -> b.tableName(name).consistentRead(true).keyConditionExpression("PK = :pk")
                        .expressionAttributeValues(Map.of(":pk", s(PRIMING_KEY))));
                case PUT_ITEM -> {
                    var item = Map.of("PK", s(PRIMING_KEY), "SK", s(PRIMING_KEY), "type", s(PRIMING_KEY));
                    try {
                        client.putItem(b -> b.tableName(name).item(item).conditionExpression(NEVER));
                        throw new IllegalStateException("DynamoDB met a condition no item can meet: " + NEVER);
                    } catch (software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException refused) {
                        // as it must be
                    }
                    var refusal = transact(List.of(TransactWriteItem.builder().put(p -> p.tableName(name).item(item).conditionExpression(NEVER)).build()));
                    if (refusal.isEmpty()) throw new IllegalStateException("DynamoDB met a condition no item can meet: " + NEVER);
                }
            }
        }
        StoredJson.primeRecords();
    }

    /** The JSON record in {@code data} under a key. */
    public <T> Optional<T> read(String pk, String sk, Class<T> type) {
        return get(pk, sk).map(i -> fromJson(str(i, "data"), type));
    }

    static String toJson(Object value) {
        return StoredJson.write(value);
    }

    static <T> T fromJson(String json, Class<T> type) {
        return StoredJson.read(json, type);
    }

    /**
     * Runs a transaction. Returns empty on success, or the cancellation reason codes (one per item,
     * "None" for items that were fine) when a condition failed. Conflicts with concurrent
     * transactions are retried with jittered backoff. Public for the benchmarks' limits, which send a recorded
     * transaction exactly as the adapters do.
     */
    public Optional<List<String>> transact(List<TransactWriteItem> items) {
        for (int attempt = 1; ; attempt++) {
            try {
                client.transactWriteItems(TransactWriteItemsRequest.builder().transactItems(items).build());
                return Optional.empty();
            } catch (TransactionCanceledException e) {
                var codes = e.cancellationReasons().stream().map(CancellationReason::code).toList();
                boolean conflict = codes.contains("TransactionConflict") || !codes.contains("ConditionalCheckFailed");
                if (!conflict) return Optional.of(codes);
                if (attempt >= MAX_ATTEMPTS) throw e;
                backoff(attempt);
            } catch (software.amazon.awssdk.services.dynamodb.model.TransactionInProgressException e) {
                if (attempt >= MAX_ATTEMPTS) throw e;
                backoff(attempt);
            }
        }
    }

    static boolean failed(List<String> codes, int index) {
        return index < codes.size() && "ConditionalCheckFailed".equals(codes.get(index));
    }

    private static void backoff(int attempt) {
        long cap = Math.min(200, 5L << Math.min(attempt, 6));
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, cap));
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ie);
        }
    }
}
