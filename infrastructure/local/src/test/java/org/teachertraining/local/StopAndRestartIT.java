package org.teachertraining.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The local runtime as a person runs it, in its own process with data under a root of its own: a polite
 * stop (SIGTERM, what Ctrl-C sends as SIGINT ends the same way) ends it within seconds and frees the port,
 * and what it acknowledged is there after a restart; so is what it acknowledged before a kill -9.
 */
class StopAndRestartIT {

    record Child(Process process, int port) {
        URI api() {
            return URI.create("http://127.0.0.1:" + port);
        }
    }

    static Child start(Path root) throws Exception {
        int port = Emulators.freePort();
        var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), LocalRuntime.class.getName(),
                "--root", root.toString(), "--port", Integer.toString(port)).redirectErrorStream(true).start();
        var ready = new CompletableFuture<Void>();
        var reader = new Thread(() -> {
            try (var in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    if (line.contains("Teacher training platform")) ready.complete(null);
                }
            } catch (Exception ignored) {
                // the process ended
            }
            ready.completeExceptionally(new AssertionError("the runtime ended before it served"));
        });
        reader.setDaemon(true);
        reader.start();
        ready.get(120, TimeUnit.SECONDS);
        return new Child(process, port);
    }

    static Api api(Child c) {
        return new Api(c.api());
    }

    @Test
    void aPoliteStopEndsWithinSecondsAndKeepsWhatWasAcknowledged_soDoesKillNine(@TempDir Path root) throws Exception {
        Api.copyTemplate(root);
        var first = start(root);
        var api = api(first);
        String province = api.token("sr-province", "PROVINCE_ADMIN", "410000");
        String xinyang = api.token("sr-xinyang", "CITY_ADMIN", "411500");
        String project = api.project(province, "STOP-1", null);
        assertEquals(200, api.send("PUT", "/projects/" + project + "/quotas/411500", province, "{\"seats\":10}").status());
        var csv = Api.teachersCsv("SR-", "411523", 4).getBytes(StandardCharsets.UTF_8);
        assertEquals(200, api.sendBytesAsync("POST", "/teachers:import", xinyang, csv, "text/csv").get().status());
        assertEquals(201, api.send("POST", "/projects/" + project + "/enrollments", xinyang, "{\"teacherId\":\"SR-0\"}").status());

        long asked = System.nanoTime();
        first.process().destroy();   // SIGTERM
        assertTrue(first.process().waitFor(10, TimeUnit.SECONDS), "the runtime did not stop within 10 s of SIGTERM");
        System.out.printf("stop: SIGTERM to exit in %d ms%n", (System.nanoTime() - asked) / 1_000_000);

        var second = start(root);
        api = api(second);
        province = api.token("sr-province", "PROVINCE_ADMIN", "410000");
        xinyang = api.token("sr-xinyang", "CITY_ADMIN", "411500");
        var kept = api.send("GET", "/projects/" + project + "/enrollments", xinyang, null).json().get("items");
        assertEquals(1, kept.size(), kept.toString());
        assertEquals(201, api.send("POST", "/projects/" + project + "/enrollments", xinyang, "{\"teacherId\":\"SR-1\"}").status());
        second.process().destroyForcibly();   // kill -9, right after the acknowledgement
        second.process().waitFor(10, TimeUnit.SECONDS);

        var third = start(root);
        try {
            api = api(third);
            xinyang = api.token("sr-xinyang", "CITY_ADMIN", "411500");
            var afterKill = api.send("GET", "/projects/" + project + "/enrollments", xinyang, null).json().get("items");
            assertEquals(2, afterKill.size(), afterKill.toString());
            var quotas = api.send("GET", "/projects/" + project + "/quotas", xinyang, null).json();
            assertEquals(2, quotas.get(0).get("enrolled").asInt(), quotas.toString());
        } finally {
            third.process().destroy();
            third.process().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
