package org.teachertraining.adapters.dynamodb;

import org.teachertraining.core.common.ChinaTime;
import org.teachertraining.core.integrity.IntegrityRecord;
import org.teachertraining.core.integrity.IntegrityRecords;
import org.teachertraining.core.program.ProgramLevel;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

import static org.teachertraining.adapters.dynamodb.TrainingTable.s;

/**
 * E4 where it cannot be raced. A booking checks the teacher's integrity records and then books; a ban written between
 * the two would be seen by neither side: the booking had read no ban, and the ban's release of the teacher's later
 * seats ({@code ReleaseBannedSeats}) had read their seats before the booking landed. So every integrity record that is
 * written raises a mark on its teacher, PK=TEACHER#id, SK={@value #SK}, {@code bannedUntil} = the latest end of a ban
 * written so far, and every booking and waitlist promotion into a provincial or national project carries a
 * ConditionCheck that the mark has passed (absent, or ending on or before the booking's day in China). A booking that
 * landed before the mark is found by the release, which runs after the record and its mark.
 *
 * <p>The mark only rises: a ban lifted or excused (E4a) or corrected away leaves it up. A booking it refuses is
 * explained by the records ({@link IntegrityRecords#banning}); if none bans the teacher any more, the mark is taken
 * down, on the value it refused on, and the booking is sent again ({@link #stillBanned}).
 */
final class BanMarks {
    static final String SK = "BAN_MARK";

    private final TrainingTable table;
    private final IntegrityRecords integrity;

    BanMarks(TrainingTable table) {
        this.table = table;
        this.integrity = new DynamoDbIntegrityRecords(table);
    }

    private static TrainingTable.ItemKey key(String teacherId) {
        return new TrainingTable.ItemKey("TEACHER#" + teacherId, SK);
    }

    /**
     * Raises the teacher's mark to the record's end of ban, unless it stands there or later already. Every writer of an
     * integrity record calls it after the record's write, before the release of the teacher's seats reads them.
     */
    static void raise(TrainingTable table, IntegrityRecord record) {
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
     * The check a booking at {@code at} into a project of {@code level} carries: the teacher's mark has passed. None for
     * a project below the province's level, which bans do not bar.
     */
    Optional<TransactWriteItem> check(String teacherId, ProgramLevel level, Instant at) {
        if (level == null || !level.isProvincialOrAbove()) return Optional.empty();
        return Optional.of(TransactWriteItem.builder().conditionCheck(ConditionCheck.builder().tableName(table.name())
                .key(key(teacherId).attributes())
                .conditionExpression("attribute_not_exists(bannedUntil) OR bannedUntil <= :day")
                .expressionAttributeValues(Map.of(":day", s(day(at).toString()))).build()).build());
    }

    /**
     * After a booking at {@code at} was refused by {@link #check}: true if a record bans the teacher that day (the
     * booking stays refused); false once the mark, outlasting every ban in force, is down (send the booking again).
     */
    boolean stillBanned(String teacherId, Instant at) {
        LocalDate day = day(at);
        for (int attempt = 1; ; attempt++) {
            var mark = table.get(key(teacherId)).map(i -> TrainingTable.str(i, "bannedUntil"));
            if (mark.isEmpty() || LocalDate.parse(mark.get()).compareTo(day) <= 0) return false;   // taken down or passed meanwhile
            if (!integrity.banning(teacherId, day).isEmpty()) return true;
            try {
                table.client().deleteItem(b -> b.tableName(table.name()).key(key(teacherId).attributes())
                        .conditionExpression("bannedUntil = :read").expressionAttributeValues(Map.of(":read", s(mark.get()))));
                return false;
            } catch (ConditionalCheckFailedException raised) {
                // a record written meanwhile raised it: read the records again
                if (attempt >= TrainingTable.MAX_ATTEMPTS) throw raised;
            }
        }
    }

    private static LocalDate day(Instant at) {
        return at.atZone(ChinaTime.ZONE).toLocalDate();
    }
}
