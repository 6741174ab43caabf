package org.teachertraining.local.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.teachertraining.local.LocalRuntime;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The figures of the last accepted run (benchmarks/baseline.json). Each benchmark compares its ratios with
 * them: more than 20% worse fails. {@code -Dbench.update=true} records the run as the new baseline.
 */
final class Baseline {
    static final double TOLERANCE = 0.20;
    private static final ObjectMapper JSON = new ObjectMapper();

    private Baseline() {}

    static Path file() {
        return LocalRuntime.findRoot().resolve("benchmarks/baseline.json");
    }

    /** @param higherIsBetter for each figure: true when a larger value is an improvement */
    static void check(String benchmark, Map<String, Double> figures, Map<String, Boolean> higherIsBetter) throws Exception {
        var out = LocalRuntime.findRoot().resolve("infrastructure/local/target/benchmarks");
        Files.createDirectories(out);
        Files.writeString(out.resolve(benchmark + ".json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(figures));
        ObjectNode all = Files.exists(file()) ? (ObjectNode) JSON.readTree(file().toFile()) : JSON.createObjectNode();
        if (Boolean.getBoolean("bench.update") || !all.has(benchmark)) {
            all.set(benchmark, JSON.valueToTree(figures));
            Files.createDirectories(file().getParent());
            Files.writeString(file(), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(all) + "\n");
            return;
        }
        var regressions = new ArrayList<String>();
        var base = all.get(benchmark);
        figures.forEach((name, value) -> {
            if (!base.has(name) || !higherIsBetter.containsKey(name)) return;
            double b = base.get(name).asDouble();
            boolean worse = higherIsBetter.get(name) ? value < b * (1 - TOLERANCE) : value > b * (1 + TOLERANCE);
            if (worse) regressions.add(name + ": " + value + " against the baseline's " + b);
        });
        assertTrue(regressions.isEmpty(), benchmark + " regressed by more than 20%: " + regressions);
    }
}
