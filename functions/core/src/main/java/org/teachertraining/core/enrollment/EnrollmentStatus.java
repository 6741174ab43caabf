package org.teachertraining.core.enrollment;

/** SELECTED → REGISTERED (报到) → COMPLETED | FAILED | DISMISSED (劝退) | NO_SHOW, or WITHDRAWN before the start. */
public enum EnrollmentStatus {
    SELECTED("已入选"), REGISTERED("已报到"), COMPLETED("已结业"), FAILED("未通过"), DISMISSED("劝退"), NO_SHOW("未报到"), WITHDRAWN("已退出");

    private final String zh;

    EnrollmentStatus(String zh) {
        this.zh = zh;
    }

    /** The status as a Chinese sentence names it. */
    public String zh() {
        return zh;
    }

    /** Holds a seat: everything but a withdrawal. */
    public boolean holdsSeat() {
        return this != WITHDRAWN;
    }
}
