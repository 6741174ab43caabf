package org.teachertraining.local.bench;

import com.sun.net.httpserver.HttpServer;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The AOT start-up mode as Lambda runs it (template parameter {@code StartupMode=AotCache}, docs/deploy.md): the
 * layer at {@code /opt} — a JDK 25 jlinked from the build's, the Runtime Interface Client's jars and the
 * {@code bootstrap} — and a function's package at {@code /var/task} with the AOT cache trained on its sample events.
 * Here both live under a directory of the build ({@code opt/}, {@code var/task/}): the cache relocates, as long as
 * the class path keeps its shape, and the bootstrap's check of the jars names them as Lambda's paths.
 */
final class AotRuntime {
    /** The modules the functions need of the JDK (the Java SE platform, Unsafe for Netty and the SDK, zip file systems). */
    static final String MODULES = "java.se,jdk.unsupported,jdk.zipfs,jdk.crypto.cryptoki,jdk.management";
    static final String BOOTSTRAP_SOURCE = "infrastructure/local/src/aot/bootstrap";

    private AotRuntime() {}

    /** The layer's content under {@code opt}: jlinks the JDK once, copies the RIC and the bootstrap each time. */
    static Path layer(Path root, Path opt) throws Exception {
        if (!Files.exists(opt.resolve("jdk/bin/java"))) {
            Files.createDirectories(opt);
            var jlink = Path.of(System.getProperty("java.home"), "bin", "jlink").toString();
            run(new ProcessBuilder(jlink, "--add-modules", MODULES, "--strip-debug", "--no-man-pages", "--no-header-files",
                    "--output", opt.resolve("jdk").toString()), 300);
        }
        Files.createDirectories(opt.resolve("ric"));
        for (String artifact : List.of("aws-lambda-java-runtime-interface-client", "aws-lambda-java-serialization", "aws-lambda-java-core")) {
            Path jar = Path.of(ColdStartBenchmark.classpathEntry(artifact));
            Files.copy(jar, opt.resolve("ric").resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
        Files.copy(root.resolve(BOOTSTRAP_SOURCE), opt.resolve("bootstrap"), StandardCopyOption.REPLACE_EXISTING);
        Files.setPosixFilePermissions(opt.resolve("bootstrap"), PosixFilePermissions.fromString("rwxr-xr-x"));
        return opt;
    }

    /**
     * The training run: the function started by the layer's bootstrap with {@code AOT_TRAINING_OUTPUT}, handed
     * every one of {@code events} through a local Runtime API, then stopped; the JVM writes {@code task/app.aot} as
     * it exits and the bootstrap the digest of the jars it was made from.
     */
    static void train(Path opt, Path task, String handler, List<String> events, Map<String, String> env) throws Exception {
        Files.deleteIfExists(task.resolve("app.aot"));
        try (var api = new RuntimeApi(events)) {
            var pb = bootstrap(opt, task, handler, env, api).redirectErrorStream(true).redirectOutput(task.resolveSibling(task.getFileName() + "-training.log").toFile());
            pb.environment().put("AOT_TRAINING_OUTPUT", task.resolve("app.aot").toString());
            var process = pb.start();
            try {
                api.answered.get(180, TimeUnit.SECONDS);
            } finally {
                // SIGTERM to the JVM (not the script): it exits normally and writes the cache; then the script writes the digest
                process.descendants().forEach(ProcessHandle::destroy);
                if (!process.waitFor(180, TimeUnit.SECONDS)) process.destroyForcibly();
            }
        }
        if (!Files.exists(task.resolve("app.aot")) || !Files.exists(task.resolve("app.aot.cksum"))) {
            throw new IllegalStateException("no AOT cache from the training of " + handler + "; see " + task.resolveSibling(task.getFileName() + "-training.log"));
        }
    }

    /** The function started as Lambda starts a custom runtime: {@code /opt/bootstrap}, its handler in {@code _HANDLER}. */
    static ProcessBuilder bootstrap(Path opt, Path task, String handler, Map<String, String> env, RuntimeApi api) {
        var pb = new ProcessBuilder(opt.resolve("bootstrap").toString()).directory(task.toFile());
        pb.environment().putAll(env);
        pb.environment().put("AOT_LAYER_ROOT", opt.toString());
        pb.environment().put("LAMBDA_TASK_ROOT", task.toString());
        pb.environment().put("_HANDLER", handler);
        pb.environment().put("AWS_LAMBDA_RUNTIME_API", "127.0.0.1:" + api.port());
        return pb;
    }

    /** A function's package unpacked as Lambda unpacks it into {@code /var/task}. */
    static Path task(Path root, Map<String, String> function, Path into) throws Exception {
        return ColdStartBenchmark.unpack(root.resolve(function.get("CodeUri")), into);
    }

    /** The sample events of a function (events/&lt;Function&gt;/*.json), in name order. */
    static List<String> events(Path root, String function) throws Exception {
        var out = new ArrayList<String>();
        try (var files = Files.list(root.resolve("events").resolve(function))) {
            for (var p : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) out.add(Files.readString(p));
        }
        return out;
    }

    private static void run(ProcessBuilder pb, int seconds) throws Exception {
        var process = pb.redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(seconds, TimeUnit.SECONDS) || process.exitValue() != 0) throw new IllegalStateException(String.join(" ", pb.command()) + ": " + out);
    }

    /**
     * Lambda's Runtime API for one function instance: hands out {@code events} in turn (a later poll waits), takes the
     * answers, and completes {@link #answered} when every event has one (a function error is an answer too; an init
     * error fails it).
     */
    static final class RuntimeApi implements AutoCloseable {
        final CompletableFuture<Long> answered = new CompletableFuture<>();
        final List<String> responses = java.util.Collections.synchronizedList(new ArrayList<>());
        private final HttpServer server;

        RuntimeApi(List<String> events) throws Exception {
            var next = new AtomicInteger();
            var done = new AtomicInteger();
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/2018-06-01/runtime/invocation/next", x -> {
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
                // the RIC's native client reads these too
                x.getResponseHeaders().set("Lambda-Runtime-Client-Context", "{}");
                x.getResponseHeaders().set("Lambda-Runtime-Cognito-Identity", "{}");
                x.getResponseHeaders().set("Content-Type", "application/json");
                x.sendResponseHeaders(200, body.length);
                x.getResponseBody().write(body);
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
}
