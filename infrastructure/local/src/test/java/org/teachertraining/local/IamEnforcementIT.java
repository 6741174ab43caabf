package org.teachertraining.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The local runtime holds every function to its role as IAM would: a call its template policy does not allow
 * fails as AWS fails it (AccessDeniedException naming the action and the resource), each item of a
 * transaction checked on its own; an allowed call goes through. The whole suite runs on the real template
 * with this enforcement, so a permission missing there fails here first.
 */
class IamEnforcementIT {
    static final String TEMPLATE = """
            AWSTemplateFormatVersion: '2010-09-09'
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Table:
                Type: AWS::DynamoDB::Table
                Properties:
                  BillingMode: PAY_PER_REQUEST
                  AttributeDefinitions: [{AttributeName: PK, AttributeType: S}, {AttributeName: SK, AttributeType: S}]
                  KeySchema: [{AttributeName: PK, KeyType: HASH}, {AttributeName: SK, KeyType: RANGE}]
              Writer:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: org.teachertraining.local.TableWriterHandler::handleRequest
                  Environment:
                    Variables:
                      TRAINING_TABLE: !Ref Table
                  Policies:
                    - Version: '2012-10-17'
                      Statement:
                        - Effect: Allow
                          Action: [dynamodb:GetItem, dynamodb:PutItem]
                          Resource: !GetAtt Table.Arn
                        - Effect: Allow
                          Action: s3:PutObject
                          Resource: !Sub '${Uploads.Arn}/in/*'
              Uploads:
                Type: AWS::S3::Bucket
              Reader:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: org.teachertraining.local.TableWriterHandler::handleRequest
                  Environment:
                    Variables:
                      TRAINING_TABLE: !Ref Table
                  Policies:
                    - Version: '2012-10-17'
                      Statement:
                        - Effect: Allow
                          Action: dynamodb:Get*
                          Resource: !Sub '${Table.Arn}'
            """;

    @Test
    void aCallTheRoleDoesNotAllowFailsAsInAws_anAllowedOneGoesThrough(@TempDir Path root) throws Exception {
        Files.writeString(root.resolve("template.yaml"), TEMPLATE);
        try (var runtime = LocalRuntime.start(new LocalRuntime.Options(root, 0, false, false, true))) {
            var writer = new TableWriterHandler(runtime.functionEnvironment("Writer"));
            var reader = new TableWriterHandler(runtime.functionEnvironment("Reader"));
            assertEquals("done", writer.handleRequest(Map.of("do", "put"), null));
            assertEquals("done", reader.handleRequest(Map.of("do", "get"), null));   // dynamodb:Get* matches GetItem

            var denied = assertThrows(DynamoDbException.class, () -> reader.handleRequest(Map.of("do", "put"), null));
            assertEquals("AccessDeniedException", denied.awsErrorDetails().errorCode());
            assertEquals(400, denied.statusCode());
            assertTrue(denied.getMessage().contains("is not authorized to perform: dynamodb:PutItem on resource: arn:aws:dynamodb:local:000000000000:table/Table"),
                    denied.getMessage());

            // a transaction needs the permission of each of its actions: the Put is allowed, the Delete is not
            var inTransaction = assertThrows(DynamoDbException.class, () -> writer.handleRequest(Map.of("do", "move"), null));
            assertTrue(inTransaction.getMessage().contains("dynamodb:DeleteItem"), inTransaction.getMessage());
            // and nothing of the refused transaction happened: its Put is not there
            try (var dynamo = org.teachertraining.adapters.aws.AwsClients.dynamoDb("local", runtime.dynamoDbEndpoint().toString())) {
                var item = dynamo.getItem(b -> b.tableName("Table").key(Map.of("PK", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("K"),
                        "SK", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("2"))));
                assertTrue(!item.hasItem() || item.item().isEmpty(), "the refused transaction's Put was written: " + item.item());
            }
        }
    }

    /**
     * The API's own SDK clients, in the runtime's Micronaut context, are held to the API function's role: its DynamoDB
     * client may read and write items of the table, not delete the table (the check comes first: the table named
     * need not exist). The check is registered in the context after it starts (LocalRuntime), before any client is made.
     */
    @Test
    void theApisOwnClientsAreHeldToItsRole() throws Exception {
        Api.shared();
        var dynamo = Api.runtime().context().getBean(software.amazon.awssdk.services.dynamodb.DynamoDbClient.class);
        var denied = assertThrows(DynamoDbException.class, () -> dynamo.deleteTable(b -> b.tableName("NoSuchTable")));
        assertEquals("AccessDeniedException", denied.awsErrorDetails().errorCode());
        assertTrue(denied.getMessage().contains("EnrollmentApiFunction") && denied.getMessage().contains("dynamodb:DeleteTable"), denied.getMessage());
    }

    /**
     * A presigned URL is authorized when it is used, as its signer: the Writer may put under {@code in/}, so its URL
     * for {@code in/a.pdf} stores the object; its URL for {@code out/a.pdf}, and the Reader's for {@code in/a.pdf},
     * are S3's 403 AccessDenied and store nothing.
     */
    @Test
    void aPresignedUrlIsAuthorizedAsItsSignersRoleWhenItIsUsed(@TempDir Path root) throws Exception {
        Files.writeString(root.resolve("template.yaml"), TEMPLATE);
        try (var runtime = LocalRuntime.start(new LocalRuntime.Options(root, 0, false, false, true));
             var http = java.net.http.HttpClient.newHttpClient();
             var s3 = org.teachertraining.adapters.aws.AwsClients.s3("us-east-1", runtime.s3Endpoint().toString())) {
            java.util.function.BiFunction<String, String, java.net.http.HttpResponse<String>> put = (signer, key) -> {
                try (var presigner = org.teachertraining.adapters.aws.AwsClients.s3Presigner("us-east-1", runtime.s3Endpoint().toString(), signer)) {
                    var url = new org.teachertraining.adapters.s3.PresignedUploadUrls(presigner, "uploads", java.time.Duration.ofMinutes(5))
                            .forUpload(key, 5, "application/pdf");
                    var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(url.url()))
                            .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("%PDF-"));
                    url.headers().forEach((name, value) -> { if (!name.equalsIgnoreCase("content-length")) request.header(name, value); });
                    return http.send(request.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            };
            assertEquals(200, put.apply("Writer", "in/a.pdf").statusCode());
            var outside = put.apply("Writer", "out/a.pdf");
            assertEquals(403, outside.statusCode(), outside.body());
            assertTrue(outside.body().contains("AccessDenied"), outside.body());
            assertEquals(403, put.apply("Reader", "in/b.pdf").statusCode());
            assertEquals(403, put.apply("Stranger", "in/c.pdf").statusCode(), "a key the runtime does not know");
            var stored = s3.listObjectsV2(b -> b.bucket("uploads")).contents().stream().map(o -> o.key()).toList();
            assertEquals(java.util.List.of("in/a.pdf"), stored);
        }
    }

    @Test
    void aStateMachineWithoutThePermissionCannotInvokeItsFunction(@TempDir Path root) throws Exception {
        Files.createDirectories(root.resolve("statemachines"));
        Files.writeString(root.resolve("statemachines/lifecycle.asl.json"), LocalStepFunctionsIT.DEFINITION);
        String withoutPermission = LocalStepFunctionsIT.TEMPLATE.replaceAll("(?m)^ *Policies:\n *- LambdaInvokePolicy.*\n", "");
        assertTrue(!withoutPermission.contains("LambdaInvokePolicy") && withoutPermission.contains("DefinitionSubstitutions"), withoutPermission);
        Files.writeString(root.resolve("template.yaml"), withoutPermission);
        try (var runtime = LocalRuntime.start(new LocalRuntime.Options(root, 0, false, false, true));
             var sfn = org.teachertraining.adapters.aws.AwsClients.sfn("local", runtime.stepFunctionsEndpoint().toString(), java.util.List.of())) {
            String sm = sfn.listStateMachines().stateMachines().get(0).stateMachineArn();
            String arn = sfn.startExecution(b -> b.stateMachineArn(sm).name("IAM-1").input("{\"projectId\":\"IAM-1\"}")).executionArn();
            long deadline = System.currentTimeMillis() + 20_000;
            var d = sfn.describeExecution(b -> b.executionArn(arn));
            while (d.statusAsString().equals("RUNNING") && System.currentTimeMillis() < deadline) {
                Thread.sleep(100);
                d = sfn.describeExecution(b -> b.executionArn(arn));
            }
            assertEquals("FAILED", d.statusAsString());
            assertEquals("Lambda.AWSLambdaException", d.error());
            assertTrue(d.cause().contains("lambda:InvokeFunction"), d.cause());
        }
    }
}
