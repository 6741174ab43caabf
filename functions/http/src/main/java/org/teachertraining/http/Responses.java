package org.teachertraining.http;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import org.teachertraining.core.common.Outcome;

import java.util.function.Function;

/** Maps use-case outcomes to HTTP: done → JSON with the given status, refused → problem+json. */
public final class Responses {
    private Responses() {}

    public static MutableHttpResponse<String> json(HttpStatus status, Object body) {
        return HttpResponse.<String>status(status).contentType(MediaType.APPLICATION_JSON_TYPE).body(Json.write(body));
    }

    public static <T> MutableHttpResponse<String> of(HttpRequest<?> request, Outcome<T> outcome, HttpStatus status) {
        return of(request, outcome, v -> status, v -> v);
    }

    public static <T> MutableHttpResponse<String> of(HttpRequest<?> request, Outcome<T> outcome,
                                                     Function<T, HttpStatus> status, Function<T, Object> body) {
        if (outcome instanceof Outcome.Done<T> done) return json(status.apply(done.value()), body.apply(done.value()));
        return Problems.response(request, ((Outcome.Refused<T>) outcome).refusal());
    }
}
