package org.teachertraining.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** --demo loads a living 2020 Henan program: projects, quotas, teachers, enrollments, a banned teacher. */
class DemoSeedsIT {

    @Test
    void theDemoProgramIsThereAndSelectionIsOpen(@TempDir Path root) throws Exception {
        Api.copyTemplate(root);
        try (var runtime = LocalRuntime.start(new LocalRuntime.Options(root, 0, false, true, true))) {
            String demo = runtime.banner.stream().filter(l -> l.contains("demo")).findFirst().orElseThrow();
            assertTrue(demo.contains("6 projects, 300 teachers"), demo);
            String programId = demo.replaceAll(".*program ([0-9a-f-]{36}).*", "$1");
            var http = HttpClient.newHttpClient();
            String token = Api.JSON.readTree(http.send(HttpRequest.newBuilder(runtime.api().resolve("/dev/tokens"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"sub\":\"d\",\"role\":\"CITY_ADMIN\",\"jurisdiction\":\"411500\"}")).build(),
                    HttpResponse.BodyHandlers.ofString()).body()).get("token").asText();
            var projects = Api.JSON.readTree(http.send(HttpRequest.newBuilder(runtime.api().resolve("/programs/" + programId + "/projects"))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString()).body()).get("items");
            assertEquals(6, projects.size());
            var clock = Api.JSON.readTree(http.send(HttpRequest.newBuilder(runtime.api().resolve("/dev/clock")).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            assertTrue(clock.get("now").asText().startsWith("2020-09-01"), clock.toString());
            for (var p : projects) {
                var quotas = Api.JSON.readTree(http.send(HttpRequest.newBuilder(runtime.api().resolve("/projects/" + p.get("id").asText() + "/quotas"))
                        .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString()).body());
                assertEquals("411500", quotas.get(0).get("jurisdiction").asText());
                assertTrue(quotas.size() >= 4, quotas.toString()); // Xinyang and three of its counties
            }
            int enrolled = Integer.parseInt(demo.replaceAll(".* (\\d+) enrollments.*", "$1"));
            assertTrue(enrolled > 100, demo);
        }
    }
}
