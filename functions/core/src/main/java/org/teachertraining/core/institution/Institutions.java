package org.teachertraining.core.institution;

import java.util.Optional;

/** Port: the institution registry. */
public interface Institutions {
    /**
     * Registers or updates the institution. One institution per ID whatever its case: an institution whose ID differs
     * only in case from another's ("henu" beside "HENU") is not stored, and {@link org.teachertraining.core.common.IdOfAnother}
     * names the other's; decided in the write itself.
     */
    void save(Institution institution);

    /** The institution whose ID is {@code id} in any case ("henu" finds HENU, answered with its ID as registered). */
    Optional<Institution> find(String id);
}
