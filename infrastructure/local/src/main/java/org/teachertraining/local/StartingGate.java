package org.teachertraining.local;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import jakarta.inject.Singleton;
import org.teachertraining.core.common.Refusal;
import org.teachertraining.core.common.Text;
import org.teachertraining.http.Problems;

import java.util.Map;

/**
 * The local runtime answers once it has started whole. Its HTTP server listens before the queues' pollers, the schedules
 * and, with {@code --demo}, the demo programs are there: the demo moves the clock to 2019 and then to 2020-09-01 while it
 * loads, so a token minted meanwhile would expire in the clock's jump and a record made meanwhile would land between the
 * demo's years. Until {@link LocalRuntime#start} {@linkplain #open() opens} it, every request is a 503 problem with
 * {@code Retry-After}. A runtime that is never deployed: in AWS the API is there when its function is.
 */
@Singleton
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
@Requires(property = "local.runtime", value = "true")
public final class StartingGate implements Ordered {
    static final String RETRY_AFTER_SECONDS = "2";

    private volatile boolean open;

    @Override
    public int getOrder() {
        return 30;   // after the request log, so a request turned away is logged; before anything else
    }

    /** From now on requests go through. */
    void open() {
        open = true;
    }

    @RequestFilter
    @Nullable
    public HttpResponse<?> request(HttpRequest<?> request) {
        if (open) return null;
        return Problems.response(request, 503, Refusal.unprocessable(null, Text.of(
                "本地运行时正在启动（使用 --demo 时还在加载演示数据），请稍后重试",
                "The local runtime is still starting (with --demo, loading the demo programs); retry shortly"), Map.of()))
                .header("Retry-After", RETRY_AFTER_SECONDS);
    }
}
