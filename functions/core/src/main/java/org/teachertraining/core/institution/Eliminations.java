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

    /**
     * The latest elimination of the institution from the category by the owner, if any; the institution's ID compared
     * without case, as institutions' IDs are ("zknu" is ZKNU, whose elimination a project may not pass by).
     */
    default Optional<Elimination> find(String owner, String institutionId, String category) {
        return of(owner).stream().filter(e -> e.institutionId().equalsIgnoreCase(institutionId) && e.category().equals(category))
                .max(java.util.Comparator.comparingInt(Elimination::year).thenComparing(Elimination::confirmedAt));
    }

    List<Elimination> of(String owner);
}
