package org.teachertraining.adapters.dynamodb;

import org.teachertraining.core.common.BadCursor;
import org.teachertraining.core.common.Page;
import org.teachertraining.core.notification.Notification;
import org.teachertraining.core.notification.Notifications;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.teachertraining.adapters.dynamodb.TrainingTable.s;

/**
 * Inboxes and the outbox. Under INBOX#recipient: NOTE#0#newest-first#id while unread, NOTE#1#…#id once read
 * (so one query lists unread first, newest first), and NOTEID#id pointing at it. The outbox record OUTBOX#id
 * (GSI1 OUTBOX#PENDING / createdAt#id) is what a mail or SMS adapter consumes. Delivery writes pointer,
 * entry and outbox record in one transaction, the pointer only if absent: once per recipient and occasion.
 */
public final class DynamoDbNotifications implements Notifications {
    private final TrainingTable table;

    public DynamoDbNotifications(TrainingTable table) {
        this.table = table;
    }

    @Override
    public boolean deliver(Notification n) {
        return table.transact(delivery(n)).isEmpty();
    }

    /** The writes of a delivery (pointer, entry, outbox record), the pointer first and only if absent: for a transaction of its own or another's. */
    List<TransactWriteItem> delivery(Notification n) {
        String pk = "INBOX#" + n.recipient();
        String sk = sortKey(n);
        return List.of(
                put(Map.of("PK", s(pk), "SK", s("NOTEID#" + n.id()), "type", s("NOTEID"), "sk", s(sk))),
                put(Map.of("PK", s(pk), "SK", s(sk), "type", s("NOTE"), "data", s(TrainingTable.toJson(n)))),
                put(Map.of("PK", s("OUTBOX#" + n.id()), "SK", s("OUTBOX"), "type", s("OUTBOX"), "GSI1PK", s("OUTBOX#PENDING"),
                        "GSI1SK", s(n.createdAt() + "#" + n.id()), "data", s(TrainingTable.toJson(n)))));
    }

    @Override
    public Page<Notification> inbox(String recipient, String cursor, int limit) {
        String pk = "INBOX#" + recipient;
        var request = QueryRequest.builder().tableName(table.name()).consistentRead(true).limit(limit)
                .keyConditionExpression("PK = :pk AND begins_with(SK, :sk)")
                .expressionAttributeValues(Map.of(":pk", s(pk), ":sk", s("NOTE#")));
        if (cursor != null) {
            String sk;
            try {
                sk = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new BadCursor();
            }
            if (!sk.startsWith("NOTE#")) throw new BadCursor();
            request.exclusiveStartKey(Map.of("PK", s(pk), "SK", s(sk)));
        }
        var result = table.client().query(request.build());
        var last = result.lastEvaluatedKey();
        return new Page<>(result.items().stream().map(i -> TrainingTable.fromJson(TrainingTable.str(i, "data"), Notification.class)).toList(),
                last == null || last.isEmpty() ? null : Base64.getUrlEncoder().withoutPadding().encodeToString(last.get("SK").s().getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public Optional<Notification> markRead(String recipient, String id, Instant at) {
        String pk = "INBOX#" + recipient;
        var pointer = table.get(pk, "NOTEID#" + id);
        if (pointer.isEmpty()) return Optional.empty();
        String oldSk = TrainingTable.str(pointer.get(), "sk");
        var current = table.read(pk, oldSk, Notification.class).orElseThrow();
        if (current.readAt() != null) return Optional.of(current);
        var read = current.read(at);
        String newSk = sortKey(read);
        var failed = table.transact(List.of(
                TransactWriteItem.builder().delete(Delete.builder().tableName(table.name()).key(TrainingTable.key(pk, oldSk))
                        .conditionExpression("attribute_exists(PK)").build()).build(),
                TransactWriteItem.builder().put(Put.builder().tableName(table.name())
                        .item(Map.of("PK", s(pk), "SK", s(newSk), "type", s("NOTE"), "data", s(TrainingTable.toJson(read)))).build()).build(),
                TransactWriteItem.builder().put(Put.builder().tableName(table.name())
                        .item(Map.of("PK", s(pk), "SK", s("NOTEID#" + id), "type", s("NOTEID"), "sk", s(newSk)))
                        .conditionExpression("sk = :old").expressionAttributeValues(Map.of(":old", s(oldSk))).build()).build()));
        // lost a race with another reader marking it: it is read either way
        return failed.isEmpty() ? Optional.of(read) : table.read(pk, TrainingTable.str(table.get(pk, "NOTEID#" + id).orElseThrow(), "sk"), Notification.class);
    }

    /** Unread (0) before read (1); within each, newest first. */
    private static String sortKey(Notification n) {
        long newestFirst = Long.MAX_VALUE - n.createdAt().toEpochMilli();
        return "NOTE#" + (n.readAt() == null ? "0" : "1") + "#" + String.format("%019d", newestFirst) + "#" + n.id();
    }

    private TransactWriteItem put(Map<String, AttributeValue> item) {
        return TransactWriteItem.builder().put(Put.builder().tableName(table.name()).item(item).conditionExpression("attribute_not_exists(PK)").build()).build();
    }
}
