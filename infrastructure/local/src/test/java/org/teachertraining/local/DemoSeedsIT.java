package org.teachertraining.local;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** --demo loads a living 2020 Henan program (projects, quotas, teachers, enrollments, a banned teacher) and the year before it run to its end. */
class DemoSeedsIT {

    static JsonNode get(HttpClient http, LocalRuntime runtime, String path, String token) throws Exception {
        var b = HttpRequest.newBuilder(runtime.api().resolve(path));
        if (token != null) b.header("Authorization", "Bearer " + token);
        var r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), path + ": " + r.body());
        return Api.JSON.readTree(r.body());
    }

    static HttpResponse<String> send(HttpClient http, LocalRuntime runtime, String method, String path, String token, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(runtime.api().resolve(path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static String token(HttpClient http, LocalRuntime runtime, String claims) throws Exception {
        return Api.JSON.readTree(http.send(HttpRequest.newBuilder(runtime.api().resolve("/dev/tokens")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(claims)).build(), HttpResponse.BodyHandlers.ofString()).body()).get("token").asText();
    }

    /**
     * The server listens before the demo has loaded, and the demo moves the clock (2019, then 2020): until the runtime has
     * started whole, every request is asked to come back (503, Retry-After), so no token is minted on a clock about to
     * jump. A poller asks from before the start to after it.
     */
    @Test
    void requestsWhileTheRuntimeStartsAreAskedToComeBack(@TempDir Path root) throws Exception {
        Api.copyTemplate(root);
        int port = Api.freePort();
        var http = HttpClient.newBuilder().connectTimeout(java.time.Duration.ofSeconds(1)).build();
        var tokenRequest = HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + "/dev/tokens")).header("Content-Type", "application/json")
                .header("Accept-Language", "en").POST(HttpRequest.BodyPublishers.ofString("{\"sub\":\"early\",\"role\":\"PROVINCE_ADMIN\",\"jurisdiction\":\"410000\"}")).build();
        var answers = new java.util.concurrent.ConcurrentLinkedQueue<HttpResponse<String>>();
        var started = new java.util.concurrent.atomic.AtomicBoolean();
        var poller = Thread.ofPlatform().start(() -> {
            while (!started.get()) {
                try {
                    answers.add(http.send(tokenRequest, HttpResponse.BodyHandlers.ofString()));
                } catch (java.io.IOException refused) {
                    // not listening yet
                } catch (InterruptedException e) {
                    return;
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        try (var runtime = LocalRuntime.start(new LocalRuntime.Options(root, port, false, true, true))) {
            started.set(true);
            poller.join();
            // a request the poller sent as the gate opened, before start() returned, is answered: those come last
            var asked = answers.stream().takeWhile(r -> r.statusCode() != 200).toList();
            assertTrue(!asked.isEmpty(), "the server answered nothing while the demo loaded");
            assertTrue(answers.stream().skip(asked.size()).allMatch(r -> r.statusCode() == 200), "a 503 after the runtime had answered");
            for (var r : asked) {
                assertEquals(503, r.statusCode(), r.body());
                assertEquals("application/problem+json", r.headers().firstValue("Content-Type").orElse(""));
                assertEquals(StartingGate.RETRY_AFTER_SECONDS, r.headers().firstValue("Retry-After").orElse(""));
                assertTrue(r.body().contains("still starting"), r.body());
            }
            var after = http.send(tokenRequest, HttpResponse.BodyHandlers.ofString());
            assertEquals(200, after.statusCode(), after.body());
            String token = Api.JSON.readTree(after.body()).get("token").asText();
            assertEquals(200, http.send(HttpRequest.newBuilder(runtime.api().resolve("/programs")).header("Authorization", "Bearer " + token).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode());
        } finally {
            started.set(true);
            poller.join();
        }
    }

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
            // 名额到校: the school the sign-in page offers reads its own seats of the rural backbone project, and has teachers
            String school = Api.JSON.readTree(http.send(HttpRequest.newBuilder(runtime.api().resolve("/dev/tokens"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"sub\":\"s\",\"role\":\"SCHOOL_ADMIN\",\"jurisdiction\":\"" + DemoSeeds.DEMO_SCHOOL + "\"}")).build(),
                    HttpResponse.BodyHandlers.ofString()).body()).get("token").asText();
            String backbone = null;
            for (var p : projects) if (p.get("code").asText().equals("HN2020-04")) backbone = p.get("id").asText();
            var seats = Api.JSON.readTree(http.send(HttpRequest.newBuilder(runtime.api().resolve("/projects/" + backbone + "/quotas"))
                    .header("Authorization", "Bearer " + school).build(), HttpResponse.BodyHandlers.ofString()).body());
            assertEquals(1, seats.size(), seats.toString());
            assertEquals(4, seats.get(0).get("seats").asInt(), seats.toString());
            var teachers = Api.JSON.readTree(http.send(HttpRequest.newBuilder(runtime.api().resolve("/teachers?jurisdiction=" + DemoSeeds.DEMO_SCHOOL))
                    .header("Authorization", "Bearer " + school).build(), HttpResponse.BodyHandlers.ofString()).body());
            assertTrue(teachers.get("items").size() > 0, teachers.toString());

            // the year before, run to its end: the ranking published, the bottom flagged, one eliminated
            String previous = demo.replaceAll(".*2019: program ([0-9a-f-]{36}).*", "$1");
            var published = get(http, runtime, "/programs/" + previous + "/published-ranking", null);
            assertEquals(2, published.get("categories").size(), published.toString());
            for (var c : published.get("categories")) {
                var last = c.get("institutions").get(3);
                assertTrue(last.get("flagged").asBoolean(), c.toString());
                assertEquals(c.get("category").asText().equals("乡村教师") ? "ZKNU" : "XYNU", last.get("institutionId").asText(), c.toString());
                assertEquals(c.get("category").asText().equals("乡村教师"), last.get("eliminated").asBoolean(), c.toString());
            }
            String province = token(http, runtime, "{\"sub\":\"d\",\"role\":\"PROVINCE_ADMIN\",\"jurisdiction\":\"410000\"}");
            // the banned teacher's appeal waits on the province's queue (E4a), the ban in force meanwhile
            var appeals = get(http, runtime, "/integrity-records", province).get("items");
            assertEquals(1, appeals.size(), appeals.toString());
            assertEquals("APPEALED", appeals.get(0).get("recourse").asText(), appeals.toString());
            assertTrue(appeals.get(0).get("banning").asBoolean(), appeals.toString());
            assertTrue(demo.contains("banned teacher " + appeals.get(0).get("teacherId").asText()), demo);
            // its record cites a project of the year before, which the console names (a dangling ID had shown as it was)
            var cited = get(http, runtime, "/projects/" + appeals.get(0).get("projectId").asText(), province);
            assertEquals(previous, cited.get("programId").asText(), cited.toString());
            var standing = get(http, runtime, "/programs/" + programId + "/institution-standing", province);
            assertEquals(previous, standing.get("previous").get("programId").asText(), standing.toString());
            assertEquals("ZKNU", standing.get("eliminations").get(0).get("institutionId").asText(), standing.toString());

            // P1 over HTTP on the running program: weights must sum to 100, no confirmation before every completion, and an
            // eliminated institution is not given its category again without a reason
            var badPolicy = send(http, runtime, "PUT", "/programs/" + programId + "/performance-policy", province,
                    "{\"weights\":{\"EXPERT_SUPERVISION\":50,\"TRAINEE_RATINGS\":20,\"DELIVERABLES\":20,\"STAKEHOLDER_RATINGS\":15,"
                            + "\"QUOTA_FILL\":5,\"REPORT_RATE\":5,\"COMPLETION_RATE\":5},\"elimination\":{\"bottom\":1}}");
            assertEquals(400, badPolicy.statusCode(), badPolicy.body());
            var early = send(http, runtime, "POST", "/programs/" + programId + "/institution-ranking/confirmation", province, "{\"eliminate\":[]}");
            assertEquals(409, early.statusCode(), early.body());
            assertEquals("P1", Api.JSON.readTree(early.body()).get("rule").asText());
            String zknu = "{\"code\":\"HN2020-ZK\",\"name\":\"乡村教师培训\",\"category\":\"乡村教师\",\"phases\":[{\"kind\":\"CENTRALIZED\",\"days\":5}],"
                    + "\"totalHours\":40,\"classSize\":50,\"institutionId\":\"ZKNU\",\"selectionCutoff\":\"2020-09-25T23:59:59+08:00\","
                    + "\"startDate\":\"2020-10-12\",\"endDate\":\"2020-10-16\"";
            var refusedAssignment = send(http, runtime, "POST", "/programs/" + programId + "/projects", province, zknu + "}");
            assertEquals(409, refusedAssignment.statusCode(), refusedAssignment.body());
            assertEquals("P1", Api.JSON.readTree(refusedAssignment.body()).get("rule").asText());
            var inLowerCase = send(http, runtime, "POST", "/programs/" + programId + "/projects", province,
                    zknu.replace("\"ZKNU\"", "\"zknu\"").replace("HN2020-ZK", "HN2020-ZK2") + "}");
            assertEquals(409, inLowerCase.statusCode(), "the ID in another case is the institution eliminated: " + inLowerCase.body());
            var overridden = send(http, runtime, "POST", "/programs/" + programId + "/projects", province, zknu + ",\"eliminationOverride\":\"整改后经省教育厅复核验收合格，准予承担本类项目\"}");
            assertEquals(201, overridden.statusCode(), overridden.body());

            // Xinyang's 2019 results (the credits are posted from the queue: wait for them), the province's T1 share
            JsonNode results;
            long deadline = System.currentTimeMillis() + 60_000;
            do {
                results = get(http, runtime, "/jurisdictions/411500/results?year=2019", token).get("unit");
                if (results.get("completed").asInt() == 56) break;
                Thread.sleep(250);
            } while (System.currentTimeMillis() < deadline);
            assertEquals(64, results.get("enrolled").asInt(), results.toString());
            assertEquals(100.0, results.get("fillPercent").asDouble(), results.toString());
            assertEquals(56, results.get("completed").asInt(), results.toString());
            assertEquals(87.5, results.get("completionPercent").asDouble(), results.toString());
            var share = get(http, runtime, "/jurisdictions/410000/high-end-shares?year=2020", province).get("unit");
            assertEquals(40_800, share.get("target").asInt(), share.toString());
            assertEquals(29, share.get("trained").asInt(), share.toString());

            // the running year: F3 records (新县 short), a 1+10+100 community
            var budgets = get(http, runtime, "/jurisdictions/411500/training-budgets?year=2020", token);
            assertEquals("411523", budgets.get("belowMinimum").get(0).get("jurisdiction").asText(), budgets.toString());
            var coverage = get(http, runtime, "/jurisdictions/411523/mentoring-coverage?year=2020", token);
            assertEquals(3, coverage.get("backbones").asInt(), coverage.toString());
            assertEquals(6, coverage.get("newTeachers").asInt(), coverage.toString());
        }
    }
}
