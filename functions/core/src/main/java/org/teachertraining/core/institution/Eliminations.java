package org.teachertraining.core.institution;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Port, P1: the institutions a jurisdiction eliminated (末位淘汰) from a project category when it confirmed a program's
 * ranking. Its later programs may not assign them that category again without an override with a reason.
 */
public interface Eliminations {
    record Elimination(String owner, String institutionId, String category, String programId, int year, BigDecimal score,
                       int rank, int of, String confirmedBy, Instant confirmedAt) {}

    /** The latest elimination of the institution from the category by the owner, if any. */
    Optional<Elimination> find(String owner, String institutionId, String category);

    List<Elimination> of(String owner);
}
