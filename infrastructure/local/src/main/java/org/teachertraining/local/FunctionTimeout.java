package org.teachertraining.local;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Lambda's function timeout (the template's {@code Timeout}) applied to an invocation in this JVM: past it,
 * the invocation fails as Lambda fails it, "Task timed out after N.00 seconds", and its caller (a Step
 * Functions task, an SQS batch, an S3 event's retry) sees the failure AWS would give it. Lambda then stops
 * the sandbox; a thread here cannot be stopped, so the handler runs on to its end and what it returns is
 * dropped — what it wrote meanwhile stays written, as it may in AWS when a timeout falls mid-write.
 */
final class FunctionTimeout {
    /** Lambda reports a timeout as the error {@code Sandbox.Timedout}. */
    static final class TimedOut extends RuntimeException {
        TimedOut(String functionId, int seconds) {
            super(functionId + ": Task timed out after " + seconds + ".00 seconds");
        }
    }

    private FunctionTimeout() {}

    static <T> T call(String functionId, int seconds, Supplier<T> invocation) {
        var result = new CompletableFuture<T>();
        Thread.ofVirtual().name("invoke-" + functionId).start(() -> {
            try {
                result.complete(invocation.get());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        });
        try {
            return result.get(seconds, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new TimedOut(functionId, seconds);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while " + functionId + " ran", e);
        }
    }
}
