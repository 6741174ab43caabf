package org.teachertraining.adapters.dynamodb;

import org.teachertraining.core.common.ChinaTime;
import org.teachertraining.core.enrollment.Enrollment;
import org.teachertraining.core.enrollment.NationalSeats;
import org.teachertraining.core.enrollment.WaitlistEntry;
import org.teachertraining.core.integrity.IntegrityRecord;
import org.teachertraining.core.integrity.IntegrityRecords;
import org.teachertraining.core.program.ProgramLevel;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import static org.teachertraining.adapters.dynamodb.TrainingTable.n;
import static org.teachertraining.adapters.dynamodb.TrainingTable.s;
import static org.teachertraining.adapters.dynamodb.TrainingTable.str;

/**
 * A teacher's seat record, PK=TEACHER#id, SK={@value #SK}: what a booking into a provincial or national project must
 * meet and leave, in its own transaction, so that neither E4 nor E5's national caps can be raced, and the teacher's
 * seats in such projects can be read without the teacher index's lag.
 * <ul>
 *   <li>{@code bannedUntil}, the ban mark (E4). A booking checks the teacher's integrity records and then books; a ban
 *   written between the two would be seen by neither side, the booking having read no ban and the ban's release of the
 *   teacher's later seats ({@code ReleaseBannedSeats}) having read their seats before the booking landed. So every
 *   integrity record written raises the mark to the latest end of a ban so far ({@link #raiseBan}), and every booking
 *   and waitlist promotion into a provincial or national project is written only if the mark has passed (absent, or
 *   ending on or before the booking's day in China). The mark only rises: a ban lifted or excused (E4a) or corrected
 *   away leaves it up, and the booking it refuses takes it down if no record bans the teacher any more
 *   ({@link #whyRefused}).</li>
 *   <li>{@code projects}, every provincial or national project the teacher was booked into (a string set that only
 *   grows). The release of a ban reads the teacher's seats after raising the mark: a booking that landed before the mark
 *   named its project here, and {@link #seatsOf} reads it consistently, whatever the index shows yet.</li>
 *   <li>{@code waitlisted}, every provincial or national project on whose waitlist the teacher was listed, a listing
 *   being conditioned on the ban mark as a booking is: the release of a ban reads the teacher's entries on them from the
 *   table ({@link #waitlistsOf}).</li>
 *   <li>{@code nationalBookings}, how many bookings into national projects were made (E5). A booking whose national cap
 *   was checked carries the count it read ({@link NationalSeats#bookings}) and is written only if the count is still
 *   that; of two enrollments of one teacher into national projects at once, the second checks the cap again.</li>
 * </ul>
 */
final class SeatRecords {
    static final String SK = "SEAT_RECORD";

    private final TrainingTable table;
    private final IntegrityRecords integrity;

    SeatRecords(TrainingTable table) {
        this.table = table;
        this.integrity = new DynamoDbIntegrityRecords(table);
    }

    private static TrainingTable.ItemKey key(String teacherId) {
        return new TrainingTable.ItemKey("TEACHER#" + teacherId, SK);
    }

    /**
     * Raises the teacher's ban mark to the record's end of ban, unless it stands there or later already. Every writer of
     * an integrity record calls it after the record's write, before the release of the teacher's seats reads them.
     */
    static void raiseBan(TrainingTable table, IntegrityRecord record) {
        try {
            table.client().updateItem(b -> b.tableName(table.name()).key(key(record.teacherId()).attributes())
                    .updateExpression("SET bannedUntil = :until, #type = :type")
                    .conditionExpression("attribute_not_exists(bannedUntil) OR bannedUntil < :until")
                    .expressionAttributeNames(Map.of("#type", "type"))
                    .expressionAttributeValues(Map.of(":until", s(record.bannedUntil().toString()), ":type", s(SK))));
        } catch (ConditionalCheckFailedException standsHigher) {
            // a ban as long or longer was marked already
        }
    }

    /**
     * The item a booking (or promotion) of {@code e} at {@code at} carries: none below the province's level, which bans
     * do not bar; else its project added to the record, a national one counted, on the condition that the ban mark has
     * passed and, when {@code national} was read for a cap, that the count of national bookings is still the one read.
     */
    Optional<TransactWriteItem> booking(Enrollment e, Instant at, NationalSeats national) {
        if (e.projectLevel() == null || !e.projectLevel().isProvincialOrAbove()) return Optional.empty();
        var values = new HashMap<String, AttributeValue>();
        String set = "";
        String condition = "";
        if (e.projectLevel() == ProgramLevel.NATIONAL) {
            set = ", nationalBookings = if_not_exists(nationalBookings, :zero) + :one";
            values.put(":zero", n(0));
            values.put(":one", n(1));
            if (national != null && national.bookings() == 0) {
                condition = " AND attribute_not_exists(nationalBookings)";
            } else if (national != null) {
                condition = " AND nationalBookings = :read";
                values.put(":read", n(national.bookings()));
            }
        }
        return Optional.of(update(e.teacherId(), at, set, "projects", e.projectId(), condition, values));
    }

    /**
     * The item a listing of {@code e} on the waitlist of a project of {@code level} carries: none below the province's
     * level; else its project added to the record's {@code waitlisted}, on the condition that the ban mark has passed.
     */
    Optional<TransactWriteItem> listing(WaitlistEntry e, ProgramLevel level) {
        if (level == null || !level.isProvincialOrAbove()) return Optional.empty();
        return Optional.of(update(e.teacherId(), e.addedAt(), "", "waitlisted", e.projectId(), "", new HashMap<>()));
    }

    /**
     * The record's update for a step at {@code at}: {@code projectId} added to the set {@code named}, the type set and
     * {@code set} (", …", or empty), on the condition that the ban mark has passed and {@code condition} (" AND …", or empty).
     */
    private TransactWriteItem update(String teacherId, Instant at, String set, String named, String projectId, String condition,
                                     Map<String, AttributeValue> values) {
        values.putAll(Map.of(":type", s(SK), ":project", AttributeValue.fromSs(List.of(projectId)), ":day", s(day(at).toString())));
        return TransactWriteItem.builder().update(Update.builder().tableName(table.name()).key(key(teacherId).attributes())
                .updateExpression("SET #type = :type" + set + " ADD " + named + " :project")
                .conditionExpression("(attribute_not_exists(bannedUntil) OR bannedUntil <= :day)" + condition)
                .expressionAttributeNames(Map.of("#type", "type")).expressionAttributeValues(values).build()).build();
    }

    /** Why the record refused a booking made on {@code national} at {@code at}. */
    enum Refusal {
        /** A record bans the teacher that day (E4). */
        BANNED,
        /** A national seat was booked for the teacher since {@code national} was read (E5). */
        NATIONAL_SEATS_CHANGED,
        /** Nothing any more: the mark, outlasting every ban in force, is down, or passed meanwhile. Send the booking again. */
        NONE
    }

    /** After a booking at {@code at} on {@code national} was refused by {@link #booking}: why, the ban mark taken down if no ban explains it. */
    Refusal whyRefused(String teacherId, Instant at, NationalSeats national) {
        LocalDate day = day(at);
        for (int attempt = 1; ; attempt++) {
            var record = table.get(key(teacherId));
            var mark = record.map(i -> str(i, "bannedUntil")).filter(until -> LocalDate.parse(until).isAfter(day));
            if (mark.isPresent()) {
                if (!integrity.banning(teacherId, day).isEmpty()) return Refusal.BANNED;
                try {
                    table.client().updateItem(b -> b.tableName(table.name()).key(key(teacherId).attributes()).updateExpression("REMOVE bannedUntil")
                            .conditionExpression("bannedUntil = :read").expressionAttributeValues(Map.of(":read", s(mark.get()))));
                } catch (ConditionalCheckFailedException raised) {
                    // a record written meanwhile raised it: read the records again
                    if (attempt >= TrainingTable.MAX_ATTEMPTS) throw raised;
                    continue;
                }
            }
            long counted = record.map(i -> (long) TrainingTable.num(i, "nationalBookings")).orElse(0L);
            return national != null && counted != national.bookings() ? Refusal.NATIONAL_SEATS_CHANGED : Refusal.NONE;
        }
    }

    /**
     * The teacher's enrollments: those on the teacher index, with every one of a project the record names read from the
     * table instead (consistently: a seat booked the moment before, not yet on the index, is among them), oldest first.
     */
    List<Enrollment> seatsOf(String teacherId) {
        return seatsOf(teacherId, table.get(key(teacherId)));
    }

    /** The teacher's enrollments in national projects, as {@link #seatsOf} reads them, and the count of national bookings of the same read. */
    NationalSeats nationalSeats(String teacherId) {
        var record = table.get(key(teacherId));
        long counted = record.map(i -> (long) TrainingTable.num(i, "nationalBookings")).orElse(0L);
        return new NationalSeats(seatsOf(teacherId, record).stream().filter(e -> e.projectLevel() == ProgramLevel.NATIONAL).toList(), counted);
    }

    private List<Enrollment> seatsOf(String teacherId, Optional<Map<String, AttributeValue>> record) {
        var seats = indexedAndRecorded(teacherId, record, "ENROLLMENT#", DynamoDbEnrollments::read, Enrollment::projectId,
                "projects", p -> DynamoDbEnrollments.itemKey(p, teacherId));
        seats.sort(Comparator.comparing(Enrollment::createdAt));
        return seats;
    }

    /**
     * The teacher's waitlist entries: those on the teacher index, with the projects the record names as waitlisted read from
     * the table instead, consistently (an entry listed the moment before is among them; one taken off since is not).
     */
    List<WaitlistEntry> waitlistsOf(String teacherId) {
        return indexedAndRecorded(teacherId, table.get(key(teacherId)), "WAITLISTED#", DynamoDbWaitlists::entry, WaitlistEntry::projectId,
                "waitlisted", p -> DynamoDbWaitlists.guardKey(p, teacherId));
    }

    /**
     * The teacher's items of one kind: on the teacher index under {@code indexPrefix}, and for each project in the record's
     * set {@code named}, the item at {@code keyOf(project)} read from the table in their place (absent: none there now).
     */
    private <T> List<T> indexedAndRecorded(String teacherId, Optional<Map<String, AttributeValue>> record, String indexPrefix,
                                           Function<Map<String, AttributeValue>, T> read, Function<T, String> projectOf, String named,
                                           Function<String, TrainingTable.ItemKey> keyOf) {
        var byProject = new LinkedHashMap<String, T>();
        table.items(TrainingTable.GSI1, "TEACHER#" + teacherId, indexPrefix).map(read).forEach(x -> byProject.put(projectOf.apply(x), x));
        var recorded = record.map(i -> i.get(named)).filter(AttributeValue::hasSs).map(AttributeValue::ss).orElse(List.of());
        if (!recorded.isEmpty()) {
            recorded.forEach(byProject::remove);
            table.getAll(recorded.stream().map(keyOf).toList()).values().stream().map(read).forEach(x -> byProject.put(projectOf.apply(x), x));
        }
        return new ArrayList<>(byProject.values());
    }

    private static LocalDate day(Instant at) {
        return at.atZone(ChinaTime.ZONE).toLocalDate();
    }
}
