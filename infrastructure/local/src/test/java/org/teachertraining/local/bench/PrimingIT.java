package org.teachertraining.local.bench;

import org.junit.jupiter.api.Test;
import org.teachertraining.adapters.aws.FunctionEnvironment;
import org.teachertraining.local.LocalRuntime;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.nio.file.Files;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SnapStart priming as Lambda runs it, for every function of template.yaml: its deployment zip started by
 * the Runtime Interface Client on its SnapStart path (AWS_LAMBDA_INITIALIZATION_TYPE=snap-start), which
 * calls the functions' beforeCheckpoint hooks, asks the Runtime API for restore/next, and then takes the
 * function's first sample event. Each function must log that it primed, answer its event, and leave nothing
 * behind in the table (priming reads keys named PRIMING, and DynamoDB refuses its puts; it writes nothing).
 */
class PrimingIT {

    @Test
    void everyFunctionPrimesOnTheSnapStartPathAndWritesNothing() throws Exception {
        var root = LocalRuntime.findRoot();
        try (var runtime = LocalRuntime.start(new LocalRuntime.Options(root, 0, false, false, true))) {
            var env = ColdStartBenchmark.environment(runtime);
            for (var f : ColdStartBenchmark.functions(root)) {
                var log = root.resolve("infrastructure/local/target/coldstart/" + f.get("id") + ".snapstart.log");
                String event = Files.readString(ColdStartBenchmark.firstEvent(root, f.get("id")));
                var start = ColdStartBenchmark.start(ColdStartBenchmark.classpath(root, f), f.get("Handler"), event,
                        ColdStartBenchmark.TIERED, env, true, log);
                String output = Files.readString(log);
                assertTrue(output.contains("\"function\":\"" + f.get("id") + "\",\"snapStart\":\"primed\""), f.get("id") + " did not prime:\n" + output);
                assertTrue(start.restoreAt() > 0 && start.total() > start.restoreAt(), f.get("id") + ": " + start);
            }
            assertEquals(0, primingItems(runtime), "items written by priming");
        }
    }

    /**
     * Each function's priming sends only requests its role allows: run in this JVM with the environment the local runtime
     * gives the function, whose SDK clients carry the check of every call against the function's IAM policy in
     * template.yaml (a request outside it is refused with AccessDenied, as in AWS, where a denied priming would warm
     * nothing). Out of process, as above, no role is checked. The API primes through its own entry point with GET
     * requests only (EnrollmentApiStreamHandler); every other function is built from its environment and primed.
     */
    @Test
    void everyFunctionPrimesWithinItsRole() throws Exception {
        var root = LocalRuntime.findRoot();
        try (var runtime = LocalRuntime.start(new LocalRuntime.Options(root, 0, false, false, true))) {
            int primed = 0;
            for (var f : ColdStartBenchmark.functions(root)) {
                if (f.get("id").equals("EnrollmentApiFunction")) continue;
                var entryClass = Class.forName(f.get("Handler").replaceAll("::.*", ""));
                Object handler = entryClass.getConstructor(FunctionEnvironment.class).newInstance(runtime.functionEnvironment(f.get("id")));
                // an entry point that reads the event's bytes itself: the handler it reads them for is what primes
                if (handler instanceof org.teachertraining.adapters.aws.StreamEntry<?, ?> entry) handler = entry.handler();
                try {
                    handler.getClass().getMethod("prime").invoke(handler);
                } catch (java.lang.reflect.InvocationTargetException e) {
                    throw new AssertionError(f.get("id") + "'s priming failed under its role: " + e.getCause(), e.getCause());
                }
                primed++;
            }
            assertTrue(primed >= 6, "functions primed: " + primed);
            assertEquals(0, primingItems(runtime), "items written by priming");
        }
    }

    /** Items of the table whose key names PRIMING: what a priming that wrote would leave. */
    private static int primingItems(LocalRuntime runtime) {
        try (var dynamo = DynamoDbClient.builder().endpointOverride(runtime.dynamoDbEndpoint())
                .region(Region.of("cn-north-1")).credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"))).build()) {
            return dynamo.scanPaginator(b -> b.tableName("TrainingTable")
                    .filterExpression("contains(PK, :p) OR contains(SK, :p)")
                    .expressionAttributeValues(Map.of(":p", AttributeValue.fromS("PRIMING")))).stream().mapToInt(r -> r.count()).sum();
        }
    }
}
