package org.teachertraining.local;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import org.teachertraining.local.sfn.StepFunctionsEmulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Creates what template.yaml declares — DynamoDB tables (keys, GSIs), SQS queues (with their redrive
 * policies), S3 buckets — in the emulators, and resolves {@code !Ref}/{@code !GetAtt} to the local
 * names, so that the functions' environment variables can be wired exactly as CloudFormation would.
 */
final class Provisioner {
    /** What was created, for the start-up banner. */
    final List<String> created = new ArrayList<>();
    /** Logical ID → what {@code !Ref} resolves to locally. */
    final Map<String, String> refs = new LinkedHashMap<>();
    /** "LogicalId.Arn" → what {@code !GetAtt} resolves to locally. */
    final Map<String, String> attributes = new LinkedHashMap<>();

    private final CloudFormationTemplate template;

    Provisioner(CloudFormationTemplate template) {
        this.template = template;
        // the pseudo parameters, as the local "partition" answers them (ARNs built by the Lambda/SQS emulations agree)
        refs.put("AWS::Partition", "aws");
        refs.put("AWS::Region", "local");
        refs.put("AWS::AccountId", "000000000000");
        refs.put("AWS::URLSuffix", "amazonaws.com");
    }

    void tables(DynamoDbClient dynamo) {
        for (var table : template.resources("AWS::DynamoDB::Table")) {
            var p = table.properties();
            String name = (String) p.getOrDefault("TableName", table.logicalId());
            var request = CreateTableRequest.builder().tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(maps(p.get("AttributeDefinitions")).stream().map(a -> AttributeDefinition.builder()
                            .attributeName((String) a.get("AttributeName")).attributeType((String) a.get("AttributeType")).build()).toList())
                    .keySchema(keys(p.get("KeySchema")));
            var gsis = maps(p.get("GlobalSecondaryIndexes"));
            if (!gsis.isEmpty()) {
                request.globalSecondaryIndexes(gsis.stream().map(g -> GlobalSecondaryIndex.builder()
                        .indexName((String) g.get("IndexName")).keySchema(keys(g.get("KeySchema")))
                        .projection(Projection.builder().projectionType((String) ((Map<?, ?>) g.get("Projection")).get("ProjectionType")).build())
                        .build()).toList());
            }
            try {
                dynamo.createTable(request.build());
                created.add("DynamoDB table " + name + " (" + gsis.size() + " GSIs)");
            } catch (ResourceInUseException exists) {
                created.add("DynamoDB table " + name + " (kept from the last run)");
            }
            refs.put(table.logicalId(), name);
            attributes.put(table.logicalId() + ".Arn", "arn:aws:dynamodb:local:000000000000:table/" + name);
        }
    }

    void queues(SqsClient sqs) {
        var queues = new ArrayList<>(template.resources("AWS::SQS::Queue"));
        // dead-letter queues first: a redrive policy names its target's ARN
        queues.sort((a, b) -> Boolean.compare(a.properties().containsKey("RedrivePolicy"), b.properties().containsKey("RedrivePolicy")));
        for (var queue : queues) {
            var p = queue.properties();
            String name = (String) p.getOrDefault("QueueName", queue.logicalId());
            var attrs = new LinkedHashMap<QueueAttributeName, String>();
            if (p.get("VisibilityTimeout") != null) attrs.put(QueueAttributeName.VISIBILITY_TIMEOUT, p.get("VisibilityTimeout").toString());
            if (p.get("MessageRetentionPeriod") != null) attrs.put(QueueAttributeName.MESSAGE_RETENTION_PERIOD, p.get("MessageRetentionPeriod").toString());
            if (p.get("RedrivePolicy") instanceof Map<?, ?> redrive) {
                String target = resolve(redrive.get("deadLetterTargetArn"));
                attrs.put(QueueAttributeName.REDRIVE_POLICY, "{\"deadLetterTargetArn\":\"" + target
                        + "\",\"maxReceiveCount\":" + redrive.get("maxReceiveCount") + "}");
            }
            String url = sqs.createQueue(b -> b.queueName(name).attributes(attrs)).queueUrl();
            String arn = sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
                    .attributes().get(QueueAttributeName.QUEUE_ARN);
            refs.put(queue.logicalId(), url);
            attributes.put(queue.logicalId() + ".Arn", arn);
            attributes.put(queue.logicalId() + ".QueueName", name);
            created.add("SQS queue " + name + (attrs.containsKey(QueueAttributeName.REDRIVE_POLICY) ? " (redrive to DLQ)" : ""));
        }
    }

    void buckets(S3Client s3) {
        for (var bucket : template.resources("AWS::S3::Bucket")) {
            // a plain BucketName is kept; one built with !Sub from the account and region means nothing here: the logical ID
            String name = (bucket.properties().get("BucketName") instanceof String given ? given : bucket.logicalId()).toLowerCase(Locale.ROOT);
            try {
                s3.createBucket(b -> b.bucket(name));
            } catch (BucketAlreadyOwnedByYouException exists) {
                // kept from the last run
            }
            refs.put(bucket.logicalId(), name);
            attributes.put(bucket.logicalId() + ".Arn", "arn:aws:s3:::" + name);
            created.add("S3 bucket " + name);
        }
    }

    /**
     * Functions: {@code !Ref} is the function's name (its logical ID here), {@code !GetAtt Fn.Arn} a local
     * Lambda ARN, {@code !Ref Fn.Alias} (SAM's AutoPublishAlias) that ARN qualified with the alias name.
     */
    void functions() {
        for (var f : template.resources("AWS::Serverless::Function")) {
            String arn = "arn:aws:lambda:local:" + StepFunctionsEmulator.ACCOUNT + ":function:" + f.logicalId();
            refs.put(f.logicalId(), f.logicalId());
            refs.put(f.logicalId() + ".Alias", arn + ":" + template.functionAlias(f));
            attributes.put(f.logicalId() + ".Arn", arn);
        }
    }

    /** A state machine of the template, its definition read and its substitutions resolved. */
    record StateMachine(String logicalId, String name, String definition) {}

    /**
     * {@code AWS::Serverless::StateMachine}s: the definition from {@code DefinitionUri} (a file under the
     * repository root) or {@code Definition}, with every {@code ${Name}} of {@code DefinitionSubstitutions}
     * replaced by its resolved value; {@code !Ref} of the state machine is its ARN in the emulation.
     */
    @SuppressWarnings("unchecked")
    List<StateMachine> stateMachines(java.nio.file.Path root) throws java.io.IOException {
        var out = new ArrayList<StateMachine>();
        for (var sm : template.resources("AWS::Serverless::StateMachine")) {
            var p = sm.properties();
            String definition;
            if (p.get("DefinitionUri") instanceof String uri) {
                definition = java.nio.file.Files.readString(root.resolve(uri));
            } else if (p.get("Definition") instanceof Map<?, ?> inline) {
                definition = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(inline);
            } else {
                throw new IllegalArgumentException(sm.logicalId() + ": needs DefinitionUri (a file) or Definition");
            }
            var substitutions = (Map<String, Object>) p.getOrDefault("DefinitionSubstitutions", Map.of());
            for (var e : substitutions.entrySet()) definition = definition.replace("${" + e.getKey() + "}", resolve(e.getValue()));
            if (definition.matches("(?s).*\\$\\{[A-Za-z0-9_]+}.*")) {
                throw new IllegalArgumentException(sm.logicalId() + ": a ${…} in the definition has no DefinitionSubstitutions entry");
            }
            String name = p.get("Name") instanceof String given ? given : sm.logicalId();
            String arn = "arn:aws:states:local:" + StepFunctionsEmulator.ACCOUNT + ":stateMachine:" + name;
            refs.put(sm.logicalId(), arn);
            attributes.put(sm.logicalId() + ".Arn", arn);
            attributes.put(sm.logicalId() + ".Name", name);
            out.add(new StateMachine(sm.logicalId(), name, definition));
        }
        return out;
    }

    /**
     * Environment variables of every function, resolved, as Micronaut properties: {@code TRAINING_TABLE}
     * becomes {@code training.table}. Values the local runtime cannot resolve are reported and left out.
     */
    Map<String, Object> functionProperties(List<String> warnings) {
        var props = new LinkedHashMap<String, Object>();
        for (var function : template.resources("AWS::Serverless::Function")) {
            template.environment(function).forEach((name, value) -> {
                if (name.equals("JAVA_TOOL_OPTIONS")) return;
                try {
                    props.put(name.toLowerCase(Locale.ROOT).replace('_', '.'), resolve(value));
                } catch (IllegalArgumentException e) {
                    warnings.add(function.logicalId() + " " + name + ": " + e.getMessage());
                }
            });
        }
        return props;
    }

    /** The URL of the queue of the template whose ARN is {@code arn}. */
    String queueUrl(String arn) {
        return attributes.entrySet().stream().filter(a -> a.getValue().equals(arn)).map(Map.Entry::getKey)
                .map(k -> refs.get(k.substring(0, k.indexOf('.')))).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no queue in the template has ARN " + arn));
    }

    /** The URL of a function's {@code DeadLetterQueue} (an SQS one), or null without one. */
    @SuppressWarnings("unchecked")
    String deadLetterQueueUrl(String functionId) {
        var f = template.resources("AWS::Serverless::Function").stream().filter(r -> r.logicalId().equals(functionId)).findFirst().orElseThrow();
        var dlq = (Map<String, Object>) f.properties().get("DeadLetterQueue");
        if (dlq == null || !"SQS".equals(dlq.get("Type"))) return null;
        return queueUrl(resolve(dlq.get("TargetArn")));
    }

    String resolve(Object value) {
        if (value instanceof String s) return s;
        if (value instanceof Number n) return n.toString();
        if (value instanceof Map<?, ?> m && m.get("Ref") instanceof String ref && refs.containsKey(ref)) return refs.get(ref);
        if (value instanceof Map<?, ?> m && m.get("Fn::GetAtt") instanceof List<?> att && att.size() == 2) {
            String key = att.get(0) + "." + att.get(1);
            if (attributes.containsKey(key)) return attributes.get(key);
        }
        throw new IllegalArgumentException("cannot resolve " + value + " locally");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> maps(Object list) {
        return list == null ? List.of() : (List<Map<String, Object>>) list;
    }

    private static List<KeySchemaElement> keys(Object schema) {
        return maps(schema).stream().map(k -> KeySchemaElement.builder()
                .attributeName((String) k.get("AttributeName")).keyType((String) k.get("KeyType")).build()).toList();
    }
}
