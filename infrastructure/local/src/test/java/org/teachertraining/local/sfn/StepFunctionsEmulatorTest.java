package org.teachertraining.local.sfn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionAlreadyExistsException;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;
import software.amazon.awssdk.services.sfn.model.InvalidDefinitionException;
import software.amazon.awssdk.services.sfn.model.TaskDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.TaskTimedOutException;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The emulator's API, its durability across restarts, and its clock. */
class StepFunctionsEmulatorTest {
    /** Hands the task token to an outside party (the test), as a Lambda function would email it to an approver. */
    static final String APPROVAL = """
            {"StartAt": "Ask", "States": {
              "Ask": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke.waitForTaskToken",
                      "Parameters": {"FunctionName": "arn:aws:lambda:local:000000000000:function:Notify", "Payload": {"token.$": "$$.Task.Token", "project.$": "$.project"}},
                      "TimeoutSeconds": 864000, "ResultPath": "$.decision", "Next": "Wait a day"},
              "Wait a day": {"Type": "Wait", "Seconds": 86400, "Next": "Done"},
              "Done": {"Type": "Pass", "End": true}}}
            """;

    @TempDir
    Path dir;
    final SfnFixtures.MovableClock clock = new SfnFixtures.MovableClock(Instant.parse("2020-09-01T01:00:00Z"));
    final BlockingQueue<String> tokens = new LinkedBlockingQueue<>();
    final AtomicInteger notified = new AtomicInteger();

    JsonNode notifyFunction(String function, JsonNode payload) {
        if (!function.equals("Notify")) return SfnFixtures.call(function, payload);
        notified.incrementAndGet();
        tokens.add(payload.get("token").asText());
        return JsonNodeFactory.instance.objectNode().put("sent", true);
    }

    StepFunctionsEmulator emulator() {
        return new StepFunctionsEmulator(dir, clock, this::notifyFunction, "local");
    }

    @Test
    void aTaskReachesItsFunctionByNameArnOrAliasArn() {
        assertEquals("LifecycleFunction", Execution.functionName("LifecycleFunction"));
        assertEquals("LifecycleFunction", Execution.functionName("arn:aws:lambda:local:000000000000:function:LifecycleFunction"));
        assertEquals("LifecycleFunction", Execution.functionName("arn:aws-cn:lambda:cn-north-1:123456789012:function:LifecycleFunction:live"));
        assertEquals("LifecycleFunction", Execution.functionName("arn:aws:lambda:local:000000000000:function:LifecycleFunction:7"));
    }

    /**
     * The port the local runtime names to the functions before the emulation serves is held from the moment it is
     * chosen: nothing else can bind it in between (a restart failed when a port found free was bound only later), and
     * the emulation then serves on it.
     */
    @Test
    void theListenersPortIsHeldFromItsChoice_andTheEmulationServesOnIt() throws Exception {
        var listener = StepFunctionsEmulator.listener(0);
        int port = listener.getAddress().getPort();
        try (var other = new java.net.ServerSocket()) {
            assertThrows(java.net.BindException.class, () -> other.bind(new java.net.InetSocketAddress("127.0.0.1", port)));
        }
        try (var emulator = emulator()) {
            var endpoint = emulator.start(listener);
            assertEquals(port, endpoint.getPort());
            try (SfnClient sfn = SfnFixtures.client(endpoint)) {
                assertEquals(0, sfn.listStateMachines().stateMachines().size());
            }
        }
    }

    @Test
    void aTaskTokenExecutionWaitsSurvivesARestartAndCompletesAfterSendTaskSuccess() throws Exception {
        String executionArn;
        String token;
        try (var first = emulator(); SfnClient sfn = SfnFixtures.client(first.start())) {
            String sm = sfn.createStateMachine(b -> b.name("approval").definition(APPROVAL).roleArn("arn:aws:iam::000000000000:role/x")).stateMachineArn();
            executionArn = sfn.startExecution(b -> b.stateMachineArn(sm).name("HN2020-04").input("{\"project\":\"HN2020-04\"}")).executionArn();
            token = tokens.poll(10, TimeUnit.SECONDS);
            assertNotNull(token, "the task was never scheduled");
            assertEquals(ExecutionStatus.RUNNING, sfn.describeExecution(b -> b.executionArn(executionArn)).status());
        }
        // the runtime restarts: the execution is replayed from its record and waits for the same token again
        try (var second = emulator(); SfnClient sfn = SfnFixtures.client(second.start())) {
            assertEquals(ExecutionStatus.RUNNING, sfn.describeExecution(b -> b.executionArn(executionArn)).status());
            sfn.sendTaskSuccess(b -> b.taskToken(token).output("{\"approved\":true}"));
            assertThrows(TaskTimedOutException.class, () -> sfn.sendTaskSuccess(b -> b.taskToken(token).output("{}")));   // done already
            Thread.sleep(300);
            assertEquals(ExecutionStatus.RUNNING, sfn.describeExecution(b -> b.executionArn(executionArn)).status());   // in the day's Wait
            clock.advance(Duration.ofHours(24));
            var done = SfnFixtures.awaitEnd(sfn, executionArn);
            assertEquals(ExecutionStatus.SUCCEEDED, done.status(), done.toString());
            assertEquals("{\"project\":\"HN2020-04\",\"decision\":{\"approved\":true}}", done.output());
            assertEquals(1, notified.get(), "the function is invoked once, not again on replay");
            var types = sfn.getExecutionHistory(b -> b.executionArn(executionArn)).events().stream().map(e -> e.type()).toList();
            assertEquals(HistoryEventType.EXECUTION_STARTED, types.get(0));
            assertEquals(HistoryEventType.EXECUTION_SUCCEEDED, types.get(types.size() - 1));
            assertEquals(1, types.stream().filter(t -> t == HistoryEventType.TASK_SCHEDULED).count(), types.toString());
            assertTrue(types.contains(HistoryEventType.WAIT_STATE_ENTERED));
        }
    }

    @Test
    void waitsAndTaskTimeoutsFollowTheClock() throws Exception {
        try (var emulator = emulator(); SfnClient sfn = SfnFixtures.client(emulator.start())) {
            String sm = sfn.createStateMachine(b -> b.name("timeouts").roleArn("arn:aws:iam::000000000000:role/x").definition("""
                    {"StartAt": "Ask", "States": {
                      "Ask": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke.waitForTaskToken", "TimeoutSeconds": 60, "HeartbeatSeconds": 30,
                              "Parameters": {"FunctionName": "Notify", "Payload": {"token.$": "$$.Task.Token"}},
                              "Catch": [{"ErrorEquals": ["States.HeartbeatTimeout"], "ResultPath": "$.late", "Next": "Late"}], "End": true},
                      "Late": {"Type": "Pass", "End": true}}}""")).stateMachineArn();
            String arn = sfn.startExecution(b -> b.stateMachineArn(sm).input("{}")).executionArn();
            String token = tokens.poll(10, TimeUnit.SECONDS);
            clock.advance(Duration.ofSeconds(20));
            sfn.sendTaskHeartbeat(b -> b.taskToken(token));
            clock.advance(Duration.ofSeconds(20));
            Thread.sleep(300);
            assertEquals(ExecutionStatus.RUNNING, sfn.describeExecution(b -> b.executionArn(arn)).status());   // 40 s, a beat 20 s ago
            clock.advance(Duration.ofSeconds(11));
            var done = SfnFixtures.awaitEnd(sfn, arn);
            assertEquals(ExecutionStatus.SUCCEEDED, done.status());
            assertTrue(done.output().contains("States.HeartbeatTimeout"), done.output());
            assertThrows(TaskTimedOutException.class, () -> sfn.sendTaskHeartbeat(b -> b.taskToken(token)));
        }
    }

    /**
     * Step Functions' year (a hard quota): a Standard execution whose wait lasts beyond a year from its start ends TIMED_OUT
     * at the year, error States.Timeout, as in AWS; one whose wait ends within the year succeeds, however far the clock
     * moved past it meanwhile; a task waiting for its token longer than the year (TimeoutSeconds of 463 days) ends so too.
     */
    @Test
    void anExecutionThatWouldRunPastAYearEndsTimedOut() throws Exception {
        try (var emulator = emulator(); SfnClient sfn = SfnFixtures.client(emulator.start())) {
            String sm = sfn.createStateMachine(b -> b.name("year").roleArn("arn:aws:iam::000000000000:role/x").definition("""
                    {"StartAt": "Wait", "States": {
                      "Wait": {"Type": "Wait", "TimestampPath": "$.until", "Next": "Done"},
                      "Done": {"Type": "Pass", "End": true}}}""")).stateMachineArn();
            String within = sfn.startExecution(b -> b.stateMachineArn(sm).input("{\"until\":\"" + clock.instant().plus(Duration.ofDays(364)) + "\"}")).executionArn();
            String beyond = sfn.startExecution(b -> b.stateMachineArn(sm).input("{\"until\":\"" + clock.instant().plus(Duration.ofDays(366)) + "\"}")).executionArn();
            String tokenSm = sfn.createStateMachine(b -> b.name("year-token").roleArn("arn:aws:iam::000000000000:role/x").definition("""
                    {"StartAt": "Ask", "States": {
                      "Ask": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke.waitForTaskToken", "TimeoutSeconds": 40000000,
                              "Parameters": {"FunctionName": "Notify", "Payload": {"token.$": "$$.Task.Token"}}, "End": true}}}""")).stateMachineArn();
            String asking = sfn.startExecution(b -> b.stateMachineArn(tokenSm).input("{}")).executionArn();
            tokens.poll(10, TimeUnit.SECONDS);
            clock.advance(Duration.ofDays(300));
            Thread.sleep(300);
            assertEquals(ExecutionStatus.RUNNING, sfn.describeExecution(b -> b.executionArn(beyond)).status());
            assertEquals(ExecutionStatus.RUNNING, sfn.describeExecution(b -> b.executionArn(asking)).status());
            clock.advance(Duration.ofDays(100));
            assertEquals(ExecutionStatus.SUCCEEDED, SfnFixtures.awaitEnd(sfn, within).status());
            for (String arn : List.of(beyond, asking)) {
                var ended = SfnFixtures.awaitEnd(sfn, arn);
                assertEquals(ExecutionStatus.TIMED_OUT, ended.status(), arn);
                assertEquals("States.Timeout", ended.error());
            }
        }
    }

    /**
     * A state's output over Step Functions' 256 KiB fails the execution with States.DataLimitExceeded, as in AWS, where a
     * Catch of States.ALL does not take it; one a little under it passes. (The lifecycle's states carry totals, dates and at
     * most 100 results, far under it; a state that grew past it would now fail here first.)
     */
    @Test
    void anOutputOverTheQuotaFailsTheExecution_uncaughtByStatesAll() throws Exception {
        try (var emulator = emulator(); SfnClient sfn = SfnFixtures.client(emulator.start())) {
            String sm = sfn.createStateMachine(b -> b.name("twice").roleArn("arn:aws:iam::000000000000:role/x").definition("""
                    {"StartAt": "Twice", "States": {
                      "Twice": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                                "Parameters": {"FunctionName": "Echo", "Payload": {"a.$": "$.s", "b.$": "$.s"}},
                                "ResultSelector": {"a.$": "$.Payload.a", "b.$": "$.Payload.b"},
                                "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Caught"}], "End": true},
                      "Caught": {"Type": "Succeed"}}}""")).stateMachineArn();
            // {"a":"…","b":"…"}: 15 bytes besides the two strings (the task's whole result, before its selector, a few more)
            int fits = (Interpreter.MAX_PAYLOAD_BYTES - 15) / 2;
            String under = sfn.startExecution(b -> b.stateMachineArn(sm).input("{\"s\":\"" + "x".repeat(fits - 100) + "\"}")).executionArn();
            var passed = SfnFixtures.awaitEnd(sfn, under);
            assertEquals(ExecutionStatus.SUCCEEDED, passed.status(), passed.toString());
            assertEquals(2 * (fits - 100) + 15, passed.output().length());
            String over = sfn.startExecution(b -> b.stateMachineArn(sm).input("{\"s\":\"" + "x".repeat(fits + 1) + "\"}")).executionArn();
            var failed = SfnFixtures.awaitEnd(sfn, over);
            assertEquals(ExecutionStatus.FAILED, failed.status());
            assertEquals("States.DataLimitExceeded", failed.error());
            assertTrue(failed.cause().contains("'Twice'"), failed.cause());
        }
    }

    @Test
    void startIsIdempotentByName_stopAborts_failureReachesCatch_unknownTokensAreRefused() throws Exception {
        try (var emulator = emulator(); SfnClient sfn = SfnFixtures.client(emulator.start())) {
            String sm = sfn.createStateMachine(b -> b.name("approval").definition(APPROVAL).roleArn("arn:aws:iam::000000000000:role/x")).stateMachineArn();
            var first = sfn.startExecution(b -> b.stateMachineArn(sm).name("once").input("{\"project\":\"P\"}"));
            var again = sfn.startExecution(b -> b.stateMachineArn(sm).name("once").input("{\"project\":\"P\"}"));
            assertEquals(first.executionArn(), again.executionArn());
            assertThrows(ExecutionAlreadyExistsException.class, () -> sfn.startExecution(b -> b.stateMachineArn(sm).name("once").input("{\"project\":\"Q\"}")));
            tokens.poll(10, TimeUnit.SECONDS);
            sfn.stopExecution(b -> b.executionArn(first.executionArn()).error("Withdrawn").cause("the institution withdrew"));
            var stopped = sfn.describeExecution(b -> b.executionArn(first.executionArn()));
            assertEquals(ExecutionStatus.ABORTED, stopped.status());
            assertEquals(1, sfn.listExecutions(b -> b.stateMachineArn(sm).statusFilter(ExecutionStatus.ABORTED)).executions().size());

            String caught = sfn.createStateMachine(b -> b.name("caught").roleArn("arn:aws:iam::000000000000:role/x").definition("""
                    {"StartAt": "Ask", "States": {
                      "Ask": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke.waitForTaskToken",
                              "Parameters": {"FunctionName": "Notify", "Payload": {"token.$": "$$.Task.Token"}},
                              "Catch": [{"ErrorEquals": ["Rejected"], "Next": "Rejected"}], "End": true},
                      "Rejected": {"Type": "Fail", "Error": "BudgetRejected", "Cause": "see the findings"}}}""")).stateMachineArn();
            String arn = sfn.startExecution(b -> b.stateMachineArn(caught).input("{}")).executionArn();
            String token = tokens.poll(10, TimeUnit.SECONDS);
            sfn.sendTaskFailure(b -> b.taskToken(token).error("Rejected").cause("over the ceiling"));
            var failed = SfnFixtures.awaitEnd(sfn, arn);
            assertEquals("BudgetRejected", failed.error());
            assertThrows(TaskDoesNotExistException.class, () -> sfn.sendTaskSuccess(b -> b.taskToken("0".repeat(64)).output("{}")));
        }
    }

    @Test
    void whatIsNotEmulatedIsRefusedNamingTheField() throws Exception {
        try (var emulator = emulator(); SfnClient sfn = SfnFixtures.client(emulator.start())) {
            assertRefused(sfn, "{\"StartAt\":\"S\",\"States\":{\"S\":{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::sqs:sendMessage\",\"End\":true}}}", "States.S.Resource");
            assertRefused(sfn, "{\"StartAt\":\"M\",\"States\":{\"M\":{\"Type\":\"Map\",\"ItemProcessor\":{\"ProcessorConfig\":{\"Mode\":\"DISTRIBUTED\"},"
                    + "\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"End\":true}}},\"End\":true}}}", "ProcessorConfig.Mode");
            assertRefused(sfn, "{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"Parameters\":{\"id.$\":\"States.UUID()\"},\"End\":true}}}", "States.P.Parameters.id.$");
            assertRefused(sfn, "{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"Parameters\":{\"x.$\":\"$..deep\"},\"End\":true}}}", "recursive descent");
            assertRefused(sfn, "{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"Retry\":[],\"End\":true}}}", "States.P.Retry");
            assertRefused(sfn, "{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"Next\":\"Nowhere\"}}}", "States.P.Next");
            assertRefused(sfn, "{\"StartAt\":\"P\",\"TimeoutSeconds\":5,\"States\":{\"P\":{\"Type\":\"Pass\",\"End\":true}}}", "TimeoutSeconds");
        }
    }

    static void assertRefused(SfnClient sfn, String definition, String named) {
        var e = assertThrows(InvalidDefinitionException.class, () -> sfn.createStateMachine(b -> b.name("bad" + Math.abs(definition.hashCode()))
                .definition(definition).roleArn("arn:aws:iam::000000000000:role/x")));
        assertTrue(e.getMessage().contains(named), e.getMessage());
    }
}
