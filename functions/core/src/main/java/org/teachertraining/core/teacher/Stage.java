package org.teachertraining.core.teacher;

/** School stage taught (学段). */
public enum Stage {
    KINDERGARTEN,
    PRIMARY,
    JUNIOR,
    SENIOR;

    /** The name in Chinese, for messages (never the code). */
    public String zh() {
        return org.teachertraining.core.common.Labels.zh(this);
    }
}
