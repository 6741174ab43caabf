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
record DemoRecords(Map<String, String> byPlaceholder, Uploads uploads) {
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
        var credits = runtime.functionEnvironment("CreditPostingFunction");
        var uploads = new Uploads(http, runtime.api(), institution, project, URI.create(credits.endpoint("S3")), credits.require("CERTIFICATES_BUCKET"));
        return new DemoRecords(Map.copyOf(byPlaceholder), uploads);
    }

    /**
     * {@code event} with every placeholder replaced by its record; the sample upload event ({@link Uploads#SAMPLE_KEY}) at
     * a fresh upload instead, made for this call ({@link Uploads#awaited}).
     */
    String pointAt(String event) throws Exception {
        if (event.contains(Uploads.SAMPLE_KEY)) return uploads.awaited(event);
        for (var e : byPlaceholder.entrySet()) event = event.replace(e.getKey(), e.getValue());
        return event;
    }

    /**
     * Uploads that a start of SubmissionProcessingFunction finds awaited, one per event: the sample event names a
     * submission that does not exist, so the function stopped at its first read. Each {@link #awaited} asks the API for a
     * submission of the demo project (its application, a PDF), as its institution does, and stores a one-page PDF of its
     * own (its own SHA-256, so each is a submission of its own) at the submission's key — but in the certificates bucket,
     * whose objects run no function: put in the submissions bucket, the local runtime's own function would decide the
     * submission before the start is handed it. The event names that bucket and key, so the start reads the object,
     * checks its size and digest, opens the PDF and records the submission accepted: its real path. Each start needs its
     * own, as a decided submission is not awaited again.
     */
    record Uploads(HttpClient http, URI api, String institutionToken, String project, URI s3Endpoint, String bucket) {
        /** The sample event's bucket, key and size (events/SubmissionProcessingFunction/object-created.json). */
        static final String SAMPLE_BUCKET = "teacher-training-submissions-123456789012-cn-north-1";
        static final String SAMPLE_KEY = "submissions/00000000-0000-0000-0000-000000000000/HENU/11111111-1111-1111-1111-111111111111";
        static final String SAMPLE_SIZE = "\"size\": 48213";
        private static final java.util.concurrent.atomic.AtomicInteger MADE = new java.util.concurrent.atomic.AtomicInteger();

        /** {@code sample} pointed at a fresh submission of the demo project, awaiting the object it names, which is stored. */
        String awaited(String sample) throws Exception {
            byte[] pdf = pdf("bench upload " + MADE.incrementAndGet() + " " + System.nanoTime());
            String sha256 = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(pdf));
            String body = JSON.writeValueAsString(Map.of("kind", "APPLICATION", "fileName", "application.pdf", "size", pdf.length,
                    "contentType", "application/pdf", "sha256", sha256));
            var created = send(http, api, "POST", "/projects/" + project + "/submissions", institutionToken, body, 201);
            String key = created.path("submission").path("objectKey").asText();
            if (key.isEmpty()) throw new IllegalStateException("no object key in " + created);
            try (var s3 = software.amazon.awssdk.services.s3.S3Client.builder().endpointOverride(s3Endpoint).forcePathStyle(true)
                    .region(software.amazon.awssdk.regions.Region.of("cn-north-1"))
                    .credentialsProvider(software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                            software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("local", "local"))).build()) {
                s3.putObject(b -> b.bucket(bucket).key(key).contentType("application/pdf"), software.amazon.awssdk.core.sync.RequestBody.fromBytes(pdf));
            }
            String event = sample;
            for (var replaced : List.of(new String[] {SAMPLE_BUCKET, bucket}, new String[] {SAMPLE_KEY, key}, new String[] {SAMPLE_SIZE, "\"size\": " + pdf.length})) {
                if (!event.contains(replaced[0])) throw new IllegalStateException("the sample upload event has no " + replaced[0]);
                event = event.replace(replaced[0], replaced[1]);
            }
            return event;
        }

        private static byte[] pdf(String title) throws Exception {
            try (var doc = new org.apache.pdfbox.pdmodel.PDDocument(); var out = new java.io.ByteArrayOutputStream()) {
                doc.addPage(new org.apache.pdfbox.pdmodel.PDPage());
                doc.getDocumentInformation().setTitle(title);
                doc.save(out);
                return out.toByteArray();
            }
        }
    }

    /** What a function is trained on: its sample events as they are, then those that name placeholders, pointed at the records. */
    List<String> withPointed(List<String> events) throws Exception {
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
