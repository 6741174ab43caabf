package org.teachertraining.adapters.aws;

import org.teachertraining.adapters.dynamodb.TrainingTable;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * What a plain (framework-less) function is given: its environment variables and a clock. In Lambda,
 * {@link #lambda()}: the process environment and the system clock. The local runtime gives each function
 * its own, as Lambda does: the template's {@code Environment} for that function, the emulators' endpoints
 * in the SDK's own variables ({@code AWS_ENDPOINT_URL_DYNAMODB} …), its name, the platform's clock, and
 * the interceptors its SDK clients carry (the check of each call against the function's IAM policy).
 */
public final class FunctionEnvironment {
    private final Map<String, String> variables;
    private final Clock clock;
    private final List<ExecutionInterceptor> interceptors;

    public FunctionEnvironment(Map<String, String> variables, Clock clock, List<ExecutionInterceptor> interceptors) {
        this.variables = Map.copyOf(variables);
        this.clock = clock;
        this.interceptors = List.copyOf(interceptors);
    }

    public static FunctionEnvironment lambda() {
        return new FunctionEnvironment(System.getenv(), Clock.systemUTC(), List.of());
    }

    /** The same environment, its clients carrying {@code interceptor} after its own: what a test counts the requests with. */
    public FunctionEnvironment with(ExecutionInterceptor interceptor) {
        var all = new java.util.ArrayList<>(interceptors);
        all.add(interceptor);
        return new FunctionEnvironment(variables, clock, all);
    }

    public Map<String, String> variables() {
        return variables;
    }

    /** The variable, or {@code fallback} when it is unset or blank. */
    public String get(String name, String fallback) {
        String v = variables.get(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    public String require(String name) {
        String v = get(name, null);
        if (v == null) throw new IllegalStateException(name + " is not set");
        return v;
    }

    public String region() {
        return get("AWS_REGION", "cn-north-1");
    }

    /** The function's name: whose role its calls use. */
    public String functionName() {
        return get("AWS_LAMBDA_FUNCTION_NAME", "");
    }

    /** {@code AWS_ENDPOINT_URL_<SERVICE>}, empty for the service's own endpoint. */
    public String endpoint(String service) {
        return get("AWS_ENDPOINT_URL_" + service, "");
    }

    public Clock clock() {
        return clock;
    }

    public DynamoDbClient dynamoDb() {
        return AwsClients.dynamoDb(region(), endpoint("DYNAMODB"), interceptors);
    }

    public SqsClient sqs() {
        return AwsClients.sqs(region(), endpoint("SQS"), interceptors);
    }

    public S3Client s3() {
        return AwsClients.s3(region(), endpoint("S3"), interceptors);
    }

    public software.amazon.awssdk.services.sfn.SfnClient sfn() {
        return AwsClients.sfn(region(), endpoint("SFN"), interceptors);
    }

    /** The platform's table ({@code TRAINING_TABLE}). */
    public TrainingTable trainingTable() {
        return new TrainingTable(dynamoDb(), require("TRAINING_TABLE"));
    }
}
