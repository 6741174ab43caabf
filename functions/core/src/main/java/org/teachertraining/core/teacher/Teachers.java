package org.teachertraining.core.teacher;

import org.teachertraining.core.common.NotFound;
import org.teachertraining.core.common.Refusal;

import java.util.Optional;

/** Port: stored teachers. */
public interface Teachers {
    /**
     * Stores the teacher; true when it was new, false when it replaced an existing record. {@code registered}: the
     * caller read it as registered already (an update, which holds its ID already: no guard to decide). Teachers are
     * never deleted, so only the other guess can be wrong: a teacher registered meanwhile, which is then updated.
     * A new teacher whose ID differs only in case from another teacher's ("t00299" beside "T00299", an ID card's "x"
     * for "X") is not stored: it throws {@link org.teachertraining.core.common.IdOfAnother}, decided in the write itself,
     * so two clerks racing cannot both register the one teacher.
     */
    boolean save(Teacher teacher, boolean registered);

    /** {@link #save(Teacher, boolean)}, reading first whether the teacher is registered. */
    default boolean save(Teacher teacher) {
        return save(teacher, find(teacher.id()).isPresent());
    }

    Optional<Teacher> find(String id);

    /** The ID as registered of a teacher whose ID is {@code id} in another case ("…x" for a registered "…X"), if there is one. */
    Optional<String> registeredAs(String id);

    /** The 404 for no teacher {@code id}: it names the ID registered in another case, where there is one. */
    default Refusal notFound(String id) {
        return NotFound.teacher(id, registeredAs(id));
    }

    /**
     * The teachers registered at a unit — a county, or a city or province for the teachers of its own schools (市直、省直) —
     * not those of the units below it, by ID, a page at a time ({@code cursor} from the page before, else null): the
     * next {@code limit} {@code matching} ones, read on until the page is full, the unit's list ends, or
     * {@code examineAtMost} teachers were read — only then is a page short with a cursor, which goes on from where the
     * reading stopped.
     */
    org.teachertraining.core.common.Page<Teacher> registeredAt(String unit, String cursor, int limit, java.util.function.Predicate<Teacher> matching,
                                                           int examineAtMost);

    /** How many teachers are registered at a unit itself (counted by the store, not read). */
    int countRegisteredAt(String unit);
}
