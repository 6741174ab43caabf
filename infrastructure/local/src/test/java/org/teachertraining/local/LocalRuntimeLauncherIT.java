package org.teachertraining.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.teachertraining.local.bench.AotRuntime;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The run command's launcher ({@code src/run/local-runtime.sh}) and its AOT cache: the build's step makes the cache before
 * the first start; without it, the first start answers without a cache and trains one in the background; the next start
 * uses it, and the JVM takes it; a new build of the project (its jar changed, or its classes as a directory) keeps it, as
 * the project's classes are never in it; other dependencies (another name) start without one; a cache the JVM refuses
 * (given to it by hand for another class path) merely slows the start. The launcher runs here on this module's jar
 * copied to a directory of its own, so the test's caches are never the developer's.
 */
class LocalRuntimeLauncherIT {

    static final Path LAUNCHER = Path.of("src/run/local-runtime.sh");
    /** Every process a start launched, and the directory of the test's build: nothing outlives a failed assertion. */
    private final List<Process> launched = new ArrayList<>();
    private Path dir;

    @org.junit.jupiter.api.AfterEach
    void endWhatWasStarted() throws Exception {
        launched.forEach(Process::destroyForcibly);
        if (dir != null) trainings(dir).forEach(ProcessHandle::destroyForcibly);
        if (dir != null && Files.exists(dir.resolve("repository"))) {   // the mirror's links, which JUnit would warn of one by one
            try (var files = Files.walk(dir.resolve("repository"))) {
                for (Path link : files.filter(Files::isSymbolicLink).toList()) Files.delete(link);
            }
        }
    }

    record Started(Process process, String output, int status) {}

    @Test
    void theFirstStartTrainsTheCache_laterStartsUseIt_acrossBuildsOfTheProject_notOtherDependencies(@TempDir Path dir) throws Exception {
        Path root = layOut(dir), build = dir.resolve("target"), moduleJar = build.resolve("local-runtime.jar");
        var classPath = classPath(moduleJar);
        Path aot = build.resolve("local-runtime-aot");

        var first = start(root, build, classPath);
        assertEquals(200, first.status(), first.output());
        assertTrue(first.output().contains("no AOT cache for these dependencies yet"), first.output());
        // it waited for nothing only the cache needs (DynamoDB Local's copy, the launcher compiled): it runs on the class
        // path as given, while the background makes those and trains
        String firstCommand = first.process().info().commandLine().orElse("");
        assertTrue(firstCommand.contains("-cp " + moduleJar + File.pathSeparator), firstCommand);
        stop(first);
        Path cache = awaitTraining(aot);

        var second = start(root, build, classPath);
        assertEquals(200, second.status(), second.output());
        assertTrue(second.output().contains("AOT cache " + cache), second.output());
        assertFalse(second.output().contains(AotRuntime.CACHE_REFUSED), second.output());
        stop(second);

        // a new build of the project: its jar changed, and its classes as a directory (as `mvn compile exec:exec` gives
        // them): the same cache, taken by the JVM, as none of the project's classes are in it
        Files.setLastModifiedTime(moduleJar, FileTime.fromMillis(Files.getLastModifiedTime(moduleJar).toMillis() + 60_000));
        var withDirectory = new ArrayList<>(classPath);
        withDirectory.add(Files.createDirectories(dir.resolve("classes")).toString());
        Files.writeString(dir.resolve("classes/Nothing.txt"), "the project's classes, as a directory");
        var rebuilt = start(root, build, withDirectory);
        assertEquals(200, rebuilt.status(), rebuilt.output());
        assertTrue(rebuilt.output().contains("AOT cache " + cache), rebuilt.output());
        assertFalse(rebuilt.output().contains(AotRuntime.CACHE_REFUSED), rebuilt.output());
        stop(rebuilt);

        // other dependencies (one left out of the class path: the test framework's, which the runtime does not need):
        // another name, no cache offered, the runtime starts all the same
        var otherDependencies = classPath.stream().filter(e -> !Path.of(e).getFileName().toString().startsWith("junit-jupiter-api-")).toList();
        assertEquals(classPath.size() - 1, otherDependencies.size(), "one dependency left out");
        var third = start(root, build, otherDependencies);
        assertEquals(200, third.status(), third.output());
        assertTrue(third.output().contains("no AOT cache for these dependencies yet"), third.output());
        stop(third);
        stopTraining(dir);

        // the cache given to the JVM by hand for Maven's class path (no launcher jar, DynamoDB Local's own jar): refused,
        // said so, and the runtime answers
        var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        int port = Api.freePort();
        var refused = answer(port, new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-XX:AOTCache=" + cache, "-Xlog:aot*=error",
                "-cp", String.join(File.pathSeparator, classPath), LocalRuntime.class.getName(),
                "--root", root.toString(), "--in-memory", "--port", Integer.toString(port)));
        assertEquals(200, refused.status(), refused.output());
        assertTrue(refused.output().contains(AotRuntime.CACHE_REFUSED), refused.output());
        stop(refused);
    }

    /**
     * The API's context starts while the emulators do, but its server opens only once the template's resources exist and
     * the context has their names: the very first answer comes from a runtime whose table is there and named. The request
     * right after the first answer reads the table (a server opened early would answer it 500: no table, or no
     * {@code training.table}).
     */
    @Test
    void theFirstAnswer_comesOnlyOnceTheTemplatesResourcesExist(@TempDir Path dir) throws Exception {
        Path root = Files.createDirectories(dir.resolve("root"));
        Api.copyTemplate(root);
        var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        int port = Api.freePort();
        var first = answer(port, new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                LocalRuntime.class.getName(), "--root", root.toString(), "--in-memory", "--port", Integer.toString(port)));
        assertEquals(200, first.status(), first.output());
        var base = "http://127.0.0.1:" + port;
        try (var http = HttpClient.newHttpClient()) {
            String token = Api.JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(base + "/dev/tokens")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"sub\":\"first\",\"role\":\"PROVINCE_ADMIN\",\"jurisdiction\":\"410000\"}")).build(),
                    HttpResponse.BodyHandlers.ofString()).body()).get("token").asText();
            var programs = http.send(HttpRequest.newBuilder(URI.create(base + "/programs")).header("Authorization", "Bearer " + token).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, programs.statusCode(), programs.body());
        }
        stop(first);
    }

    /**
     * The build's step (pom.xml, {@code package}: the launcher with {@code LOCAL_RUNTIME_AOT=train}) makes the cache in the
     * foreground and starts nothing; run again, it finds the cache and trains nothing; the first start after it uses the
     * cache. The project's own jar counts as the project's wherever it lies: in the local repository, as {@code mvn
     * install} put it there (the step below sees it so), or in the module's build directory, as {@code -am} gives it (the
     * start below). A class path the launcher cannot cache from costs the cache, never the build.
     * The repository here mirrors the real one by symbolic links, so that the project's jar can lie in it.
     */
    @Test
    void theBuildsStep_makesTheCacheOnce_andTheFirstStartAfterItUsesIt(@TempDir Path dir) throws Exception {
        Path root = layOut(dir), build = dir.resolve("target"), moduleJar = build.resolve("local-runtime.jar");
        Path repository = dir.resolve("repository");
        // the test's class path but this module's jar: the dependencies through the mirror, the other modules as given
        // (their jars under target/ in a build of the whole project, in the repository in a build of this module alone)
        var classPath = new ArrayList<String>();
        for (String entry : classPath(moduleJar)) {
            Path p = Path.of(entry);
            if (p.equals(moduleJar)) continue;
            if (!p.startsWith(repository())) {
                classPath.add(entry);
                continue;
            }
            Path link = repository.resolve(repository().relativize(p).toString());
            Files.createDirectories(link.getParent());
            Files.createSymbolicLink(link, p);
            classPath.add(link.toString());
        }
        Path installed = repository.resolve("org/teachertraining/local-runtime/0.1.0-SNAPSHOT/local-runtime-0.1.0-SNAPSHOT.jar");
        Files.createDirectories(installed.getParent());
        Files.copy(moduleJar, installed);
        var asInstalled = new ArrayList<String>(List.of(installed.toString()));
        asInstalled.addAll(classPath);

        var made = train(root, build, repository, asInstalled);
        assertEquals(0, made.status(), made.output());
        assertTrue(made.output().contains("making the AOT cache for these dependencies"), made.output());
        Path aot = build.resolve("local-runtime-aot");
        List<Path> caches;
        try (var found = Files.newDirectoryStream(aot, "local-runtime-*.aot")) {
            caches = java.util.stream.StreamSupport.stream(found.spliterator(), false).toList();
        }
        assertEquals(1, caches.size(), made.output() + Files.readString(aot.resolve("training.log")));
        Path cache = caches.get(0);
        assertTrue(made.output().contains("AOT cache " + cache + " made in"), made.output());

        var again = train(root, build, repository, asInstalled);
        assertEquals(0, again.status(), again.output());
        assertEquals("local runtime: AOT cache " + cache, again.output().strip());
        assertTrue(trainings(dir).isEmpty(), "nothing trains");

        var asBuilt = new ArrayList<String>(List.of(moduleJar.toString()));
        asBuilt.addAll(classPath);
        var first = start(root, build, repository, asBuilt);
        assertEquals(200, first.status(), first.output());
        assertTrue(first.output().contains("AOT cache " + cache), first.output());
        assertFalse(first.output().contains("no AOT cache"), first.output());
        assertFalse(first.output().contains(AotRuntime.CACHE_REFUSED), first.output());
        stop(first);

        // a dependency as a directory: the JVM caches from jars only, so no cache, and the build goes on
        var withDirectory = new ArrayList<>(asInstalled);
        withDirectory.add(Files.createDirectories(repository.resolve("org/example/classes")).toString());
        var none = train(root, build, repository, withDirectory);
        assertEquals(0, none.status(), none.output());
        assertTrue(none.output().contains("no AOT cache can be made here"), none.output());
        assertTrue(trainings(dir).isEmpty(), "nothing trains");
    }

    /** A test's project under {@code dir}: {@code root/} with a copy of the template, and the build directory {@code target/}; its root. */
    private Path layOut(Path dir) throws Exception {
        this.dir = dir;
        Path root = Files.createDirectories(dir.resolve("root"));
        Api.copyTemplate(root);
        Files.createDirectories(dir.resolve("target"));
        return root;
    }

    /** The launcher's class path for this module's jar at {@code moduleJar} (copied there) and the test's dependencies. */
    private static List<String> classPath(Path moduleJar) throws Exception {
        var classPath = new ArrayList<String>(List.of(moduleJar.toString()));
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path p = Path.of(entry);
            if (Files.isDirectory(p)) continue;   // this module's classes (in its jar below) and test classes
            if (p.getFileName().toString().startsWith("local-runtime-")) continue;
            classPath.add(entry);
        }
        try (var jars = Files.newDirectoryStream(Path.of("target"), "local-runtime-*.jar")) {
            Files.copy(jars.iterator().next(), moduleJar);
        }
        return classPath;
    }

    private Started start(Path root, Path build, List<String> classPath) throws Exception {
        return start(root, build, repository(), classPath);
    }

    private Started start(Path root, Path build, Path repository, List<String> classPath) throws Exception {
        int port = Api.freePort();
        return answer(port, launcher(root, build, repository, classPath, "--in-memory --port " + port));
    }

    /** The launcher as the run command calls it, which passes its run.args as one argument, as here. */
    private static ProcessBuilder launcher(Path root, Path build, Path repository, List<String> classPath, String runArgs) {
        var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder("bash", LAUNCHER.toString(), java, String.join(File.pathSeparator, classPath), build.toString(),
                root.toString(), repository.toString(), runArgs);
    }

    /** The build's step: the launcher with {@code LOCAL_RUNTIME_AOT=train}, to its end; its status and output. */
    private Started train(Path root, Path build, Path repository, List<String> classPath) throws Exception {
        var command = launcher(root, build, repository, classPath, "");
        command.environment().put("LOCAL_RUNTIME_AOT", "train");
        Path log = Files.createTempFile("launcher", ".log");
        var process = command.redirectErrorStream(true).redirectOutput(log.toFile()).start();
        launched.add(process);
        assertTrue(process.waitFor(300, TimeUnit.SECONDS), "the build's step did not end");
        return new Started(process, Files.readString(log, StandardCharsets.UTF_8), process.exitValue());
    }

    /** The local Maven repository the test's dependencies come from: the one holding Micronaut's jar (io/micronaut/micronaut-inject/<version>/). */
    private static Path repository() throws Exception {
        Path jar = Path.of(io.micronaut.context.ApplicationContext.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        return jar.getParent().getParent().getParent().getParent().getParent();
    }

    /** Starts the process and waits for the runtime's first answer to {@code GET /openapi.yaml} (or for it to end). */
    private Started answer(int port, ProcessBuilder command) throws Exception {
        Path log = Files.createTempFile("launcher", ".log");
        var process = command.redirectErrorStream(true).redirectOutput(log.toFile()).start();
        launched.add(process);
        int status = 0;
        try (var http = HttpClient.newHttpClient()) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (status != 200 && process.isAlive() && System.nanoTime() < deadline) {
                try {
                    status = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/openapi.yaml")).build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode();
                } catch (java.io.IOException notYet) {
                    Thread.sleep(100);
                }
            }
        }
        return new Started(process, Files.readString(log, StandardCharsets.UTF_8), status);
    }

    private static void stop(Started started) throws InterruptedException {
        started.process().destroy();
        assertTrue(started.process().waitFor(15, TimeUnit.SECONDS), "the runtime did not stop");
    }

    /** The cache the training run leaves, once it has ended (the launcher moves it into place then). */
    private static Path awaitTraining(Path aot) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
        while (System.nanoTime() < deadline) {
            try (var caches = Files.newDirectoryStream(aot, "local-runtime-*.aot")) {
                var found = caches.iterator();
                if (found.hasNext()) return found.next();
            }
            Thread.sleep(500);
        }
        throw new AssertionError("no cache after 300 s: " + Files.readString(aot.resolve("training.log")));
    }

    /**
     * The training a start began in the background under {@code dir}, ended (the test needs no second cache); it begins
     * once the start has ended or said it has started, so it is waited for.
     */
    private static void stopTraining(Path dir) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        var training = trainings(dir);
        while (training.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(200);
            training = trainings(dir);
        }
        assertEquals(1, training.size(), "the training of the start with other dependencies");
        training.forEach(ProcessHandle::destroyForcibly);
    }

    /** The training runs of the caches under {@code dir}: by the cache each makes, early in its command line (the JDK reads only the start of a long one). */
    private static List<ProcessHandle> trainings(Path dir) {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains("-XX:AOTCacheOutput=" + dir)).orElse(false)).toList();
    }
}
