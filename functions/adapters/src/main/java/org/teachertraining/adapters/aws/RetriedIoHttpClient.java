package org.teachertraining.adapters.aws;

import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The URL-connection client as the SDK's retries expect it. While it sends a request's body, the URL-connection client
 * (SDK 2.31.66) throws an I/O failure — typically "Unexpected end of file from server" on a kept-alive connection the
 * server had closed — as an {@link UncheckedIOException}, which the SDK neither wraps nor retries: one such failure
 * failed a credit posting, whose message then waited out the queue's 180 s visibility timeout (BENCHMARKS.md). Here it is
 * rethrown as the {@link IOException} it wraps, which the SDK retries like any other I/O failure, on a new connection.
 */
public final class RetriedIoHttpClient implements SdkHttpClient {
    private final SdkHttpClient delegate;

    public RetriedIoHttpClient(SdkHttpClient delegate) {
        this.delegate = delegate;
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        var prepared = delegate.prepareRequest(request);
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

    @Override
    public String clientName() {
        return delegate.clientName();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
