package org.teachertraining.adapters.dynamodb;

import org.teachertraining.core.enrollment.Enrollment;
import org.teachertraining.core.enrollment.NationalSeats;
import org.teachertraining.core.program.ProgramLevel;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.teachertraining.adapters.dynamodb.TrainingTable.n;
import static org.teachertraining.adapters.dynamodb.TrainingTable.s;

/**
 * E5's caps of national projects where they cannot be raced. A cap is checked on the teacher's national seats as read,
 * and the seat booked after; two enrollments of one teacher into national projects at once would each read the other
 * not yet there. So the teacher's record of national bookings, PK=TEACHER#id, SK={@value #SK}, counts every booking and
 * waitlist promotion into a national project ({@code bookings}) and names its projects ({@code projects}, a string set
 * that only grows). A booking whose cap was checked carries that count as read, and its transaction is written only if
 * the count is still that; the one refused checks the cap again on a fresh read.
 *
 * <p>The read ({@link #read}) takes the record's projects and, for enrollments booked before the record existed, the
 * teacher's national enrollments on the teacher index, then reads each enrollment item consistently: a seat booked the
 * moment before is among them, whatever the index's lag. A seat released since is read as released: the record needs
 * no change when a seat is given up.
 */
final class NationalBookings {
    static final String SK = "NATIONAL_BOOKINGS";

    private final TrainingTable table;

    NationalBookings(TrainingTable table) {
        this.table = table;
    }

    private static TrainingTable.ItemKey key(String teacherId) {
        return new TrainingTable.ItemKey("TEACHER#" + teacherId, SK);
    }

    NationalSeats read(String teacherId) {
        var record = table.get(key(teacherId));
        long bookings = record.map(i -> (long) TrainingTable.num(i, "bookings")).orElse(0L);
        var projects = new LinkedHashSet<String>();
        record.map(i -> i.get("projects")).filter(AttributeValue::hasSs).ifPresent(set -> projects.addAll(set.ss()));
        table.items(TrainingTable.GSI1, "TEACHER#" + teacherId, "ENROLLMENT#").map(DynamoDbEnrollments::read)
                .filter(e -> e.projectLevel() == ProgramLevel.NATIONAL).forEach(e -> projects.add(e.projectId()));
        if (projects.isEmpty()) return new NationalSeats(List.of(), bookings);
        var keys = projects.stream().map(p -> DynamoDbEnrollments.itemKey(p, teacherId)).toList();
        var found = table.getAll(keys);
        return new NationalSeats(keys.stream().filter(found::containsKey).map(k -> DynamoDbEnrollments.read(found.get(k))).toList(), bookings);
    }

    /**
     * The item a booking of {@code e} carries: none below the national level; else the booking counted on the teacher's
     * record, on the condition, when {@code national} was read for a cap, that the count is still the one read.
     */
    Optional<TransactWriteItem> counted(Enrollment e, NationalSeats national) {
        if (e.projectLevel() != ProgramLevel.NATIONAL) return Optional.empty();
        var values = new HashMap<String, AttributeValue>(Map.of(":zero", n(0), ":one", n(1), ":type", s(SK),
                ":project", AttributeValue.fromSs(List.of(e.projectId()))));
        var update = Update.builder().tableName(table.name()).key(key(e.teacherId()).attributes())
                .updateExpression("SET bookings = if_not_exists(bookings, :zero) + :one, #type = :type ADD projects :project")
                .expressionAttributeNames(Map.of("#type", "type"));
        if (national != null && national.bookings() == 0) {
            update.conditionExpression("attribute_not_exists(bookings)");
        } else if (national != null) {
            update.conditionExpression("bookings = :read");
            values.put(":read", n(national.bookings()));
        }
        return Optional.of(TransactWriteItem.builder().update(update.expressionAttributeValues(values).build()).build());
    }
}
