package org.teachertraining.local.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The AOT start-up mode as Lambda runs it (template parameter {@code StartupMode=AotCache}, docs/deploy.md): the
 * layer at {@code /opt} — a JDK 25 jlinked from the build's, the Runtime Interface Client's jars and the
 * {@code bootstrap} — and a function's package at {@code /var/task} with the AOT cache trained on its sample events.
 * Here both live under a directory of the build ({@code opt/}, {@code var/task/}): the cache relocates, as long as
 * the class path keeps its shape, and the bootstrap's check of the jars names them as Lambda's paths.
 */
public final class AotRuntime {
    /** The modules the functions need of the JDK (the Java SE platform, Unsafe for Netty and the SDK, zip file systems). */
    static final String MODULES = "java.se,jdk.unsupported,jdk.zipfs,jdk.crypto.cryptoki,jdk.management";
    static final String BOOTSTRAP_SOURCE = "infrastructure/local/src/aot/bootstrap";
    /** The time every file of the layer carries (an even second: zip entries keep times to two seconds). */
    static final java.nio.file.attribute.FileTime LAYER_TIME = java.nio.file.attribute.FileTime.from(java.time.Instant.parse("2026-01-01T00:00:00Z"));

    private AotRuntime() {}

    /** The JDK's own class-data archive (CDS), made by jlink: a JVM of the layer started without an AOT cache uses it. */
    static final String CDS_ARCHIVE = "jdk/lib/server/classes.jsa";

    /**
     * The layer's content under {@code opt}: jlinks the JDK once (again if an earlier build's has no CDS archive), copies
     * the RIC and the bootstrap each time.
     */
    static Path layer(Path root, Path opt) throws Exception {
        if (!Files.exists(opt.resolve(CDS_ARCHIVE))) {
            if (Files.exists(opt.resolve("jdk"))) deleteTree(opt.resolve("jdk"));
            Files.createDirectories(opt);
            var jlink = Path.of(System.getProperty("java.home"), "bin", "jlink").toString();
            // --generate-cds-archive: the class-data archive a full JDK ships and jlink leaves out unless asked. Without
            // it, every JVM of the layer that runs without an AOT cache (a handler without one, jars that do not match
            // it) loads the JDK's classes from scratch, and the bare JVM beside the functions is one no JDK ships
            run(new ProcessBuilder(jlink, "--add-modules", MODULES, "--strip-debug", "--no-man-pages", "--no-header-files",
                    "--generate-cds-archive", "--output", opt.resolve("jdk").toString()), 300);
            // its twin for heaps over 32 GB (no compressed oops), which a Lambda function never has: 14 MB of the 250 MB
            Files.deleteIfExists(opt.resolve("jdk/lib/server/classes_nocoops.jsa"));
        }
        // the RIC's jars afresh each time: a jar of another version left from an earlier build would join the class path
        if (Files.exists(opt.resolve("ric"))) {
            try (var old = Files.list(opt.resolve("ric"))) {
                for (var p : old.toList()) Files.delete(p);
            }
        }
        Files.createDirectories(opt.resolve("ric"));
        for (String artifact : List.of("aws-lambda-java-runtime-interface-client", "aws-lambda-java-serialization", "aws-lambda-java-core")) {
            Path jar = Path.of(ColdStartBenchmark.classpathEntry(artifact));
            Files.copy(jar, opt.resolve("ric").resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
        unpackNativeClient(opt.resolve("ric"));
        Files.copy(root.resolve(BOOTSTRAP_SOURCE), opt.resolve("bootstrap"), StandardCopyOption.REPLACE_EXISTING);
        Files.setPosixFilePermissions(opt.resolve("bootstrap"), PosixFilePermissions.fromString("rwxr-xr-x"));
        // one fixed time for every file of the layer, kept by its zip: the cache checks the jars' times, so the files the
        // training sees and the files Lambda unpacks at /opt must carry the same ones
        try (var files = Files.walk(opt)) {
            for (var p : files.toList()) Files.setLastModifiedTime(p, LAYER_TIME);
        }
        return opt;
    }

    /** Where the layer keeps the RIC's native library for x86_64 and glibc (Amazon Linux 2023), the layer's one architecture. */
    static final String NATIVE_CLIENT = "libaws-lambda-jni.so";

    /**
     * The RIC's native library unpacked from its jar into the layer, beside the jar: the bootstrap names it to the RIC
     * ({@code -D…NativeClient.JNI}), which otherwise inflates it (814 KB) from its jar into {@code /tmp} at every cold start.
     */
    static void unpackNativeClient(Path ric) throws Exception {
        try (var jars = Files.newDirectoryStream(ric, "aws-lambda-java-runtime-interface-client-*.jar")) {
            for (var jar : jars) {
                try (var zip = new java.util.zip.ZipFile(jar.toFile())) {
                    var entry = zip.getEntry("jni/libaws-lambda-jni.linux-x86_64.so");
                    if (entry == null) throw new IllegalStateException(jar + " holds no native library for linux-x86_64");
                    try (var in = zip.getInputStream(entry)) {
                        Files.copy(in, ric.resolve(NATIVE_CLIENT), StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        }
        if (!Files.exists(ric.resolve(NATIVE_CLIENT))) throw new IllegalStateException("no Runtime Interface Client jar in " + ric);
    }

    /**
     * The training run: the function started by the layer's bootstrap with {@code AOT_TRAINING_OUTPUT}, handed
     * every one of {@code events} through a local Runtime API, then stopped; the JVM writes the handler's cache
     * ({@link #cache}) as it exits and the bootstrap, beside it, the digest of the jars it was made from and their times.
     */
    static void train(Path opt, Path task, String handler, List<String> events, Map<String, String> env) throws Exception {
        var cache = task.resolve(cache(handler));
        Files.createDirectories(cache.getParent());
        Files.deleteIfExists(cache);
        try (var api = new LambdaRuntimeApi(events)) {
            var pb = bootstrap(opt, task, handler, env, api).redirectErrorStream(true).redirectOutput(task.resolveSibling(task.getFileName() + "-training.log").toFile());
            pb.environment().put("AOT_TRAINING_OUTPUT", cache.toString());
            var process = pb.start();
            try {
                api.answered.get(180, TimeUnit.SECONDS);
                // a function error is an answer (events of projects the emulator does not hold), but a training whose every
                // event failed ran no real path: a handler that cannot load, for one, answers every event with its error
                if (api.errors.get() == events.size()) throw new IllegalStateException("every training event of " + handler + " failed: " + api.responses);
            } finally {
                // SIGTERM to the JVM (not the script): it exits normally and writes the cache; then the script writes the digest
                process.descendants().forEach(ProcessHandle::destroy);
                if (!process.waitFor(180, TimeUnit.SECONDS)) process.destroyForcibly();
            }
        }
        if (!Files.exists(cache) || !Files.exists(digestOf(cache)) || !Files.exists(timesOf(cache))) {
            throw new IllegalStateException("no AOT cache from the training of " + handler + "; see " + task.resolveSibling(task.getFileName() + "-training.log"));
        }
    }

    /**
     * Where a package holds the cache trained for {@code handler}, relative to its root ({@code /var/task}): one per
     * handler class, as two functions may share a package (the notifications); the bootstrap looks for the same name.
     */
    static String cache(String handler) {
        return "aot/" + handler.substring(0, handler.contains("::") ? handler.indexOf("::") : handler.length()) + ".aot";
    }

    /** The digest of the jars a cache was made from, which the bootstrap writes beside it. */
    static Path digestOf(Path cache) {
        return cache.resolveSibling(cache.getFileName() + ".cksum");
    }

    /** The jars' modification times at training, which the bootstrap writes beside the cache: a relocated cache needs them. */
    static Path timesOf(Path cache) {
        return cache.resolveSibling(cache.getFileName() + ".times");
    }

    /** What the JVM prints when it cannot use the cache it was given (it then starts without it). */
    public static final String CACHE_REFUSED = "An error has occurred while processing the AOT cache";
    /** What the bootstrap logs when it started the JVM on a copy of the jars with the training's times. */
    static final String COPIED = "copied with the training's times";

    /** Every file and directory under {@code tree} given {@code time}, as an unpacking that does not keep a zip's times leaves them. */
    static void retime(Path tree, java.nio.file.attribute.FileTime time) throws Exception {
        try (var files = Files.walk(tree)) {
            for (var p : files.toList()) Files.setLastModifiedTime(p, time);
        }
    }

    /** The function started as Lambda starts a custom runtime: {@code /opt/bootstrap}, its handler in {@code _HANDLER}. */
    static ProcessBuilder bootstrap(Path opt, Path task, String handler, Map<String, String> env, LambdaRuntimeApi api) {
        var pb = new ProcessBuilder(opt.resolve("bootstrap").toString()).directory(task.toFile());
        pb.environment().putAll(env);
        pb.environment().put("AOT_LAYER_ROOT", opt.toString());
        pb.environment().put("LAMBDA_TASK_ROOT", task.toString());
        pb.environment().put("_HANDLER", handler);
        pb.environment().put("AWS_LAMBDA_RUNTIME_API", "127.0.0.1:" + api.port());
        return pb;
    }

    /**
     * A start: seconds from launching the bootstrap to the function's answer, the answer, what the start logged, and the
     * file the JVM mapped the RIC's native library from ("" if none).
     */
    record Started(String handler, double seconds, String response, String log, String nativeClient) {
        /** The bootstrap offered the cache of this handler (its jars matched the training's) and the JVM took it. */
        boolean usedTheCache() {
            return log.contains("\"AOT cache in use\",\"cache\":\"" + cache(handler) + "\"") && !log.contains(CACHE_REFUSED);
        }

        /** The bootstrap found the jars' times changed since training and started the JVM on a copy with those times. */
        boolean startedOnACopy() {
            return log.contains(COPIED);
        }
    }

    /** One cold start of the function by the layer's bootstrap, handed {@code event}. */
    static Started start(Path opt, Path task, String handler, String event, Map<String, String> env) throws Exception {
        var log = Files.createTempFile("aot-start", ".log");
        try (var api = new LambdaRuntimeApi(List.of(event))) {
            long t0 = System.nanoTime();
            var process = bootstrap(opt, task, handler, env, api).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            long answered;
            String nativeClient;
            try {
                answered = api.answered.get(120, TimeUnit.SECONDS);
                nativeClient = mappedNativeClient(process.pid());   // the bootstrap execs the JVM: the same process
            } finally {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            return new Started(handler, (answered - t0) / 1e9, api.responses.get(0), Files.readString(log), nativeClient);
        } finally {
            Files.deleteIfExists(log);
        }
    }

    /** The file the process {@code pid} has the RIC's native library mapped from, or "" when it has none. */
    static String mappedNativeClient(long pid) throws Exception {
        try (var maps = Files.lines(Path.of("/proc", Long.toString(pid), "maps"))) {
            return maps.map(line -> line.substring(line.lastIndexOf(' ') + 1)).filter(file -> file.contains("libaws-lambda-jni")).findFirst().orElse("");
        }
    }

    /** A function's package unpacked as Lambda unpacks it into {@code /var/task}. */
    static Path task(Path root, Map<String, String> function, Path into) throws Exception {
        return ColdStartBenchmark.unpack(root.resolve(function.get("CodeUri")), into);
    }

    /**
     * A directory shaped as a function's file system in Lambda: {@code dir/opt}, a copy of the layer with its files'
     * times, and {@code dir/var/task}, where {@link #task} unpacks the function. A copy, not hard links: the JVM matches
     * class path entries by file identity first, and two trees sharing the layer's files would make it expect the
     * training's exact paths for the function's jars too.
     * The shape matters: a relocated cache finds its class path by replacing the longest common prefix of the training's
     * entries with that of the start's (in Lambda {@code /}), so a cache trained with the function anywhere but at
     * {@code var/task} beside {@code opt} is looked for at paths Lambda does not have and, where the JVM checks the
     * application's class path, refused (BENCHMARKS.md).
     */
    static Path lambdaTree(Path layer, Path dir) throws Exception {
        var opt = dir.resolve("opt");
        deleteTree(opt);
        copyTree(layer, opt);
        return dir;
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

    /** {@code from} copied to {@code to}, every file with its time and permissions. */
    static void copyTree(Path from, Path to) throws Exception {
        try (var s = Files.walk(from)) {
            for (var p : s.toList()) {
                var target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
    }

    /** {@code dir} and everything under it, if it exists. */
    static void deleteTree(Path dir) throws Exception {
        if (!Files.exists(dir)) return;
        try (var s = Files.walk(dir)) {
            for (var p : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}
