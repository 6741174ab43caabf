package org.teachertraining.local.sfn;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The conformance cases (src/test/resources/sfn/conformance.json: one per state type and path-processing
 * field, with the output or error the States Language specification gives) run on the emulation through
 * the normal SfnClient. The same cases run through an independent implementation in StepFunctionsDifferentialIT.
 */
class StepFunctionsConformanceTest {
    static StepFunctionsEmulator emulator;
    static SfnClient sfn;

    @BeforeAll
    static void start() throws Exception {
        emulator = new StepFunctionsEmulator(null, Clock.systemUTC(), SfnFixtures::call, "local");
        sfn = SfnFixtures.client(emulator.start());
    }

    @AfterAll
    static void stop() {
        sfn.close();
        emulator.close();
    }

    static List<JsonNode> cases() throws Exception {
        var out = new ArrayList<JsonNode>();
        SfnFixtures.JSON.readTree(StepFunctionsConformanceTest.class.getResourceAsStream("/sfn/conformance.json")).forEach(out::add);
        return out;
    }

    @TestFactory
    List<DynamicTest> everyCaseGivesWhatTheSpecificationSays() throws Exception {
        var tests = new ArrayList<DynamicTest>();
        for (var c : cases()) {
            tests.add(DynamicTest.dynamicTest(c.get("name").asText(), () -> {
                var result = run(c);
                if (c.has("error")) {
                    assertEquals(c.get("error").asText(), result.get("error").asText(), result.toString());
                    if (c.has("cause")) assertEquals(c.get("cause").asText(), result.get("cause").asText());
                } else {
                    assertEquals(c.get("output"), result.get("output"), result.toString());
                }
            }));
        }
        return tests;
    }

    /** {output} or {error, cause} of the case run on the emulation. */
    static JsonNode run(JsonNode c) throws Exception {
        String arn = sfn.createStateMachine(b -> b.name(c.get("name").asText()).definition(c.get("definition").toString())
                .roleArn("arn:aws:iam::000000000000:role/test")).stateMachineArn();
        String execution = sfn.startExecution(b -> b.stateMachineArn(arn).input(c.get("input").toString())).executionArn();
        var d = SfnFixtures.awaitEnd(sfn, execution);
        var out = SfnFixtures.JSON.createObjectNode().put("name", c.get("name").asText());
        if (d.status() == ExecutionStatus.SUCCEEDED) out.set("output", SfnFixtures.JSON.readTree(d.output()));
        else out.put("error", d.error()).put("cause", d.cause());
        return out;
    }
}
