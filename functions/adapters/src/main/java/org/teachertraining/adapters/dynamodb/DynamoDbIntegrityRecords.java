package org.teachertraining.adapters.dynamodb;

import org.teachertraining.core.integrity.IntegrityRecord;
import org.teachertraining.core.integrity.IntegrityRecords;
import org.teachertraining.core.integrity.Recourse;
import org.teachertraining.core.common.Page;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import org.teachertraining.core.notification.Notification;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.teachertraining.adapters.dynamodb.TrainingTable.s;

/** Integrity records: PK=TEACHER#id, SK=INTEGRITY#occurredOn#projectId, read with the teacher's partition. */
public final class DynamoDbIntegrityRecords implements IntegrityRecords {
    private final TrainingTable table;
    private final DynamoDbNotifications notifications;

    public DynamoDbIntegrityRecords(TrainingTable table) {
        this.table = table;
        this.notifications = new DynamoDbNotifications(table);
    }

    /** The record, then its teacher's ban mark raised ({@link SeatRecords}): a booking from then on is checked against it. */
    @Override
    public void add(IntegrityRecord r) {
        table.client().putItem(PutItemRequest.builder().tableName(table.name()).item(item(r)).build());
        SeatRecords.raiseBan(table, r);
    }

    /**
     * The record and its notices in one transaction; if the notices were delivered already (a repeat), the record alone.
     * Then its teacher's ban mark raised ({@link SeatRecords}).
     */
    @Override
    public void add(IntegrityRecord r, List<Notification> notices) {
        var items = new ArrayList<TransactWriteItem>(List.of(TransactWriteItem.builder()
                .put(Put.builder().tableName(table.name()).item(item(r)).build()).build()));
        for (var n : notices) items.addAll(notifications.delivery(n));
        if (table.transact(items).isPresent()) {
            add(r);   // only a notice's guard can refuse: delivered with the record before
        } else {
            SeatRecords.raiseBan(table, r);
        }
    }

    /** The record's item: its key, its type, the record as JSON; put unconditionally (the same record again replaces it). */
    static Map<String, AttributeValue> item(IntegrityRecord r) {
        var item = new java.util.HashMap<>(key(r));
        item.put("type", s("INTEGRITY"));
        item.put("data", s(TrainingTable.toJson(r)));
        return item;
    }

    /** PK=TEACHER#teacherId, SK=INTEGRITY#occurredOn#projectId. */
    static Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> key(IntegrityRecord r) {
        return Map.of("PK", s("TEACHER#" + r.teacherId()), "SK", s("INTEGRITY#" + r.occurredOn() + "#" + r.projectId()));
    }

    /** Recourse (E4a) on its own item, PK=TEACHER#teacherId, SK=RECOURSE#recordId: a record re-written by a posting keeps it. */
    @Override
    public Map<String, Recourse> recourseOf(String teacherId) {
        var out = new java.util.HashMap<String, Recourse>();
        table.client().queryPaginator(QueryRequest.builder().tableName(table.name()).consistentRead(true)
                        .keyConditionExpression("PK = :pk AND begins_with(SK, :sk)")
                        .expressionAttributeValues(Map.of(":pk", s("TEACHER#" + teacherId), ":sk", s("RECOURSE#"))).build())
                .items().forEach(i -> {
                    var r = TrainingTable.fromJson(TrainingTable.str(i, "data"), Recourse.class);
                    out.put(r.recordId(), r);
                });
        return out;
    }

    /**
     * Each step put on the version it was decided on. While the recourse awaits the province's decision, GSI1 lists it
     * under its province: RECOURSE#AWAITING#<the province's two digits> / lastStepAt#teacherId#recordId, with the
     * teacher's unit and the record beside it; a decision's put leaves the index (a sparse queue).
     */
    @Override
    public boolean saveRecourse(Recourse r, IntegrityRecord record, String teacherUnit, List<Notification> notices) {
        var item = new java.util.HashMap<>(recourseKey(r.teacherId(), r.recordId()).attributes());
        item.putAll(Map.of("type", s("RECOURSE"),
                "status", s(r.status().name()), "version", TrainingTable.n(r.version()), "data", s(TrainingTable.toJson(r))));
        if (r.awaitsDecision()) {
            item.put("GSI1PK", s(AWAITING + teacherUnit.substring(0, 2)));
            item.put("GSI1SK", s(r.lastStepAt() + "#" + r.teacherId() + "#" + r.recordId()));
            item.put("unit", s(teacherUnit));
            item.put("record", s(TrainingTable.toJson(record)));
        }
        var put = Put.builder().tableName(table.name()).item(item);
        if (r.version() == 1) {
            put.conditionExpression("attribute_not_exists(PK)");
        } else {
            put.conditionExpression("version = :previous").expressionAttributeValues(Map.of(":previous", TrainingTable.n(r.version() - 1)));
        }
        var items = new ArrayList<TransactWriteItem>(List.of(TransactWriteItem.builder().put(put.build()).build()));
        for (var n : notices) items.addAll(notifications.delivery(n));   // each notice's ID is the step's: new
        var failed = table.transact(items);
        if (failed.isEmpty()) {
            if (!r.liftsBan()) SeatRecords.raiseBan(table, record);   // a ban the province upheld, or reinstated, bars bookings again
            return true;
        }
        if (TrainingTable.failed(failed.get(), 0)) return false;
        throw new IllegalStateException("a notice of this step was delivered before the step: " + failed.get());
    }

    private static final String AWAITING = "RECOURSE#AWAITING#";

    /** PK=TEACHER#teacherId, SK=RECOURSE#recordId. */
    static TrainingTable.ItemKey recourseKey(String teacherId, String recordId) {
        return new TrainingTable.ItemKey("TEACHER#" + teacherId, "RECOURSE#" + recordId);
    }

    /**
     * The recourse on {@code removed}, if it awaits the province's decision, taken off the province's list in a
     * correction's transaction (the record is gone, so nothing is left to decide): its index keys removed, on the
     * version read, so a step taken meanwhile fails the correction instead of being hidden. Its steps stay.
     */
    static Optional<TransactWriteItem> leavingTheQueue(TrainingTable table, IntegrityRecord removed) {
        var key = recourseKey(removed.teacherId(), removed.id());
        return table.get(key).filter(i -> i.containsKey("GSI1PK")).map(i -> TransactWriteItem.builder()
                .update(Update.builder().tableName(table.name()).key(key.attributes())
                        .updateExpression("REMOVE GSI1PK, GSI1SK").conditionExpression("version = :read")
                        .expressionAttributeValues(Map.of(":read", i.get("version"))).build()).build());
    }

    @Override
    public Page<Awaiting> awaitingDecision(String unitPrefix, Recourse.Status status, String cursor, int limit) {
        String pk = AWAITING + unitPrefix.substring(0, 2);
        var filters = new java.util.ArrayList<String>();
        var names = new java.util.HashMap<String, String>();
        var values = new java.util.HashMap<String, AttributeValue>(Map.of(":pk", s(pk)));
        if (unitPrefix.length() > 2) {   // below the province: its city's or county's (or school's) teachers
            filters.add("begins_with(#unit, :unit)");
            names.put("#unit", "unit");
            values.put(":unit", s(unitPrefix));
        }
        if (status != null) {
            filters.add("#status = :status");
            names.put("#status", "status");
            values.put(":status", s(status.name()));
        }
        var request = QueryRequest.builder().tableName(table.name()).indexName(TrainingTable.GSI1)
                .keyConditionExpression("GSI1PK = :pk").expressionAttributeValues(values);
        if (!filters.isEmpty()) request.filterExpression(String.join(" AND ", filters)).expressionAttributeNames(names);
        if (cursor != null) request.exclusiveStartKey(TrainingTable.decodeCursor(cursor, "GSI1PK", pk, "GSI1SK", ""));
        // a county's page of the province's queue reads on until it is full: the other counties' entries come between
        return table.filledPage(request.build(), List.of("PK", "SK", "GSI1PK", "GSI1SK"), limit, !filters.isEmpty(),
                i -> new Awaiting(TrainingTable.fromJson(TrainingTable.str(i, "record"), IntegrityRecord.class),
                        TrainingTable.fromJson(TrainingTable.str(i, "data"), Recourse.class), TrainingTable.str(i, "unit")));
    }

    @Override
    public List<IntegrityRecord> ofTeacher(String teacherId) {
        // strongly consistent: a record bars the teacher from its write on (E4), for the next selection's check and for the
        // release of the teacher's later seats that follows the write at once (ReleaseBannedSeats)
        return table.client().query(QueryRequest.builder().tableName(table.name()).consistentRead(true)
                        .keyConditionExpression("PK = :pk AND begins_with(SK, :sk)")
                        .expressionAttributeValues(Map.of(":pk", s("TEACHER#" + teacherId), ":sk", s("INTEGRITY#"))).build())
                .items().stream().map(i -> TrainingTable.fromJson(TrainingTable.str(i, "data"), IntegrityRecord.class)).toList();
    }
}
