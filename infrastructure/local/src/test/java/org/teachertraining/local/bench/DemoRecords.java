package org.teachertraining.local.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.teachertraining.local.LocalRuntime;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Records of the local runtime's demo program ({@code --demo}) for the placeholders of the sample events
 * ({@code events/<Function>/}): their two project IDs and two teacher IDs name nothing in an empty runtime, so every
 * function answered them from its first read ("no such project", a 404) and a cache trained on them, or a start
 * measured with them, saw only that shortcut. Pointed at these records, the same events reach the functions' real
 * paths: the project, its budget, its seats, its teachers, its lifecycle (BENCHMARKS.md, "The sample events ended at their
 * first read"). Getting them submits the project's budget and starts its lifecycle, as its institution would by applying.
 */
record DemoRecords(Map<String, String> byPlaceholder) {
    static final List<String> PROJECT_PLACEHOLDERS = List.of("00000000-0000-0000-0000-000000000000", "5a11671e-fafc-4e75-86a6-df6be6d84d71");
    static final List<String> TEACHER_PLACEHOLDERS = List.of("XX-0001", "XX-0002");
    /** 乡村骨干教师素质提升培训项目, which the notification event names and which has seats in the events' county. */
    static final String PROJECT_CODE = "HN2020-04";
    /** The institution that runs the demo's projects (河南大学), as the credit posting event names it. */
    static final String INSTITUTION = "HENU";
    /** A budget within the demo program's funding standards for the project (50 trainees, 8 days, 30 online hours). */
    static final String BUDGET = "{\"lines\":[{\"category\":\"ACCOMMODATION\",\"amount\":100000,\"justification\":\"50人×8天×250元\"},"
            + "{\"category\":\"MEALS\",\"amount\":60000,\"justification\":\"50人×8天×150元\"},"
            + "{\"category\":\"ONLINE_PLATFORM\",\"amount\":4500,\"justification\":\"50人×30学时×3元\"}]}";
    /** The county of the events' county administrator (新县). */
    static final String COUNTY = "411523";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The records of {@code runtime}, which must have been started with the demo program. */
    static DemoRecords of(LocalRuntime runtime) throws Exception {
        String demo = runtime.banner().stream().filter(line -> line.contains("demo") && line.contains("program ")).findFirst()
                .orElseThrow(() -> new IllegalStateException("the local runtime was started without --demo: " + runtime.banner()));
        String program = demo.replaceAll(".*program ([0-9a-f-]{36}).*", "$1");
        var http = HttpClient.newHttpClient();
        String province = token(http, runtime.api(), "{\"sub\":\"bench\",\"role\":\"PROVINCE_ADMIN\",\"jurisdiction\":\"410000\"}");
        String project = null;
        for (var p : get(http, runtime.api(), "/programs/" + program + "/projects", province).get("items")) {
            if (p.get("code").asText().equals(PROJECT_CODE)) project = p.get("id").asText();
        }
        if (project == null) throw new IllegalStateException("the demo program has no project " + PROJECT_CODE);
        // its budget submitted and its lifecycle started, as its institution does by applying: the funding check then has
        // a budget to check, and the lifecycle events find the project waiting for the province's approval
        String institution = token(http, runtime.api(), "{\"sub\":\"bench\",\"role\":\"INSTITUTION\",\"institutionId\":\"" + INSTITUTION + "\"}");
        send(http, runtime.api(), "PUT", "/projects/" + project + "/budget", institution, BUDGET, 200);
        send(http, runtime.api(), "POST", "/projects/" + project + "/application", institution, "", 202);
        // until its execution waits for the province's approval: its first steps must not run beside the measured starts
        long until = System.nanoTime() + 60_000_000_000L;
        while (!"APPROVAL".equals(get(http, runtime.api(), "/projects/" + project + "/lifecycle", institution).path("waitingFor").asText())) {
            if (System.nanoTime() > until) throw new IllegalStateException("the lifecycle of " + PROJECT_CODE + " did not reach its approval within 60 s: "
                    + get(http, runtime.api(), "/projects/" + project + "/lifecycle", institution));
            Thread.sleep(100);
        }
        // trainees of the project, of the events' county where it has enough: a completion of theirs is credited
        var trainees = get(http, runtime.api(), "/projects/" + project + "/enrollments?jurisdiction=" + COUNTY, province).get("items");
        if (trainees.size() < TEACHER_PLACEHOLDERS.size()) trainees = get(http, runtime.api(), "/projects/" + project + "/enrollments", province).get("items");
        if (trainees.size() < TEACHER_PLACEHOLDERS.size()) throw new IllegalStateException("the demo's " + PROJECT_CODE + " has too few trainees: " + trainees);
        var byPlaceholder = new LinkedHashMap<String, String>();
        for (String placeholder : PROJECT_PLACEHOLDERS) byPlaceholder.put(placeholder, project);
        for (int i = 0; i < TEACHER_PLACEHOLDERS.size(); i++) byPlaceholder.put(TEACHER_PLACEHOLDERS.get(i), trainees.get(i).get("teacherId").asText());
        return new DemoRecords(Map.copyOf(byPlaceholder));
    }

    /** {@code event} with every placeholder replaced by its record. */
    String pointAt(String event) {
        for (var e : byPlaceholder.entrySet()) event = event.replace(e.getKey(), e.getValue());
        return event;
    }

    /** What a function is trained on: its sample events as they are, then those that name placeholders, pointed at the records. */
    List<String> withPointed(List<String> events) {
        var all = new ArrayList<>(events);
        for (String event : events) {
            String pointed = pointAt(event);
            if (!pointed.equals(event)) all.add(pointed);
        }
        return all;
    }

    private static String token(HttpClient http, URI api, String claims) throws Exception {
        var response = http.send(HttpRequest.newBuilder(api.resolve("/dev/tokens")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(claims)).build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body()).get("token").asText();
    }

    private static JsonNode get(HttpClient http, URI api, String path, String token) throws Exception {
        return send(http, api, "GET", path, token, null, 200);
    }

    /** {@code method path} as {@code token}'s caller, with a JSON {@code body} (null: none); anything but {@code expected} fails. */
    private static JsonNode send(HttpClient http, URI api, String method, String path, String token, String body, int expected) throws Exception {
        var request = HttpRequest.newBuilder(api.resolve(path)).header("Authorization", "Bearer " + token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) request.header("Content-Type", "application/json");
        var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) throw new IllegalStateException(method + " " + path + ": " + response.statusCode() + " " + response.body());
        return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
    }
}
