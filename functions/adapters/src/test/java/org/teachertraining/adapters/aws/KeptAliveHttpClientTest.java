package org.teachertraining.adapters.aws;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A stale kept-alive connection, injected: the first call fails as the URL-connection client fails while sending a body
 * (an UncheckedIOException around "Unexpected end of file from server"), the next one answers. And small POSTs sent
 * buffered: over a real HTTP server, their bodies and lengths arrive as sent, on one kept-alive connection.
 */
class KeptAliveHttpClientTest {
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
    void throughKeptAliveHttpClientTheSdkRetriesIt() {
        var http = new StaleOnce();
        try (var client = dynamoDb(new KeptAliveHttpClient(http))) {
            getItem(client);
        }
        assertEquals(2, http.calls.get());
    }

    @Test
    void aClientMadeAsideIsBuiltAroundAtOnceAndItsRequestsWaitForIt() throws Exception {
        var release = new CountDownLatch(1);
        var http = new StaleOnce();
        var madeOn = new AtomicReference<Thread>();
        var aside = KeptAliveHttpClient.madeAside(() -> {
            madeOn.set(Thread.currentThread());
            await(release);
            return http;
        }, "Stale");
        // the SDK builds its client and asks the name while the HTTP client is still being made
        try (var client = dynamoDb(aside)) {
            assertEquals("Stale", aside.clientName());
            var request = CompletableFuture.runAsync(() -> getItem(client));
            Thread.sleep(200);
            assertFalse(request.isDone(), "a request waits for the client it goes through");
            release.countDown();
            request.get(10, TimeUnit.SECONDS);
        }
        assertNotSame(Thread.currentThread(), madeOn.get());
        assertTrue(madeOn.get().isDaemon(), "a thread left making it does not keep the JVM alive");
        assertEquals(2, http.calls.get(), "and the stale connection's failure is retried as before");
    }

    @Test
    void aClientThatCouldNotBeMadeFailsEveryRequestWithItsCause() {
        var aside = KeptAliveHttpClient.madeAside(() -> {
            throw new IllegalStateException("no TLS context here");
        }, "Broken");
        try (var client = dynamoDb(aside)) {
            for (int i = 0; i < 2; i++) {
                var failure = assertThrows(RuntimeException.class, () -> getItem(client));
                assertTrue(causes(failure).contains("no TLS context here"), causes(failure));
            }
        } catch (IllegalStateException closing) {
            assertEquals("no TLS context here", closing.getMessage(), "closing it fails the same way");
        }
    }

    @Test
    void urlConnectionAsAwsClientsNamesIt() {
        try (var http = UrlConnectionHttpClient.create()) {
            assertEquals(http.clientName(), AwsClients.URL_CONNECTION, "the name the SDK is told before the client is made");
        }
    }

    private static String causes(Throwable e) {
        var out = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) out.append(t).append(" <- ");
        return out.toString();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    static HttpExecuteRequest post(int bodyBytes, String... headers) {
        return post(URI.create("http://127.0.0.1:9/"), bodyBytes, headers);
    }

    /** A POST of {@code bodyBytes} x's to {@code uri}, with its Content-Length, as the SDK hands it to its HTTP client. */
    static HttpExecuteRequest post(URI uri, int bodyBytes, String... headers) {
        var body = "x".repeat(bodyBytes).getBytes(StandardCharsets.UTF_8);
        var http = SdkHttpRequest.builder().method(SdkHttpMethod.POST).uri(uri).putHeader("Content-Length", String.valueOf(body.length));
        for (int i = 0; i < headers.length; i += 2) http.putHeader(headers[i], headers[i + 1]);
        return HttpExecuteRequest.builder().request(http.build()).contentStreamProvider(ContentStreamProvider.fromByteArray(body)).build();
    }

    @Test
    void aSmallPostLosesItsContentLengthSoItIsNotStreamed() {
        var small = KeptAliveHttpClient.buffered(post(1000, "X-Amz-Target", "DynamoDB_20120810.GetItem"));
        assertTrue(small.httpRequest().firstMatchingHeader("Content-Length").isEmpty());
        assertEquals("DynamoDB_20120810.GetItem", small.httpRequest().firstMatchingHeader("X-Amz-Target").orElseThrow());
        assertTrue(small.contentStreamProvider().isPresent());
        var limit = KeptAliveHttpClient.buffered(post((int) KeptAliveHttpClient.BUFFERED_AT_MOST));
        assertTrue(limit.httpRequest().firstMatchingHeader("Content-Length").isEmpty(), "exactly the limit is still buffered");
    }

    @Test
    void largeBodiesExpectContinueAndOtherMethodsAreLeftAsTheyAre() {
        var large = post((int) KeptAliveHttpClient.BUFFERED_AT_MOST + 1);
        assertSame(large, KeptAliveHttpClient.buffered(large));
        var expecting = post(10, "Expect", "100-continue");
        assertSame(expecting, KeptAliveHttpClient.buffered(expecting));
        var put = HttpExecuteRequest.builder().request(post(10).httpRequest().toBuilder().method(SdkHttpMethod.PUT).build())
                .contentStreamProvider(ContentStreamProvider.fromUtf8String("0123456789")).build();
        assertSame(put, KeptAliveHttpClient.buffered(put));
        var unreadable = post(10).httpRequest().toBuilder().putHeader("Content-Length", "ten").build();
        var odd = HttpExecuteRequest.builder().request(unreadable).contentStreamProvider(ContentStreamProvider.fromUtf8String("0123456789")).build();
        assertSame(odd, KeptAliveHttpClient.buffered(odd));
    }

    @Test
    void bufferedPostsArriveWholeOnOneKeptAliveConnection() throws Exception {
        var server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        var received = new ArrayList<String>();
        var peers = new HashSet<InetSocketAddress>();
        server.createContext("/", exchange -> {
            var body = exchange.getRequestBody().readAllBytes();
            synchronized (received) {
                received.add(exchange.getRequestHeaders().getFirst("Content-Length") + ":" + body.length + ":" + new String(body, StandardCharsets.UTF_8).chars().distinct().count());
                peers.add(exchange.getRemoteAddress());
            }
            exchange.sendResponseHeaders(200, 2);
            exchange.getResponseBody().write("{}".getBytes(StandardCharsets.UTF_8));
            exchange.close();
        });
        server.start();
        try (var client = new KeptAliveHttpClient(UrlConnectionHttpClient.create())) {
            var uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
            for (int size : new int[] {1, 700, 70_000, 5}) assertEquals(200, send(client, post(uri, size)));
        } finally {
            server.stop(0);
        }
        assertEquals(List.of("1:1:1", "700:700:1", "70000:70000:1", "5:5:1"), received, "Content-Length as sent and the whole body");
        assertEquals(1, peers.size(), "one kept-alive connection for all four: " + peers);
    }

    /**
     * A server that answers each request with keep-alive and then closes the connection without saying so, as an
     * emulator or a load balancer drops an idle one: without the probe, the next POST goes out on that dead connection.
     * It must still be answered: {@code HttpURLConnection} sends a buffered POST again on a new connection.
     */
    @Test
    void aPostOnAConnectionTheServerDroppedIsSentAgainOnANewOne() throws Exception {
        var bodies = new CopyOnWriteArrayList<String>();
        var connections = new AtomicInteger();
        try (var server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            var serving = new Thread(() -> {
                while (!server.isClosed()) {
                    try (var socket = server.accept()) {
                        connections.incrementAndGet();
                        var in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
                        int length = 0;
                        for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
                            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) length = Integer.parseInt(line.substring(15).trim());
                        }
                        var body = new byte[length];
                        in.readFully(body);
                        bodies.add(new String(body, StandardCharsets.UTF_8));
                        socket.getOutputStream().write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: keep-alive\r\n\r\n{}".getBytes(StandardCharsets.UTF_8));
                        socket.getOutputStream().flush();
                        Thread.sleep(50);   // the client has read the answer and kept the connection: now drop it
                    } catch (Exception e) {
                        if (server.isClosed()) return;
                    }
                }
            });
            serving.setDaemon(true);
            serving.start();
            try (var client = new KeptAliveHttpClient(UrlConnectionHttpClient.create())) {
                var uri = URI.create("http://127.0.0.1:" + server.getLocalPort() + "/");
                for (int i = 0; i < 3; i++) {
                    Thread.sleep(150);   // the server has dropped the connection the last answer came on
                    assertEquals(200, send(client, post(uri, 10 + i)));
                }
            }
        }
        assertEquals(List.of("x".repeat(10), "x".repeat(11), "x".repeat(12)), bodies, "each POST answered once, whole");
        assertTrue(connections.get() >= 3, "a new connection for each: " + connections.get());
    }

    /** Sends the request and reads its answer to the end (so the connection goes back to be kept alive); its status. */
    private static int send(SdkHttpClient client, HttpExecuteRequest request) throws IOException {
        var response = client.prepareRequest(request).call();
        try (var body = response.responseBody().orElseThrow()) {
            body.readAllBytes();
        }
        return response.httpResponse().statusCode();
    }

    private static String readLine(DataInputStream in) throws IOException {
        var line = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) throw new EOFException();
            if (c != '\r') line.append((char) c);
        }
        return line.toString();
    }
}
