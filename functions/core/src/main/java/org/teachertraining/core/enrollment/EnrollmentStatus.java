package org.teachertraining.core.enrollment;

/** SELECTED → REGISTERED (报到) → COMPLETED | FAILED | DISMISSED (劝退) | NO_SHOW, or WITHDRAWN before the start. */
public enum EnrollmentStatus {
    SELECTED, REGISTERED, COMPLETED, FAILED, DISMISSED, NO_SHOW, WITHDRAWN;

    /** The status as a Chinese sentence names it. */
    public String zh() {
        return org.teachertraining.core.common.Labels.zh(this);
    }

    /** Holds a seat: everything but a withdrawal. */
    public boolean holdsSeat() {
        return this != WITHDRAWN;
    }

    /** The trainee came (报到): registered, or any result a registered trainee goes on to (E8). */
    public boolean came() {
        return this == REGISTERED || this == COMPLETED || this == FAILED || this == DISMISSED;
    }
}
