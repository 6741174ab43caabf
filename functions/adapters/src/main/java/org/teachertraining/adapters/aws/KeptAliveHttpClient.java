package org.teachertraining.adapters.aws;

import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpMethod;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * The SDK's URL-connection client (SDK 2.31.66 on the JDK's {@code HttpURLConnection}) as the platform uses its kept-alive
 * connections, two things changed:
 * <ul>
 * <li><b>A stale connection's failure is retried.</b> While it sends a request's body, the URL-connection client throws an
 * I/O failure — typically "Unexpected end of file from server" on a kept-alive connection the server had closed — as an
 * {@link UncheckedIOException}, which the SDK neither wraps nor retries: one such failure failed a credit posting, whose
 * message then waited out the queue's 180 s visibility timeout (BENCHMARKS.md). Here it is rethrown as the
 * {@link IOException} it wraps, which the SDK retries like any other I/O failure, on a new connection.</li>
 * <li><b>A small POST is not streamed.</b> The URL-connection client streams every body of known length
 * ({@code setFixedLengthStreamingMode}); before {@code HttpURLConnection} sends a streamed POST on a kept-alive connection
 * it probes the connection with a read that waits 1 ms and ends in a {@code SocketTimeoutException}. Every DynamoDB and SQS
 * call is a POST: 1 ms and an exception per call, six for an enrollment. For a POST whose body is at most
 * {@value #BUFFERED_AT_MOST} bytes (and that does not ask for {@code Expect: 100-continue}), the {@code Content-Length}
 * header is left out here, after signing, so {@code HttpURLConnection} buffers the body it is handed whole anyway, sends
 * the same {@code Content-Length} itself, and reuses the connection without the probe. The signature still holds: the
 * header goes out with the value that was signed. Without the probe, a POST can go out on a connection the server has
 * dropped; {@code HttpURLConnection} writes a buffered one again on a new connection (KeptAliveHttpClientTest). A larger
 * body is streamed as before.</li>
 * <li><b>The client can be made aside</b> ({@link #madeAside}): on another thread, while the SDK builds the client that
 * uses it, and waited for at its first request. The first HTTP client a JVM makes pays for its TLS context, the JDK's
 * trusted certificates parsed and its cipher suites checked, and the first SDK client for the SDK's metadata of all its
 * services, read to find the signing region: about 40 ms each on a cold JVM, independent of each other (BENCHMARKS.md,
 * "Made side by side").</li>
 * </ul>
 */
public final class KeptAliveHttpClient implements SdkHttpClient {
    /** The largest body sent buffered: DynamoDB's items (400 KB) and SQS's messages (256 KB) fit. */
    static final long BUFFERED_AT_MOST = 1 << 20;

    private final CompletableFuture<SdkHttpClient> delegate;
    private final String clientName;

    public KeptAliveHttpClient(SdkHttpClient delegate) {
        this(CompletableFuture.completedFuture(delegate), delegate.clientName());
    }

    private KeptAliveHttpClient(CompletableFuture<SdkHttpClient> delegate, String clientName) {
        this.delegate = delegate;
        this.clientName = clientName;
    }

    /**
     * The client {@code make} returns, made on a daemon thread of its own from now on; a request waits for it, and a
     * failure to make it is thrown by every request. {@code clientName} is what it will answer to {@link #clientName()},
     * which the SDK asks while it builds its client: known before the client is made, so the build does not wait.
     */
    public static KeptAliveHttpClient madeAside(Supplier<SdkHttpClient> make, String clientName) {
        var made = new CompletableFuture<SdkHttpClient>();
        Thread.ofPlatform().daemon().name("http-client-" + clientName).start(() -> {
            try {
                made.complete(make.get());
            } catch (Throwable e) {
                made.completeExceptionally(e);
            }
        });
        return new KeptAliveHttpClient(made, clientName);
    }

    /** The client requests go through, once it is made. */
    private SdkHttpClient delegate() {
        try {
            return delegate.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error r) throw r;
            throw e;
        }
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        var prepared = delegate().prepareRequest(buffered(request));
        return new ExecutableHttpRequest() {
            @Override
            public HttpExecuteResponse call() throws IOException {
                try {
                    return prepared.call();
                } catch (UncheckedIOException e) {
                    throw e.getCause();
                }
            }

            @Override
            public void abort() {
                prepared.abort();
            }
        };
    }

    /** The request without its {@code Content-Length} when it is a small POST with a body (above); otherwise as it is. */
    static HttpExecuteRequest buffered(HttpExecuteRequest request) {
        var http = request.httpRequest();
        if (http.method() != SdkHttpMethod.POST || request.contentStreamProvider().isEmpty() || http.firstMatchingHeader("Expect").isPresent()) return request;
        var length = http.firstMatchingHeader("Content-Length");
        if (length.isEmpty()) return request;
        try {
            if (Long.parseLong(length.get().trim()) > BUFFERED_AT_MOST) return request;
        } catch (NumberFormatException e) {
            return request;
        }
        var out = HttpExecuteRequest.builder().request(http.toBuilder().removeHeader("Content-Length").build())
                .contentStreamProvider(request.contentStreamProvider().get());
        request.metricCollector().ifPresent(out::metricCollector);
        return out.build();
    }

    @Override
    public String clientName() {
        return clientName;
    }

    @Override
    public void close() {
        delegate().close();
    }
}
