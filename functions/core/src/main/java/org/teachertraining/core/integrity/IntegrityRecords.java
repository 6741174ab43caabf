package org.teachertraining.core.integrity;

import java.util.List;

/** Port: teachers' integrity files. */
public interface IntegrityRecords {
    void add(IntegrityRecord record);

    List<IntegrityRecord> ofTeacher(String teacherId);
}
