package org.teachertraining.http;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.UnsupportedMediaException;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.web.router.exceptions.UnsatisfiedBodyRouteException;
import io.micronaut.web.router.exceptions.UnsatisfiedRouteException;
import jakarta.inject.Singleton;
import org.teachertraining.core.common.Refusal;
import org.teachertraining.core.common.Text;
import org.teachertraining.core.common.Violations;

import java.util.stream.Collectors;

/**
 * The framework's own errors (no such route, method not allowed, body too large, unsupported media
 * type, unexpected failures) in the same problem+json shape as the use cases' refusals.
 */
@Singleton
@Replaces(ErrorResponseProcessor.class)
public final class ProblemErrorResponseProcessor implements ErrorResponseProcessor<String> {
    private final CallerGate gate;
    private final WhoAsksFirst whoAsksFirst;

    public ProblemErrorResponseProcessor(CallerGate gate, WhoAsksFirst whoAsksFirst) {
        this.gate = gate;
        this.whoAsksFirst = whoAsksFirst;
    }

    @Override
    public MutableHttpResponse<String> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        int status = response.code();
        if (status >= 500) context.getRootCause().ifPresent(e -> RequestLog.failure(context.getRequest(), e));
        if (status == 415 || status == 406) {   // no route took the request: its caller is still checked first
            var refused = gate.refusalOfUnmatched(context.getRequest());
            if (refused.isPresent()) return problem(context, response, refused.get().status(), refused.get().refusal());
        }
        if (status == 400) {   // a body or query the route could not bind: whose record it is comes first
            var first = whoAsksFirst.refusal(context.getRequest());
            if (first.isPresent()) return problem(context, response, first.get().status(), first.get().refusal());
        }
        Throwable cause = context.getRootCause().orElse(null);
        if (cause instanceof UnsatisfiedBodyRouteException) return problem(context, response, 400, Json.emptyBody());
        if (cause instanceof UnsatisfiedRouteException missing) {
            return problem(context, response, 400, new Violations().add(missing.getArgument().getName(), "缺少此项", "is required").refusal());
        }
        String en = context.getErrors().stream().map(Error::getMessage).collect(Collectors.joining("; "));
        Text message = switch (status) {
            case 404 -> Text.of("没有这个地址：" + context.getRequest().getPath(), "No such resource: " + context.getRequest().getPath());
            case 405 -> Text.of("该地址不支持 " + context.getRequest().getMethodName() + " 方法",
                    "Method " + context.getRequest().getMethodName() + " is not allowed here");
            case 413 -> Text.of("请求内容过大", "The request body is too large");
            case 415 -> cause instanceof UnsupportedMediaException unsupported && !unsupported.getAcceptableContentTypes().isEmpty()
                    ? Text.of("不支持的内容类型，请使用 " + String.join("、", unsupported.getAcceptableContentTypes()),
                            "Unsupported content type; send " + String.join(", ", unsupported.getAcceptableContentTypes()))
                    : Text.of("不支持的内容类型，请使用 application/json", "Unsupported content type; send application/json");
            default -> status >= 500 ? Text.of("服务器内部错误", "Internal server error")
                    : Text.of(Problems.title(status).zh(), en.isBlank() ? Problems.title(status).en() : en);
        };
        var kind = status == 404 ? Refusal.Kind.NOT_FOUND : Refusal.Kind.INVALID;
        return problem(context, response, status, new Refusal(kind, null, message, null, null));
    }

    private static MutableHttpResponse<String> problem(ErrorContext context, MutableHttpResponse<?> response, int status, Refusal refusal) {
        String body = Problems.body(status, refusal, Problems.english(context.getRequest()));
        return response.status(status).contentType(Problems.CONTENT_TYPE).body(body);
    }
}
