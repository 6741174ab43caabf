package org.teachertraining.local.sfn;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.SfnClient;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Differential tests: the conformance cases run through aws-local-stepfunctions (npm, an independent ASL
 * implementation) and through this emulation must give the same outputs and errors, for the features both
 * support (cases marked {@code "differential": false} say why they are not compared); asl-validator (npm)
 * accepts every case's definition and every definition in infrastructure/statemachines. The test installs
 * the npm packages itself (pinned) under target/sfn-node; it needs Node.js on the PATH.
 */
class StepFunctionsDifferentialIT {
    static final Path WORK = Path.of("target", "sfn-node");
    static final Path ROOT = Path.of("..", "..").toAbsolutePath().normalize();
    static StepFunctionsEmulator emulator;
    static SfnClient sfn;

    @BeforeAll
    static void install() throws Exception {
        assumeTrue(run(Path.of("."), 30, "node", "--version").exit == 0, "Node.js is not on the PATH");
        Files.createDirectories(WORK);
        if (!Files.exists(WORK.resolve("node_modules/aws-local-stepfunctions")) || !Files.exists(WORK.resolve("node_modules/asl-validator"))) {
            Files.writeString(WORK.resolve("package.json"), "{\"name\":\"sfn-differential\",\"private\":true}");
            var npm = run(WORK, 300, "npm", "install", "--no-audit", "--no-fund", "aws-local-stepfunctions@3.0.0", "asl-validator@4.0.0");
            assertEquals(0, npm.exit, "npm install failed: " + npm.output);
        }
        try (var in = StepFunctionsDifferentialIT.class.getResourceAsStream("/sfn/differential.mjs")) {
            Files.write(WORK.resolve("differential.mjs"), in.readAllBytes());
        }
        emulator = new StepFunctionsEmulator(null, Clock.systemUTC(), SfnFixtures::call, "local");
        sfn = SfnFixtures.client(emulator.start());
        StepFunctionsConformanceTest.sfn = sfn;
    }

    @AfterAll
    static void stop() {
        if (sfn != null) sfn.close();
        if (emulator != null) emulator.close();
    }

    @Test
    void theIndependentImplementationAgreesCaseByCase() throws Exception {
        var cases = StepFunctionsConformanceTest.cases();
        Path casesFile = WORK.resolve("cases.json");
        Files.writeString(casesFile, SfnFixtures.JSON.writeValueAsString(cases));
        var node = run(WORK, 300, "node", "differential.mjs", casesFile.toAbsolutePath().toString());
        assertEquals(0, node.exit, node.output);
        var theirs = new HashMap<String, JsonNode>();
        SfnFixtures.JSON.readTree(node.output.lines().reduce((a, b) -> b).orElseThrow()).forEach(r -> theirs.put(r.get("name").asText(), r));
        int compared = 0;
        for (var c : cases) {
            if (c.path("differential").asBoolean(true)) {
                var ours = StepFunctionsConformanceTest.run(c);
                var other = theirs.get(c.get("name").asText());
                if (ours.has("error")) {
                    assertEquals(other.path("error").asText(), ours.get("error").asText(), c.get("name") + ": ours " + ours + ", theirs " + other);
                    if (c.has("cause")) assertEquals(other.path("cause").asText(), ours.get("cause").asText(), c.get("name").asText());
                } else {
                    assertEquals(other.get("output"), ours.get("output"), c.get("name") + ": ours " + ours + ", theirs " + other);
                }
                compared++;
            } else {
                assertTrue(c.path("why").asText().length() > 20, c.get("name") + " is left out of the comparison without a reason");
            }
        }
        assertTrue(compared >= 20, "only " + compared + " cases compared");
    }

    @Test
    void aslValidatorAcceptsEveryConformanceDefinition() throws Exception {
        var files = new ArrayList<Path>();
        int i = 0;
        for (var c : StepFunctionsConformanceTest.cases()) {
            Path f = WORK.resolve("definition-" + i++ + ".json");
            Files.writeString(f, c.get("definition").toString());
            files.add(f);
        }
        // the platform's own definitions hold ${…} substitutions: infrastructure/lint/lint.sh validates them filled
        // in, in both partitions, before the build
        var command = new ArrayList<>(List.of("node_modules/.bin/asl-validator"));
        for (var f : files) command.addAll(List.of("--json-path", f.toAbsolutePath().toString()));
        var v = run(WORK, 120, command.toArray(String[]::new));
        assertEquals(0, v.exit, v.output);
        assertEquals(files.size(), v.output.lines().filter(l -> l.contains("is valid")).count(), v.output);
    }

    record Result(int exit, String output) {}

    static Result run(Path dir, int seconds, String... command) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder(List.of(command)).directory(dir.toFile()).redirectErrorStream(true).start();
        } catch (IOException notThere) {
            return new Result(-1, notThere.getMessage());
        }
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return new Result(-1, "timed out: " + String.join(" ", command));
        }
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }
}
