package org.teachertraining.local.bench;

import org.junit.jupiter.api.Test;
import org.teachertraining.local.LocalRuntime;

import java.net.URI;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The AOT start-up mode (StartupMode=AotCache): a function trained on its sample events starts with its cache; the
 * layer and the package moved elsewhere in Lambda's shape still do (the cache relocates), also when the moved jars lost
 * the training's times (the bootstrap copies them with those times); and a package whose jar
 * changed after the training is noticed by the bootstrap, which starts the function without the cache — the same
 * answer, only slower — instead of letting JDK 25 run the old classes the cache holds. Two functions of one package
 * each start with the cache trained for their own handler, and in another shape than Lambda's the JVM refuses it.
 * Where the JVM does not check a cache's class path at all (JDK-8377932; on JDK 25 none of this project's caches since
 * every function reads its events itself), the tests assert that it takes the cache instead, with the same answer.
 */
class AotStartupIT {
    /** A function whose cache the JVM checks the relocated jars' times against (on JDK 25 not every cache is so checked). */
    static final String FUNCTION = "CreditPostingFunction";
    /** The layer both tests build their trees from (jlinked once). */
    static final String LAYER = "infrastructure/local/target/aot-it/opt";

    @Test
    void aCacheIsUsedOnlyWithTheJarsItWasMadeFrom() throws Exception {
        var root = LocalRuntime.findRoot();
        var work = root.resolve("infrastructure/local/target/aot-it");
        var function = ColdStartBenchmark.functions(root).stream().filter(f -> f.get("id").equals(FUNCTION)).findFirst().orElseThrow();
        try (var runtime = LocalRuntime.start(new LocalRuntime.Options(root, 0, false, false, true))) {
            var env = ColdStartBenchmark.environment(runtime);
            var layer = AotRuntime.layer(root, root.resolve(LAYER));
            for (String tree : new String[]{"train", "moved"}) AotRuntime.deleteTree(work.resolve(tree));
            var training = AotRuntime.lambdaTree(layer, work.resolve("train"));
            var task = AotRuntime.task(root, function, training.resolve("var/task"));
            var events = AotRuntime.events(root, FUNCTION);
            AotRuntime.train(training.resolve("opt"), task, function.get("Handler"), events, env);

            var trained = AotRuntime.start(training.resolve("opt"), task, function.get("Handler"), events.get(0), env);
            assertTrue(trained.usedTheCache(), trained.log());

            // the layer and the package elsewhere, as Lambda has them (opt, var/task), and nothing left where the training
            // ran: the cache's class path relocates with them
            var moved = work.resolve("moved");
            AotRuntime.copyTree(training, moved);
            AotRuntime.deleteTree(training);
            var relocated = AotRuntime.start(moved.resolve("opt"), moved.resolve("var/task"), function.get("Handler"), events.get(0), env);
            assertTrue(relocated.usedTheCache(), relocated.log());
            assertEquals(trained.response(), relocated.response());
            // the RIC's native library loaded from the layer, where the build unpacked it, not unpacked again into /tmp
            assertEquals(moved.resolve("opt/ric").resolve(AotRuntime.NATIVE_CLIENT).toString(), relocated.nativeClient());

            // the moved tree's files all given another time, as an unpacking that does not keep the zip's times would
            // leave them: the bootstrap copies the jars with the training's times, and the JVM takes the cache
            var unpackedAt = java.nio.file.attribute.FileTime.from(java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
            AotRuntime.retime(moved, unpackedAt);
            var copy = work.resolve("classpath-copy");
            var retimedEnv = new java.util.HashMap<>(env);
            retimedEnv.put("AOT_CLASSPATH_COPY", copy.toString());
            var retimed = AotRuntime.start(moved.resolve("opt"), moved.resolve("var/task"), function.get("Handler"), events.get(0), retimedEnv);
            assertTrue(retimed.startedOnACopy(), retimed.log());
            assertTrue(retimed.usedTheCache(), retimed.log());
            assertEquals(trained.response(), retimed.response());
            var times = AotRuntime.timesOf(moved.resolve("var/task").resolve(AotRuntime.cache(function.get("Handler"))));
            var trainedTimes = Files.readAllLines(times);
            var copiedJars = new java.util.ArrayList<Path>();
            for (var dir : new String[]{"opt/ric", "var/task/lib"}) {
                try (var jars = Files.list(copy.resolve(dir))) {
                    copiedJars.addAll(jars.sorted().toList());
                }
            }
            assertEquals(trainedTimes.size(), copiedJars.size(), "a time for every jar of the class path");
            for (int i = 0; i < copiedJars.size(); i++) {
                assertEquals(Long.parseLong(trainedTimes.get(i)), Files.getLastModifiedTime(copiedJars.get(i)).to(java.util.concurrent.TimeUnit.SECONDS), copiedJars.get(i).toString());
            }
            // without the training's times to restore (a cache from before they were recorded), the bootstrap offers the
            // cache as it is; a JVM that checks this cache's class path refuses it on the jars' times, one that does not
            // (JDK 25's gap JDK-8377932, BENCHMARKS.md) takes it: the same answer either way
            Files.move(times, times.resolveSibling("kept-aside"));
            var refused = AotRuntime.start(moved.resolve("opt"), moved.resolve("var/task"), function.get("Handler"), events.get(0), withClassPathLog(env));
            if (checksTheClassPath(refused)) {
                assertTrue(refused.log().contains("timestamp has changed") || refused.log().contains(AotRuntime.CACHE_REFUSED), refused.log());
                assertFalse(refused.usedTheCache(), refused.log());
            } else {
                assertTrue(refused.usedTheCache(), "a JVM that does not check the class path takes the cache: " + refused.log());
            }
            assertEquals(trained.response(), refused.response());
            Files.move(times.resolveSibling("kept-aside"), times);

            // one jar changed after the training: noticed by the bootstrap, and the function starts without the cache
            Path jar;
            try (var jars = Files.list(moved.resolve("var/task/lib"))) {
                jar = jars.filter(p -> p.getFileName().toString().startsWith("credit-posting-")).findFirst().orElseThrow();
            }
            try (var zip = FileSystems.newFileSystem(URI.create("jar:" + jar.toUri()), Map.of())) {
                Files.writeString(zip.getPath("changed-after-training.txt"), "a later build");
            }
            var changed = AotRuntime.start(moved.resolve("opt"), moved.resolve("var/task"), function.get("Handler"), events.get(0), env);
            assertTrue(changed.log().contains("no AOT cache made from these jars"), changed.log());
            assertEquals(trained.response(), changed.response(), "the same answer without the cache");
        }
    }

    @Test
    void twoFunctionsOfOnePackageEachStartWithTheirOwnCache() throws Exception {
        var root = LocalRuntime.findRoot();
        var work = root.resolve("infrastructure/local/target/aot-it-shared");
        var functions = ColdStartBenchmark.functions(root);
        var reminder = functions.stream().filter(f -> f.get("id").equals("ReminderFunction")).findFirst().orElseThrow();
        var notification = functions.stream().filter(f -> f.get("id").equals("NotificationFunction")).findFirst().orElseThrow();
        assertEquals(reminder.get("CodeUri"), notification.get("CodeUri"), "the two notification functions share a package");
        try (var runtime = LocalRuntime.start(new LocalRuntime.Options(root, 0, false, false, true))) {
            var env = ColdStartBenchmark.environment(runtime);
            var lambda = AotRuntime.lambdaTree(AotRuntime.layer(root, root.resolve(LAYER)), work.resolve("lambda"));
            var opt = lambda.resolve("opt");
            AotRuntime.deleteTree(lambda.resolve("var"));
            var task = AotRuntime.task(root, reminder, lambda.resolve("var/task"));
            AotRuntime.deleteTree(task.resolve("aot"));   // what an earlier mvn -Paot package trained into the zip
            var reminderEvent = AotRuntime.events(root, "ReminderFunction").get(0);
            var notificationEvents = AotRuntime.events(root, "NotificationFunction");

            AotRuntime.train(opt, task, reminder.get("Handler"), AotRuntime.events(root, "ReminderFunction"), env);
            // the package holds a cache, but not this handler's: started without one, never with the other's
            var untrained = AotRuntime.start(opt, task, notification.get("Handler"), notificationEvents.get(0), env);
            assertTrue(untrained.log().contains("no AOT cache for this handler"), untrained.log());
            assertFalse(untrained.log().contains("AOT cache in use"), untrained.log());

            AotRuntime.train(opt, task, notification.get("Handler"), notificationEvents, env);
            var notified = AotRuntime.start(opt, task, notification.get("Handler"), notificationEvents.get(0), env);
            assertTrue(notified.usedTheCache(), notified.log());
            assertEquals(untrained.response(), notified.response(), "the same answer with the cache");
            var reminded = AotRuntime.start(opt, task, reminder.get("Handler"), reminderEvent, env);
            assertTrue(reminded.usedTheCache(), reminded.log());

            // the same files in another shape than Lambda's (the package not at var/task beside opt): the JVM finds the
            // cache's class path elsewhere and refuses it, and the function starts without it — the same answer, only slower
            var misshapen = work.resolve("misshapen");
            AotRuntime.deleteTree(misshapen);
            AotRuntime.copyTree(opt, misshapen.resolve("opt"));
            AotRuntime.copyTree(task, misshapen.resolve("task"));
            var refused = AotRuntime.start(misshapen.resolve("opt"), misshapen.resolve("task"), notification.get("Handler"), notificationEvents.get(0), withClassPathLog(env));
            if (checksTheClassPath(refused)) {
                assertTrue(refused.log().contains(AotRuntime.CACHE_REFUSED), refused.log());
            } else {
                // JDK-8377932: the same jars elsewhere, and the JVM takes their classes from the cache unchecked
                assertTrue(refused.usedTheCache(), refused.log());
            }
            assertEquals(notified.response(), refused.response(), "the same answer with or without the cache");
        }
    }

    /** {@code env} with the JVM logging how it validates the class path of its cache ({@link #checksTheClassPath}). */
    static Map<String, String> withClassPathLog(Map<String, String> env) {
        var logged = new java.util.HashMap<>(env);
        logged.put("JAVA_TOOL_OPTIONS", "-Xlog:class+path=info");
        return logged;
    }

    /**
     * Whether the JVM of that start checked the application's class path of its cache against the jars. JDK 25 checks
     * it for some caches only (JDK-8377932): since every function reads its events itself, for none of this project's.
     */
    static boolean checksTheClassPath(AotRuntime.Started start) {
        return start.log().contains("Checking app classpath");
    }
}
