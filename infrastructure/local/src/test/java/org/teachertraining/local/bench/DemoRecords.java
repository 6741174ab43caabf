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
 * paths: the project, its funding, its seats, its teachers (BENCHMARKS.md, "The sample events ended at their first read").
 */
record DemoRecords(Map<String, String> byPlaceholder) {
    static final List<String> PROJECT_PLACEHOLDERS = List.of("00000000-0000-0000-0000-000000000000", "5a11671e-fafc-4e75-86a6-df6be6d84d71");
    static final List<String> TEACHER_PLACEHOLDERS = List.of("XX-0001", "XX-0002");
    /** 乡村骨干教师素质提升培训项目, which the notification event names and which has seats in the events' county. */
    static final String PROJECT_CODE = "HN2020-04";
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
        var response = http.send(HttpRequest.newBuilder(api.resolve(path)).header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) throw new IllegalStateException(path + ": " + response.statusCode() + " " + response.body());
        return JSON.readTree(response.body());
    }
}
