package org.teachertraining.core.funding;

import java.time.Instant;
import java.util.List;

/** A program's funding standards, and the jurisdiction that set them. */
public record ProgramStandards(String programId, String setByJurisdiction, List<FundingStandard> standards, String setBy, Instant setAt) {
    public ProgramStandards {
        standards = List.copyOf(standards);
    }
}
