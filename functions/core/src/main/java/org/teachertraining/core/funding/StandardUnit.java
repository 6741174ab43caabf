package org.teachertraining.core.funding;

/** How a funding standard's rate is multiplied out. */
public enum StandardUnit {
    /** per trainee per day of the standard's phases (集中培训 400 元/人/天) */
    PER_PERSON_DAY,
    /** per trainee per hour of the standard's phases (网络研修 3 元/学时) */
    PER_PERSON_HOUR,
    /** per trainee, once */
    PER_PERSON,
    /** per class (班) */
    PER_CLASS
}
