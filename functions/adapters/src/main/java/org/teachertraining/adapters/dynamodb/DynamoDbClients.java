package org.teachertraining.adapters.dynamodb;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.net.URI;

/**
 * The DynamoDB client every function uses: the lightweight URL-connection HTTP client, the region of the
 * Lambda environment, credentials from its environment variables; with an endpoint (the local runtime)
 * DynamoDB Local with dummy credentials.
 */
public final class DynamoDbClients {
    private DynamoDbClients() {}

    public static DynamoDbClient create(String region, String endpoint) {
        var builder = DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create()).region(Region.of(region));
        if (endpoint == null || endpoint.isBlank()) {
            return builder.credentialsProvider(EnvironmentVariableCredentialsProvider.create()).build();
        }
        return builder.endpointOverride(URI.create(endpoint))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"))).build();
    }
}
