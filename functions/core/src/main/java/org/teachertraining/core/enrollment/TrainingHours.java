package org.teachertraining.core.enrollment;

/** Port: the hours credited to a teacher in a calendar year (maintained by credit posting, docs/domain.md C4). */
public interface TrainingHours {
    int creditedIn(String teacherId, int year);
}
