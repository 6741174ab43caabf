package org.teachertraining.http;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

import java.io.PrintStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * One structured JSON log line per request (stdout, which Lambda sends to CloudWatch Logs): time,
 * correlation ID (the caller's {@code X-Correlation-Id} or a new one, echoed back), method, path,
 * status, latency and the caller's user id. Never tokens, bodies or ID numbers.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public final class RequestLog {
    static final String CORRELATION_HEADER = "X-Correlation-Id";
    static final String STARTED = "requestLog.started";
    static final String CORRELATION = "requestLog.correlationId";
    /** Set by {@link Callers} once the caller is known. */
    static final String CALLER = "requestLog.caller";
    private static final PrintStream OUT = System.out;

    @RequestFilter
    public void start(HttpRequest<?> request) {
        String given = request.getHeaders().get(CORRELATION_HEADER);
        request.setAttribute(CORRELATION, given != null && given.matches("[A-Za-z0-9._-]{1,100}") ? given : UUID.randomUUID().toString());
        request.setAttribute(STARTED, System.nanoTime());
    }

    @ResponseFilter
    public void finish(HttpRequest<?> request, MutableHttpResponse<?> response) {
        String correlationId = request.getAttribute(CORRELATION, String.class).orElse("-");
        response.header(CORRELATION_HEADER, correlationId);
        var line = new LinkedHashMap<String, Object>();
        line.put("time", Instant.now().toString());
        line.put("level", response.code() >= 500 ? "ERROR" : "INFO");
        line.put("correlationId", correlationId);
        line.put("method", request.getMethodName());
        line.put("path", request.getPath());
        line.put("status", response.code());
        request.getAttribute(STARTED, Long.class).ifPresent(t -> line.put("latencyMs", (System.nanoTime() - t) / 1_000_000.0));
        request.getAttribute(CALLER, String.class).ifPresent(sub -> line.put("caller", sub));
        write(line);
    }

    /** Logs an unexpected failure with the request's correlation ID. */
    static void failure(HttpRequest<?> request, Throwable error) {
        var line = new LinkedHashMap<String, Object>();
        line.put("time", Instant.now().toString());
        line.put("level", "ERROR");
        line.put("correlationId", request == null ? "-" : request.getAttribute(CORRELATION, String.class).orElse("-"));
        line.put("error", error.getClass().getName());
        line.put("message", String.valueOf(error.getMessage()));
        var trace = new StringBuilder();
        for (var frame : error.getStackTrace()) {
            if (trace.length() > 4000) break;
            trace.append(frame).append('\n');
        }
        line.put("stack", trace.toString());
        write(line);
    }

    private static void write(Map<String, Object> line) {
        OUT.println(Json.write(line));
    }
}
