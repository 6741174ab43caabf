package org.teachertraining.core.program;

import java.util.Optional;

/** Port: stored programs. */
public interface Programs {
    void add(Program program);

    Optional<Program> find(String id);

    /**
     * A page of a year's programs, ordered by level, owner and ID; {@code level} null for all levels,
     * {@code owners} null for any owner, else only programs owned by one of them. A page may hold fewer than
     * {@code limit} programs and still have a next cursor.
     */
    org.teachertraining.core.common.Page<Program> ofYear(int year, ProgramLevel level, java.util.Set<String> owners, String cursor, int limit);
}
