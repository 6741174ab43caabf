package org.teachertraining.core.program;

import java.util.Optional;

/** Port: stored programs. */
public interface Programs {
    void add(Program program);

    Optional<Program> find(String id);
}
