package org.teachertraining.local.sfn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/** What the emulator's tests share: the conformance cases' functions, a clock to move, the normal client. */
final class SfnFixtures {
    static final ObjectMapper JSON = new ObjectMapper();

    private SfnFixtures() {}

    /** The functions the conformance cases call (the same as differential.mjs gives aws-local-stepfunctions). */
    static JsonNode call(String function, JsonNode input) {
        var f = JsonNodeFactory.instance;
        return switch (function) {
            case "Echo" -> input;
            case "Add" -> f.objectNode().put("sum", input.get("a").asLong() + input.get("b").asLong());
            case "Boom" -> throw new AslError("Custom.Boom", "boom");
            case "Flaky" -> {
                if (input.get("attempt").asInt() < input.get("until").asInt()) throw new AslError("Flaky.Error", "attempt " + input.get("attempt").asInt());
                yield f.objectNode().put("succeededOnAttempt", input.get("attempt").asInt());
            }
            default -> throw new AslError("Lambda.ResourceNotFoundException", "Function not found: " + function);
        };
    }

    static SfnClient client(URI endpoint) {
        return SfnClient.builder().endpointOverride(endpoint).region(Region.of("local"))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    static DescribeExecutionResponse awaitEnd(SfnClient sfn, String executionArn) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < deadline) {
            var d = sfn.describeExecution(b -> b.executionArn(executionArn));
            if (d.status() != ExecutionStatus.RUNNING) return d;
            Thread.sleep(20);
        }
        throw new AssertionError(executionArn + " still running");
    }

    /** A clock the test moves. */
    static final class MovableClock extends Clock {
        final AtomicReference<Instant> now;

        MovableClock(Instant start) {
            now = new AtomicReference<>(start);
        }

        void advance(java.time.Duration d) {
            now.updateAndGet(i -> i.plus(d));
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    }
}
