package org.teachertraining.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Data persists under .local/ across restarts of the local runtime; --clean starts from nothing. */
class PersistenceIT {

    @Test
    void aProgramSurvivesARestart_andCleanRemovesIt(@TempDir Path root) throws Exception {
        Api.copyTemplate(root);
        String programId, token;
        try (var first = LocalRuntime.start(new LocalRuntime.Options(root, 0, false, false, false))) {
            token = token(first.api());
            programId = Api.JSON.readTree(send(first.api(), "POST", "/programs", token,
                    "{\"year\":2026,\"level\":\"CITY\",\"name\":\"信阳市市培\",\"jurisdiction\":\"411500\"}").body()).get("id").asText();
        }
        try (var second = LocalRuntime.start(new LocalRuntime.Options(root, 0, false, false, false))) {
            // the token signing secret persists too: a token minted before the restart still works
            assertEquals(200, send(second.api(), "GET", "/programs/" + programId, token, null).statusCode());
        }
        try (var clean = LocalRuntime.start(new LocalRuntime.Options(root, 0, true, false, false))) {
            assertEquals(404, send(clean.api(), "GET", "/programs/" + programId, token(clean.api()), null).statusCode());
        }
    }

    private static String token(URI api) throws Exception {
        var r = send(api, "POST", "/dev/tokens", null, "{\"sub\":\"xy\",\"role\":\"CITY_ADMIN\",\"jurisdiction\":\"411500\"}");
        return Api.JSON.readTree(r.body()).get("token").asText();
    }

    private static HttpResponse<String> send(URI api, String method, String path, String token, String body) throws Exception {
        var b = HttpRequest.newBuilder(api.resolve(path)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) b.header("Content-Type", "application/json");
        if (token != null) b.header("Authorization", "Bearer " + token);
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
