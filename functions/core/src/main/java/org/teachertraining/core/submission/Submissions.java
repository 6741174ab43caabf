package org.teachertraining.core.submission;

import java.util.List;
import java.util.Optional;

/** Port: submissions and reported class dates, per project. */
public interface Submissions {
    /**
     * Stores a new submission unless the same file (same deliverable, same SHA-256) is already submitted and
     * not rejected; answers the submission that stands, new or earlier.
     */
    Submission putUnlessSameFile(Submission s);

    /** Stores a submission that has no file (a structured schedule). */
    void put(Submission s);

    Optional<Submission> find(String projectId, String submissionId);

    List<Submission> ofProject(String projectId);

    /** Records the decision on an upload once: true if it was still awaiting its upload. */
    boolean decide(Submission decided);

    void reportClasses(ReportedClasses classes);

    Optional<ReportedClasses> classes(String projectId);
}
