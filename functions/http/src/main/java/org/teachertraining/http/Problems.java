package org.teachertraining.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import org.teachertraining.core.common.Refusal;
import org.teachertraining.core.common.Text;

import java.util.Locale;
import java.util.Map;

/**
 * RFC 9457 problem details: {@code {type, title, status, detail, rule?, errors?}} plus the refusal's
 * details as extension members. Language from {@code Accept-Language}: English when it prefers en, else zh-CN.
 */
public final class Problems {
    /** RFC 9457's members and ours, which a refusal's details may not override. */
    private static final java.util.Set<String> RESERVED = java.util.Set.of("type", "title", "status", "detail", "instance", "rule", "errors");

    public static final String CONTENT_TYPE = "application/problem+json";

    private static final Map<Integer, Text> TITLES = Map.ofEntries(
            Map.entry(400, Text.of("请求有误", "Bad request")),
            Map.entry(401, Text.of("未认证", "Unauthorized")),
            Map.entry(403, Text.of("无权操作", "Forbidden")),
            Map.entry(404, Text.of("未找到", "Not found")),
            Map.entry(405, Text.of("不支持的方法", "Method not allowed")),
            Map.entry(406, Text.of("不可接受的响应类型", "Not acceptable")),
            Map.entry(409, Text.of("与当前状态冲突", "Conflict")),
            Map.entry(413, Text.of("请求内容过大", "Content too large")),
            Map.entry(415, Text.of("不支持的内容类型", "Unsupported media type")),
            Map.entry(422, Text.of("无法处理的请求", "Unprocessable content")),
            Map.entry(500, Text.of("服务器内部错误", "Internal server error")),
            Map.entry(503, Text.of("服务暂不可用", "Service unavailable")));

    private Problems() {}

    public static int status(Refusal.Kind kind) {
        return switch (kind) {
            case INVALID -> 400;
            case UNAUTHENTICATED -> 401;
            case FORBIDDEN -> 403;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case UNPROCESSABLE -> 422;
        };
    }

    public static boolean english(HttpRequest<?> request) {
        return english(request == null ? null : request.getHeaders().get("Accept-Language"));
    }

    /**
     * Whether an {@code Accept-Language} header prefers English to Chinese by its weights ({@code q}, 1 when absent); on
     * a tie the one named first, as browsers list them in order of preference. Chinese when it names neither English
     * nor Chinese, or is absent.
     */
    static boolean english(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) return false;
        String[] ranges = acceptLanguage.split(",", 32);
        double en = 0, zh = 0;                          // each language's highest weight
        int enAt = ranges.length, zhAt = ranges.length;   // and where it was first named with it
        for (int i = 0; i < ranges.length; i++) {
            String[] parts = ranges[i].split(";");
            String tag = parts[0].strip().toLowerCase(Locale.ROOT);
            double q = weight(parts);
            if ((tag.equals("en") || tag.startsWith("en-")) && q > en) { en = q; enAt = i; }
            if ((tag.equals("zh") || tag.startsWith("zh-")) && q > zh) { zh = q; zhAt = i; }
        }
        return en > zh || (en > 0 && en == zh && enAt < zhAt);
    }

    private static double weight(String[] parts) {
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].strip().toLowerCase(Locale.ROOT);
            if (!parameter.startsWith("q=")) continue;
            try {
                double q = Double.parseDouble(parameter.substring(2));
                return q >= 0 && q <= 1 ? q : 0;
            } catch (NumberFormatException unreadable) {
                return 0;
            }
        }
        return 1;
    }

    public static MutableHttpResponse<String> response(HttpRequest<?> request, Refusal refusal) {
        return response(request, status(refusal.kind()), refusal);
    }

    public static MutableHttpResponse<String> response(HttpRequest<?> request, int status, Refusal refusal) {
        return HttpResponse.<String>status(io.micronaut.http.HttpStatus.valueOf(status))
                .contentType(CONTENT_TYPE)
                .body(body(status, refusal, english(request)));
    }

    public static String body(int status, Refusal refusal, boolean english) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("type", refusal.rule() == null ? "about:blank" : "https://teacher-training.example/rules/" + refusal.rule());
        node.put("title", title(status).in(english));
        node.put("status", status);
        node.put("detail", refusal.message().in(english));
        if (refusal.rule() != null) node.put("rule", refusal.rule());
        if (!refusal.errors().isEmpty()) {
            var errors = node.putArray("errors");
            refusal.errors().forEach(e -> {
                var error = errors.addObject().put("field", e.field()).put("message", e.message().in(english));
                if (!e.allowed().isEmpty()) e.allowed().forEach(error.putArray("allowed")::add);
            });
        }
        // extension members never replace the problem's own (a detail named "status" must not turn 409 into text)
        refusal.details().forEach((k, v) -> {
            if (!node.has(k) && !RESERVED.contains(k)) node.set(k, Json.MAPPER.valueToTree(v));
        });
        return node.toString();
    }

    public static Text title(int status) {
        return TITLES.getOrDefault(status, Text.of("错误", "Error"));
    }
}
