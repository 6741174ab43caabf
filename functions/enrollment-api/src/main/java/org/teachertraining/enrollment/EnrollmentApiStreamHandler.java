package org.teachertraining.enrollment;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

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

    public EnrollmentApiStreamHandler() {
        this(new EnrollmentApiHandler());
    }

    /** Around a handler made already (tests: one Micronaut context for both entry points). */
    public EnrollmentApiStreamHandler(EnrollmentApiHandler api) {
        this.api = api;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        var response = api.handleRequest(ApiGatewayPayload.event(TREES.readTree(input)), context);
        TREES.writeValue(output, ApiGatewayPayload.response(response));
    }
}
