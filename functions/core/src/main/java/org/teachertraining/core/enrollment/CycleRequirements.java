package org.teachertraining.core.enrollment;

import org.teachertraining.core.teacher.Teacher;

import java.util.Optional;

/**
 * Port: the teacher's own cycle requirement (C3) as E5 needs it — the cycle a year falls in, the hours it asks,
 * and its share for one year (the cycle's hours over its years, rounded up).
 */
public interface CycleRequirements {
    record Cycle(String requirementId, String name, int fromYear, int toYear, int minHours, int annualShare) {}

    /** The requirement every teacher of the teacher's province has (not a head-teacher's or a new teacher's extra one), for the cycle of {@code year}. */
    Optional<Cycle> cycleOf(Teacher teacher, int year);
}
