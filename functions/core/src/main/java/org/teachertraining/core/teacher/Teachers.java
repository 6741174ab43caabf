package org.teachertraining.core.teacher;

import java.util.Optional;

/** Port: stored teachers. */
public interface Teachers {
    /** Stores the teacher; true when it was new, false when it replaced an existing record. */
    boolean save(Teacher teacher);

    Optional<Teacher> find(String id);
}
