package org.teachertraining.adapters.dynamodb;

import org.teachertraining.core.common.Page;
import org.teachertraining.core.enrollment.Enrollment;
import org.teachertraining.core.enrollment.EnrollmentStatus;
import org.teachertraining.core.enrollment.Enrollments;
import org.teachertraining.core.enrollment.IdempotencyRecord;
import org.teachertraining.core.enrollment.NationalSeats;
import org.teachertraining.core.enrollment.WaitlistEntry;
import org.teachertraining.core.program.ProgramLevel;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import static org.teachertraining.adapters.dynamodb.TrainingTable.failed;
import static org.teachertraining.adapters.dynamodb.TrainingTable.key;
import static org.teachertraining.adapters.dynamodb.TrainingTable.n;
import static org.teachertraining.adapters.dynamodb.TrainingTable.s;
import static org.teachertraining.adapters.dynamodb.TrainingTable.str;

/**
 * Enrollments: PK=PROJECT#id, SK=ENROLLMENT#teacherId (so E6 is one condition on one key);
 * GSI1 TEACHER#id / ENROLLMENT#createdAt#projectId for a teacher's list; GSI2 PROJECT#id /
 * jurisdiction#teacherId for a project's list by jurisdiction subtree (code prefix).
 * Idempotency keys, scoped to the user who sent them: PK=IDEMPOTENCY#projectId#userId#key, SK=IDEMPOTENCY.
 */
public final class DynamoDbEnrollments implements Enrollments {
    private final TrainingTable table;
    private final DynamoDbNotifications notifications;
    private final SeatRecords seatRecords;

    public DynamoDbEnrollments(TrainingTable table) {
        this.table = table;
        this.notifications = new DynamoDbNotifications(table);
        this.seatRecords = new SeatRecords(table);
    }

    @Override
    public Optional<Enrollment> find(String projectId, String teacherId) {
        return table.get(itemKey(projectId, teacherId)).map(DynamoDbEnrollments::read);
    }

    /** The teacher's enrollment in the project (one item, whatever its status). */
    static TrainingTable.ItemKey itemKey(String projectId, String teacherId) {
        return new TrainingTable.ItemKey("PROJECT#" + projectId, "ENROLLMENT#" + teacherId);
    }

    @Override
    public Optional<IdempotencyRecord> findKey(String projectId, String userId, String key) {
        return table.get(idempotencyPk(projectId, userId, key), "IDEMPOTENCY").map(i ->
                new IdempotencyRecord(projectId, userId, key, str(i, "requestHash"), str(i, "teacherId")));
    }

    @Override
    public Booking book(Enrollment e, IdempotencyRecord key, org.teachertraining.core.notification.Notification notice, WaitlistEntry leaving,
                        NationalSeats national) {
        for (int attempt = 1; ; attempt++) {
            var booking = bookOnce(e, key, notice, leaving, national);
            if (booking != null) return booking;
            // the teacher was taken off the waitlist and put on it again since it was read (take the entry now listed),
            // or their ban mark outlasted every ban in force and was taken down (SeatRecords#whyRefused)
            if (attempt >= TrainingTable.MAX_ATTEMPTS) throw new IllegalStateException("the booking of " + e.teacherId() + " kept meeting changed records");
            leaving = DynamoDbWaitlists.guarded(table, e.projectId(), e.teacherId()).orElse(null);
        }
    }

    /**
     * The booking's transaction; null when it is to be sent again: the waitlist guard alone refused it (it names another
     * entry now), or the teacher's seat record did and neither a ban nor a national booking explains it ({@link SeatRecords#whyRefused}).
     */
    private Booking bookOnce(Enrollment e, IdempotencyRecord key, org.teachertraining.core.notification.Notification notice, WaitlistEntry leaving,
                             NationalSeats national) {
        var items = new ArrayList<TransactWriteItem>();
        items.add(TransactWriteItem.builder().put(Put.builder().tableName(table.name()).item(write(e))
                .conditionExpression("attribute_not_exists(PK) OR #status = :withdrawn")
                .expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(Map.of(":withdrawn", s(EnrollmentStatus.WITHDRAWN.name()))).build()).build());
        items.add(TransactWriteItem.builder().update(Update.builder().tableName(table.name())
                .key(key("PROJECT#" + e.projectId(), "QUOTA#" + e.quotaJurisdiction()))
                .updateExpression("SET quotaUsed = quotaUsed + :one, quotaFree = quotaFree - :one")
                .conditionExpression("attribute_exists(PK) AND (quotaUnlimited = :true OR quotaFree > :zero) AND " + DynamoDbQuotas.OPEN)
                .expressionAttributeValues(Map.of(":one", n(1), ":zero", n(0), ":true", AttributeValue.fromBool(true)))
                .build()).build());
        if (key != null) {
            items.add(TransactWriteItem.builder().put(Put.builder().tableName(table.name())
                    .item(Map.of("PK", s(idempotencyPk(key.projectId(), key.userId(), key.key())), "SK", s("IDEMPOTENCY"), "type", s("IDEMPOTENCY"),
                            "requestHash", s(key.requestHash()), "teacherId", s(key.teacherId()), "enrollmentId", s(e.id())))
                    .conditionExpression("attribute_not_exists(PK)").build()).build());
        }
        if (notice != null) items.addAll(notifications.delivery(notice));   // its ID is the enrollment's: new
        int guardAt = items.size();
        if (leaving != null) items.addAll(DynamoDbWaitlists.leaving(table, leaving));
        int recordAt = items.size();
        seatRecords.booking(e, e.createdAt(), national).ifPresent(items::add);
        var failedCodes = table.transact(items);
        if (failedCodes.isEmpty()) return new Booking.Booked(e);
        var codes = failedCodes.get();
        if (key != null && failed(codes, 2)) {
            return new Booking.KeyTaken(findKey(key.projectId(), key.userId(), key.key()).orElseThrow());
        }
        if (failed(codes, 0)) {
            return new Booking.AlreadyEnrolled(find(e.projectId(), e.teacherId()).orElseThrow());
        }
        if (failed(codes, recordAt)) {
            return switch (seatRecords.whyRefused(e.teacherId(), e.createdAt(), national)) {
                case BANNED -> new Booking.Banned();
                case NATIONAL_SEATS_CHANGED -> new Booking.NationalSeatsChanged();
                case NONE -> null;
            };
        }
        if (leaving != null && failed(codes, guardAt) && !failed(codes, 1)) return null;
        return new Booking.PoolFull();
    }

    @Override
    public Optional<Enrollment> move(Enrollment e, EnrollmentStatus from, EnrollmentStatus to, String by, Instant at) {
        String field = switch (to) {   // registeredAt/registeredBy, noShowAt/noShowBy, …
            case NO_SHOW -> "noShow";
            default -> to.name().toLowerCase(java.util.Locale.ROOT);
        };
        try {
            table.client().updateItem(b -> b.tableName(table.name()).key(key("PROJECT#" + e.projectId(), "ENROLLMENT#" + e.teacherId()))
                    .updateExpression("SET #status = :to, #at = :at, #by = :by")
                    .conditionExpression("#status = :from AND #id = :id")
                    .expressionAttributeNames(Map.of("#status", "status", "#id", "id", "#at", field + "At", "#by", field + "By"))
                    .expressionAttributeValues(Map.of(":to", s(to.name()), ":from", s(from.name()), ":at", s(at.toString()), ":by", s(by), ":id", s(e.id()))));
            return Optional.of(e.in(to));
        } catch (software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException moved) {
            return Optional.empty();
        }
    }

    @Override
    public Optional<Enrollment> withdraw(Enrollment e, Instant at, List<org.teachertraining.core.notification.Notification> notices) {
        var items = new ArrayList<TransactWriteItem>(List.of(withdrawal(e, at), seatsReturned(e, 1)));
        notices.forEach(n -> items.addAll(notifications.delivery(n)));   // their IDs are the enrollment's: new
        return table.transact(items).isEmpty() ? Optional.of(e.withdrawn(at)) : Optional.empty();
    }

    /**
     * The enrollments of one pool (quota unit) go together, as many to a transaction as its {@value TrainingTable#MAX_TRANSACTION_ITEMS}
     * items hold — each its own withdrawal and notices, and one return of their seats to the pool (24 trainees of one
     * notice each): a cancellation of 3,000 trainees writes 125 transactions, not 3,000. If any of them no longer holds
     * its seat as read (withdrawn or registered meanwhile), DynamoDB cancels that transaction whole, and its trainees are
     * then withdrawn one by one, each on its own condition.
     */
    @Override
    public List<Enrollment> withdrawAll(List<Enrollment> selected, Instant at,
                                        Function<Enrollment, List<org.teachertraining.core.notification.Notification>> notices) {
        var withdrawn = new ArrayList<Enrollment>();
        var pools = new LinkedHashMap<String, List<Enrollment>>();
        selected.forEach(e -> pools.computeIfAbsent(e.quotaJurisdiction(), pool -> new ArrayList<>()).add(e));
        for (var pool : pools.values()) {
            var together = new ArrayList<Enrollment>();
            var items = new ArrayList<TransactWriteItem>();
            for (var e : pool) {
                var own = new ArrayList<TransactWriteItem>(List.of(withdrawal(e, at)));
                notices.apply(e).forEach(n -> own.addAll(notifications.delivery(n)));
                if (!together.isEmpty() && items.size() + own.size() + 1 > TrainingTable.MAX_TRANSACTION_ITEMS) {
                    withdrawTogether(together, items, at, notices, withdrawn);
                    together = new ArrayList<>();
                    items = new ArrayList<>();
                }
                together.add(e);
                items.addAll(own);
            }
            if (!together.isEmpty()) withdrawTogether(together, items, at, notices, withdrawn);
        }
        return withdrawn;
    }

    private void withdrawTogether(List<Enrollment> together, List<TransactWriteItem> items, Instant at,
                                  Function<Enrollment, List<org.teachertraining.core.notification.Notification>> notices,
                                  List<Enrollment> withdrawn) {
        items.add(seatsReturned(together.getFirst(), together.size()));
        if (table.transact(items).isEmpty()) {
            together.forEach(e -> withdrawn.add(e.withdrawn(at)));
        } else {
            for (var e : together) withdraw(e, at, notices.apply(e)).ifPresent(withdrawn::add);
        }
    }

    /** SELECTED → WITHDRAWN, on the condition that it is still the enrollment read. */
    private TransactWriteItem withdrawal(Enrollment e, Instant at) {
        return TransactWriteItem.builder().update(Update.builder().tableName(table.name())
                .key(key("PROJECT#" + e.projectId(), "ENROLLMENT#" + e.teacherId()))
                .updateExpression("SET #status = :withdrawn, withdrawnAt = :at")
                .conditionExpression("#status = :selected AND #id = :id")
                .expressionAttributeNames(Map.of("#status", "status", "#id", "id"))
                .expressionAttributeValues(Map.of(":withdrawn", s(EnrollmentStatus.WITHDRAWN.name()),
                        ":selected", s(EnrollmentStatus.SELECTED.name()), ":at", s(at.toString()), ":id", s(e.id())))
                .build()).build();
    }

    /** {@code seats} seats back to the pool {@code e} holds its seat in. */
    private TransactWriteItem seatsReturned(Enrollment e, int seats) {
        return TransactWriteItem.builder().update(Update.builder().tableName(table.name())
                .key(key("PROJECT#" + e.projectId(), "QUOTA#" + e.quotaJurisdiction()))
                .updateExpression("SET quotaUsed = quotaUsed - :seats, quotaFree = quotaFree + :seats")
                .conditionExpression("attribute_exists(PK)")
                .expressionAttributeValues(Map.of(":seats", n(seats))).build()).build();
    }

    @Override
    public Page<Enrollment> ofProject(String projectId, String prefix, EnrollmentStatus status, String cursor, int limit) {
        var values = new HashMap<String, AttributeValue>(Map.of(":pk", s("PROJECT#" + projectId)));
        var request = QueryRequest.builder().tableName(table.name()).indexName(TrainingTable.GSI2);
        if (prefix.isEmpty()) {   // the whole project: DynamoDB refuses begins_with on an empty string
            request.keyConditionExpression("GSI2PK = :pk");
        } else {
            request.keyConditionExpression("GSI2PK = :pk AND begins_with(GSI2SK, :prefix)");
            values.put(":prefix", s(prefix));
        }
        if (status != null) {
            request.filterExpression("#status = :status").expressionAttributeNames(Map.of("#status", "status"));
            values.put(":status", s(status.name()));
        }
        if (cursor != null) request.exclusiveStartKey(TrainingTable.decodeCursor(cursor, "GSI2PK", "PROJECT#" + projectId, "GSI2SK", prefix));
        // a page of one status reads on until it is full: a project's NO_SHOW among thousands is not on its first page of 50
        return table.filledPage(request.expressionAttributeValues(values).build(), List.of("PK", "SK", "GSI2PK", "GSI2SK"), limit,
                status != null, DynamoDbEnrollments::read);
    }

    /**
     * Read from the table, not the project's index, and consistently: a seat booked the moment before is among them (the
     * index is updated after the write, in DynamoDB a fraction of a second later), so a cancellation releases it.
     */
    @Override
    public List<Enrollment> holdingSeats(String projectId) {
        return table.client().queryPaginator(QueryRequest.builder().tableName(table.name()).consistentRead(true)
                        .keyConditionExpression("PK = :pk AND begins_with(SK, :sk)")
                        .expressionAttributeValues(Map.of(":pk", s("PROJECT#" + projectId), ":sk", s("ENROLLMENT#"))).build())
                .items().stream().map(DynamoDbEnrollments::read).filter(e -> e.status().holdsSeat()).toList();
    }

    @Override
    public NationalSeats nationalSeats(String teacherId) {
        return seatRecords.nationalSeats(teacherId);
    }

    /** From the teacher index, and each seat in a provincial or national project read from the table ({@link SeatRecords#seatsOf}). */
    @Override
    public List<Enrollment> ofTeacher(String teacherId) {
        return seatRecords.seatsOf(teacherId);
    }

    private static String idempotencyPk(String projectId, String userId, String key) {
        return "IDEMPOTENCY#" + projectId + "#" + userId + "#" + key;
    }

    static Map<String, AttributeValue> write(Enrollment e) {
        var item = new HashMap<String, AttributeValue>();
        item.put("PK", s("PROJECT#" + e.projectId()));
        item.put("SK", s("ENROLLMENT#" + e.teacherId()));
        item.put("type", s("ENROLLMENT"));
        item.put("GSI1PK", s("TEACHER#" + e.teacherId()));
        item.put("GSI1SK", s("ENROLLMENT#" + e.createdAt() + "#" + e.projectId()));
        item.put("GSI2PK", s("PROJECT#" + e.projectId()));
        item.put("GSI2SK", s(e.unit() + "#" + e.teacherId()));   // a school's trainees under its code, within its county's
        item.put("id", s(e.id()));
        item.put("projectId", s(e.projectId()));
        item.put("teacherId", s(e.teacherId()));
        item.put("teacherName", s(e.teacherName()));
        item.put("jurisdiction", s(e.jurisdiction()));
        item.put("quotaJurisdiction", s(e.quotaJurisdiction()));
        if (e.school() != null) item.put("school", s(e.school()));
        item.put("status", s(e.status().name()));
        if (e.idempotencyKey() != null) item.put("idempotencyKey", s(e.idempotencyKey()));
        item.put("projectName", s(e.projectName()));
        item.put("projectLevel", s(e.projectLevel().name()));
        item.put("projectStartDate", s(e.projectStartDate().toString()));
        item.put("createdBy", s(e.createdBy()));
        item.put("createdAt", s(e.createdAt().toString()));
        return item;
    }

    static Enrollment read(Map<String, AttributeValue> i) {
        String withdrawnAt = str(i, "withdrawnAt");
        return new Enrollment(str(i, "id"), str(i, "projectId"), str(i, "teacherId"), str(i, "teacherName"),
                str(i, "jurisdiction"), str(i, "quotaJurisdiction"), EnrollmentStatus.valueOf(str(i, "status")),
                str(i, "idempotencyKey"), str(i, "projectName"), ProgramLevel.valueOf(str(i, "projectLevel")),
                LocalDate.parse(str(i, "projectStartDate")), str(i, "createdBy"), Instant.parse(str(i, "createdAt")),
                withdrawnAt == null ? null : Instant.parse(withdrawnAt), str(i, "school"));
    }
}
