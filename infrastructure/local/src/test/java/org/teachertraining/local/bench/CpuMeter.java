package org.teachertraining.local.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The CPU a timed stretch of a benchmark used: this JVM's own CPU time (every thread in it: the emulators, the API,
 * the callers), and the whole machine's from {@code /proc/stat} — how much of its CPUs were busy, and how much the
 * hypervisor took for other guests ("steal"), which slows a round without anything in it having changed. Where
 * {@code /proc/stat} cannot be read the machine's figures are NaN.
 */
final class CpuMeter {
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private static final java.lang.management.ClassLoadingMXBean CLASSES = ManagementFactory.getClassLoadingMXBean();
    private static final java.lang.management.CompilationMXBean COMPILER = ManagementFactory.getCompilationMXBean();   // null without a JIT
    private static final Path PROC_STAT = Path.of("/proc/stat");

    /**
     * What a stretch used: this process's CPU in ms; the machine's CPUs busy and stolen, as fractions of its time; this
     * process's CPU in ms by kind of thread, largest first, read from {@code /proc/self/task} for the threads alive at
     * the stretch's end, those started within it included, and the JVM's own among them: the garbage collector's, the
     * JIT compilers'. A thread that ended within the stretch counts in the process's total only. Then the classes
     * loaded, and the time the JIT compilers spent compiling: the JVM's own account, summed over its compiler threads,
     * NaN where the JVM keeps none.
     */
    record Spent(double processMs, double machineBusy, double stolen, Map<String, Double> byThreadMs, long classesLoaded, double compileMs) {
        /**
         * The CPU the JIT compilers' threads took, in ms; where the threads cannot be told apart (no {@code /proc}), the
         * JVM's own account of its compiling, which counts time waiting for a core too.
         */
        double compilersMs() {
            if (byThreadMs.isEmpty()) return compileMs;
            return byThreadMs.entrySet().stream().filter(e -> e.getKey().contains("CompilerThre")).mapToDouble(Map.Entry::getValue).sum();
        }

        /** The JIT compilers' share of this process's CPU (NaN where the JVM keeps no account of compiling). */
        double compilersShare() {
            return compilersMs() / processMs;
        }

        /** The CPU of each kind of thread, in ms for each of {@code operations}, the kinds that spent at least 0.05 ms. */
        Map<String, Double> perOperation(int operations) {
            var out = new LinkedHashMap<String, Double>();
            byThreadMs.forEach((kind, ms) -> {
                if (ms / operations >= 0.05) out.put(kind, Math.round(ms / operations * 100) / 100.0);
            });
            return out;
        }
    }

    /** A warm-up may end when the JIT compilers took less than this share of the CPU: the JIT has settled. */
    static final double JIT_SETTLED = 0.03;

    private final long processNanos;
    private final long[] machine;
    private final Map<Task, Long> threads;
    private final long classes;
    private final long compileMs;

    private CpuMeter(long processNanos, long[] machine, Map<Task, Long> threads, long classes, long compileMs) {
        this.processNanos = processNanos;
        this.machine = machine;
        this.threads = threads;
        this.classes = classes;
        this.compileMs = compileMs;
    }

    static CpuMeter start() {
        return new CpuMeter(OS.getProcessCpuTime(), machineTicks(), threadTicks(), CLASSES.getTotalLoadedClassCount(), compileMs());
    }

    private static long compileMs() {
        return COMPILER != null && COMPILER.isCompilationTimeMonitoringSupported() ? COMPILER.getTotalCompilationTime() : -1;
    }

    Spent stop() {
        long classesLoaded = CLASSES.getTotalLoadedClassCount() - classes;
        double compiling = compileMs < 0 ? Double.NaN : compileMs() - compileMs;
        long[] now = machineTicks();
        double processMs = (OS.getProcessCpuTime() - processNanos) / 1e6;
        var byKind = new HashMap<String, Double>();
        threadTicks().forEach((task, ticks) -> {
            long spent = ticks - threads.getOrDefault(task, 0L);
            if (spent > 0) byKind.merge(kind(task.name()), spent * 10.0, Double::sum);   // ticks of 10 ms
        });
        var byThreadMs = new LinkedHashMap<String, Double>();
        byKind.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()).forEach(e -> byThreadMs.put(e.getKey(), e.getValue()));
        // /proc/stat's first line: user nice system idle iowait irq softirq steal guest guest_nice (ticks, all CPUs)
        double busy = Double.NaN, stolen = Double.NaN;
        if (machine != null && now != null) {
            long total = 0;
            for (int i = 0; i < 8; i++) total += now[i] - machine[i];
            long idle = (now[3] - machine[3]) + (now[4] - machine[4]), steal = now[7] - machine[7];
            if (total > 0) {
                busy = (double) (total - idle - steal) / total;
                stolen = (double) steal / total;
            }
        }
        return new Spent(processMs, busy, stolen, byThreadMs, classesLoaded, compiling);
    }

    /** A thread's name without its number: "GC Thread#1" and "GC Thread#0" are one kind. */
    static String kind(String name) {
        return name.replaceAll("[-#_ ]*\\d+", "#").replaceAll("#+$", "").trim();
    }

    /**
     * A thread of this process as {@code /proc/self/task} names it. The kernel reuses a dead thread's id (here after
     * 32,768), so a thread is known by its id and its start time together.
     */
    private record Task(String id, String started, String name) {}

    /** Every thread of this process → its user and system ticks; empty where /proc cannot be read. */
    private static Map<Task, Long> threadTicks() {
        var ticks = new HashMap<Task, Long>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            tasks.forEach(task -> {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    int open = stat.indexOf('('), close = stat.lastIndexOf(')');
                    String[] f = stat.substring(close + 2).split(" ");
                    // after the name: state(0) ppid … utime(11) stime(12) … starttime(19)
                    ticks.put(new Task(task.getFileName().toString(), f[19], stat.substring(open + 1, close)), Long.parseLong(f[11]) + Long.parseLong(f[12]));
                } catch (IOException | RuntimeException e) {
                    // the thread ended meanwhile
                }
            });
        } catch (IOException | RuntimeException e) {
            return Map.of();
        }
        return ticks;
    }

    private static long[] machineTicks() {
        try {
            String[] f = Files.readAllLines(PROC_STAT).get(0).trim().split("\\s+");
            if (!"cpu".equals(f[0]) || f.length < 9) return null;
            long[] ticks = new long[8];
            for (int i = 0; i < 8; i++) ticks[i] = Long.parseLong(f[i + 1]);
            return ticks;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
