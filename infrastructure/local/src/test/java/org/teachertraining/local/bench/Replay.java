package org.teachertraining.local.bench;

import org.teachertraining.adapters.dynamodb.TrainingTable;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * The limit a workload is measured against: the very requests the platform sent for one operation, recorded
 * from its own use case and adapters ({@link Recorder}), then sent again for other operations (other projects,
 * teachers, IDs: {@link #rewrite}) straight to the same emulators with the AWS SDK — no HTTP API, no handler,
 * no use case. What the platform adds on top of them is what a benchmark's ratio to this limit shows.
 */
final class Replay {
    private Replay() {}

    /** Records every request a client sends (after its interceptors' changes), in order, per thread. */
    static final class Recorder implements ExecutionInterceptor {
        final List<SdkRequest> requests = Collections.synchronizedList(new ArrayList<>());
        volatile boolean on;

        @Override
        public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
            if (on) requests.add(context.request());
        }

        /** The requests sent while {@code operation} ran. */
        List<SdkRequest> during(Runnable operation) {
            requests.clear();
            on = true;
            try {
                operation.run();
            } finally {
                on = false;
            }
            return List.copyOf(requests);
        }
    }

    /** What the requests were, for the record: "BatchGetItem(4)×1, GetItem×1, Query×1, TransactWriteItems(5)×1". */
    static String mix(List<SdkRequest> requests) {
        return requests.stream().map(r -> r instanceof TransactWriteItemsRequest t ? "TransactWriteItems(" + t.transactItems().size() + ")"
                        : r instanceof BatchGetItemRequest b ? "BatchGetItem(" + b.requestItems().values().stream().mapToInt(k -> k.keys().size()).sum() + ")"
                        : r.getClass().getSimpleName().replace("Request", ""))
                .collect(Collectors.groupingBy(s -> s, LinkedHashMap::new, Collectors.counting()))
                .entrySet().stream().map(e -> e.getKey() + "×" + e.getValue()).collect(Collectors.joining(", "));
    }

    /** Every string value in the requests' keys and items that starts with {@code prefix}, without it: the IDs of a kind. */
    static java.util.Set<String> ids(List<SdkRequest> requests, String prefix) {
        var found = new java.util.LinkedHashSet<String>();
        rewrite(requests, s -> {
            if (s.startsWith(prefix)) found.add(s.substring(prefix.length()));
            return s;
        });
        return found;
    }

    /** {@code requests} with every string in keys, items and expression values passed through {@code change}. */
    static List<SdkRequest> rewrite(List<SdkRequest> requests, UnaryOperator<String> change) {
        return requests.stream().map(r -> rewrite(r, change)).toList();
    }

    static SdkRequest rewrite(SdkRequest request, UnaryOperator<String> change) {
        if (request instanceof GetItemRequest r) return r.toBuilder().key(values(r.key(), change)).build();
        if (request instanceof QueryRequest r) {
            var b = r.toBuilder().expressionAttributeValues(values(r.expressionAttributeValues(), change));
            if (r.hasExclusiveStartKey()) b.exclusiveStartKey(values(r.exclusiveStartKey(), change));
            return b.build();
        }
        if (request instanceof BatchGetItemRequest r) {
            var items = new LinkedHashMap<String, KeysAndAttributes>();
            r.requestItems().forEach((table, k) -> items.put(table, k.toBuilder().keys(k.keys().stream().map(key -> values(key, change)).toList()).build()));
            return r.toBuilder().requestItems(items).build();
        }
        if (request instanceof PutItemRequest r) {
            return r.toBuilder().item(values(r.item(), change)).expressionAttributeValues(values(r.expressionAttributeValues(), change)).build();
        }
        if (request instanceof UpdateItemRequest r) {
            return r.toBuilder().key(values(r.key(), change)).expressionAttributeValues(values(r.expressionAttributeValues(), change)).build();
        }
        if (request instanceof DeleteItemRequest r) {
            return r.toBuilder().key(values(r.key(), change)).expressionAttributeValues(values(r.expressionAttributeValues(), change)).build();
        }
        if (request instanceof TransactWriteItemsRequest r) {
            return r.toBuilder().transactItems(r.transactItems().stream().map(i -> rewrite(i, change)).toList()).build();
        }
        if (request instanceof PutObjectRequest r) return r.toBuilder().key(change.apply(r.key())).build();
        throw new IllegalArgumentException("the replay does not know " + request.getClass().getSimpleName() + ": teach it, or the limit is not the platform's requests");
    }

    private static TransactWriteItem rewrite(TransactWriteItem i, UnaryOperator<String> change) {
        var b = i.toBuilder();
        if (i.put() != null) b.put(i.put().toBuilder().item(values(i.put().item(), change))
                .expressionAttributeValues(values(i.put().expressionAttributeValues(), change)).build());
        if (i.update() != null) b.update(i.update().toBuilder().key(values(i.update().key(), change))
                .expressionAttributeValues(values(i.update().expressionAttributeValues(), change)).build());
        if (i.delete() != null) b.delete(i.delete().toBuilder().key(values(i.delete().key(), change))
                .expressionAttributeValues(values(i.delete().expressionAttributeValues(), change)).build());
        if (i.conditionCheck() != null) b.conditionCheck(i.conditionCheck().toBuilder().key(values(i.conditionCheck().key(), change))
                .expressionAttributeValues(values(i.conditionCheck().expressionAttributeValues(), change)).build());
        return b.build();
    }

    private static Map<String, AttributeValue> values(Map<String, AttributeValue> map, UnaryOperator<String> change) {
        if (map == null || map.isEmpty()) return map;
        var out = new LinkedHashMap<String, AttributeValue>();
        map.forEach((k, v) -> out.put(k, value(v, change)));
        return out;
    }

    private static AttributeValue value(AttributeValue v, UnaryOperator<String> change) {
        return switch (v.type()) {
            case S -> AttributeValue.fromS(change.apply(v.s()));
            case SS -> AttributeValue.fromSs(v.ss().stream().map(change).toList());
            case M -> AttributeValue.fromM(values(v.m(), change));
            case L -> AttributeValue.fromL(v.l().stream().map(x -> value(x, change)).toList());
            default -> v;
        };
    }

    /**
     * Sends recorded DynamoDB requests as the platform's adapters do: a transaction through {@link TrainingTable#transact}
     * (a conflict sent again after its backoff, a failed condition an answer), and a single write refused by its
     * condition is an answer too (the adapters' guards against older or repeated writes).
     *
     * @return false when a write was refused by its conditions
     */
    static boolean send(TrainingTable table, List<SdkRequest> requests) {
        var dynamo = table.client();
        boolean accepted = true;
        for (var r : requests) {
            if (r instanceof GetItemRequest g) dynamo.getItem(g);
            else if (r instanceof QueryRequest q) dynamo.query(q);
            else if (r instanceof BatchGetItemRequest b) dynamo.batchGetItem(b);
            else if (r instanceof PutItemRequest p) accepted &= conditionally(() -> dynamo.putItem(p));
            else if (r instanceof UpdateItemRequest u) accepted &= conditionally(() -> dynamo.updateItem(u));
            else if (r instanceof DeleteItemRequest d) accepted &= conditionally(() -> dynamo.deleteItem(d));
            else if (r instanceof TransactWriteItemsRequest t) accepted &= table.transact(t.transactItems()).isEmpty();
            else throw new IllegalArgumentException("not a DynamoDB request the replay sends: " + r.getClass().getSimpleName());
        }
        return accepted;
    }

    private static boolean conditionally(Runnable write) {
        try {
            write.run();
            return true;
        } catch (ConditionalCheckFailedException refused) {
            return false;
        }
    }
}
