package org.teachertraining.core.teacher;

/** School stage taught (学段). */
public enum Stage {
    KINDERGARTEN("幼儿园"),
    PRIMARY("小学"),
    JUNIOR("初中"),
    SENIOR("高中");

    private final String zh;

    Stage(String zh) {
        this.zh = zh;
    }

    /** The name in Chinese, for messages (never the code). */
    public String zh() {
        return zh;
    }
}
