package org.teachertraining.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sqs.model.Message;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The real credit-posting handler behind a queue with a short visibility timeout (the production queue's
 * 180 s would make the test take 15 minutes): a message that always fails lands in the DLQ after
 * maxReceiveCount receives.
 */
class CreditPostingDeadLetterIT {
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
              Certificates:
                Type: AWS::S3::Bucket
              Completions:
                Type: AWS::SQS::Queue
                Properties:
                  VisibilityTimeout: 1
                  RedrivePolicy:
                    deadLetterTargetArn: !GetAtt CompletionDeadLetters.Arn
                    maxReceiveCount: 3
              CompletionDeadLetters:
                Type: AWS::SQS::Queue
              CreditPostingFunction:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: org.teachertraining.credits.CreditPostingHandler::handleRequest
                  Environment:
                    Variables:
                      TRAINING_TABLE: !Ref TrainingTable
                      CERTIFICATES_BUCKET: !Ref Certificates
                      CREDIT_POSTING_QUEUE_URL: !Ref Completions
                      NOTIFICATION_QUEUE_URL: !Ref Completions
                  Events:
                    Completions:
                      Type: SQS
                      Properties:
                        Queue: !GetAtt Completions.Arn
                        BatchSize: 10
                        FunctionResponseTypes: [ReportBatchItemFailures]
            """;

    @Test
    void aMessageThatAlwaysFailsEndsInTheDeadLetterQueue(@TempDir Path root) throws Exception {
        Files.writeString(root.resolve("template.yaml"), TEMPLATE);
        try (var runtime = LocalRuntime.start(new LocalRuntime.Options(root, 0, false, false, true));
             var sqs = org.teachertraining.adapters.aws.AwsClients.sqs("local", runtime.sqsEndpoint().toString())) {
            String queue = sqs.getQueueUrl(b -> b.queueName("Completions")).queueUrl();
            String dlq = sqs.getQueueUrl(b -> b.queueName("CompletionDeadLetters")).queueUrl();
            sqs.sendMessage(b -> b.queueUrl(queue).messageBody("{\"completionId\": broken"));
            List<Message> dead = List.of();
            long deadline = System.currentTimeMillis() + 40_000;
            while (dead.isEmpty() && System.currentTimeMillis() < deadline) {
                dead = sqs.receiveMessage(b -> b.queueUrl(dlq).waitTimeSeconds(1).messageSystemAttributeNamesWithStrings("All")).messages();
            }
            assertEquals(1, dead.size(), "the failing completion should be in the DLQ");
            assertEquals("{\"completionId\": broken", dead.get(0).body());
            assertEquals(0, sqs.receiveMessage(b -> b.queueUrl(queue).waitTimeSeconds(1)).messages().size());
        }
    }
}
