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
    /** What was created, for the start-up banner: one list per kind, as tables, queues and buckets are made at once. */
    private final List<String> tablesCreated = new ArrayList<>(), queuesCreated = new ArrayList<>(), bucketsCreated = new ArrayList<>();
    /** Logical ID → what {@code !Ref} resolves to locally (written by tables, queues and buckets at once). */
    final Map<String, String> refs = java.util.Collections.synchronizedMap(new LinkedHashMap<>());
    /** "LogicalId.Arn" → what {@code !GetAtt} resolves to locally. */
    final Map<String, String> attributes = java.util.Collections.synchronizedMap(new LinkedHashMap<>());

    private final CloudFormationTemplate template;

    Provisioner(CloudFormationTemplate template) {
        this.template = template;
        // the pseudo parameters, as the local "partition" answers them (ARNs built by the Lambda/SQS emulations agree)
        refs.put("AWS::Partition", "aws");
        refs.put("AWS::Region", "local");
        refs.put("AWS::AccountId", "000000000000");
        refs.put("AWS::URLSuffix", "amazonaws.com");
        refs.put("AWS::StackName", "local");
        refs.put("AWS::StackId", "arn:aws:cloudformation:local:000000000000:stack/local/00000000-0000-0000-0000-000000000000");
    }

    /** What {@link #tables}, {@link #queues} and {@link #buckets} created or found, in that order. */
    List<String> created() {
        var all = new ArrayList<>(tablesCreated);
        all.addAll(queuesCreated);
        all.addAll(bucketsCreated);
        return all;
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
                tablesCreated.add("DynamoDB table " + name + " (" + gsis.size() + " GSIs)");
            } catch (ResourceInUseException exists) {
                tablesCreated.add("DynamoDB table " + name + " (kept from the last run)");
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
            queuesCreated.add("SQS queue " + name + (attrs.containsKey(QueueAttributeName.REDRIVE_POLICY) ? " (redrive to DLQ)" : ""));
        }
    }

    void buckets(S3Client s3) {
        for (var bucket : template.resources("AWS::S3::Bucket")) {
            // BucketName resolved as CloudFormation would (the stack's ID is the local one); without one, the logical ID
            Object given = bucket.properties().get("BucketName");
            String name = (given == null ? bucket.logicalId() : resolve(given)).toLowerCase(Locale.ROOT);
            try {
                s3.createBucket(b -> b.bucket(name));
            } catch (BucketAlreadyOwnedByYouException exists) {
                // kept from the last run
            }
            refs.put(bucket.logicalId(), name);
            attributes.put(bucket.logicalId() + ".Arn", "arn:aws:s3:::" + name);
            bucketsCreated.add("S3 bucket " + name);
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
     * A function's environment variables, resolved (Globals first, its own on top). Values the local runtime
     * cannot resolve are reported and left out.
     */
    Map<String, String> environment(String functionId, List<String> warnings) {
        var env = new LinkedHashMap<String, String>();
        var function = template.resources("AWS::Serverless::Function").stream().filter(f -> f.logicalId().equals(functionId)).findFirst().orElseThrow();
        template.environment(function).forEach((name, value) -> {
            if (name.equals("JAVA_TOOL_OPTIONS")) return;
            try {
                env.put(name, resolve(value));
            } catch (IllegalArgumentException e) {
                warnings.add(functionId + " " + name + ": " + e.getMessage());
            }
        });
        return env;
    }

    /** The same variables as Micronaut properties, for a function whose code reads them so: {@code TRAINING_TABLE} becomes {@code training.table}. */
    Map<String, Object> properties(String functionId, List<String> warnings) {
        var props = new LinkedHashMap<String, Object>();
        environment(functionId, warnings).forEach((name, value) -> props.put(name.toLowerCase(Locale.ROOT).replace('_', '.'), value));
        return props;
    }

    /** The ARN of the queue of the template at {@code url} ("*" for a queue the template does not have). */
    String queueArn(String url) {
        return refs.entrySet().stream().filter(r -> r.getValue().equals(url)).map(r -> attributes.get(r.getKey() + ".Arn"))
                .filter(java.util.Objects::nonNull).findFirst().orElse("*");
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
        Object v = evaluate(value);
        if (v instanceof String s) return s;
        throw new IllegalArgumentException("cannot resolve " + value + " locally: not a string");
    }

    /**
     * A value of the template with its intrinsic functions applied as CloudFormation applies them, to the
     * local resources: {@code Ref}, {@code Fn::GetAtt}, {@code Fn::Sub} (both forms), {@code Fn::Select},
     * {@code Fn::Split}, {@code Fn::Join}. Anything else cannot be resolved here and says so.
     */
    @SuppressWarnings("unchecked")
    Object evaluate(Object value) {
        if (value instanceof String || value instanceof Number || value instanceof Boolean) return value instanceof Number n ? n.toString() : value;
        if (value instanceof List<?> list) return list.stream().map(this::evaluate).toList();
        if (value instanceof Map<?, ?> m && m.size() == 1) {
            var entry = m.entrySet().iterator().next();
            String fn = String.valueOf(entry.getKey());
            Object arg = entry.getValue();
            switch (fn) {
                case "Ref" -> {
                    if (refs.containsKey(String.valueOf(arg))) return refs.get(String.valueOf(arg));
                }
                case "Fn::GetAtt" -> {
                    String key = arg instanceof List<?> att && att.size() == 2 ? att.get(0) + "." + att.get(1) : String.valueOf(arg);
                    if (attributes.containsKey(key)) return attributes.get(key);
                }
                case "Fn::Sub" -> {
                    if (arg instanceof String text) return substitute(text, Map.of());
                    if (arg instanceof List<?> l && l.size() == 2 && l.get(0) instanceof String text && l.get(1) instanceof Map<?, ?> vars) {
                        var values = new java.util.HashMap<String, String>();
                        vars.forEach((k, v) -> values.put(String.valueOf(k), resolve(v)));
                        return substitute(text, values);
                    }
                }
                case "Fn::Select" -> {
                    if (arg instanceof List<?> l && l.size() == 2 && evaluate(l.get(1)) instanceof List<?> items) {
                        return items.get(Integer.parseInt(String.valueOf(evaluate(l.get(0)))));
                    }
                }
                case "Fn::Split" -> {
                    if (arg instanceof List<?> l && l.size() == 2) {
                        return List.of(resolve(l.get(1)).split(java.util.regex.Pattern.quote(String.valueOf(l.get(0))), -1));
                    }
                }
                case "Fn::Join" -> {
                    if (arg instanceof List<?> l && l.size() == 2 && evaluate(l.get(1)) instanceof List<?> items) {
                        return String.join(String.valueOf(l.get(0)), items.stream().map(String::valueOf).toList());
                    }
                }
                default -> { }
            }
        }
        throw new IllegalArgumentException("cannot resolve " + value + " locally");
    }

    private String substitute(String text, Map<String, String> values) {
        var out = new StringBuilder();
        var m = java.util.regex.Pattern.compile("\\$\\{([^}!]+)}").matcher(text);
        while (m.find()) {
            String name = m.group(1);
            String v = values.containsKey(name) ? values.get(name) : name.contains(".") && !name.startsWith("AWS::") ? attributes.get(name) : refs.get(name);
            if (v == null) throw new IllegalArgumentException("cannot resolve ${" + name + "} locally");
            m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(v));
        }
        m.appendTail(out);
        return out.toString();
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
