package org.teachertraining.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The local runtime creates template.yaml's state machines in the Step Functions emulation (DefinitionUri
 * read, DefinitionSubstitutions resolved), its tasks call the template's functions in-process, its waits
 * follow the runtime's clock (POST /dev/clock), and a waiting execution survives a restart of the runtime.
 */
class LocalStepFunctionsIT {
    static final String TEMPLATE = """
            AWSTemplateFormatVersion: '2010-09-09'
            Transform: AWS::Serverless-2016-10-31
            Resources:
              TrainingTable:
                Type: AWS::DynamoDB::Table
                Properties:
                  BillingMode: PAY_PER_REQUEST
                  AttributeDefinitions: [{AttributeName: PK, AttributeType: S}, {AttributeName: SK, AttributeType: S}]
                  KeySchema: [{AttributeName: PK, KeyType: HASH}, {AttributeName: SK, KeyType: RANGE}]
              EchoFunction:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: org.teachertraining.local.EchoTaskHandler::handleRequest
                  Environment:
                    Variables:
                      TRAINING_TABLE: !Ref TrainingTable
              ProjectLifecycle:
                Type: AWS::Serverless::StateMachine
                Properties:
                  DefinitionUri: statemachines/lifecycle.asl.json
                  DefinitionSubstitutions:
                    EchoFunctionArn: !GetAtt EchoFunction.Arn
                  Policies:
                    - LambdaInvokePolicy: { FunctionName: !Ref EchoFunction }
            """;
    static final String DEFINITION = """
            {"StartAt": "Check", "States": {
              "Check": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                        "Parameters": {"FunctionName": "${EchoFunctionArn}", "Payload.$": "$"},
                        "ResultSelector": {"checked.$": "$.Payload"}, "ResultPath": "$.check",
                        "Catch": [{"ErrorEquals": ["org.teachertraining.local.EchoTaskHandler$Refused"], "ResultPath": "$.error", "Next": "Refused"}],
                        "Next": "Until the cutoff"},
              "Until the cutoff": {"Type": "Wait", "TimestampPath": "$.cutoff", "Next": "Closed"},
              "Closed": {"Type": "Pass", "End": true},
              "Refused": {"Type": "Fail", "Error": "Refused", "CausePath": "$.error.Cause"}}}
            """;

    static SfnClient client(URI endpoint) {
        return SfnClient.builder().endpointOverride(endpoint).region(Region.of("local"))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    static DescribeExecutionResponse awaitStatus(SfnClient sfn, String arn, ExecutionStatus status) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 20_000;
        DescribeExecutionResponse d;
        do {
            d = sfn.describeExecution(b -> b.executionArn(arn));
            if (d.status() == status) return d;
            Thread.sleep(50);
        } while (System.currentTimeMillis() < deadline);
        throw new AssertionError(arn + " is " + d.status() + ", not " + status + ": " + d);
    }

    @Test
    void templateStateMachinesRunTheTemplatesFunctionsOnTheRuntimesClock_andWaitAcrossARestart(@TempDir Path root) throws Exception {
        Files.writeString(root.resolve("template.yaml"), TEMPLATE);
        Files.createDirectories(root.resolve("statemachines"));
        Files.writeString(root.resolve("statemachines/lifecycle.asl.json"), DEFINITION);
        String executionArn;
        // within the execution's year (Step Functions ends one that would wait past it: docs/step-functions.md)
        Instant cutoff = Instant.now().plus(java.time.Duration.ofDays(200)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        try (var runtime = LocalRuntime.start(new LocalRuntime.Options(root, 0, true, false, false));
             var sfn = client(runtime.stepFunctionsEndpoint())) {
            assertTrue(runtime.banner.stream().anyMatch(l -> l.contains("state machine  ProjectLifecycle")), runtime.banner.toString());
            String sm = sfn.listStateMachines().stateMachines().get(0).stateMachineArn();
            executionArn = sfn.startExecution(b -> b.stateMachineArn(sm).name("HN2020-04")
                    .input("{\"project\":\"HN2020-04\",\"cutoff\":\"" + cutoff + "\"}")).executionArn();
            Thread.sleep(500);
            var waiting = awaitStatus(sfn, executionArn, ExecutionStatus.RUNNING);
            assertEquals(ExecutionStatus.RUNNING, waiting.status());
            var failed = sfn.startExecution(b -> b.stateMachineArn(sm).input("{\"fail\":true,\"cutoff\":\"2020-01-01T00:00:00Z\"}")).executionArn();
            assertEquals("Refused", awaitStatus(sfn, failed, ExecutionStatus.FAILED).error());
        }
        // restarted on the same data: the execution still waits for its cutoff; moving the clock past it ends it
        try (var runtime = LocalRuntime.start(new LocalRuntime.Options(root, 0, false, false, false));
             var sfn = client(runtime.stepFunctionsEndpoint())) {
            Thread.sleep(300);
            assertEquals(ExecutionStatus.RUNNING, sfn.describeExecution(b -> b.executionArn(executionArn)).status());
            var http = HttpClient.newHttpClient();
            var moved = http.send(HttpRequest.newBuilder(runtime.api().resolve("/dev/clock")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"now\":\"" + cutoff.plusSeconds(3600) + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, moved.statusCode(), moved.body());
            var done = awaitStatus(sfn, executionArn, ExecutionStatus.SUCCEEDED);
            var output = new com.fasterxml.jackson.databind.ObjectMapper().readTree(done.output());
            assertEquals("EchoFunction", output.get("check").get("checked").get("handledBy").asText());
            assertEquals("TrainingTable", output.get("check").get("checked").get("table").asText());
            assertTrue(Instant.parse(sfn.describeExecution(b -> b.executionArn(executionArn)).stopDate().toString()).isAfter(cutoff));
        }
    }
}
