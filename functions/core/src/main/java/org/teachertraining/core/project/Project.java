package org.teachertraining.core.project;

import org.teachertraining.core.program.ProgramLevel;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One training offer of a program. {@code level} and {@code ownerJurisdiction} are copied from the
 * program: the owner is the root of the project's quota tree. {@code seats} is the project's total
 * number of trainees, or null when the owner has not capped it. {@code budgetFen} is in fen (分). {@code highEnd}
 * marks high-end (backbone) training (T1). {@code cancelledAt}: when the owner's admins cancelled the project (its
 * lifecycle stopped), null otherwise; a cancelled project selects, admits and registers no one.
 */
public record Project(String id, String programId, ProgramLevel level, String ownerJurisdiction,
                      String code, String name, String category, Eligibility eligibility, List<Phase> phases,
                      int totalHours, int classSize, String institutionId,
                      /** the institution's registered name when the project was created; null if it was not registered then */
                      String institutionName, Instant selectionCutoff,
                      LocalDate startDate, LocalDate endDate, Long budgetFen, Integer seats,
                      String createdBy, Instant createdAt,
                      /** a high-end (backbone) training project, counted toward the owner's T1 share */ boolean highEnd,
                      /** P1: the institution was eliminated from the category and assigned anyway, and why; null otherwise */
                      AssignmentOverride assignmentOverride,
                      Instant cancelledAt) {

    /** An eliminated institution assigned its category again (P1): by whom, when, why, against which elimination. */
    public record AssignmentOverride(String reason, String eliminatedIn, int eliminatedYear, String by, java.time.Instant at) {}

    public Project {
        phases = List.copyOf(phases);
        eligibility = eligibility == null ? Eligibility.OPEN : eligibility;
    }

    /** The project as its cancellation leaves it. */
    public Project cancelled(Instant at) {
        return new Project(id, programId, level, ownerJurisdiction, code, name, category, eligibility, phases, totalHours, classSize, institutionId,
                institutionName, selectionCutoff, startDate, endDate, budgetFen, seats, createdBy, createdAt, highEnd, assignmentOverride, at);
    }
}
