package org.teachertraining.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * A small HTTP client for the integration tests, against one shared local runtime (in memory, on a
 * free port) that the test classes start once per JVM.
 */
final class Api {
    static final ObjectMapper JSON = new ObjectMapper();
    private static LocalRuntime runtime;

    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
    final URI base;

    record Response(int status, String body, String contentType) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (Exception e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    Api(URI base) {
        this.base = base;
    }

    static synchronized Api shared() throws Exception {
        if (runtime == null) {
            runtime = LocalRuntime.start(new LocalRuntime.Options(LocalRuntime.findRoot(), 0, false, false, true));
            // in memory and on daemon-free ports: nothing to clean up when the test JVM exits
        }
        return new Api(runtime.api());
    }

    /** template.yaml and the files it names (the state machines' definitions) under another root. */
    /**
     * A port free now, for a runtime started in its own process with {@code --port}, where a test must know the port
     * before the runtime names it. It is not held: it could be taken before the runtime binds it.
     */
    static int freePort() throws java.io.IOException {
        try (var socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static void copyTemplate(java.nio.file.Path root) throws java.io.IOException {
        var from = LocalRuntime.findRoot();
        java.nio.file.Files.copy(from.resolve("template.yaml"), root.resolve("template.yaml"));
        var machines = root.resolve("infrastructure/statemachines");
        java.nio.file.Files.createDirectories(machines);
        try (var files = java.nio.file.Files.list(from.resolve("infrastructure/statemachines"))) {
            for (var f : files.toList()) java.nio.file.Files.copy(f, machines.resolve(f.getFileName().toString()));
        }
    }

    static LocalRuntime runtime() {
        return runtime;
    }

    String token(String sub, String role, String jurisdiction) throws Exception {
        var r = send("POST", "/dev/tokens", null, "{\"sub\":\"" + sub + "\",\"role\":\"" + role + "\",\"jurisdiction\":\"" + jurisdiction + "\"}");
        if (r.status() != 200) throw new AssertionError(r.toString());
        return r.json().get("token").asText();
    }

    Response send(String method, String path, String token, String body, String... headers) throws Exception {
        return sendAsync(method, path, token, body, headers).get();
    }

    /**
     * Sends one request {@code times} times at once, as a client retrying would: exactly one must answer 201 and the
     * others 200, all with the same record. Returns that record's ID, as {@code id} reads it from an answer.
     */
    String createdOnce(int times, String method, String path, String token, String body, java.util.function.Function<JsonNode, JsonNode> id,
                       String... headers) throws Exception {
        var racing = new java.util.ArrayList<CompletableFuture<Response>>();
        for (int i = 0; i < times; i++) racing.add(sendAsync(method, path, token, body, headers));
        var ids = new java.util.HashSet<String>();
        int created = 0;
        for (var f : racing) {
            var r = f.get();
            org.junit.jupiter.api.Assertions.assertTrue(r.status() == 201 || r.status() == 200, r.toString());
            if (r.status() == 201) created++;
            ids.add(id.apply(r.json()).asText());
        }
        org.junit.jupiter.api.Assertions.assertEquals(1, created, "created once");
        org.junit.jupiter.api.Assertions.assertEquals(1, ids.size(), "one record: " + ids);
        return ids.iterator().next();
    }

    CompletableFuture<Response> sendAsync(String method, String path, String token, String body, String... headers) {
        return sendBytesAsync(method, path, token, body == null ? null : body.getBytes(StandardCharsets.UTF_8), "application/json", headers);
    }

    CompletableFuture<Response> sendBytesAsync(String method, String path, String token, byte[] body, String contentType, String... headers) {
        var b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (body != null) b.header("Content-Type", contentType);
        if (token != null) b.header("Authorization", "Bearer " + token);
        for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        boolean english = false;
        for (int i = 0; i < headers.length; i += 2) english |= headers[i].equalsIgnoreCase("Accept-Language") && headers[i + 1].startsWith("en");
        boolean chinese = !english;
        return http.sendAsync(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                .thenApply(r -> new Response(r.statusCode(), r.body(), r.headers().firstValue("Content-Type").orElse("")))
                .thenApply(r -> chinese ? readsAsChinese(method + " " + path, r) : r);
    }

    /**
     * Three English words in a row: a sentence left untranslated (a framework's message, say); or a Java list of codes
     * printed as it is ("[PDF]").
     */
    private static final java.util.regex.Pattern ENGLISH_PHRASE = java.util.regex.Pattern.compile(
            "\\b[A-Za-z]{2,} [A-Za-z]{2,} [A-Za-z]{2,}\\b|\\[[A-Z][A-Z0-9_]*(, [A-Z][A-Z0-9_]*)*]");

    /**
     * Every refusal any integration test receives in zh-CN is checked here: its title, detail and
     * field messages name things in Chinese, with no code of {@code Labels} and no English sentence inside.
     */
    static Response readsAsChinese(String request, Response r) {
        if (!r.contentType().startsWith("application/problem+json")) return r;
        var problem = r.json();
        var texts = new java.util.ArrayList<String>();
        for (var member : new String[]{"title", "detail"}) if (problem.hasNonNull(member)) texts.add(problem.get(member).asText());
        if (problem.has("errors")) problem.get("errors").forEach(e -> texts.add(e.path("message").asText()));
        for (var text : texts) {
            var codes = org.teachertraining.core.common.Labels.codesIn(text);
            if (!codes.isEmpty()) throw new AssertionError(request + ": codes " + codes + " inside a Chinese message: " + r.body());
            if (ENGLISH_PHRASE.matcher(text).find()) throw new AssertionError(request + ": English inside a Chinese message: " + r.body());
        }
        return r;
    }

    /** A GET whose answer is a file (an export): status, Content-Type, Content-Disposition and the bytes. */
    record File(int status, String contentType, String disposition, byte[] bytes) {
        String text(java.nio.charset.Charset charset) {
            return new String(bytes, charset);
        }
    }

    File file(String path, String token, String... headers) throws Exception {
        var b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(120)).GET();
        if (token != null) b.header("Authorization", "Bearer " + token);
        for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        var r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        return new File(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.headers().firstValue("Content-Disposition").orElse(""), r.body());
    }

    /** A PROVINCIAL program and a project open for selection (cutoff a month ahead of the runtime's clock). */
    String project(String provinceToken, String code, String extraFields) throws Exception {
        var program = send("POST", "/programs", provinceToken,
                "{\"year\":" + java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).getYear() + ",\"level\":\"PROVINCIAL\",\"name\":\"IT program " + code + "\",\"jurisdiction\":\"410000\"}");
        if (program.status() != 201) throw new AssertionError(program.toString());
        var project = send("POST", "/programs/" + program.json().get("id").asText() + "/projects", provinceToken, projectBody(code, extraFields));
        if (project.status() != 201) throw new AssertionError(project.toString());
        return project.json().get("id").asText();
    }

    static String projectBody(String code, String extraFields) {
        return projectBody(code, extraFields, 0);
    }

    /** A project's body with its cutoff, start and end {@code laterByDays} days later than {@link #projectBody(String, String)}'s. */
    static String projectBody(String code, String extraFields, int laterByDays) {
        var now = java.time.OffsetDateTime.now(java.time.ZoneOffset.ofHours(8)).plusDays(laterByDays);
        return "{\"code\":\"" + code + "\",\"name\":\"乡村骨干教师素质提升培训项目\",\"category\":\"乡村教师\","
                + "\"eligibility\":{\"schoolLocations\":[\"RURAL\",\"TOWN\"],\"minTeachingYears\":5},"
                + "\"phases\":[{\"kind\":\"CENTRALIZED\",\"days\":8},{\"kind\":\"ONLINE\",\"hours\":30}],"
                + "\"totalHours\":94,\"classSize\":50,\"institutionId\":\"HENU\","
                + "\"selectionCutoff\":\"" + now.plusDays(30).withNano(0) + "\","
                + "\"startDate\":\"" + now.plusDays(40).toLocalDate() + "\",\"endDate\":\"" + now.plusDays(55).toLocalDate() + "\""
                + (extraFields == null ? "" : "," + extraFields) + "}";
    }

    /** {@code projectBody}'s project capped at {@code max} national projects a teacher since {@code sinceYear} (E5). */
    static String withNationalCap(String projectBody, int max, int sinceYear) {
        String eligibility = "\"minTeachingYears\":5}";
        if (!projectBody.contains(eligibility)) throw new IllegalArgumentException("not a body of projectBody: " + projectBody);
        return projectBody.replace(eligibility, "\"minTeachingYears\":5,\"nationalParticipationCap\":{\"max\":" + max + ",\"sinceYear\":" + sinceYear + "}}");
    }

    /** Every page of a list as {@code token}'s holder reads it, following each page's {@code nextCursor} (at most 20 pages). */
    java.util.List<JsonNode> pages(String pathAndQuery, String token) throws Exception {
        var pages = new java.util.ArrayList<JsonNode>();
        String cursor = null;
        do {
            var r = send("GET", pathAndQuery + (cursor == null ? "" : "&cursor=" + java.net.URLEncoder.encode(cursor, StandardCharsets.UTF_8)), token, null);
            if (r.status() != 200) throw new AssertionError(r.toString());
            pages.add(r.json());
            cursor = r.json().path("nextCursor").isTextual() ? r.json().get("nextCursor").asText() : null;
        } while (cursor != null && pages.size() < 20);
        return pages;
    }

    /** Imports {@link #teachersCsv} over {@code POST /teachers:import} as {@code token}'s holder; anything but 200 fails the test. */
    void importTeachers(String token, String prefix, String county, int count) throws Exception {
        var response = sendBytesAsync("POST", "/teachers:import", token, teachersCsv(prefix, county, count).getBytes(StandardCharsets.UTF_8), "text/csv").get();
        if (response.status() != 200) throw new AssertionError("teacher import: " + response);
    }

    /** CSV of {@code count} eligible rural teachers in a county, ids prefix + number. */
    static String teachersCsv(String prefix, String county, int count) {
        var sb = new StringBuilder("id,name,jurisdiction,stage,subjects,role,schoolLocation,teachingSince\n");
        for (int i = 0; i < count; i++) {
            sb.append(prefix).append(i).append(",教师").append(i).append(',').append(county).append(",PRIMARY,语文,TEACHER,RURAL,2010-09-01\n");
        }
        return sb.toString();
    }
}
