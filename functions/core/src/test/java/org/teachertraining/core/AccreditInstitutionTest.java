package org.teachertraining.core;

import org.junit.jupiter.api.Test;
import org.teachertraining.core.common.Refusal;
import org.teachertraining.core.credit.CreditCategory;
import org.teachertraining.core.institution.AccreditInstitution;

import java.time.LocalDate;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.teachertraining.core.World.done;
import static org.teachertraining.core.World.refused;

/** The registry holds one institution per ID whatever its case: the one a project names is the one whose token acts on it. */
class AccreditInstitutionTest {
    final World w = new World();
    final AccreditInstitution accredit = new AccreditInstitution(w.ports.institutions);
    final AccreditInstitution.Command henu = new AccreditInstitution.Command("河南大学", Set.of(CreditCategory.CENTRALIZED),
            LocalDate.of(2019, 1, 1), LocalDate.of(2025, 12, 31));

    @Test
    void anIdDifferingOnlyInCaseFromARegisteredOneIsRefused_namingIt_andTheRegisteredOneStaysUpdatable() {
        done(accredit.execute(World.PROVINCE, "HENU", henu));
        var refusal = refused(accredit.execute(World.PROVINCE, "henu", henu));
        assertEquals(Refusal.Kind.CONFLICT, refusal.kind());
        assertEquals("HENU", refusal.details().get("existing"));
        assertTrue(refusal.message().zh().contains("HENU"), refusal.message().zh());
        assertEquals("HENU", w.ports.institutions.find("henu").orElseThrow().id(), "nothing stored under the other case: found, it is HENU");
        var renewed = new AccreditInstitution.Command("河南大学", Set.of(CreditCategory.CENTRALIZED, CreditCategory.ONLINE),
                LocalDate.of(2019, 1, 1), LocalDate.of(2028, 12, 31));
        assertEquals(LocalDate.of(2028, 12, 31), done(accredit.execute(World.PROVINCE, "HENU", renewed)).accreditedUntil());
    }
}
