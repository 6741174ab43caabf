package org.teachertraining.local.iam;

import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.sfn.model.SfnException;
import software.amazon.awssdk.services.sqs.model.SqsException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A role's IAM policy applied to every call an SDK client makes for it, before the call leaves the process:
 * each call is named as IAM names it (action and resource ARN; each item of a transaction or batch on its
 * own, as DynamoDB checks them) and refused, as AWS refuses it, unless the role's policy allows it. The
 * refusal is the service's own exception with its AccessDenied error code and message; the log names the
 * action, the resource, what the role has of that action, and the statement that would allow it.
 */
public final class IamEnforcement implements ExecutionInterceptor {
    /** One authorization IAM makes for a call. */
    public record Check(String action, String resource) {}

    private final Policy policy;
    private final Function<String, String> queueArnOfUrl;
    private final Function<String, Optional<String>> stateMachineOfToken;

    public IamEnforcement(Policy policy, Function<String, String> queueArnOfUrl, Function<String, Optional<String>> stateMachineOfToken) {
        this.policy = policy;
        this.queueArnOfUrl = queueArnOfUrl;
        this.stateMachineOfToken = stateMachineOfToken;
    }

    public String role() {
        return policy.role();
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        String service = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        for (var check : checks(service, operation, context.request())) {
            if (policy.decide(check.action(), check.resource()) != Policy.Decision.ALLOWED) throw denied(service, check);
        }
    }

    /** Throws the refusal AWS gives unless the role may make {@code check} (for calls made outside an SDK client). */
    public void require(String service, Check check) {
        if (policy.decide(check.action(), check.resource()) != Policy.Decision.ALLOWED) throw denied(service, check);
    }

    List<Check> checks(String service, String operation, SdkRequest request) {
        var out = new ArrayList<Check>();
        switch (service) {
            case "DynamoDb" -> dynamoDb(operation, request, out);
            case "Sqs" -> {
                String action = "sqs:" + operation.replace("Batch", "");
                out.add(new Check(action, field(request, "QueueUrl").map(queueArnOfUrl).orElse("*")));
            }
            case "S3" -> s3(operation, request, out);
            case "SFN", "Sfn" -> {
                String resource = field(request, "stateMachineArn").or(() -> field(request, "executionArn"))
                        .or(() -> field(request, "taskToken").flatMap(stateMachineOfToken)).orElse("*");
                out.add(new Check("states:" + operation, resource));
            }
            default -> out.add(new Check(service.toLowerCase() + ":" + operation, "*"));
        }
        return out;
    }

    private static void dynamoDb(String operation, SdkRequest request, List<Check> out) {
        if (request instanceof TransactWriteItemsRequest t) {
            for (var item : t.transactItems()) {
                if (item.put() != null) out.add(new Check("dynamodb:PutItem", table(item.put().tableName())));
                if (item.update() != null) out.add(new Check("dynamodb:UpdateItem", table(item.update().tableName())));
                if (item.delete() != null) out.add(new Check("dynamodb:DeleteItem", table(item.delete().tableName())));
                if (item.conditionCheck() != null) out.add(new Check("dynamodb:ConditionCheckItem", table(item.conditionCheck().tableName())));
            }
        } else if (request instanceof TransactGetItemsRequest t) {
            t.transactItems().forEach(item -> out.add(new Check("dynamodb:GetItem", table(item.get().tableName()))));
        } else if (request instanceof BatchWriteItemRequest b) {
            b.requestItems().keySet().forEach(name -> out.add(new Check("dynamodb:BatchWriteItem", table(name))));
        } else if (request instanceof BatchGetItemRequest b) {
            b.requestItems().keySet().forEach(name -> out.add(new Check("dynamodb:BatchGetItem", table(name))));
        } else {
            String resource = field(request, "TableName").map(IamEnforcement::table).orElse("*");
            var index = field(request, "IndexName");
            out.add(new Check("dynamodb:" + operation, index.map(i -> resource + "/index/" + i).orElse(resource)));
        }
    }

    /** S3's operations under IAM's names: reads of an object are s3:GetObject, listing is s3:ListBucket on the bucket. */
    private static final Map<String, String> S3_ACTIONS = Map.of("HeadObject", "GetObject", "ListObjectsV2", "ListBucket", "ListObjects", "ListBucket",
            "HeadBucket", "ListBucket", "DeleteObjects", "DeleteObject", "CreateMultipartUpload", "PutObject", "UploadPart", "PutObject",
            "CompleteMultipartUpload", "PutObject");

    private static void s3(String operation, SdkRequest request, List<Check> out) {
        String action = "s3:" + S3_ACTIONS.getOrDefault(operation, operation);
        String bucket = field(request, "Bucket").orElse("*");
        var key = field(request, "Key");
        out.add(new Check(action, "arn:aws:s3:::" + bucket + key.map(k -> "/" + k).orElse("")));
    }

    private static String table(String name) {
        return "arn:aws:dynamodb:local:000000000000:table/" + name;
    }

    private static Optional<String> field(SdkRequest request, String name) {
        return request.getValueForField(name, String.class);
    }

    private RuntimeException denied(String service, Check check) {
        String message = "User: arn:aws:sts::000000000000:assumed-role/" + policy.role() + "Role/" + policy.role() + " is not authorized to perform: "
                + check.action() + " on resource: " + check.resource() + " because no identity-based policy allows the " + check.action() + " action";
        System.err.println("{\"level\":\"ERROR\",\"iam\":\"denied\",\"role\":\"" + policy.role() + "\",\"action\":\"" + check.action()
                + "\",\"resource\":\"" + check.resource() + "\",\"roleHas\":\"" + policy.grantsOf(check.action()).orElse("nothing of this action")
                + "\",\"missingStatement\":{\"Effect\":\"Allow\",\"Action\":\"" + check.action() + "\",\"Resource\":\"" + check.resource() + "\"}}");
        return switch (service) {
            case "DynamoDb" -> DynamoDbException.builder().message(message).statusCode(400)
                    .awsErrorDetails(details("AccessDeniedException", message, service)).build();
            case "S3" -> S3Exception.builder().message(message).statusCode(403).awsErrorDetails(details("AccessDenied", message, service)).build();
            case "Sqs" -> SqsException.builder().message(message).statusCode(403).awsErrorDetails(details("AccessDenied", message, service)).build();
            case "SFN", "Sfn" -> SfnException.builder().message(message).statusCode(400).awsErrorDetails(details("AccessDeniedException", message, service)).build();
            // a state machine's task: Step Functions fails it as Lambda's AccessDeniedException
            case "Lambda" -> new org.teachertraining.local.sfn.AslError("Lambda.AWSLambdaException", "AccessDeniedException: " + message);
            default -> new SecurityException(message);
        };
    }

    private static AwsErrorDetails details(String code, String message, String service) {
        return AwsErrorDetails.builder().errorCode(code).errorMessage(message).serviceName(service).build();
    }
}
