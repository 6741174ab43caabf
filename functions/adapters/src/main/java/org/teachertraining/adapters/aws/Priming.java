package org.teachertraining.adapters.aws;

import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;

import java.util.ArrayList;
import java.util.List;

/**
 * SnapStart priming: work a function does before Lambda snapshots its initialised environment, so that
 * the classes, JIT state and connections a first request needs are already in the snapshot. The work
 * runs in the CRaC {@code beforeCheckpoint} hook, which Lambda's Java runtime calls only when SnapStart
 * is on ({@code AWS_LAMBDA_INITIALIZATION_TYPE=snap-start}); without SnapStart nothing here runs and the
 * function starts as before. Priming must not change data: functions prime with reads of keys that do
 * not exist and with requests that are refused.
 *
 * <p>A priming failure is logged and the snapshot still taken: a function that could not warm up is slower
 * on its first request, not broken, and a failed hook would fail the version's publication.
 */
public final class Priming {
    /** CRaC holds its resources weakly; these keep them. */
    private static final List<Resource> HOOKS = new ArrayList<>();

    private Priming() {}

    /** Registers {@code warmUp} to run before the snapshot of this function ({@code function} names it in the log). */
    public static synchronized void beforeSnapshot(String function, Runnable warmUp) {
        Resource hook = new Resource() {
            @Override
            public void beforeCheckpoint(Context<? extends Resource> context) {
                long t0 = System.nanoTime();
                String outcome = "primed";
                try {
                    warmUp.run();
                } catch (RuntimeException e) {
                    outcome = "priming failed: " + e.getClass().getName() + ": " + e.getMessage();
                }
                System.out.printf("{\"level\":\"%s\",\"function\":\"%s\",\"snapStart\":\"%s\",\"ms\":%d}%n",
                        outcome.equals("primed") ? "INFO" : "WARN", function, outcome.replace("\"", "'"), (System.nanoTime() - t0) / 1_000_000);
            }

            @Override
            public void afterRestore(Context<? extends Resource> context) {
            }
        };
        HOOKS.add(hook);
        Core.getGlobalContext().register(hook);
    }
}
