package org.teachertraining.core.project;

import java.util.List;
import java.util.Optional;

/** Port: stored projects. */
public interface Projects {
    /**
     * Stores a new project and opens its root quota (the owner's pool: {@code seats}, or unlimited).
     * False, and nothing stored, when the program already has a project with the same code, whatever its case
     * ("hn2020-03" beside "HN2020-03"): decided in the write, so racing creations store one.
     */
    boolean add(Project project);

    Optional<Project> find(String id);

    /** Marks the project cancelled at {@code at} (its lifecycle's cancellation); a project marked already keeps its first time. */
    void markCancelled(String id, java.time.Instant at);

    List<Project> ofProgram(String programId);

    /** Projects whose training ends on or after {@code day} (the scheduled reminders look at these). */
    List<Project> endingOnOrAfter(java.time.LocalDate day);
}
