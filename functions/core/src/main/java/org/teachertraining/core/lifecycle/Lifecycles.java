package org.teachertraining.core.lifecycle;

import java.util.List;
import java.util.Optional;

/** Port: lifecycle records, trainee ratings (anonymous) and expert scores. */
public interface Lifecycles {
    Optional<ProjectLifecycle> find(String projectId);

    void save(ProjectLifecycle lifecycle);

    /** Stores the record only if the project has none yet (the execution's first task may have written it first); false then. */
    boolean saveIfAbsent(ProjectLifecycle lifecycle);

    /**
     * Stores {@code next} only if the stored record is still {@code read} (the same {@code updatedAt}): a request that
     * handed the execution its task token must not overwrite what the execution's next task wrote meanwhile. False then.
     */
    boolean saveIfUnchanged(ProjectLifecycle next, ProjectLifecycle read);

    /** Stores a rating unless this rater (an opaque key, not the teacher) rated the project already; false then. */
    boolean rate(String projectId, String raterKey, int score, String comment);

    List<Integer> ratings(String projectId);

    /** One score per expert and project: a repeat replaces the expert's earlier score. */
    void score(String projectId, String expert, int score, String comment);

    void assignExpert(String projectId, String expert, String assignedBy, java.time.Instant at);

    /** The projects an expert was assigned to score. */
    List<String> assignmentsOf(String expert);

    boolean isAssigned(String projectId, String expert);

    List<Integer> expertScores(String projectId);

    /** P1: one rating per sending bureau (a jurisdiction) and project, 0–100: a repeat replaces the bureau's earlier one. */
    void rateAsBureau(String projectId, String jurisdiction, int score, String comment, String by, java.time.Instant at);

    List<Integer> bureauRatings(String projectId);
}
