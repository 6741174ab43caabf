package org.teachertraining.local.bench;

import org.junit.jupiter.api.Test;
import org.teachertraining.local.LocalRuntime;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Cold starts as Lambda's Java runtime makes them: each function's deployment zip (what template.yaml's
 * CodeUri names) unpacked, a fresh JVM started with the official Runtime Interface Client
 * ({@code com.amazonaws.services.lambda.runtime.api.client.AWSLambda}) against a local implementation of
 * the Lambda Runtime API that hands it one event from {@code events/}; the time from process start to the
 * function's first response (its first DynamoDB calls to the emulator included). Beside each, in the same
 * run, a bare handler returning a constant; reported as ratios, with and without the template's
 * {@code JAVA_TOOL_OPTIONS} ({@link #TIERED}); then on the RIC's SnapStart path, with the
 * functions' priming hooks, what follows the restore.
 */
class ColdStartBenchmark {
    /** The template's {@code JAVA_TOOL_OPTIONS}. */
    static final String TIERED = "-XX:+TieredCompilation -XX:TieredStopAtLevel=1 -Djdk.reflect.useNativeAccessorOnly=true";
    /**
     * Starts of each kind where the figure is short enough for its spread to matter: the AOT mode's, and what follows a
     * SnapStart restore (0.05–0.2 s; with medians of 3 the same code moved its ratio to the bare JVM by 20–45% between
     * two runs and failed the gate).
     */
    static final int SHORT_STARTS = 7;

    @Test
    void coldStarts() throws Exception {
        var root = LocalRuntime.findRoot();
        assertTrue(Files.readString(root.resolve("template.yaml")).contains("JAVA_TOOL_OPTIONS: " + TIERED + "\n"),
                "the benchmark's tiered-1 options are not the template's JAVA_TOOL_OPTIONS: " + TIERED);
        var figures = new LinkedHashMap<String, Double>();
        var better = new LinkedHashMap<String, Boolean>();
        // with the demo program: the sample events, pointed at its records, reach the functions' real paths (DemoRecords)
        try (var runtime = LocalRuntime.start(new LocalRuntime.Options(root, 0, false, true, true))) {
            var env = environment(runtime);
            var demo = DemoRecords.of(runtime);
            var bareClasspath = Path.of(BareHandler.class.getProtectionDomain().getCodeSource().getLocation().toURI()) + File.pathSeparator + ric();
            for (String options : List.of("", TIERED)) {
                String label = options.isEmpty() ? "default" : "tiered1";
                double jvm = median(3, () -> bareJvm(bareClasspath, options));
                Timed bareHandler = () -> start(bareClasspath, BareHandler.class.getName() + "::handleRequest", "{}", options, env, false).total();
                double bare = median(3, bareHandler);
                figures.put(label + ".bareJvm.seconds", jvm);
                figures.put(label + ".bare.seconds", bare);
                System.out.printf("cold start [%s] bare JVM printing a constant: %.3f s; bare handler under the RIC: %.3f s%n", label, jvm, bare);
                for (var f : functions(root)) {
                    String cp = classpath(root, f);
                    var event = firstEvent(root, f.get("id"), demo);
                    // the gated ratio's bare handler is started beside the function's starts: measured once before them
                    // all, it moved by 0.42–0.57 s between runs and failed the gate on its own
                    var beside = medianStartBeside(3, () -> start(cp, f.get("Handler"), event.get(), options, env, false), bareHandler, Start::total);
                    var run = beside.run();
                    double size = Files.size(root.resolve(f.get("CodeUri"))) / 1024.0 / 1024.0;
                    System.out.printf("cold start [%s] %s: %.3f s (init %.3f s), %.1f× the bare handler beside it (%.3f s), %.0f× the bare JVM, zip %.1f MB%n",
                            label, f.get("id"), run.total(), run.init(), run.total() / beside.bare(), beside.bare(), run.total() / jvm, size);
                    figures.put(label + "." + f.get("id") + ".seconds", run.total());
                    figures.put(label + "." + f.get("id") + ".initSeconds", run.init());
                    figures.put(label + "." + f.get("id") + ".ratioToBare", run.total() / beside.bare());
                    figures.put(f.get("id") + ".zipMB", size);
                    better.put(label + "." + f.get("id") + ".ratioToBare", false);
                }
            }
            // SnapStart, as far as it runs here: the RIC's own SnapStart path (AWS_LAMBDA_INITIALIZATION_TYPE=snap-start)
            // runs the functions' beforeCheckpoint hooks (Priming), asks the Runtime API for restore/next, runs
            // afterRestore and takes the first event. No snapshot is taken (no CRaC JVM here), so the restore itself is
            // not measured: the figure is what follows it, from restore/next to the first response. Its gated ratio's
            // bare JVM (tiered 1) is started beside each function's starts: measured once before them all, a 0.026 s
            // against the baseline's 0.037 s failed the gate on every function while each ran faster than its baseline
            Timed tieredJvm = () -> bareJvm(bareClasspath, TIERED);
            double bare = median(3, () -> start(bareClasspath, BareHandler.class.getName() + "::handleRequest", "{}", TIERED, env, true).afterRestore());
            figures.put("snapstart.bare.afterRestoreSeconds", bare);
            System.out.printf("cold start [snapstart] bare handler, restore/next to first response: %.3f s%n", bare);
            for (var f : functions(root)) {
                String cp = classpath(root, f);
                var event = firstEvent(root, f.get("id"), demo);
                var beside = medianStartBeside(SHORT_STARTS, () -> start(cp, f.get("Handler"), event.get(), TIERED, env, true), tieredJvm, Start::afterRestore);
                var run = beside.run();
                System.out.printf("cold start [snapstart] %s: init and priming %.3f s; restore/next to first response %.3f s, %.1f× the bare handler's, %.1f× the bare JVM beside it (%.3f s)%n",
                        f.get("id"), run.restoreAt(), run.afterRestore(), run.afterRestore() / bare, run.afterRestore() / beside.bare(), beside.bare());
                figures.put("snapstart." + f.get("id") + ".initAndPrimingSeconds", run.restoreAt());
                figures.put("snapstart." + f.get("id") + ".afterRestoreSeconds", run.afterRestore());
                figures.put("snapstart." + f.get("id") + ".afterRestoreRatioToBareJvm", run.afterRestore() / beside.bare());
                better.put("snapstart." + f.get("id") + ".afterRestoreRatioToBareJvm", false);
            }
            aotCache(root, env, demo, bareClasspath, figures, better);
            String before = System.getProperty("bench.before");
            if (before != null) compare(root, Path.of(before), env, demo);
        }
        Baseline.check("coldstart", figures, better);
    }

    /**
     * StartupMode AotCache, as Lambda runs it: the layer at "/opt" (the jlinked JDK 25, the RIC, the bootstrap) and the
     * function's zip unpacked at "/var/task", started by the bootstrap with {@code _HANDLER} and the first sample event
     * pointed at the demo's records; the cache is the one {@code mvn -Paot package} trained into the zip, or, for a zip
     * built without it, one trained here on the function's sample events the same way (as they are and pointed). Beside each, interleaved with its starts, a bare JVM of the same
     * jlinked JDK with the bootstrap's JVM options; medians of {@link #SHORT_STARTS} (a start here varies by ±15% from one to the next).
     */
    static void aotCache(Path root, Map<String, String> env, DemoRecords demo, String bareClasspath, Map<String, Double> figures, Map<String, Boolean> better) throws Exception {
        var work = root.resolve("infrastructure/local/target/coldstart-aot");
        var opt = AotRuntime.layer(root, work.resolve("opt"));
        Timed bareJvm = () -> bareJvm(opt.resolve("jdk"), bareClasspath, "-XX:+UseSerialGC -XX:-UsePerfData " + TIERED);
        double jvm = median(SHORT_STARTS, bareJvm);
        figures.put("aot.bareJvm.seconds", jvm);
        System.out.printf("cold start [aot] bare JVM (the layer's JDK) printing a constant: %.3f s%n", jvm);
        for (var f : functions(root)) {
            // as Lambda lays it out (opt, var/task), under another directory than the build's training: the cache relocates
            var lambda = AotRuntime.lambdaTree(opt, work.resolve(f.get("id")));
            var task = AotRuntime.task(root, f, lambda.resolve("var/task"));
            boolean built = Files.exists(task.resolve(AotRuntime.cache(f.get("Handler"))));
            if (!built) AotRuntime.train(lambda.resolve("opt"), task, f.get("Handler"), demo.withPointed(AotRuntime.events(root, f.get("id"))), env);
            var event = firstEvent(root, f.get("id"), demo);
            double[] medians = interleaved(SHORT_STARTS, () -> aotStart(lambda.resolve("opt"), task, f.get("Handler"), event.get(), env), bareJvm);
            double run = medians[0], bare = medians[1];
            System.out.printf("cold start [aot] %s: %.3f s, %.1f× the bare JVM beside it (%.3f s; cache %s)%n", f.get("id"), run, run / bare, bare,
                    built ? "from the build" : "trained here");
            figures.put("aot." + f.get("id") + ".seconds", run);
            figures.put("aot." + f.get("id") + ".ratioToBareJvm", run / bare);
            better.put("aot." + f.get("id") + ".ratioToBareJvm", false);
        }
        sharedPackages(root, work, opt, env, demo);
        micronautAot(root, work, opt, env, demo, figures);
        timesNotKept(root, work, env, demo, figures);
    }

    /**
     * Each function as above, side by side with the same tree whose files all carry another time, as an unpacking that
     * does not keep the zips' times would leave them: the bootstrap then copies the jars with the training's times (to a
     * directory of its own, made afresh at every start, as in a new Lambda instance's {@code /tmp}) and the JVM takes the
     * cache from the copy. Five starts each, interleaved; what the copy costs a start where it is needed.
     */
    static void timesNotKept(Path root, Path work, Map<String, String> env, DemoRecords demo, Map<String, Double> figures) throws Exception {
        var copyEnv = new java.util.HashMap<>(env);
        copyEnv.put("AOT_CLASSPATH_COPY", work.resolve("classpath-copy").toString());
        var retimedAt = java.nio.file.attribute.FileTime.from(java.time.Instant.parse("2026-06-01T00:00:00Z"));
        for (var f : functions(root)) {
            var kept = work.resolve(f.get("id"));
            var retimed = work.resolve(f.get("id") + "-times-not-kept");
            AotRuntime.deleteTree(retimed);
            AotRuntime.copyTree(kept, retimed);
            AotRuntime.retime(retimed, retimedAt);
            var event = firstEvent(root, f.get("id"), demo);
            double[] medians = interleaved(5, () -> aotStart(kept.resolve("opt"), kept.resolve("var/task"), f.get("Handler"), event.get(), env),
                    () -> {
                        var start = AotRuntime.start(retimed.resolve("opt"), retimed.resolve("var/task"), f.get("Handler"), event.get(), copyEnv);
                        if (!start.usedTheCache() || !start.startedOnACopy()) {
                            throw new AssertionError(f.get("Handler") + " did not start on a copy with the training's times: " + start.log());
                        }
                        return start.seconds();
                    });
            System.out.printf("cold start [aot, times not kept] %s: %.3f s with the zip's times, %.3f s on the copy with the training's (medians of 5, interleaved), +%.0f ms%n",
                    f.get("id"), medians[0], medians[1], (medians[1] - medians[0]) * 1000);
            figures.put("aot." + f.get("id") + ".timesNotKept.seconds", medians[1]);
        }
    }

    /**
     * The Enrollment API's package with and without its Micronaut AOT jar (MicronautAotPackageIT), side by side: on an AOT
     * cache each (the one without the jar trained here the same way), and on java25 as in the first tables.
     */
    static void micronautAot(Path root, Path work, Path opt, Map<String, String> env, DemoRecords demo, Map<String, Double> figures) throws Exception {
        var f = functions(root).stream().filter(g -> g.get("id").equals(MicronautAotPackageIT.FUNCTION)).findFirst().orElseThrow();
        var with = work.resolve(f.get("id")).resolve("var/task");
        var withoutTree = AotRuntime.lambdaTree(opt, work.resolve(f.get("id") + "-without-micronaut-aot"));
        AotRuntime.deleteTree(withoutTree.resolve("var"));
        var without = AotRuntime.task(root, f, withoutTree.resolve("var/task"));
        Files.delete(without.resolve(MicronautAotPackageIT.JAR));
        AotRuntime.train(withoutTree.resolve("opt"), without, f.get("Handler"), demo.withPointed(AotRuntime.events(root, f.get("id"))), env);
        var event = firstEvent(root, f.get("id"), demo);
        double[] aot = interleaved(15, () -> aotStart(work.resolve(f.get("id")).resolve("opt"), with, f.get("Handler"), event.get(), env),
                () -> aotStart(withoutTree.resolve("opt"), without, f.get("Handler"), event.get(), env));
        System.out.printf("cold start [aot, Micronaut AOT] %s: %.3f s with its Micronaut AOT jar, %.3f s without (medians of 15, interleaved), %.2f×%n",
                f.get("id"), aot[0], aot[1], aot[0] / aot[1]);
        String cpWith = classpath(with), cpWithout = classpath(without);
        double[] java25 = interleaved(7, () -> start(cpWith, f.get("Handler"), event.get(), TIERED, env, false).total(),
                () -> start(cpWithout, f.get("Handler"), event.get(), TIERED, env, false).total());
        System.out.printf("cold start [tiered1, Micronaut AOT] %s: %.3f s with its Micronaut AOT jar, %.3f s without (medians of 7, interleaved), %.2f×%n",
                f.get("id"), java25[0], java25[1], java25[0] / java25[1]);
        figures.put("micronautAot.aot.ratio", aot[0] / aot[1]);
        figures.put("micronautAot.tiered1.ratio", java25[0] / java25[1]);
    }

    /**
     * A function of a package another function shares (the notifications), side by side: started with the cache trained
     * on its own events, and with the cache of the package's other handler — what every start had before each handler got
     * its own — five times each, interleaved.
     */
    static void sharedPackages(Path root, Path work, Path opt, Map<String, String> env, DemoRecords demo) throws Exception {
        var all = functions(root);
        for (var f : all) {
            var other = all.stream().filter(g -> g != f && g.get("CodeUri").equals(f.get("CodeUri"))).findFirst();
            if (other.isEmpty()) continue;
            var own = work.resolve(f.get("id")).resolve("var/task");
            var borrowedTree = AotRuntime.lambdaTree(opt, work.resolve(f.get("id") + "-other-cache"));
            var borrowed = AotRuntime.task(root, f, borrowedTree.resolve("var/task"));
            var cache = borrowed.resolve(AotRuntime.cache(f.get("Handler")));
            var othersCache = work.resolve(other.get().get("id")).resolve("var/task").resolve(AotRuntime.cache(other.get().get("Handler")));
            Files.createDirectories(cache.getParent());   // a package built without -Paot has no caches of its own
            Files.copy(othersCache, cache, StandardCopyOption.REPLACE_EXISTING);
            Files.copy(AotRuntime.digestOf(othersCache), AotRuntime.digestOf(cache), StandardCopyOption.REPLACE_EXISTING);
            var event = firstEvent(root, f.get("id"), demo);
            double[] medians = interleaved(5, () -> aotStart(work.resolve(f.get("id")).resolve("opt"), own, f.get("Handler"), event.get(), env),
                    () -> aotStart(borrowedTree.resolve("opt"), borrowed, f.get("Handler"), event.get(), env));
            System.out.printf("cold start [aot, shared package] %s: %.3f s with its own cache, %.3f s with %s's (medians of 5, interleaved), %.2f×%n",
                    f.get("id"), medians[0], medians[1], other.get().get("id"), medians[0] / medians[1]);
        }
    }

    /** Seconds from starting the layer's bootstrap to the function's first answer; the start must have used the cache. */
    static double aotStart(Path opt, Path task, String handler, String event, Map<String, String> env) throws Exception {
        var start = AotRuntime.start(opt, task, handler, event, env);
        if (!start.usedTheCache()) throw new AssertionError(handler + " started without its cache: " + start.log());
        return start.seconds();
    }

    /**
     * Before and after a change, side by side: {@code -Dbench.before=<another checkout, built with mvn -Paot package>}
     * starts each function's zip from there and from here in turn, each with the handler its checkout's template names:
     * five times each in tiered 1, then nine times each in the AOT mode (each zip with the cache its build trained, in a
     * tree shaped as Lambda's), and prints the medians.
     */
    static void compare(Path root, Path before, Map<String, String> env, DemoRecords demo) throws Exception {
        var handlersBefore = new java.util.HashMap<String, String>();
        for (var g : functions(before)) handlersBefore.put(g.get("id"), g.get("Handler"));
        var work = root.resolve("infrastructure/local/target/coldstart-compare");
        var opt = AotRuntime.layer(root, work.resolve("opt"));
        for (var f : functions(root)) {
            var old = new java.util.HashMap<>(f);
            old.put("id", f.get("id") + ".before");
            old.put("Handler", handlersBefore.getOrDefault(f.get("id"), f.get("Handler")));
            String cpBefore = classpath(before, old), cpAfter = classpath(root, f);
            var event = firstEvent(root, f.get("id"), demo);
            double[] medians = interleaved(5, () -> start(cpBefore, old.get("Handler"), event.get(), TIERED, env, false).total(),
                    () -> start(cpAfter, f.get("Handler"), event.get(), TIERED, env, false).total());
            System.out.printf("cold start [before/after] %s: %.3f s before, %.3f s after (medians of 5, interleaved), %.2f×%n",
                    f.get("id"), medians[0], medians[1], medians[1] / medians[0]);
            var treeBefore = AotRuntime.lambdaTree(opt, work.resolve(f.get("id") + "-before"));
            var taskBefore = AotRuntime.task(before, old, treeBefore.resolve("var/task"));
            var treeAfter = AotRuntime.lambdaTree(opt, work.resolve(f.get("id") + "-after"));
            var taskAfter = AotRuntime.task(root, f, treeAfter.resolve("var/task"));
            double[] aot = interleaved(9, () -> aotStart(treeBefore.resolve("opt"), taskBefore, old.get("Handler"), event.get(), env),
                    () -> aotStart(treeAfter.resolve("opt"), taskAfter, f.get("Handler"), event.get(), env));
            System.out.printf("cold start [aot, before/after] %s: %.3f s before, %.3f s after (medians of 9, interleaved), %.2f×%n",
                    f.get("id"), aot[0], aot[1], aot[1] / aot[0]);
        }
    }

    /** The Runtime Interface Client and what it needs, as Lambda's java17 runtime puts them beside a function. */
    static String ric() {
        return classpathEntry("aws-lambda-java-runtime-interface-client") + File.pathSeparator + classpathEntry("aws-lambda-java-serialization")
                + File.pathSeparator + classpathEntry("aws-lambda-java-core");
    }

    /** A function's deployment zip unpacked as Lambda unpacks it (classes at the root, jars in lib/), with the RIC. */
    static String classpath(Path root, Map<String, String> function) throws Exception {
        return classpath(unpack(root.resolve(function.get("CodeUri")), root.resolve("infrastructure/local/target/coldstart/" + function.get("id"))));
    }

    /** The class path Lambda's java25 runtime gives a package unpacked at {@code task}, with the RIC. */
    static String classpath(Path task) {
        return task + File.pathSeparator + task.resolve("lib") + File.separator + "*" + File.pathSeparator + ric();
    }

    interface Started {
        Start run() throws Exception;
    }

    /** A function's median start and the median of the starts of a bare JVM or handler beside them. */
    record Beside(Start run, double bare) {}

    /** {@code n} cold starts of {@code s}, the median by {@code by}, each followed by a start of {@code bare}. */
    static Beside medianStartBeside(int n, Started s, Timed bare, java.util.function.ToDoubleFunction<Start> by) throws Exception {
        var runs = new ArrayList<Start>();
        var bares = new ArrayList<Double>();
        for (int i = 0; i < n; i++) {
            runs.add(s.run());
            bares.add(bare.run());
        }
        return new Beside(middle(runs, by), median(bares));
    }

    private static Start middle(List<Start> runs, java.util.function.ToDoubleFunction<Start> by) {
        runs.sort(java.util.Comparator.comparingDouble(by));
        return runs.get(runs.size() / 2);
    }

    interface Timed {
        double run() throws Exception;
    }

    static double median(int runs, Timed t) throws Exception {
        var values = new ArrayList<Double>();
        for (int i = 0; i < runs; i++) values.add(t.run());
        return median(values);
    }

    /** Two kinds of start side by side: {@code runs} of each, interleaved (a, b, a, b, …); the median of each. */
    static double[] interleaved(int runs, Timed a, Timed b) throws Exception {
        var as = new ArrayList<Double>();
        var bs = new ArrayList<Double>();
        for (int i = 0; i < runs; i++) {
            as.add(a.run());
            bs.add(b.run());
        }
        return new double[] {median(as), median(bs)};
    }

    static double median(List<Double> values) {
        values.sort(Double::compare);
        return values.get(values.size() / 2);
    }

    /** Seconds from starting a JVM that prints a constant to its exit. */
    static double bareJvm(String classpath, String options) throws Exception {
        return bareJvm(Path.of(System.getProperty("java.home")), classpath, options);
    }

    /** As above, on the JDK at {@code javaHome}. */
    static double bareJvm(Path javaHome, String classpath, String options) throws Exception {
        var pb = new ProcessBuilder(javaHome.resolve("bin/java").toString(), "-cp", classpath, BareMain.class.getName())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        if (!options.isEmpty()) pb.environment().put("JAVA_TOOL_OPTIONS", options);
        long t0 = System.nanoTime();
        pb.start().waitFor(60, TimeUnit.SECONDS);
        return (System.nanoTime() - t0) / 1e9;
    }

    /**
     * Seconds from process start: to the function's first poll for an event ({@code init}), to its call of
     * restore/next ({@code restoreAt}, SnapStart only, else 0), to its first response ({@code total}).
     */
    record Start(double init, double restoreAt, double total) {
        double afterRestore() {
            return total - restoreAt;
        }
    }

    /** Starts the function in a fresh JVM under the RIC (with {@code snapStart}, on the RIC's SnapStart path) and hands it {@code event}. */
    static Start start(String classpath, String handler, String event, String options, Map<String, String> env, boolean snapStart) throws Exception {
        return start(classpath, handler, event, options, env, snapStart, null);
    }

    /** As above, the function's output written to {@code output}. */
    static Start start(String classpath, String handler, String event, String options, Map<String, String> env, boolean snapStart, Path output) throws Exception {
        var pb = underTheRic(classpath, handler, options, env, output);
        if (snapStart) pb.environment().put("AWS_LAMBDA_INITIALIZATION_TYPE", "snap-start");
        try (var api = new LambdaRuntimeApi(List.of(event))) {
            pb.environment().put("AWS_LAMBDA_RUNTIME_API", "127.0.0.1:" + api.port());
            long t0 = System.nanoTime();
            var process = pb.start();
            try {
                long answered = api.answered.get(120, TimeUnit.SECONDS);
                if (snapStart && api.restoring.get() == 0) throw new AssertionError(handler + " never asked for restore/next");
                return new Start((api.polled.get() - t0) / 1e9, snapStart ? (api.restoring.get() - t0) / 1e9 : 0, (answered - t0) / 1e9);
            } finally {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    /**
     * A fresh JVM running {@code handler} under the RIC, as Lambda's java runtime starts it, with {@code options} as
     * {@code JAVA_TOOL_OPTIONS} and its output written to {@code output} (or discarded); the Runtime API's address is
     * the caller's to add.
     */
    static ProcessBuilder underTheRic(String classpath, String handler, String options, Map<String, String> env, Path output) {
        var command = new ArrayList<String>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        // as Lambda's launcher does: the org.crac facade reaches the RIC's CRaC context through this
        command.add("-Dorg.crac.Core.Compat=com.amazonaws.services.lambda.crac");
        command.addAll(List.of("-cp", classpath, "com.amazonaws.services.lambda.runtime.api.client.AWSLambda", handler));
        var pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(output == null ? ProcessBuilder.Redirect.DISCARD : ProcessBuilder.Redirect.to(output.toFile()));
        pb.environment().putAll(env);
        pb.environment().put("_HANDLER", handler);
        if (!options.isEmpty()) pb.environment().put("JAVA_TOOL_OPTIONS", options);
        return pb;
    }

    /**
     * The functions' settings as Lambda would pass them, pointed at the emulators of the running local runtime:
     * every function's variables together (each child process runs one function; their names do not clash).
     */
    static Map<String, String> environment(LocalRuntime runtime) throws Exception {
        var env = new HashMap<String, String>();
        for (var f : functions(LocalRuntime.findRoot())) env.putAll(runtime.functionEnvironment(f.get("id")).variables());
        env.remove("AWS_LAMBDA_FUNCTION_NAME");
        env.put("AWS_REGION", "local");
        env.put("AWS_ACCESS_KEY_ID", "local");
        env.put("AWS_SECRET_ACCESS_KEY", "local");
        env.put("AUTH_MODE", "gateway");
        return env;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, String>> functions(Path root) throws Exception {
        var yaml = Files.readString(root.resolve("template.yaml"));
        var out = new ArrayList<Map<String, String>>();
        var m = java.util.regex.Pattern.compile("\\n  (\\w+):\\n    Type: AWS::Serverless::Function(?:.|\\n)*?CodeUri: (\\S+)\\n\\s+Handler: (\\S+)").matcher(yaml);
        while (m.find()) out.add(Map.of("id", m.group(1), "CodeUri", m.group(2), "Handler", m.group(3)));
        assertTrue(out.size() >= 7, "functions found: " + out);
        return out;
    }

    /**
     * The event each start of a function is handed: its first sample event pointed at the demo program's records, so that
     * it reaches the function's real path rather than its "no such project" shortcut (DemoRecords).
     */
    static Event firstEvent(Path root, String function, DemoRecords demo) throws Exception {
        String sample = Files.readString(firstEvent(root, function));
        return () -> demo.pointAt(sample);
    }

    /** The event of one start, made for it: for the upload event a fresh awaited upload each time (DemoRecords.Uploads). */
    @FunctionalInterface
    interface Event {
        String get() throws Exception;
    }

    static Path firstEvent(Path root, String function) throws Exception {
        try (Stream<Path> s = Files.list(root.resolve("events").resolve(function))) {
            return s.filter(p -> p.toString().endsWith(".json")).sorted().findFirst().orElseThrow();
        }
    }

    static Path unpack(Path zip, Path into) throws Exception {
        if (Files.exists(into.resolve(".unpacked")) && Files.getLastModifiedTime(into.resolve(".unpacked")).compareTo(Files.getLastModifiedTime(zip)) > 0) return into;
        // a new zip replaces the old one whole: an AOT cache an earlier zip held must not pass for this one's
        if (Files.exists(into)) AotRuntime.deleteTree(into);
        Files.createDirectories(into);
        try (var z = new ZipFile(zip.toFile())) {
            for (var e : java.util.Collections.list(z.entries())) {
                Path target = into.resolve(e.getName()).normalize();
                if (!target.startsWith(into)) throw new IllegalStateException("zip entry escapes: " + e.getName());
                if (e.isDirectory()) Files.createDirectories(target);
                else {
                    Files.createDirectories(target.getParent());
                    try (var in = z.getInputStream(e)) {
                        Files.copy(in, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    }
                    // as unzip does: the entry's time (the AOT cache checks the jars' times against its training's)
                    Files.setLastModifiedTime(target, e.getLastModifiedTime());
                }
            }
        }
        Files.writeString(into.resolve(".unpacked"), "");
        return into;
    }

    static String classpathEntry(String artifact) {
        for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (Path.of(e).getFileName().toString().startsWith(artifact + "-")) return e;
        }
        throw new IllegalStateException(artifact + " is not on the test class path");
    }
}
