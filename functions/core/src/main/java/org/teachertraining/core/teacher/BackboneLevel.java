package org.teachertraining.core.teacher;

/** Backbone teacher (骨干教师) designation, by the level that awarded it. */
public enum BackboneLevel {
    SCHOOL("校级骨干"),
    COUNTY("县级骨干"),
    CITY("市级骨干"),
    PROVINCIAL("省级骨干"),
    NATIONAL("国家级骨干");

    private final String zh;

    BackboneLevel(String zh) {
        this.zh = zh;
    }

    /** The name in Chinese, for messages (never the code). */
    public String zh() {
        return zh;
    }
}
