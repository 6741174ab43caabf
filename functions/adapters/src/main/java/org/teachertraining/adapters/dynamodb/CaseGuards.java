package org.teachertraining.adapters.dynamodb;

import org.teachertraining.core.common.IdOfAnother;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

import java.util.Locale;
import java.util.Map;

import static org.teachertraining.adapters.dynamodb.TrainingTable.s;

/**
 * Items that hold a record's ID by its upper case (PK={@code <KIND>ID#<ID in upper case>}, SK={@code <KIND>ID}, {@code id}
 * the ID as registered), written in the record's transaction: one record of a kind per ID whatever its case.
 */
final class CaseGuards {
    private CaseGuards() {}

    static Map<String, AttributeValue> item(String kind, String id) {
        return Map.of("PK", s(key(kind, id)), "SK", s(kind + "ID"), "type", s(kind + "ID"), "id", s(id));
    }

    /** The guard put in a transaction: it succeeds where the guard is free or already the ID's own. */
    static TransactWriteItem claim(TrainingTable table, String kind, String id) {
        return TransactWriteItem.builder().put(Put.builder().tableName(table.name()).item(item(kind, id))
                .conditionExpression("attribute_not_exists(PK) OR id = :id").expressionAttributeValues(Map.of(":id", s(id))).build()).build();
    }

    /** The other record's ID, for a claim that failed. */
    static IdOfAnother heldByAnother(TrainingTable table, String kind, String id) {
        return new IdOfAnother(registered(table, kind, id).orElse("?"));
    }

    /** The ID as registered of the record whose ID is {@code id} in any case, if one holds the guard. */
    static java.util.Optional<String> registered(TrainingTable table, String kind, String id) {
        return table.get(new TrainingTable.ItemKey(key(kind, id), kind + "ID")).map(g -> TrainingTable.str(g, "id"));
    }

    /** The ID as registered of another record whose ID differs from {@code id} only in case, if one holds the guard. */
    static java.util.Optional<String> inAnotherCase(TrainingTable table, String kind, String id) {
        return registered(table, kind, id).filter(registered -> !registered.equals(id));
    }

    private static String key(String kind, String id) {
        return kind + "ID#" + id.toUpperCase(Locale.ROOT);
    }
}
