package org.teachertraining.local.bench;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.teachertraining.local.LocalRuntime;

import java.net.URI;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashSet;
import java.util.Map;

/**
 * The build's part of StartupMode AotCache ({@code mvn -Paot package}, docs/deploy.md): the layer
 * (infrastructure/local/target/aot-runtime-layer.zip: the jlinked JDK, the RIC, the bootstrap) and, in each
 * function's zip, {@code app.aot} trained on that function's sample events against the local runtime's emulators,
 * with the digest of the jars it was made from. A zip two functions share (the notifications) carries the cache
 * of the first that names it; the other still starts with it, its own classes loaded as without one.
 */
public final class AotPackaging {
    private AotPackaging() {}

    public static void main(String[] args) throws Exception {
        var root = LocalRuntime.findRoot();
        var work = root.resolve("infrastructure/local/target/aot");
        var opt = AotRuntime.layer(root, work.resolve("opt"));
        zip(opt, root.resolve("infrastructure/local/target/aot-runtime-layer.zip"));
        try (var runtime = LocalRuntime.start(new LocalRuntime.Options(root, 0, false, false, true))) {
            var env = ColdStartBenchmark.environment(runtime);
            var trained = new HashSet<String>();
            for (var f : ColdStartBenchmark.functions(root)) {
                if (!trained.add(f.get("CodeUri"))) continue;
                long t0 = System.nanoTime();
                var task = AotRuntime.task(root, f, work.resolve(f.get("id")).resolve("task"));
                var events = AotRuntime.events(root, f.get("id"));
                AotRuntime.train(opt, task, f.get("Handler"), events, env);
                try (var zip = FileSystems.newFileSystem(URI.create("jar:" + root.resolve(f.get("CodeUri")).toUri()), Map.of())) {
                    for (String name : new String[]{"app.aot", "app.aot.cksum"}) {
                        Files.copy(task.resolve(name), zip.getPath(name), StandardCopyOption.REPLACE_EXISTING);
                    }
                }
                System.out.printf("AOT cache of %s (%s): %d events, %.1f MB, %.1f s%n", f.get("CodeUri"), f.get("id"), events.size(),
                        Files.size(task.resolve("app.aot")) / 1024.0 / 1024.0, (System.nanoTime() - t0) / 1e9);
            }
        }
        // done: a thread some library left running must not hold the build (one run waited six minutes at the end)
        System.exit(0);
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
