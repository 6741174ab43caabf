package org.teachertraining.local.bench;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.teachertraining.local.LocalRuntime;

import java.net.URI;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;

/**
 * The build's part of StartupMode AotCache ({@code mvn -Paot package}, docs/deploy.md): the layer
 * (infrastructure/local/target/aot-runtime-layer.zip: the jlinked JDK, the RIC, the bootstrap) and, in each
 * function's zip, {@code aot/<handler class>.aot} trained on that function's sample events against the local
 * runtime's emulators holding its demo program (the events as they are, and pointed at the demo's records), with the
 * digest of the jars it was made from and their times. A zip two functions share (the notifications) carries a cache
 * for each of them.
 */
public final class AotPackaging {
    private AotPackaging() {}

    public static void main(String[] args) throws Exception {
        var root = LocalRuntime.findRoot();
        var work = root.resolve("infrastructure/local/target/aot");
        var opt = AotRuntime.layer(root, work.resolve("opt"));
        var layer = root.resolve("infrastructure/local/target/aot-runtime-layer.zip");
        zip(opt, layer);
        // with the demo program: each function is trained on its sample events as they are and again pointed at the demo's
        // records, so that the cache holds the classes of its real path, not only of its "no such project" (DemoRecords)
        try (var runtime = LocalRuntime.start(new LocalRuntime.Options(root, 0, false, true, true))) {
            var env = ColdStartBenchmark.environment(runtime);
            var demo = DemoRecords.of(runtime);
            for (var f : ColdStartBenchmark.functions(root)) {
                long t0 = System.nanoTime();
                // trained where Lambda runs it: the layer at opt, the function at var/task beside it
                var lambda = AotRuntime.lambdaTree(opt, work.resolve(f.get("id")));
                withLayersTime(root.resolve(f.get("CodeUri")));
                var task = AotRuntime.task(root, f, lambda.resolve("var/task"));
                var events = demo.withPointed(AotRuntime.events(root, f.get("id")));
                AotRuntime.train(lambda.resolve("opt"), task, f.get("Handler"), events, env);
                var cache = task.resolve(AotRuntime.cache(f.get("Handler")));
                try (var zip = FileSystems.newFileSystem(URI.create("jar:" + root.resolve(f.get("CodeUri")).toUri()), Map.of())) {
                    for (var file : List.of(cache, AotRuntime.digestOf(cache), AotRuntime.timesOf(cache))) {
                        var entry = zip.getPath(task.relativize(file).toString());
                        Files.createDirectories(entry.getParent());
                        Files.copy(file, entry, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
                System.out.printf("AOT cache of %s (%s): %d events, %.1f MB, %.1f s%n", f.get("CodeUri"), f.get("id"), events.size(),
                        Files.size(cache) / 1024.0 / 1024.0, (System.nanoTime() - t0) / 1e9);
            }
            long layerUnzipped = unzippedSize(layer);
            for (var codeUri : ColdStartBenchmark.functions(root).stream().map(f -> f.get("CodeUri")).distinct().toList()) {
                withinLambdasLimit(root.resolve(codeUri), layerUnzipped);
            }
        }
        // done: a thread some library left running must not hold the build (one run waited six minutes at the end)
        System.exit(0);
    }

    /**
     * Every jar of a function's zip given the layer's one time ({@link AotRuntime#LAYER_TIME}), so that the class path
     * a cache is trained on carries a single time: should Lambda's unpacking not keep the zip's times, the bootstrap
     * copies the jars and restores it with one {@code touch} instead of one per time.
     */
    static void withLayersTime(Path function) throws Exception {
        try (var zip = FileSystems.newFileSystem(URI.create("jar:" + function.toUri()), Map.of()); var files = Files.walk(zip.getPath("/lib"))) {
            for (var p : files.filter(p -> p.toString().endsWith(".jar")).toList()) {
                // a package two functions share is visited twice: an unchanged zip is not written again
                if (!Files.getLastModifiedTime(p).equals(AotRuntime.LAYER_TIME)) Files.setLastModifiedTime(p, AotRuntime.LAYER_TIME);
            }
        }
    }

    /** Lambda's limit on what a function and its layers unpack to (250 MB: 262,144,000 bytes, the CodeSizeUnzipped of GetAccountSettings). */
    static final long UNZIPPED_LIMIT = 262_144_000L;

    /** Refuses, as a deploy would, a function whose package and layer together unpack to more than Lambda allows. */
    static void withinLambdasLimit(Path function, long layerUnzipped) throws Exception {
        long unzipped = unzippedSize(function) + layerUnzipped;
        if (unzipped > UNZIPPED_LIMIT) {
            throw new IllegalStateException(function + " and the AOT runtime layer unpack to " + unzipped + " bytes, over Lambda's "
                    + UNZIPPED_LIMIT + ": fewer caches in the package, or a smaller layer");
        }
    }

    static long unzippedSize(Path zip) throws Exception {
        try (var z = new java.util.zip.ZipFile(zip.toFile())) {
            return z.stream().mapToLong(java.util.zip.ZipEntry::getSize).sum();
        }
    }

    /** The layer's zip, every file with its POSIX mode (the bootstrap and the JDK's executables must stay executable). */
    static void zip(Path dir, Path zip) throws Exception {
        try (var out = new ZipArchiveOutputStream(zip.toFile()); var files = Files.walk(dir)) {
            for (var p : files.sorted().toList()) {
                if (p.equals(dir)) continue;
                String name = dir.relativize(p).toString() + (Files.isDirectory(p) ? "/" : "");
                var entry = new ZipArchiveEntry(name);
                int mode = 0;
                // PosixFilePermission's constants run OWNER_READ … OTHERS_EXECUTE: the mode bits 0400 … 0001
                for (var permission : Files.getPosixFilePermissions(p)) mode |= 0400 >> permission.ordinal();
                entry.setUnixMode((Files.isDirectory(p) ? 040000 : 0100000) | mode);
                entry.setLastModifiedTime(Files.getLastModifiedTime(p));   // the time the training saw (AotRuntime.LAYER_TIME)
                out.putArchiveEntry(entry);
                if (!Files.isDirectory(p)) Files.copy(p, out);
                out.closeArchiveEntry();
            }
        }
    }
}
