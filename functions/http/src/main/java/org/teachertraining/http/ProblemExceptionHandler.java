package org.teachertraining.http;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/**
 * Turns {@link ProblemException} into its problem+json response; input refused before the use case ran, after whether
 * the caller could act on the record the route names at all ({@link WhoAsksFirst}).
 */
@Singleton
public final class ProblemExceptionHandler implements ExceptionHandler<ProblemException, HttpResponse<?>> {
    private final WhoAsksFirst whoAsksFirst;

    ProblemExceptionHandler(WhoAsksFirst whoAsksFirst) {
        this.whoAsksFirst = whoAsksFirst;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, ProblemException e) {
        var refused = e.status() == 400 ? whoAsksFirst.refusal(request).orElse(e) : e;
        return Problems.response(request, refused.status(), refused.refusal());
    }
}
