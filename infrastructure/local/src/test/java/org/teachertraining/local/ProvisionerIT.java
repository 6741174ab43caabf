package org.teachertraining.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The local runtime creates what a template declares — here a queue with a dead-letter queue and a
 * bucket — and wires the functions' environment variables to them, as CloudFormation would.
 */
class ProvisionerIT {
    static final String TEMPLATE = """
            AWSTemplateFormatVersion: '2010-09-09'
            Transform: AWS::Serverless-2016-10-31
            Globals:
              Function:
                Environment:
                  Variables:
                    TRAINING_TABLE: !Ref Table
            Resources:
              Table:
                Type: AWS::DynamoDB::Table
                Properties:
                  BillingMode: PAY_PER_REQUEST
                  AttributeDefinitions: [{AttributeName: PK, AttributeType: S}, {AttributeName: SK, AttributeType: S}]
                  KeySchema: [{AttributeName: PK, KeyType: HASH}, {AttributeName: SK, KeyType: RANGE}]
              WorkQueue:
                Type: AWS::SQS::Queue
                Properties:
                  VisibilityTimeout: 30
                  RedrivePolicy:
                    deadLetterTargetArn: !GetAtt WorkDeadLetters.Arn
                    maxReceiveCount: 2
              WorkDeadLetters:
                Type: AWS::SQS::Queue
              Materials:
                Type: AWS::S3::Bucket
              Worker:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: x.Y::handleRequest
                  Environment:
                    Variables:
                      WORK_QUEUE_URL: !Ref WorkQueue
                      DEAD_LETTERS_ARN: !GetAtt WorkDeadLetters.Arn
                      MATERIALS_BUCKET: !Ref Materials
                      SOMETHING_ELSE: !Sub '${AWS::StackName}-x'
              Recorder:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: org.teachertraining.local.RecordingSqsHandler::handleRequest
                  Events:
                    Work:
                      Type: SQS
                      Properties:
                        Queue: !GetAtt RecordedQueue.Arn
                        BatchSize: 5
                        FunctionResponseTypes: [ReportBatchItemFailures]
              RecordedQueue:
                Type: AWS::SQS::Queue
                Properties:
                  VisibilityTimeout: 1
                  RedrivePolicy:
                    deadLetterTargetArn: !GetAtt RecordedDeadLetters.Arn
                    maxReceiveCount: 2
              RecordedDeadLetters:
                Type: AWS::SQS::Queue
            """;

    @Test
    void queuesWithRedriveBucketsAndEnvironmentComeFromTheTemplate(@TempDir Path root) throws Exception {
        Files.writeString(root.resolve("template.yaml"), TEMPLATE);
        try (var runtime = LocalRuntime.start(new LocalRuntime.Options(root, 0, false, false, true))) {
            var env = runtime.functionEnvironment("Worker");
            String queueUrl = env.require("WORK_QUEUE_URL");
            String dlqArn = env.require("DEAD_LETTERS_ARN");
            assertEquals("materials", env.require("MATERIALS_BUCKET"));
            assertEquals("Table", env.require("TRAINING_TABLE"));
            assertEquals("Worker", env.functionName());
            assertEquals(null, runtime.functionEnvironment("Recorder").get("WORK_QUEUE_URL", null), "a function gets its own variables only");
            assertEquals("local-x", env.require("SOMETHING_ELSE"), "!Sub with the local stack's name");

            var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));
            URI sqsEndpoint = URI.create(runtime.banner.stream().filter(l -> l.contains("ElasticMQ")).findFirst().orElseThrow().replaceAll(".*(http\\S+).*", "$1"));
            try (var sqs = SqsClient.builder().endpointOverride(sqsEndpoint).region(Region.of("local")).credentialsProvider(credentials)
                    .httpClient(UrlConnectionHttpClient.create()).build()) {
                var attributes = sqs.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(QueueAttributeName.ALL)).attributes();
                assertTrue(attributes.get(QueueAttributeName.REDRIVE_POLICY).contains(dlqArn), attributes.toString());
                assertEquals("30", attributes.get(QueueAttributeName.VISIBILITY_TIMEOUT));

                // a message received twice and never deleted moves to the dead-letter queue
                sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody("posting-1"));
                for (int i = 0; i < 2; i++) {
                    var received = sqs.receiveMessage(b -> b.queueUrl(queueUrl).waitTimeSeconds(2)).messages();
                    assertEquals(1, received.size());
                    sqs.changeMessageVisibility(b -> b.queueUrl(queueUrl).receiptHandle(received.get(0).receiptHandle()).visibilityTimeout(0));
                }
                assertEquals(0, sqs.receiveMessage(b -> b.queueUrl(queueUrl).waitTimeSeconds(1)).messages().size());
                String dlqUrl = sqs.getQueueUrl(b -> b.queueName("WorkDeadLetters")).queueUrl();
                var dead = sqs.receiveMessage(b -> b.queueUrl(dlqUrl).waitTimeSeconds(2)).messages();
                assertEquals("posting-1", dead.get(0).body());
            }
            // the event source mapping: four messages processed, the poison one redriven to the DLQ after 2 receives
            try (var sqs = SqsClient.builder().endpointOverride(sqsEndpoint).region(Region.of("local")).credentialsProvider(credentials)
                    .httpClient(UrlConnectionHttpClient.create()).build()) {
                String url = sqs.getQueueUrl(b -> b.queueName("RecordedQueue")).queueUrl();
                sqs.sendMessageBatch(b -> b.queueUrl(url).entries(
                        java.util.stream.IntStream.range(0, 5).mapToObj(i -> software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry.builder()
                                .id("m" + i).messageBody(i == 2 ? "poison-2" : "ok-" + i).build()).toList()));
                String dlq = sqs.getQueueUrl(b -> b.queueName("RecordedDeadLetters")).queueUrl();
                java.util.List<Message> dead = java.util.List.of();
                long deadline = System.currentTimeMillis() + 30_000;
                while (dead.isEmpty() && System.currentTimeMillis() < deadline) {
                    dead = sqs.receiveMessage(b -> b.queueUrl(dlq).waitTimeSeconds(1)).messages();
                }
                assertEquals(1, dead.size(), "the poison message should reach the DLQ");
                assertEquals("poison-2", dead.get(0).body());
                assertEquals(java.util.Set.of("ok-0", "ok-1", "ok-3", "ok-4"), java.util.Set.copyOf(RecordingSqsHandler.PROCESSED));
                assertEquals(4, RecordingSqsHandler.PROCESSED.size());
                assertTrue(RecordingSqsHandler.BATCH_SIZES.stream().allMatch(n -> n <= 5));
            }
            assertTrue(runtime.banner.stream().anyMatch(l -> l.contains("RecordedQueue → Recorder (batch 5, partial batch failure)")), runtime.banner.toString());
            URI s3Endpoint = URI.create(runtime.banner.stream().filter(l -> l.contains("S3Proxy")).findFirst().orElseThrow().replaceAll(".*(http\\S+).*", "$1"));
            try (var s3 = S3Client.builder().endpointOverride(s3Endpoint).region(Region.of("local")).forcePathStyle(true)
                    .credentialsProvider(credentials).httpClient(UrlConnectionHttpClient.create()).build()) {
                assertTrue(s3.listBuckets().buckets().stream().anyMatch(b -> b.name().equals("materials")));
            }
        }
    }

    static final String SLOW_TEMPLATE = """
            AWSTemplateFormatVersion: '2010-09-09'
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Uploads:
                Type: AWS::S3::Bucket
              Failures:
                Type: AWS::SQS::Queue
              Slow:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: org.teachertraining.local.SleepingS3Handler::handleRequest
                  Timeout: 1
                  DeadLetterQueue: { Type: SQS, TargetArn: !GetAtt Failures.Arn }
                  Events:
                    Stored: { Type: S3, Properties: { Bucket: !Ref Uploads, Events: 's3:ObjectCreated:*' } }
            """;

    /**
     * A function is held to its template's Timeout as Lambda holds it (an S3 event past it fails), the failed
     * asynchronous invocation is tried three times in all, then lands in the function's DeadLetterQueue.
     */
    @Test
    void aFunctionPastItsTimeoutFails_andTheEventEndsInItsDeadLetterQueue(@TempDir Path root) throws Exception {
        Files.writeString(root.resolve("template.yaml"), SLOW_TEMPLATE);
        try (var runtime = LocalRuntime.start(new LocalRuntime.Options(root, 0, false, false, true))) {
            var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));
            try (var s3 = S3Client.builder().endpointOverride(runtime.s3Endpoint()).region(Region.of("us-east-1")).forcePathStyle(true)
                    .credentialsProvider(credentials).httpClient(UrlConnectionHttpClient.create()).build();
                 var sqs = SqsClient.builder().endpointOverride(runtime.sqsEndpoint()).region(Region.of("local")).credentialsProvider(credentials)
                         .httpClient(UrlConnectionHttpClient.create()).build()) {
                s3.putObject(b -> b.bucket("uploads").key("a/brief.pdf"), software.amazon.awssdk.core.sync.RequestBody.fromString("%PDF-1.4"));
                String failures = sqs.getQueueUrl(b -> b.queueName("Failures")).queueUrl();
                java.util.List<Message> dead = java.util.List.of();
                long deadline = System.currentTimeMillis() + 20_000;
                while (dead.isEmpty() && System.currentTimeMillis() < deadline) {
                    dead = sqs.receiveMessage(b -> b.queueUrl(failures).waitTimeSeconds(1).messageAttributeNames("All")).messages();
                }
                assertEquals(1, dead.size(), "the event never reached the dead-letter queue");
                // S3 delivers a notification at least once: a PUT the client's connection sent twice (once in a suite run
                // under load) is two, each tried ATTEMPTS times and then dead-lettered; so the tries are counted once no
                // series is running any more, against the dead letters by then
                var letters = new java.util.ArrayList<Message>();
                java.util.function.Consumer<java.util.List<Message>> take = received -> received.forEach(m -> {
                    letters.add(m);   // deleted, so that none comes back to be counted twice
                    sqs.deleteMessage(b -> b.queueUrl(failures).receiptHandle(m.receiptHandle()));
                });
                take.accept(dead);
                int tries = -1;
                while (tries != SleepingS3Handler.INVOCATIONS.get() && System.currentTimeMillis() < deadline + 20_000) {
                    tries = SleepingS3Handler.INVOCATIONS.get();
                    Thread.sleep(4_000);   // longer than one try (its 1 s timeout) and the dead letter after the last
                    take.accept(sqs.receiveMessage(b -> b.queueUrl(failures).maxNumberOfMessages(10).waitTimeSeconds(1).messageAttributeNames("All")).messages());
                }
                assertEquals(S3Notifications.ATTEMPTS * letters.size(), SleepingS3Handler.INVOCATIONS.get(), "tries per dead letter");
                for (var letter : letters) {
                    assertEquals("Sandbox.Timedout", letter.messageAttributes().get("ErrorCode").stringValue());
                    assertTrue(letter.messageAttributes().get("ErrorMessage").stringValue().contains("Task timed out after 1.00 seconds"));
                    assertTrue(letter.body().contains("\"key\":\"a%2Fbrief.pdf\""), letter.body());
                }
            }
        }
    }
}
