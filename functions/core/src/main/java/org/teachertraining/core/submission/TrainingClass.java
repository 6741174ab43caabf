package org.teachertraining.core.submission;

import java.time.LocalDate;

/** One class (期/班) of a project, as its institution reported it (S2). */
public record TrainingClass(int no, LocalDate startDate, LocalDate endDate) {}
