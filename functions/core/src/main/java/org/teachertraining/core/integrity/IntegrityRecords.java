package org.teachertraining.core.integrity;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Port: teachers' integrity files, and the recourse on each record (E4a). */
public interface IntegrityRecords {
    void add(IntegrityRecord record);

    List<IntegrityRecord> ofTeacher(String teacherId);

    /** The recourse on the teacher's records that have any, by record ID. */
    Map<String, Recourse> recourseOf(String teacherId);

    /** Saves {@code recourse} if the stored one is still at {@code recourse.version() - 1}; false when another step came first. */
    boolean saveRecourse(Recourse recourse);

    /** The records that bar the teacher on {@code on} (E4): in force, and neither excused nor lifted. */
    default List<IntegrityRecord> banning(String teacherId, LocalDate on) {
        var inForce = ofTeacher(teacherId).stream().filter(r -> r.bans(on)).toList();
        if (inForce.isEmpty()) return inForce;   // most teachers: no second read for the recourse
        var recourse = recourseOf(teacherId);
        return inForce.stream().filter(r -> recourse.get(r.id()) == null || !recourse.get(r.id()).liftsBan()).toList();
    }
}
