package org.teachertraining.core.submission;

import java.time.Instant;
import java.util.List;

/** The class dates an institution reported for a project, and when (S2: by the selection cutoff). */
public record ReportedClasses(String projectId, List<TrainingClass> classes, String reportedBy, Instant reportedAt) {
    public ReportedClasses {
        classes = List.copyOf(classes);
    }
}
