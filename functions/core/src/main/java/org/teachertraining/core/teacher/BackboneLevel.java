package org.teachertraining.core.teacher;

/** Backbone teacher (骨干教师) designation, by the level that awarded it. */
public enum BackboneLevel {
    SCHOOL,
    COUNTY,
    CITY,
    PROVINCIAL,
    NATIONAL;

    /** The name in Chinese, for messages (never the code). */
    public String zh() {
        return org.teachertraining.core.common.Labels.zh(this);
    }
}
