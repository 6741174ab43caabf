package org.teachertraining.local;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;

/**
 * The training run of the local runtime's AOT cache ({@code src/run/local-runtime.sh}): the runtime started as the
 * run command starts it but in memory, on a free port, a few requests of a clerk's first minutes over HTTP, then
 * stopped. The JVM it runs in ({@code -XX:AOTCacheOutput}) keeps every class loaded on the way in the cache, so that
 * the next start finds the emulators, Micronaut, the SDK and the controllers' paths loaded and linked already.
 */
final class AotTraining {
    static final String OPTION = "--aot-training";

    private AotTraining() {}

    static void run(Path root) throws Exception {
        try (var runtime = LocalRuntime.start(new LocalRuntime.Options(root, 0, false, false, true));
             var http = HttpClient.newHttpClient()) {
            URI api = runtime.api();
            String token = send(http, HttpRequest.newBuilder(api.resolve("/dev/tokens")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"sub\":\"training\",\"role\":\"PROVINCE_ADMIN\",\"jurisdiction\":\"410000\"}")));
            token = token.replaceAll("(?s).*\"token\"\\s*:\\s*\"([^\"]+)\".*", "$1");
            for (String path : List.of("/openapi.yaml", "/", "/jurisdictions", "/jurisdictions/410000", "/programs", "/me/notifications")) {
                send(http, HttpRequest.newBuilder(api.resolve(path)).header("Authorization", "Bearer " + token).GET());
            }
        }
    }

    /** The body of the answer; any status is training, but a request that gets none fails the run (no cache then). */
    private static String send(HttpClient http, HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString()).body();
    }
}
