package org.teachertraining.core.institution;

import java.util.Optional;

/** Port: the institution registry. */
public interface Institutions {
    void save(Institution institution);

    Optional<Institution> find(String id);
}
