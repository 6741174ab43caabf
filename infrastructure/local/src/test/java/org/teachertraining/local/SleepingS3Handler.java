package org.teachertraining.local;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.S3Event;

import java.util.concurrent.atomic.AtomicInteger;

/** A fixture function that takes longer than its template's Timeout (ProvisionerIT). */
public final class SleepingS3Handler implements RequestHandler<S3Event, Void> {
    static final AtomicInteger INVOCATIONS = new AtomicInteger();

    @Override
    public Void handleRequest(S3Event event, Context context) {
        INVOCATIONS.incrementAndGet();
        try {
            Thread.sleep(3_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return null;
    }
}
