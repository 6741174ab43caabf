package org.teachertraining.local;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The time a request has in AWS: the API's function stops at its {@code Timeout} from the template, and the
 * HTTP API gives up on any integration after {@value #INTEGRATION_TIMEOUT_SECONDS} s. Whichever comes first
 * answers as API Gateway answers it — not the function, so not a problem document: a function that timed out
 * is {@code 500 {"message":"Internal Server Error"}}, an integration that timed out
 * {@code 503 {"message":"Service Unavailable"}}. As in Lambda, what the request wrote before that stays
 * written; what its controller returns afterwards is dropped.
 */
@Filter(Filter.MATCH_ALL_PATTERN)
@Requires(property = "local.runtime", value = "true")
public final class HttpApiTimeout implements HttpServerFilter, Ordered {
    static final int INTEGRATION_TIMEOUT_SECONDS = 30;

    private final int functionTimeoutSeconds;

    public HttpApiTimeout(@Value("${local.api.function-timeout-seconds:3}") int functionTimeoutSeconds) {
        this.functionTimeoutSeconds = functionTimeoutSeconds;
    }

    @Override
    public int getOrder() {
        return 40;   // outermost but the request log: the whole invocation counts
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        var answer = new CompletableFuture<MutableHttpResponse<?>>();
        chain.proceed(request).subscribe(new Subscriber<>() {
            @Override
            public void onSubscribe(Subscription s) {
                s.request(1);
            }

            @Override
            public void onNext(MutableHttpResponse<?> response) {
                answer.complete(response);
            }

            @Override
            public void onError(Throwable t) {
                answer.completeExceptionally(t);
            }

            @Override
            public void onComplete() {
            }
        });
        return Publishers.fromCompletableFuture(answer.completeOnTimeout(timedOut(functionTimeoutSeconds),
                Math.min(functionTimeoutSeconds, INTEGRATION_TIMEOUT_SECONDS), TimeUnit.SECONDS));
    }

    /** API Gateway's answer when the time runs out: the function's timeout is an error of the function, the other one the integration's. */
    static MutableHttpResponse<?> timedOut(int functionTimeoutSeconds) {
        return functionTimeoutSeconds < INTEGRATION_TIMEOUT_SECONDS
                ? HttpResponse.status(io.micronaut.http.HttpStatus.INTERNAL_SERVER_ERROR).contentType(MediaType.APPLICATION_JSON_TYPE).body("{\"message\":\"Internal Server Error\"}")
                : HttpResponse.status(io.micronaut.http.HttpStatus.SERVICE_UNAVAILABLE).contentType(MediaType.APPLICATION_JSON_TYPE).body("{\"message\":\"Service Unavailable\"}");
    }
}
