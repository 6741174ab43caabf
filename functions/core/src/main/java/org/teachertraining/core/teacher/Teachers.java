package org.teachertraining.core.teacher;

import java.util.Optional;

/** Port: stored teachers. */
public interface Teachers {
    /** Stores the teacher; true when it was new, false when it replaced an existing record. */
    boolean save(Teacher teacher);

    Optional<Teacher> find(String id);

    /**
     * The teachers registered in a county, by ID, a page at a time ({@code cursor} from the page before, else null): the
     * next {@code limit} {@code matching} ones, read on until the page is full, the county's list ends, or
     * {@code examineAtMost} teachers were read — only then is a page short with a cursor, which goes on from where the
     * reading stopped.
     */
    org.teachertraining.core.common.Page<Teacher> ofCounty(String county, String cursor, int limit, java.util.function.Predicate<Teacher> matching,
                                                           int examineAtMost);

    /** How many teachers are registered in a county (counted by the store, not read). */
    int countInCounty(String county);
}
