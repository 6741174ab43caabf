package org.teachertraining.core.funding;

/** What one trainee actually attended: in-person days and online hours completed. */
public record Attendance(String teacherId, Integer daysAttended, Integer onlineHours) {}
