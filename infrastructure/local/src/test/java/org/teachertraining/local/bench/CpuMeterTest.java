package org.teachertraining.local.bench;

import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class CpuMeterTest {
    @Test
    void threadsOfOneKindAreCountedTogether() {
        assertEquals("GC Thread", CpuMeter.kind("GC Thread#1"));
        assertEquals("qtp", CpuMeter.kind("qtp1875225337-42"));
        assertEquals("C# CompilerThre", CpuMeter.kind("C2 CompilerThre"));
        assertEquals("io-executor-thr", CpuMeter.kind("io-executor-thr"));
    }

    @Test
    void theCpuOfAStretchIsCountedForTheThreadThatSpentIt() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/task")), "Linux's /proc");
        var meter = CpuMeter.start();
        var spun = new CountDownLatch(1);
        var measured = new CountDownLatch(1);
        // a thread is found by /proc/self/task only while it lives: this one waits until it has been measured
        var busy = new Thread(() -> {
            var threads = ManagementFactory.getThreadMXBean();
            long until = threads.getCurrentThreadCpuTime() + 300_000_000L;
            double x = 0;
            while (threads.getCurrentThreadCpuTime() < until) x += Math.sqrt(x + 1);
            if (x < 0) throw new AssertionError();
            spun.countDown();
            try {
                measured.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "cpu-meter-probe-7");
        busy.start();
        spun.await();
        var spent = meter.stop();
        measured.countDown();
        busy.join();
        assertTrue(spent.processMs() >= 290, "this JVM's CPU: " + spent.processMs());
        // the kernel counts in ticks of 10 ms
        double probe = spent.byThreadMs().getOrDefault("cpu-meter-probe", 0.0);
        assertTrue(probe >= 250 && probe <= 400, "the probe thread's CPU: " + spent.byThreadMs());
        assertTrue(spent.machineBusy() > 0 && spent.machineBusy() <= 1, "the machine: " + spent.machineBusy());
    }
}
