package org.teachertraining.core.teacher;

import java.util.Optional;

/** Port: stored teachers. */
public interface Teachers {
    /** Stores the teacher; true when it was new, false when it replaced an existing record. */
    boolean save(Teacher teacher);

    Optional<Teacher> find(String id);

    /** The teachers registered in a county, by ID, a page at a time ({@code cursor} from the page before, else null). */
    org.teachertraining.core.common.Page<Teacher> ofCounty(String county, String cursor, int limit);

    /** How many teachers are registered in a county (counted by the store, not read). */
    int countInCounty(String county);
}
