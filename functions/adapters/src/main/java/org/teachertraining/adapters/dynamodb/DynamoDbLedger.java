package org.teachertraining.adapters.dynamodb;

import org.teachertraining.core.credit.CreditEntry;
import org.teachertraining.core.credit.Ledger;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.teachertraining.adapters.dynamodb.TrainingTable.key;
import static org.teachertraining.adapters.dynamodb.TrainingTable.n;
import static org.teachertraining.adapters.dynamodb.TrainingTable.s;

/**
 * The ledger: entries PK=TEACHER#id, SK=CREDIT#entryId (append-only: put only if absent), and per year the
 * aggregate PK=TEACHER#id, SK=HOURS#year ({@code hours} and {@code hours_CATEGORY}), changed in the same
 * transaction as the entries, so a redelivered posting fails its conditions and changes nothing.
 */
public final class DynamoDbLedger implements Ledger {
    private final TrainingTable table;

    public DynamoDbLedger(TrainingTable table) {
        this.table = table;
    }

    @Override
    public boolean post(String teacherId, List<CreditEntry> entries) {
        if (entries.isEmpty()) return false;
        return table.transact(items(table, teacherId, entries)).isEmpty();
    }

    /** The transaction items that append {@code entries} (each only if absent) and change the yearly aggregates by their hours. */
    static List<TransactWriteItem> items(TrainingTable table, String teacherId, List<CreditEntry> entries) {
        var items = new ArrayList<TransactWriteItem>();
        var byYear = new TreeMap<Integer, Map<String, Integer>>();
        for (var e : entries) {
            items.add(TransactWriteItem.builder().put(Put.builder().tableName(table.name())
                    .item(Map.of("PK", s("TEACHER#" + teacherId), "SK", s("CREDIT#" + e.id()), "type", s("CREDIT"),
                            "data", s(TrainingTable.toJson(e))))
                    .conditionExpression("attribute_not_exists(PK)").build()).build());
            var sums = byYear.computeIfAbsent(e.year(), y -> new TreeMap<>());
            sums.merge("hours", e.hours(), Integer::sum);
            sums.merge("hours_" + e.category(), e.hours(), Integer::sum);
        }
        byYear.forEach((year, sums) -> {
            var expression = new StringBuilder("ADD ");
            var values = new java.util.HashMap<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue>();
            int i = 0;
            for (var sum : sums.entrySet()) {
                if (i > 0) expression.append(", ");
                expression.append(sum.getKey()).append(" :v").append(i);
                values.put(":v" + i, n(sum.getValue()));
                i++;
            }
            items.add(TransactWriteItem.builder().update(Update.builder().tableName(table.name())
                    .key(key("TEACHER#" + teacherId, "HOURS#" + year))
                    .updateExpression(expression.toString()).expressionAttributeValues(values).build()).build());
        });
        return items;
    }

    @Override
    public java.util.Optional<CreditEntry> find(String teacherId, String entryId) {
        return table.get("TEACHER#" + teacherId, "CREDIT#" + entryId).map(DynamoDbLedger::entry);
    }

    @Override
    public List<CreditEntry> ofTeacher(String teacherId) {
        return table.client().queryPaginator(QueryRequest.builder().tableName(table.name()).consistentRead(true)
                        .keyConditionExpression("PK = :pk AND begins_with(SK, :sk)")
                        .expressionAttributeValues(Map.of(":pk", s("TEACHER#" + teacherId), ":sk", s("CREDIT#"))).build())
                .items().stream().map(DynamoDbLedger::entry).toList();
    }

    /** A ledger entry as its item holds it. */
    static CreditEntry entry(Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> item) {
        return TrainingTable.fromJson(TrainingTable.str(item, "data"), CreditEntry.class);
    }
}
