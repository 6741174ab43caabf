package org.teachertraining.core.integrity;

import org.teachertraining.core.common.Page;
import org.teachertraining.core.notification.Notification;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Port: teachers' integrity files, and the recourse on each record (E4a). */
public interface IntegrityRecords {
    void add(IntegrityRecord record);

    /**
     * Writes {@code record} and delivers {@code notices} with it (通知到人, {@link IntegrityNotice}); written again, the
     * record is written and the notices, delivered already, are not delivered twice.
     */
    void add(IntegrityRecord record, List<Notification> notices);

    List<IntegrityRecord> ofTeacher(String teacherId);

    /** The recourse on the teacher's records that have any, by record ID. */
    Map<String, Recourse> recourseOf(String teacherId);

    /**
     * Saves the recourse on {@code record} if the stored one is still at {@code recourse.version() - 1}, and delivers
     * {@code notices} in the same write; false, and nothing written, when another step came first. While it awaits the
     * province's decision ({@link Recourse#awaitsDecision()}) it is listed under {@code teacherUnit}, the teacher's
     * school or county, for {@link #awaitingDecision}.
     */
    boolean saveRecourse(Recourse recourse, IntegrityRecord record, String teacherUnit, List<Notification> notices);

    /** A record whose recourse awaits the province's decision, with the unit of its teacher. */
    record Awaiting(IntegrityRecord record, Recourse recourse, String teacherUnit) {}

    /**
     * Records awaiting the province's decision of teachers whose unit code starts with {@code unitPrefix} (a GB/T
     * 2260 prefix, at least the province's two digits), optionally of one status, the longest waiting first. A
     * page filtered by a city, county or status can be short and still carry a cursor.
     *
     * @throws org.teachertraining.core.common.BadCursor for a cursor this listing did not issue
     */
    Page<Awaiting> awaitingDecision(String unitPrefix, Recourse.Status status, String cursor, int limit);

    /** The records that bar the teacher on {@code on} (E4): in force, and neither excused nor lifted. */
    default List<IntegrityRecord> banning(String teacherId, LocalDate on) {
        var inForce = ofTeacher(teacherId).stream().filter(r -> r.bans(on)).toList();
        if (inForce.isEmpty()) return inForce;   // most teachers: no second read for the recourse
        var recourse = recourseOf(teacherId);
        return inForce.stream().filter(r -> recourse.get(r.id()) == null || !recourse.get(r.id()).liftsBan()).toList();
    }
}
