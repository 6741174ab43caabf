package org.teachertraining.http;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** Turns {@link ProblemException} into its problem+json response. */
@Singleton
public final class ProblemExceptionHandler implements ExceptionHandler<ProblemException, HttpResponse<?>> {
    @Override
    public HttpResponse<?> handle(HttpRequest request, ProblemException e) {
        return Problems.response(request, e.status(), e.refusal());
    }
}
