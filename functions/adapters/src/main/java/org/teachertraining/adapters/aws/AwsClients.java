package org.teachertraining.adapters.aws;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.net.URI;
import java.util.List;

/**
 * The SDK clients every function uses: the lightweight URL-connection HTTP client, the region of the
 * Lambda environment, and its credentials named explicitly rather than searched for along the default
 * chain ({@link #lambdaCredentials}); with an endpoint (the local runtime) the emulator with dummy
 * credentials. {@code interceptors} are what the function's environment adds to its clients: none in Lambda;
 * in the local runtime, the check of every call against the function's IAM policy in template.yaml.
 */
public final class AwsClients {
    private AwsClients() {}

    public static DynamoDbClient dynamoDb(String region, String endpoint) {
        return dynamoDb(region, endpoint, List.of());
    }

    public static DynamoDbClient dynamoDb(String region, String endpoint, List<ExecutionInterceptor> interceptors) {
        return configure(DynamoDbClient.builder().httpClient(httpClient()), region, endpoint, interceptors).build();
    }

    public static SqsClient sqs(String region, String endpoint) {
        return sqs(region, endpoint, List.of());
    }

    public static SqsClient sqs(String region, String endpoint, List<ExecutionInterceptor> interceptors) {
        return configure(SqsClient.builder().httpClient(httpClient()), region, endpoint, interceptors).build();
    }

    public static software.amazon.awssdk.services.sfn.SfnClient sfn(String region, String endpoint, List<ExecutionInterceptor> interceptors) {
        return configure(software.amazon.awssdk.services.sfn.SfnClient.builder().httpClient(httpClient()), region, endpoint, interceptors).build();
    }

    /**
     * The URL-connection client as every client here uses it (KeptAliveHttpClient); one per SDK client, as before. It is
     * made aside, while the SDK builds the client around it: the two first-time costs of a cold start, its TLS context and
     * the SDK's service metadata, side by side.
     */
    private static KeptAliveHttpClient httpClient() {
        return KeptAliveHttpClient.madeAside(UrlConnectionHttpClient::create, URL_CONNECTION);
    }

    /** What {@link UrlConnectionHttpClient#clientName()} answers (KeptAliveHttpClientTest checks it). */
    static final String URL_CONNECTION = "UrlConnection";

    /** S3 with path-style addressing when an endpoint (S3Proxy) is given. */
    public static S3Client s3(String region, String endpoint) {
        return s3(region, endpoint, List.of());
    }

    public static S3Client s3(String region, String endpoint, List<ExecutionInterceptor> interceptors) {
        var builder = configure(S3Client.builder().httpClient(httpClient()), region, endpoint, interceptors);
        if (endpoint != null && !endpoint.isBlank()) builder.forcePathStyle(true);
        return builder.build();
    }

    /**
     * Presigns requests for the same S3 the functions reach (path-style with an endpoint, as {@link #s3}). A
     * presigned URL is authorized as its signer when it is used; with an endpoint (the local runtime) the signer
     * is {@code localKey}, the key by which the local S3 knows the function's role.
     */
    public static S3Presigner s3Presigner(String region, String endpoint, String localKey) {
        var builder = S3Presigner.builder().region(Region.of(region));
        if (endpoint != null && !endpoint.isBlank()) {
            builder.endpointOverride(URI.create(endpoint))
                    .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build())
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(localKey, "local")));
        } else {
            builder.credentialsProvider(lambdaCredentials());
        }
        return builder.build();
    }

    private static <B extends AwsClientBuilder<B, ?>> B configure(B builder, String region, String endpoint, List<ExecutionInterceptor> interceptors) {
        builder.region(Region.of(region));
        if (!interceptors.isEmpty()) builder.overrideConfiguration(c -> interceptors.forEach(c::addExecutionInterceptor));
        if (endpoint == null || endpoint.isBlank()) return builder.credentialsProvider(lambdaCredentials());
        return builder.endpointOverride(URI.create(endpoint)).credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")));
    }

    /**
     * Where Lambda puts the function's credentials: a function restored from a SnapStart snapshot has no
     * key variables but the container credentials endpoint ({@code AWS_CONTAINER_CREDENTIALS_FULL_URI});
     * any other has {@code AWS_ACCESS_KEY_ID} and friends.
     */
    static AwsCredentialsProvider lambdaCredentials() {
        String full = System.getenv("AWS_CONTAINER_CREDENTIALS_FULL_URI");
        return full != null && !full.isBlank() ? ContainerCredentialsProvider.create() : EnvironmentVariableCredentialsProvider.create();
    }
}
