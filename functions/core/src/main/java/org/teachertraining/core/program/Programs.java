package org.teachertraining.core.program;

import java.util.Optional;

/** Port: stored programs. */
public interface Programs {
    /** Stores a new program; false if a program with its ID exists already (nothing written then). */
    boolean add(Program program);

    Optional<Program> find(String id);

    /**
     * A page of a year's programs, ordered by level, owner and ID; {@code level} null for all levels,
     * {@code owners} null for any owner, else only programs owned by one of them. A page may hold fewer than
     * {@code limit} programs and still have a next cursor.
     */
    org.teachertraining.core.common.Page<Program> ofYear(int year, ProgramLevel level, java.util.Set<String> owners, String cursor, int limit);

    /** Every page of a year's programs owned by one of {@code owners}, all levels. */
    default java.util.List<Program> allOfYear(int year, java.util.Set<String> owners) {
        var all = new java.util.ArrayList<Program>();
        String cursor = null;
        do {
            var page = ofYear(year, null, owners, cursor, 100);
            all.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor != null);
        return all;
    }
}
