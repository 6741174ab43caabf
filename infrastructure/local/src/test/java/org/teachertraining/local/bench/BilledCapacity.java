package org.teachertraining.local.bench;

import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.function.Supplier;

/**
 * What DynamoDB would bill, computed from each successful request by its published rules rather than
 * taken from DynamoDB Local's ConsumedCapacity (which counts a one-item transactional put of a small item
 * as 4 write units where the rules say 2, and reports no index writes for some puts):
 * <ul>
 *   <li>a read: the item's size rounded up to 4 KB, one unit per 4 KB if strongly consistent, half if
 *   eventually consistent; a query the same over the items it returns; never less than one such block;</li>
 *   <li>a write: the item's size (after the write) rounded up to 1 KB, one unit per KB; in a transaction
 *   two; a ConditionCheck in a transaction as a transactional write of the item it checks;</li>
 *   <li>each global secondary index whose keys the written item carries (both indexes project ALL): one
 *   unit per KB of the item, counted once also inside transactions (the rules do not say that index writes
 *   double; if they do, add one per index entry to the transactional figures).</li>
 * </ul>
 * Item size is the sum of attribute names' and values' UTF-8 lengths (numbers: one byte per two significant
 * digits plus one), as DynamoDB's documentation states it.
 */
final class BilledCapacity implements ExecutionInterceptor {
    static final List<String> INDEX_KEYS = List.of("GSI1PK", "GSI2PK");

    final DoubleAdder reads = new DoubleAdder(), writes = new DoubleAdder();
    final List<String> trace = new CopyOnWriteArrayList<>();
    volatile boolean tracing;
    /** An unmetered client of the same table, for the items updates leave behind. */
    volatile Supplier<DynamoDbClient> raw;
    volatile String table;

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        SdkRequest request = context.request();
        SdkResponse response = context.response();
        if (request instanceof GetItemRequest g && response instanceof GetItemResponse r) {
            int size = r.hasItem() ? size(r.item()) : 0;
            read("GetItem " + size + " B" + (Boolean.TRUE.equals(g.consistentRead()) ? " strong" : ""), readUnits(size, g.consistentRead()));
        } else if (request instanceof BatchGetItemRequest b && response instanceof BatchGetItemResponse r) {
            // each key is billed as a GetItem of its own (a key without an item as the smallest read); unprocessed keys are asked again
            b.requestItems().forEach((name, asked) -> {
                var found = new java.util.HashMap<Map<String, AttributeValue>, Integer>();
                for (var item : r.responses().getOrDefault(name, List.of())) found.put(Map.of("PK", item.get("PK"), "SK", item.get("SK")), size(item));
                var left = r.hasUnprocessedKeys() && r.unprocessedKeys().containsKey(name) ? r.unprocessedKeys().get(name).keys() : List.<Map<String, AttributeValue>>of();
                for (var key : asked.keys()) {
                    if (left.contains(key)) continue;
                    int size = found.getOrDefault(key, 0);
                    read("BatchGetItem key " + size + " B" + (Boolean.TRUE.equals(asked.consistentRead()) ? " strong" : ""), readUnits(size, asked.consistentRead()));
                }
            });
        } else if (request instanceof QueryRequest q && response instanceof QueryResponse r) {
            int size = r.items().stream().mapToInt(BilledCapacity::size).sum();
            read("Query " + r.count() + " items, " + size + " B" + (q.indexName() == null ? "" : " on " + q.indexName()),
                    readUnits(size, q.indexName() == null && Boolean.TRUE.equals(q.consistentRead())));
        } else if (request instanceof PutItemRequest p) {
            write("PutItem", p.item(), 1);
        } else if (request instanceof UpdateItemRequest u) {
            write("UpdateItem", current(u.key()), 1);
        } else if (request instanceof TransactWriteItemsRequest t) {
            for (var item : t.transactItems()) {
                if (item.put() != null) write("Transact Put", item.put().item(), 2);
                else if (item.update() != null) write("Transact Update", current(item.update().key()), 2);
                else if (item.conditionCheck() != null) write("Transact ConditionCheck", current(item.conditionCheck().key()), 2);
                else if (item.delete() != null) write("Transact Delete", Map.of(), 2);
            }
        }
    }

    private Map<String, AttributeValue> current(Map<String, AttributeValue> key) {
        var item = raw.get().getItem(b -> b.tableName(table).key(key).consistentRead(true)).item();
        return item == null ? Map.of() : item;
    }

    private void read(String what, double units) {
        reads.add(units);
        if (tracing) trace.add(what + " → " + units + " R");
    }

    private void write(String what, Map<String, AttributeValue> item, int factor) {
        int size = size(item);
        long indexEntries = INDEX_KEYS.stream().filter(item::containsKey).count();
        double units = factor * kb(size) + indexEntries * kb(size);
        writes.add(units);
        if (tracing) trace.add(what + " " + size + " B, " + indexEntries + " index entries → " + units + " W");
    }

    static double readUnits(int size, Boolean strong) {
        long blocks = Math.max(1, (size + 4095) / 4096);
        return Boolean.TRUE.equals(strong) ? blocks : blocks / 2.0;
    }

    static long kb(int size) {
        return Math.max(1, (size + 1023) / 1024);
    }

    static int size(Map<String, AttributeValue> item) {
        int size = 0;
        for (var e : item.entrySet()) size += utf8(e.getKey()) + size(e.getValue());
        return size;
    }

    static int size(AttributeValue v) {
        if (v.s() != null) return utf8(v.s());
        if (v.n() != null) return number(v.n());
        if (v.b() != null) return v.b().asByteArray().length;
        if (v.bool() != null || Boolean.TRUE.equals(v.nul())) return 1;
        if (v.hasM()) return 3 + v.m().entrySet().stream().mapToInt(e -> utf8(e.getKey()) + 1 + size(e.getValue())).sum();
        if (v.hasL()) return 3 + v.l().stream().mapToInt(e -> 1 + size(e)).sum();
        if (v.hasSs()) return v.ss().stream().mapToInt(BilledCapacity::utf8).sum();
        if (v.hasNs()) return v.ns().stream().mapToInt(BilledCapacity::number).sum();
        return 0;
    }

    static int number(String n) {
        String digits = n.replaceAll("[^0-9]", "").replaceAll("^0+", "");
        return (Math.max(1, digits.length()) + 1) / 2 + 1;
    }

    static int utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    double[] snapshot() {
        return new double[]{reads.sum(), writes.sum()};
    }
}
