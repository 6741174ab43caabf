package org.teachertraining.adapters.dynamodb;

import org.teachertraining.core.enrollment.Enrollment;
import org.teachertraining.core.enrollment.EnrollmentStatus;
import org.teachertraining.core.enrollment.NationalSeats;
import org.teachertraining.core.enrollment.WaitlistEntry;
import org.teachertraining.core.enrollment.Waitlists;
import org.teachertraining.core.notification.Notification;
import org.teachertraining.core.program.ProgramLevel;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.teachertraining.adapters.dynamodb.TrainingTable.failed;
import static org.teachertraining.adapters.dynamodb.TrainingTable.key;
import static org.teachertraining.adapters.dynamodb.TrainingTable.s;
import static org.teachertraining.adapters.dynamodb.TrainingTable.str;

/**
 * Waitlists under the project: the entry PROJECT#id / WAITLIST#pool#addedAt(epoch ms, 13 digits)#teacherId, so
 * one query reads a pool (or every pool of a subtree, by code prefix) in order; and WAITLISTED#teacherId,
 * the one-entry-per-teacher guard, which names the entry and lists it under the teacher (GSI1 TEACHER#id /
 * WAITLISTED#projectId). A promotion is one transaction of the freed
 * enrollment, the new one, both waitlist items and the notice.
 */
public final class DynamoDbWaitlists implements Waitlists {
    private final TrainingTable table;
    private final DynamoDbNotifications notifications;
    private final SeatRecords seatRecords;

    public DynamoDbWaitlists(TrainingTable table, DynamoDbNotifications notifications) {
        this.table = table;
        this.notifications = notifications;
        this.seatRecords = new SeatRecords(table);
    }

    /**
     * The guard (one entry a teacher) and the entry, on the condition that the pool is open (a cancellation closes it
     * first) and, for a provincial or national project, that the teacher's ban mark has passed ({@link SeatRecords#listing}).
     */
    @Override
    public Listing add(WaitlistEntry e, ProgramLevel level) {
        for (int attempt = 1; ; attempt++) {
            var listing = addOnce(e, level);
            if (listing != null) return listing;
            // the teacher's ban mark outlasted every ban in force and was taken down (SeatRecords#whyRefused)
            if (attempt >= TrainingTable.MAX_ATTEMPTS) throw new IllegalStateException("the seat record of " + e.teacherId() + " kept changing");
        }
    }

    /** The listing's transaction; null when the teacher's seat record alone refused it and no ban explains it. */
    private Listing addOnce(WaitlistEntry e, ProgramLevel level) {
        String data = TrainingTable.toJson(e);
        var items = new ArrayList<>(List.of(
                TransactWriteItem.builder().put(Put.builder().tableName(table.name())
                        .item(Map.of("PK", s(pk(e.projectId())), "SK", s(guard(e.teacherId())), "type", s("WAITLISTED"), "entry", s(entrySk(e)), "data", s(data),
                                "GSI1PK", s("TEACHER#" + e.teacherId()), "GSI1SK", s("WAITLISTED#" + e.projectId())))
                        .conditionExpression("attribute_not_exists(PK)").build()).build(),
                TransactWriteItem.builder().put(Put.builder().tableName(table.name())
                        .item(Map.of("PK", s(pk(e.projectId())), "SK", s(entrySk(e)), "type", s("WAITLIST"), "data", s(data))).build()).build(),
                DynamoDbQuotas.stillOpen(table, e.projectId(), e.quotaJurisdiction())));
        seatRecords.listing(e, level).ifPresent(items::add);
        var failedCodes = table.transact(items);
        if (failedCodes.isEmpty()) return Listing.LISTED;
        if (failed(failedCodes.get(), 0)) return Listing.ALREADY_LISTED;
        if (failed(failedCodes.get(), 2)) return Listing.POOL_CLOSED;
        if (failed(failedCodes.get(), 3)) return seatRecords.whyRefused(e.teacherId(), e.addedAt(), null) == SeatRecords.Refusal.BANNED ? Listing.BANNED : null;
        throw new IllegalStateException("listing refused for another reason: " + failedCodes.get());
    }

    @Override
    public Optional<WaitlistEntry> find(String projectId, String teacherId) {
        return guarded(table, projectId, teacherId);
    }

    /** The teacher's entry, as the guard names it (a consistent read). */
    static Optional<WaitlistEntry> guarded(TrainingTable table, String projectId, String teacherId) {
        return table.read(pk(projectId), guard(teacherId), WaitlistEntry.class);
    }

    @Override
    public List<WaitlistEntry> ofPool(String projectId, String quotaJurisdiction) {
        return query(projectId, "WAITLIST#" + quotaJurisdiction + "#");
    }

    @Override
    public List<WaitlistEntry> ofProject(String projectId, String jurisdictionPrefix) {
        return query(projectId, "WAITLIST#" + jurisdictionPrefix);
    }

    @Override
    public boolean remove(WaitlistEntry e, List<Notification> notices) {
        var items = new ArrayList<>(List.of(delete(pk(e.projectId()), guard(e.teacherId())), delete(pk(e.projectId()), entrySk(e))));
        notices.forEach(n -> items.addAll(notifications.delivery(n)));   // told with the removal, so once
        return table.transact(items).isEmpty();
    }

    @Override
    public Promotion promote(Enrollment freed, Instant at, Enrollment promoted, WaitlistEntry entry, Notification notice, List<Notification> freedNotices,
                             NationalSeats national) {
        for (int attempt = 1; ; attempt++) {
            var promotion = promoteOnce(freed, at, promoted, entry, notice, freedNotices, national);
            if (promotion != null) return promotion;
            // the promoted teacher's ban mark outlasted every ban in force and was taken down (SeatRecords#whyRefused)
            if (attempt >= TrainingTable.MAX_ATTEMPTS) throw new IllegalStateException("the seat record of " + promoted.teacherId() + " kept changing");
        }
    }

    /** The promotion's transaction; null when the promoted teacher's seat record alone refused it, and neither a ban nor a national booking explains it ({@link SeatRecords}). */
    private Promotion promoteOnce(Enrollment freed, Instant at, Enrollment promoted, WaitlistEntry entry, Notification notice, List<Notification> freedNotices,
                                  NationalSeats national) {
        var items = new ArrayList<TransactWriteItem>();
        items.add(TransactWriteItem.builder().update(Update.builder().tableName(table.name())
                .key(key(pk(freed.projectId()), "ENROLLMENT#" + freed.teacherId()))
                .updateExpression("SET #status = :withdrawn, withdrawnAt = :at, promotedTeacherId = :promoted")
                .conditionExpression("#status = :selected AND #id = :id")
                .expressionAttributeNames(Map.of("#status", "status", "#id", "id"))
                .expressionAttributeValues(Map.of(":withdrawn", s(EnrollmentStatus.WITHDRAWN.name()), ":selected", s(EnrollmentStatus.SELECTED.name()),
                        ":at", s(at.toString()), ":id", s(freed.id()), ":promoted", s(promoted.teacherId())))
                .build()).build());
        items.add(TransactWriteItem.builder().put(Put.builder().tableName(table.name()).item(DynamoDbEnrollments.write(promoted))
                .conditionExpression("attribute_not_exists(PK) OR #status = :withdrawn")
                .expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(Map.of(":withdrawn", s(EnrollmentStatus.WITHDRAWN.name()))).build()).build());
        items.add(delete(pk(entry.projectId()), guard(entry.teacherId())));
        items.add(delete(pk(entry.projectId()), entrySk(entry)));
        items.addAll(notifications.delivery(notice));
        freedNotices.forEach(n -> items.addAll(notifications.delivery(n)));
        int poolAt = items.size();
        items.add(DynamoDbQuotas.stillOpen(table, freed.projectId(), freed.quotaJurisdiction()));
        int recordAt = items.size();
        seatRecords.booking(promoted, at, national).ifPresent(items::add);
        var failedCodes = table.transact(items);
        if (failedCodes.isEmpty()) return Promotion.PROMOTED;
        var codes = failedCodes.get();
        if (failed(codes, poolAt)) return Promotion.POOL_CLOSED;
        if (failed(codes, 0)) return Promotion.SEAT_NOT_HELD;
        if (failed(codes, 2) || failed(codes, 3)) return Promotion.ENTRY_GONE;
        if (failed(codes, 1)) return Promotion.ALREADY_ENROLLED;
        if (failed(codes, recordAt)) {
            return switch (seatRecords.whyRefused(promoted.teacherId(), at, national)) {
                case BANNED -> Promotion.BANNED;
                case NATIONAL_SEATS_CHANGED -> Promotion.NATIONAL_SEATS_CHANGED;
                case NONE -> null;
            };
        }
        throw new IllegalStateException("promotion refused for another reason: " + codes);   // the notices' IDs are unique per enrollment
    }

    /** From the teacher index, and each entry on a provincial or national project's list read from the table ({@link SeatRecords#waitlistsOf}). */
    @Override
    public List<WaitlistEntry> ofTeacher(String teacherId) {
        return seatRecords.waitlistsOf(teacherId);
    }

    private List<WaitlistEntry> query(String projectId, String skPrefix) {
        return table.client().queryPaginator(QueryRequest.builder().tableName(table.name()).consistentRead(true)
                        .keyConditionExpression("PK = :pk AND begins_with(SK, :sk)")
                        .expressionAttributeValues(Map.of(":pk", s(pk(projectId)), ":sk", s(skPrefix))).build())
                .items().stream().map(DynamoDbWaitlists::entry).toList();
    }

    /** The teacher's guard item, read with the selection's other records ({@link DynamoDbSelectionRecords}). */
    static TrainingTable.ItemKey guardKey(String projectId, String teacherId) {
        return new TrainingTable.ItemKey(pk(projectId), guard(teacherId));
    }

    /** The entry an item holds: the entry's own item or the teacher's guard, both carry it as {@code data}. */
    static WaitlistEntry entry(Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> item) {
        return TrainingTable.fromJson(str(item, "data"), WaitlistEntry.class);
    }

    /**
     * The entry's two items deleted in a selection's transaction: the teacher takes a seat and stops waiting. The guard
     * goes if it is gone already or still names this entry; if the teacher was taken off and put on the list again
     * since it was read, the guard names another entry, and this item fails the transaction (then read the guard again:
     * {@link #find}).
     */
    static List<TransactWriteItem> leaving(TrainingTable table, WaitlistEntry e) {
        var guard = Delete.builder().tableName(table.name()).key(key(pk(e.projectId()), guard(e.teacherId())))
                .conditionExpression("attribute_not_exists(PK) OR #entry = :entry").expressionAttributeNames(Map.of("#entry", "entry"))
                .expressionAttributeValues(Map.of(":entry", s(entrySk(e)))).build();
        return List.of(TransactWriteItem.builder().delete(guard).build(), delete(table, pk(e.projectId()), entrySk(e), false));
    }

    /** A delete in a transaction, failing it if the item is gone when {@code present} is asked. */
    private static TransactWriteItem delete(TrainingTable table, String pk, String sk, boolean present) {
        var delete = Delete.builder().tableName(table.name()).key(key(pk, sk));
        if (present) delete.conditionExpression("attribute_exists(PK)");
        return TransactWriteItem.builder().delete(delete.build()).build();
    }

    private TransactWriteItem delete(String pk, String sk) {
        return delete(table, pk, sk, true);
    }

    private static String pk(String projectId) {
        return "PROJECT#" + projectId;
    }

    private static String guard(String teacherId) {
        return "WAITLISTED#" + teacherId;
    }

    private static String entrySk(WaitlistEntry e) {
        return "WAITLIST#" + e.quotaJurisdiction() + "#" + String.format("%013d", e.addedAt().toEpochMilli()) + "#" + e.teacherId();
    }

}
