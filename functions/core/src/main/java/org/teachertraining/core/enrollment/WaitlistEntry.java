package org.teachertraining.core.enrollment;

import java.time.Instant;

/**
 * A teacher on a project's waitlist (储备库) for the seats of one pool ({@code quotaJurisdiction}, the unit whose
 * seats the teacher would take, as for an enrollment). Entries of a pool are in the order they were added.
 */
public record WaitlistEntry(String projectId, String teacherId, String teacherName, String jurisdiction, String quotaJurisdiction,
                            String addedBy, Instant addedAt) {}
