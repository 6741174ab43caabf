package org.teachertraining.core.teacher;

/** Where the teacher's school is: village (乡村), town (乡镇) or city (城区). */
public enum SchoolLocation {
    RURAL("乡村"),
    TOWN("乡镇"),
    URBAN("城区");

    private final String zh;

    SchoolLocation(String zh) {
        this.zh = zh;
    }

    /** The name in Chinese, for messages (never the code). */
    public String zh() {
        return zh;
    }
}
