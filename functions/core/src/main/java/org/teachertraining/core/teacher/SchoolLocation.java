package org.teachertraining.core.teacher;

/** Where the teacher's school is: village (乡村), town (乡镇) or city (城区). */
public enum SchoolLocation {
    RURAL,
    TOWN,
    URBAN;

    /** The name in Chinese, for messages (never the code). */
    public String zh() {
        return org.teachertraining.core.common.Labels.zh(this);
    }
}
