package org.teachertraining.adapters.aws;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.io.ByteArrayInputStream;
import java.io.UncheckedIOException;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A stale kept-alive connection, injected: the first call fails as the URL-connection client fails while sending a body
 * (an UncheckedIOException around "Unexpected end of file from server"), the next one answers.
 */
class RetriedIoHttpClientTest {
    /** Fails its first call that way, then answers every call with an empty GetItem result. */
    static final class StaleOnce implements SdkHttpClient {
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
            return new ExecutableHttpRequest() {
                @Override
                public HttpExecuteResponse call() {
                    if (calls.incrementAndGet() == 1) throw new UncheckedIOException(new SocketException("Unexpected end of file from server"));
                    return HttpExecuteResponse.builder()
                            .response(SdkHttpResponse.builder().statusCode(200).putHeader("Content-Type", "application/x-amz-json-1.0").build())
                            .responseBody(AbortableInputStream.create(new ByteArrayInputStream("{}".getBytes(StandardCharsets.UTF_8)))).build();
                }

                @Override
                public void abort() {}
            };
        }

        @Override
        public void close() {}
    }

    static DynamoDbClient dynamoDb(SdkHttpClient http) {
        return DynamoDbClient.builder().httpClient(http).region(Region.of("cn-north-1")).endpointOverride(URI.create("http://127.0.0.1:9"))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"))).build();
    }

    static void getItem(DynamoDbClient client) {
        client.getItem(b -> b.tableName("TrainingTable").key(Map.of("PK", AttributeValue.fromS("P"), "SK", AttributeValue.fromS("S"))));
    }

    @Test
    void theSdkAloneDoesNotRetryTheUrlConnectionClientsUncheckedIoFailure() {
        var http = new StaleOnce();
        try (var client = dynamoDb(http)) {
            assertThrows(UncheckedIOException.class, () -> getItem(client));
        }
        assertEquals(1, http.calls.get(), "not retried: the message it was posting waited out its visibility timeout");
    }

    @Test
    void throughRetriedIoHttpClientTheSdkRetriesIt() {
        var http = new StaleOnce();
        try (var client = dynamoDb(new RetriedIoHttpClient(http))) {
            getItem(client);
        }
        assertEquals(2, http.calls.get());
    }
}
