package org.teachertraining.http;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import org.teachertraining.core.common.Violations;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * The edge's check of what every route takes from the URL, before any controller runs: each path segment
 * an identifier (letters, digits, {@code - _ . : ~}, at most {@value #MAX_SEGMENT} characters, so no key built
 * from it can pass DynamoDB's key limits), query parameters short and free of control characters, and an
 * {@code Idempotency-Key} of visible ASCII. Anything else is a 400 problem that quotes at most a prefix.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public final class RequestGuard implements Ordered {
    static final int MAX_SEGMENT = 200;
    static final int MAX_QUERY_VALUE = 2048;
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9._:~-]*");
    private static final Pattern PARAMETER = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7e]{1,128}");

    @Override
    public int getOrder() {
        return 100;   // after RequestLog (0), so a refusal here is logged too; before routing to a controller
    }

    @RequestFilter
    @Nullable
    public HttpResponse<?> check(HttpRequest<?> request) {
        var v = new Violations();
        String raw = request.getUri().getRawPath();
        if (raw.length() > 2048) {
            v.add("path", "路径过长", "the path is too long");
        } else {
            for (String segment : raw.split("/")) {
                String decoded = decode(segment);
                if (decoded == null || decoded.length() > MAX_SEGMENT || !SEGMENT.matcher(decoded).matches()) {
                    v.add("path", "路径中的标识符无效：" + org.teachertraining.core.common.PlainText.quote(decoded == null ? segment : decoded),
                            "invalid identifier in the path (letters, digits, - _ . : ~, at most " + MAX_SEGMENT + " characters): "
                                    + org.teachertraining.core.common.PlainText.quote(decoded == null ? segment : decoded));
                    break;
                }
            }
        }
        for (var name : request.getParameters().names()) {
            if (!PARAMETER.matcher(name).matches()) {
                v.add("query", "未知的查询参数", "unknown query parameter: " + org.teachertraining.core.common.PlainText.quote(name));
                continue;
            }
            for (String value : request.getParameters().getAll(name)) {
                if (value.length() > MAX_QUERY_VALUE || org.teachertraining.core.common.PlainText.problem(value) != null) {
                    v.add(name, "查询参数过长或含有控制字符", "too long or contains a control character");
                }
            }
        }
        String key = request.getHeaders().get("Idempotency-Key");
        if (key != null && !KEY.matcher(key).matches()) {
            v.add("Idempotency-Key", "幂等键须为 1–128 个可见 ASCII 字符", "must be 1-128 visible ASCII characters");
        }
        if (v.isEmpty()) return null;
        return Problems.response(request, v.refusal());
    }

    private static String decode(String segment) {
        try {
            return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
