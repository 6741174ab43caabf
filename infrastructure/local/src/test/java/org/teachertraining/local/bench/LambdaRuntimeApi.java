package org.teachertraining.local.bench;

import com.sun.net.httpserver.HttpServer;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Lambda's Runtime API for one function instance: hands out {@code events} in turn (a later poll waits until the
 * process is stopped), takes the answers, and completes {@link #answered} when every event has one (a function error
 * is an answer too: the sample events name projects the emulator does not hold; an init error fails it). It answers
 * the RIC's SnapStart path ({@code restore/next}) too.
 */
final class LambdaRuntimeApi implements AutoCloseable {
    final CompletableFuture<Long> answered = new CompletableFuture<>();
    /** When the function first polled for an event (its init done), and when it asked for restore/next (SnapStart): nanoTime, 0 until then. */
    final AtomicLong polled = new AtomicLong(), restoring = new AtomicLong();
    final List<String> responses = java.util.Collections.synchronizedList(new ArrayList<>());
    /** How many of the answers are function errors. */
    final java.util.concurrent.atomic.AtomicInteger errors = new java.util.concurrent.atomic.AtomicInteger();
    private final HttpServer server;

    LambdaRuntimeApi(List<String> events) throws Exception {
        var next = new AtomicInteger();
        var done = new AtomicInteger();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/2018-06-01/runtime/invocation/next", x -> {
            polled.compareAndSet(0, System.nanoTime());
            int i = next.getAndIncrement();
            if (i >= events.size()) {   // no more events: the poll waits until the process is stopped
                try { Thread.sleep(600_000); } catch (InterruptedException ignored) { }
                return;
            }
            byte[] body = events.get(i).getBytes(StandardCharsets.UTF_8);
            x.getResponseHeaders().set("Lambda-Runtime-Aws-Request-Id", "request-" + i);
            x.getResponseHeaders().set("Lambda-Runtime-Deadline-Ms", Long.toString(System.currentTimeMillis() + 300_000));
            x.getResponseHeaders().set("Lambda-Runtime-Invoked-Function-Arn", "arn:aws:lambda:local:000000000000:function:aot");
            x.getResponseHeaders().set("Lambda-Runtime-Trace-Id", "Root=1-00000000-000000000000000000000000");
            // no Lambda-Runtime-Client-Context or -Cognito-Identity: Lambda sends them only for the AWS Mobile SDK's invocations
            x.getResponseHeaders().set("Content-Type", "application/json");
            x.sendResponseHeaders(200, body.length);
            x.getResponseBody().write(body);
            x.close();
        });
        server.createContext("/2018-06-01/runtime/restore/next", x -> {
            restoring.compareAndSet(0, System.nanoTime());
            x.sendResponseHeaders(200, -1);
            x.close();
        });
        server.createContext("/2018-06-01/runtime/", x -> {
            long at = System.nanoTime();
            String path = x.getRequestURI().getPath();
            String body = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            x.getResponseHeaders().set("Content-Length", "0");
            x.sendResponseHeaders(202, -1);
            x.close();
            if (!path.contains("/invocation/")) {
                answered.completeExceptionally(new AssertionError(path + ": " + body));
                return;
            }
            responses.add(body);
            if (path.endsWith("/error")) errors.incrementAndGet();
            if (done.incrementAndGet() == events.size()) answered.complete(at);
        });
        // daemon threads: a poll left waiting for an event that never comes must not keep the JVM alive
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            var t = new Thread(r, "runtime-api");
            t.setDaemon(true);
            return t;
        }));
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
