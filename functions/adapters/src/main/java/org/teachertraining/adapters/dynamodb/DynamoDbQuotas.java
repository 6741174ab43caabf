package org.teachertraining.adapters.dynamodb;

import org.teachertraining.core.quota.Quota;
import org.teachertraining.core.quota.Quotas;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.teachertraining.adapters.dynamodb.TrainingTable.key;
import static org.teachertraining.adapters.dynamodb.TrainingTable.n;
import static org.teachertraining.adapters.dynamodb.TrainingTable.s;

/**
 * Quotas: PK=PROJECT#id, SK=QUOTA#jurisdiction with quotaSeats, quotaAllocated, quotaUsed and quotaFree (= seats − allocated −
 * used, kept so that DynamoDB conditions can test it). An uncapped project root has {@code quotaUnlimited}; a cancelled
 * project's pools have {@code closedAt}. (The prefix keeps clear of DynamoDB reserved words.)
 * Allocation is optimistic: read both items, then one transaction conditioned on what was read.
 */
public final class DynamoDbQuotas implements Quotas {
    private final TrainingTable table;

    public DynamoDbQuotas(TrainingTable table) {
        this.table = table;
    }

    /**
     * The condition a write into a pool carries (a booking, a promotion, a listing, an allocation's parent): the pool is
     * open, not closed by its project's cancellation ({@link #close}).
     */
    static final String OPEN = "attribute_not_exists(closedAt)";

    /** {@link #OPEN} as a check in a transaction that writes nothing to the pool itself. */
    static TransactWriteItem stillOpen(TrainingTable table, String projectId, String pool) {
        return TransactWriteItem.builder().conditionCheck(ConditionCheck.builder()
                .tableName(table.name()).key(key("PROJECT#" + projectId, "QUOTA#" + pool)).conditionExpression(OPEN).build()).build();
    }

    @Override
    public List<Quota> ofProject(String projectId) {
        return items(projectId).map(i -> read(projectId, i)).toList();
    }

    /** The project's quota items, read consistently. */
    private java.util.stream.Stream<Map<String, AttributeValue>> items(String projectId) {
        return table.client().queryPaginator(QueryRequest.builder().tableName(table.name()).consistentRead(true)
                        .keyConditionExpression("PK = :pk AND begins_with(SK, :sk)")
                        .expressionAttributeValues(Map.of(":pk", s("PROJECT#" + projectId), ":sk", s("QUOTA#"))).build())
                .items().stream();
    }

    @Override
    public Optional<Quota> find(String projectId, String jurisdiction) {
        return table.get("PROJECT#" + projectId, "QUOTA#" + jurisdiction).map(i -> read(projectId, i));
    }

    /**
     * {@code closedAt} on each of the project's quota items, {@value TrainingTable#MAX_TRANSACTION_ITEMS} to a transaction:
     * a booking's, a promotion's, a listing's and an allocation's writes are conditional on its absence (an allocation's
     * on its parent's). Read again until none is open: a pool made by an allocation between the read and the parent's
     * closing is closed in the next round, and no pool can be made once every parent is closed.
     */
    @Override
    public void close(String projectId, Instant at) {
        for (int round = 1; ; round++) {
            var open = items(projectId).filter(i -> !i.containsKey("closedAt")).map(i -> TrainingTable.str(i, "SK")).toList();
            if (open.isEmpty()) return;
            if (round > TrainingTable.MAX_ATTEMPTS) throw new IllegalStateException("pools of project " + projectId + " kept opening");
            for (int from = 0; from < open.size(); from += TrainingTable.MAX_TRANSACTION_ITEMS) {
                table.transact(open.subList(from, Math.min(open.size(), from + TrainingTable.MAX_TRANSACTION_ITEMS)).stream()
                        .map(sk -> TransactWriteItem.builder().update(Update.builder().tableName(table.name())
                                .key(key("PROJECT#" + projectId, sk))
                                .updateExpression("SET closedAt = if_not_exists(closedAt, :at)")
                                .expressionAttributeValues(Map.of(":at", s(at.toString()))).build()).build())
                        .toList());
            }
        }
    }

    @Override
    public Allocation allocate(String projectId, String parent, String child, int seats) {
        for (int attempt = 1; ; attempt++) {
            var parentQuota = find(projectId, parent);
            if (parentQuota.isEmpty()) return new Allocation.NoParentPool();
            var current = find(projectId, child);
            int oldSeats = current.map(q -> q.seats() == null ? 0 : q.seats()).orElse(0);
            int delta = seats - oldSeats;
            if (current.isPresent()) {
                int used = current.get().allocated() + current.get().used();
                if (seats < used) return new Allocation.BelowUsed(used);
                if (delta == 0) return new Allocation.Allocated(current.get());
            }
            var p = parentQuota.get();
            if (delta > 0 && !p.unlimited() && p.free() < delta) return new Allocation.ParentShort(p.free());

            var failed = table.transact(List.of(childWrite(projectId, child, seats, oldSeats, delta, current.isPresent()),
                    parentWrite(projectId, parent, delta)));
            if (failed.isEmpty()) {
                return new Allocation.Allocated(find(projectId, child).orElseThrow());
            }
            if (table.get("PROJECT#" + projectId, "QUOTA#" + parent).filter(i -> i.containsKey("closedAt")).isPresent()) return new Allocation.PoolClosed();
            if (attempt >= TrainingTable.MAX_ATTEMPTS) throw new IllegalStateException("quota allocation kept conflicting");
            // a concurrent change moved the numbers: read again and decide again
        }
    }

    private TransactWriteItem childWrite(String projectId, String child, int seats, int oldSeats, int delta, boolean exists) {
        if (!exists) {
            return TransactWriteItem.builder().put(Put.builder().tableName(table.name())
                    .item(Map.of("PK", s("PROJECT#" + projectId), "SK", s("QUOTA#" + child), "type", s("QUOTA"),
                            "jurisdiction", s(child), "quotaSeats", n(seats), "quotaAllocated", n(0), "quotaUsed", n(0), "quotaFree", n(seats)))
                    .conditionExpression("attribute_not_exists(PK)").build()).build();
        }
        return TransactWriteItem.builder().update(Update.builder().tableName(table.name())
                .key(key("PROJECT#" + projectId, "QUOTA#" + child))
                .updateExpression("SET quotaSeats = :seats, quotaFree = quotaFree + :delta")
                .conditionExpression("quotaSeats = :old AND quotaFree >= :minusDelta")
                .expressionAttributeValues(Map.of(":seats", n(seats), ":delta", n(delta), ":old", n(oldSeats),
                        ":minusDelta", n(-delta)))
                .build()).build();
    }

    private TransactWriteItem parentWrite(String projectId, String parent, int delta) {
        var values = new HashMap<String, AttributeValue>(Map.of(":delta", n(delta), ":minusDelta", n(-delta)));
        // open: a cancellation closes every pool before it reads the seats to release (close), so no pool is made or grows after
        String condition = "attribute_exists(PK) AND " + OPEN;
        if (delta > 0) {
            condition += " AND (quotaUnlimited = :true OR quotaFree >= :delta)";
            values.put(":true", AttributeValue.fromBool(true));
        }
        return TransactWriteItem.builder().update(Update.builder().tableName(table.name())
                .key(key("PROJECT#" + projectId, "QUOTA#" + parent))
                .updateExpression("SET quotaAllocated = quotaAllocated + :delta, quotaFree = quotaFree + :minusDelta")
                .conditionExpression(condition)
                .expressionAttributeValues(values).build()).build();
    }

    private static Quota read(String projectId, Map<String, AttributeValue> i) {
        boolean unlimited = i.containsKey("quotaUnlimited") && Boolean.TRUE.equals(i.get("quotaUnlimited").bool());
        return new Quota(projectId, TrainingTable.str(i, "jurisdiction"), unlimited ? null : TrainingTable.num(i, "quotaSeats"),
                TrainingTable.num(i, "quotaAllocated"), TrainingTable.num(i, "quotaUsed"));
    }
}
