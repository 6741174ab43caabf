package org.teachertraining.local;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import org.teachertraining.core.common.Refusal;
import org.teachertraining.core.common.Text;
import org.teachertraining.http.Problems;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The API reaches its function through API Gateway and a synchronous Lambda invocation, and Lambda takes at
 * most {@value #LAMBDA_PAYLOAD} bytes each way — below the HTTP API's own 10 MB. The event carries the body
 * (base64-encoded, 4/3 of it, unless the content type is text), the headers and the request context; the
 * local runtime counts the same and refuses what AWS would: a request whose event would pass the limit is a
 * 413 problem, a response over it a 502 (API Gateway's answer when the function's response is too large).
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
@Requires(property = "local.runtime", value = "true")
public final class LambdaPayloadLimits implements Ordered {
    static final int LAMBDA_PAYLOAD = 6 * 1024 * 1024;
    /** What an HTTP API event holds besides the body and the headers: the request context, the route, the stage. */
    static final int EVENT_ENVELOPE = 1024;

    @Override
    public int getOrder() {
        return 50;   // after the request log, before the request guard and the controllers
    }

    @RequestFilter
    @Nullable
    public HttpResponse<?> request(HttpRequest<?> request) {
        long length = request.getContentLength();
        if (length <= 0) return null;
        long event = EVENT_ENVELOPE + request.getUri().toString().length() + (textual(request.getContentType().map(Object::toString).orElse("")) ? length : (length + 2) / 3 * 4);
        for (var header : request.getHeaders()) {
            for (String value : header.getValue()) event += header.getKey().length() + value.length() + 6;
        }
        if (event <= LAMBDA_PAYLOAD) return null;
        return Problems.response(request, 413, Refusal.unprocessable(null, Text.of(
                "请求过大：转换为 Lambda 调用事件后约 " + event + " 字节，超过 6 MB 上限",
                "The request is too large: as a Lambda invocation event it takes about " + event + " bytes, over the 6 MB limit"),
                Map.of("eventBytes", event, "limitBytes", LAMBDA_PAYLOAD)));
    }

    @ResponseFilter
    public void response(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (response.body() instanceof String body && body.getBytes(StandardCharsets.UTF_8).length + EVENT_ENVELOPE > LAMBDA_PAYLOAD) {
            var problem = Problems.response(request, 502, Refusal.unprocessable(null, Text.of("服务的响应超过 Lambda 的 6 MB 上限",
                    "The function's response is over Lambda's 6 MB limit"), Map.of("limitBytes", LAMBDA_PAYLOAD)));
            @SuppressWarnings("unchecked") var mutable = (MutableHttpResponse<Object>) response;
            mutable.status(502).body(problem.body()).contentType(Problems.CONTENT_TYPE);
        }
    }

    /** What API Gateway passes as text rather than base64. */
    static boolean textual(String contentType) {
        String t = contentType.toLowerCase(java.util.Locale.ROOT);
        return t.startsWith("text/") || t.startsWith("application/json") || t.contains("+json") || t.startsWith("application/xml")
                || t.startsWith("application/x-www-form-urlencoded") || t.startsWith("application/problem+json");
    }
}
