package org.teachertraining.local.sfn;

/**
 * An error raised inside an execution, by name, as ASL sees it: {@code States.Runtime}, {@code States.Timeout},
 * {@code States.TaskFailed}, a Lambda function's error type, a Fail state's error… Retry and Catch match it.
 */
public final class AslError extends RuntimeException {
    private final String error;
    private final String cause;

    public AslError(String error, String cause) {
        super(error + ": " + cause);
        this.error = error;
        this.cause = cause;
    }

    public String error() {
        return error;
    }

    public String cause() {
        return cause;
    }

    static AslError runtime(String cause) {
        return new AslError("States.Runtime", cause);
    }
}
