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
        if (e.status() == 400) {
            var first = whoAsksFirst.before(request, io.micronaut.web.router.RouteAttributes.getRouteMatch(request).orElse(null));
            if (first.isPresent()) return Problems.response(request, Problems.status(first.get().kind()), first.get());
        }
        return Problems.response(request, e.status(), e.refusal());
    }
}
