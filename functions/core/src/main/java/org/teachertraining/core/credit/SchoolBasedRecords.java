package org.teachertraining.core.credit;

import java.util.List;
import java.util.Optional;

/** Port: school-based hours records. */
public interface SchoolBasedRecords {
    /** Stores a new record; false if one with this id exists. */
    boolean add(SchoolBasedHours record);

    Optional<SchoolBasedHours> find(String teacherId, String id);

    /** Sets the decision if the record is still PENDING; false otherwise. */
    boolean decide(SchoolBasedHours decided);

    List<SchoolBasedHours> pendingIn(String county);
}
