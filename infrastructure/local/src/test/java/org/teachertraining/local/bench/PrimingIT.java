package org.teachertraining.local.bench;

import org.junit.jupiter.api.Test;
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
 * behind in the table (priming reads keys named PRIMING and is refused; it writes nothing).
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
            try (var dynamo = DynamoDbClient.builder().endpointOverride(runtime.dynamoDbEndpoint())
                    .region(Region.of("cn-north-1")).credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"))).build()) {
                int written = dynamo.scanPaginator(b -> b.tableName("TrainingTable")
                        .filterExpression("contains(PK, :p) OR contains(SK, :p)")
                        .expressionAttributeValues(Map.of(":p", AttributeValue.fromS("PRIMING")))).stream().mapToInt(r -> r.count()).sum();
                assertEquals(0, written, "items written by priming");
            }
        }
    }
}
