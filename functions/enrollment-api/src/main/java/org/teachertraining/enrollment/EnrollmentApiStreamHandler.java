package org.teachertraining.enrollment;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.micronaut.function.aws.proxy.MockLambdaContext;
import org.teachertraining.adapters.aws.Priming;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * The Lambda entry point of the enrollment API (template.yaml's {@code Handler}): API Gateway's event as the runtime
 * hands it over, bytes, read into the event {@link EnrollmentApiHandler} serves and its response written back, both
 * through JSON trees ({@link ApiGatewayPayload}). Given an event type instead, the Lambda runtime would read and write
 * them with its own serializer, which introspects the event classes on the first request: a cost every cold start paid
 * (BENCHMARKS.md, "Without SnapStart").
 */
public final class EnrollmentApiStreamHandler implements RequestStreamHandler {
    private static final ObjectMapper TREES = new ObjectMapper().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    private final EnrollmentApiHandler api;

    /**
     * As Lambda makes it. With SnapStart, {@link Priming} sends two read-only requests through the whole entry point
     * before the snapshot, as bytes: one answered from the jurisdiction tree, one that reads DynamoDB and ends in a 404
     * problem.
     */
    public EnrollmentApiStreamHandler() {
        this(new EnrollmentApiHandler());
        Priming.beforeSnapshot("EnrollmentApiFunction", () -> {
            prime("/jurisdictions/410000", 200);
            prime("/projects/PRIMING", 404);
        });
    }

    /** Around a handler made already (tests: one Micronaut context for both entry points). */
    public EnrollmentApiStreamHandler(EnrollmentApiHandler api) {
        this.api = api;
    }

    /** One priming request; an answer other than {@code expected} fails the priming (logged; the snapshot is still taken). */
    private void prime(String path, int expected) {
        try {
            var event = new ByteArrayInputStream(TREES.writeValueAsBytes(EnrollmentApiHandler.primingRequest(path)));
            var answer = new ByteArrayOutputStream();
            handleRequest(event, answer, new MockLambdaContext());
            int status = TREES.readTree(answer.toByteArray()).path("statusCode").asInt();
            if (status != expected) throw new IllegalStateException("GET " + path + " answered " + status + ", not " + expected);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        var response = api.handleRequest(ApiGatewayPayload.event(TREES.readTree(input)), context);
        TREES.writeValue(output, ApiGatewayPayload.response(response));
    }
}
