package org.teachertraining.core.credit;

import org.teachertraining.core.integrity.IntegrityRecord;
import org.teachertraining.core.notification.Notification;

import java.util.List;
import java.util.Optional;

/**
 * Port: each trainee's one result per project (C5), kept where DynamoDB can guard it. Every write is one
 * atomic step with its conditions: a result item per project and trainee that only the completion that
 * first claimed it may post, written together with that completion's ledger entries, yearly aggregates
 * and integrity record, so however completions race or messages repeat, a trainee is credited once.
 */
public interface ProjectResults {

    Optional<ProjectResult> find(String projectId, String teacherId);

    /** Every trainee's result of the project, posted or only claimed, whatever completion (or part of one) recorded it: read together. */
    List<ProjectResult> ofProject(String projectId);

    /** The teachers whose PASSED result of the project is posted (C5), read together: the yearly reports read them per project, not per trainee. */
    default java.util.Set<String> passedIn(String projectId) {
        return ofProject(projectId).stream().filter(r -> r.posted() && r.outcome() == Completion.Outcome.PASSED)
                .map(ProjectResult::teacherId).collect(java.util.stream.Collectors.toSet());
    }

    /** Claims the results of one completion, all or none: each trainee unclaimed, or claimed by this completion with the same result. */
    Claim claim(List<ProjectResult> results);

    sealed interface Claim {
        record Claimed() implements Claim {}
        /** {@code earlier} holds the trainee's result already (another completion, or this one with another result). */
        record Taken(ProjectResult earlier) implements Claim {}
    }

    /**
     * Posts one trainee's result of a completion: the result item (claimed now if it was not), the ledger
     * entries with their aggregates, the integrity record if any with the {@code notices} telling of it, and a
     * certificate code if none yet.
     */
    Posting post(ProjectResult result, List<CreditEntry> entries, IntegrityRecord record, List<Notification> notices, String certificateCode);

    sealed interface Posting {
        /** Posted by this step, with the code given for a passed trainee ({@code null} otherwise): known without reading it back. */
        record Posted(String certificateCode) implements Posting {}
        record AlreadyPosted(ProjectResult result) implements Posting {}
        record Taken(ProjectResult earlier) implements Posting {}
    }

    /**
     * Replaces a posted result (a correction): reversing entries for what it credited, entries for the new
     * hours, the integrity record of the old outcome removed and one of the new outcome written, all in
     * one step and only if the result is still {@code current}. A removed record whose recourse awaited the province's
     * decision (E4a) leaves the province's list in the same step: there is no record left to decide on. Empty if the
     * result or that recourse changed meanwhile. The {@code notices} of the added record are delivered with it.
     */
    Optional<ProjectResult> correct(ProjectResult current, ProjectResult corrected, List<CreditEntry> entries,
                                    IntegrityRecord removed, IntegrityRecord added, List<Notification> notices);
}
