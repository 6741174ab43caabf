package org.teachertraining.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A request gets the time it would get in AWS: the API function's {@code Timeout} from the template (here cut
 * to 2 s), within the HTTP API's 30 s. Past it API Gateway answers for the function that timed out.
 */
class HttpApiTimeoutIT {
    @Test
    void aRequestPastTheFunctionsTimeoutIsApiGatewaysFiveHundred_oneWithinItIsAnswered(@TempDir Path root) throws Exception {
        Path repository = LocalRuntime.findRoot();
        String template = Files.readString(repository.resolve("template.yaml"));
        assertTrue(template.contains("\n    Timeout: 29\n"), "the Globals timeout this test cuts");
        Files.writeString(root.resolve("template.yaml"), template.replace("\n    Timeout: 29\n", "\n    Timeout: 2\n"));
        Path definitions = root.resolve("infrastructure/statemachines");
        Files.createDirectories(definitions);
        try (var files = Files.list(repository.resolve("infrastructure/statemachines"))) {
            for (Path f : files.toList()) Files.copy(f, definitions.resolve(f.getFileName()));
        }
        try (var runtime = LocalRuntime.start(new LocalRuntime.Options(root, 0, false, false, true));
             var http = HttpClient.newHttpClient()) {
            long started = System.nanoTime();
            var late = http.send(post(runtime.api(), 4_000), HttpResponse.BodyHandlers.ofString());
            long tookMillis = (System.nanoTime() - started) / 1_000_000;
            assertEquals(500, late.statusCode(), late.body());
            assertEquals("{\"message\":\"Internal Server Error\"}", late.body());
            assertTrue(tookMillis >= 1_900 && tookMillis < 3_900, "answered at the 2 s timeout, not when the function ended: " + tookMillis + " ms");

            var inTime = http.send(post(runtime.api(), 200), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, inTime.statusCode(), inTime.body());
            assertTrue(!inTime.body().contains("eventLoop"), "a controller blocks its own thread, not Netty's event loop: " + inTime.body());
        }
    }

    @Test
    void theIntegrationTimeoutIsThirtySecondsAndItsAnswerA503() {
        assertEquals(30, HttpApiTimeout.INTEGRATION_TIMEOUT_SECONDS);
        assertEquals(503, HttpApiTimeout.timedOut(30).getStatus().getCode());
        assertEquals(500, HttpApiTimeout.timedOut(29).getStatus().getCode());
    }

    private static HttpRequest post(URI api, int millis) {
        return HttpRequest.newBuilder(api.resolve("/dev/test/sleep/" + millis)).POST(HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(20)).build();
    }
}
