package org.teachertraining.enrollment;

import io.micronaut.function.aws.proxy.payload2.APIGatewayV2HTTPEventFunction;

/**
 * The Lambda entry point of the enrollment API (API Gateway HTTP API, payload format 2.0). It runs the
 * same controllers that the local runtime serves on localhost:8080.
 */
public class EnrollmentApiHandler extends APIGatewayV2HTTPEventFunction {
}
