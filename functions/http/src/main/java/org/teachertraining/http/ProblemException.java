package org.teachertraining.http;

import org.teachertraining.core.common.Refusal;

/** Ends a request with a problem+json answer; thrown by the HTTP plumbing, mapped by {@link ProblemExceptionHandler}. */
public final class ProblemException extends RuntimeException {
    private final int status;
    private final Refusal refusal;

    public ProblemException(int status, Refusal refusal) {
        super(refusal.message().en(), null, false, false);
        this.status = status;
        this.refusal = refusal;
    }

    public int status() {
        return status;
    }

    public Refusal refusal() {
        return refusal;
    }
}
