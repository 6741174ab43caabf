package org.teachertraining.local;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.teachertraining.adapters.aws.AwsClients;
import org.teachertraining.adapters.s3.PresignedUploadUrls;
import org.teachertraining.submissions.SampleFiles;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Institutions' uploads end to end on the emulators: request → presigned PUT to S3Proxy → the S3
 * notification the local runtime delivers → the processing function → the submission's decision.
 */
class SubmissionIT {
    static Api api;
    static String project, henu;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void setUp() throws Exception {
        api = Api.shared();
        project = api.project(api.token("sub-province", "PROVINCE_ADMIN", "410000"), "SUBMIT-1", null);
        henu = api.send("POST", "/dev/tokens", null, "{\"sub\":\"henu-office\",\"role\":\"INSTITUTION\",\"institutionId\":\"HENU\"}")
                .json().get("token").asText();
    }

    static Api.Response request(String kind, String fileName, String contentType, byte[] bytes, String extra) throws Exception {
        return Uploads.request(api, henu, project, kind, fileName, contentType, bytes, extra);
    }

    static int put(JsonNode upload, byte[] body, String contentTypeOverride) throws Exception {
        return Uploads.put(upload, body, contentTypeOverride);
    }

    static JsonNode submit(String kind, String fileName, String contentType, byte[] bytes, String extra) throws Exception {
        return Uploads.submit(api, henu, project, kind, fileName, contentType, bytes, extra);
    }

    static JsonNode decided(String submissionId) throws Exception {
        return Uploads.decided(api, henu, project, submissionId);
    }

    static void rejected(JsonNode submission, String reasonContains) {
        assertEquals("REJECTED", submission.get("status").asText(), submission.toString());
        assertTrue(submission.get("reason").get("en").asText().contains(reasonContains), submission.toString());
        assertFalse(submission.get("reason").get("zh").asText().isBlank());
    }

    @Test
    void aCleanPdfUploadedThroughThePresignedUrlIsAcceptedByTheRealTriggerPath_andTheSameFileAgainIsOneSubmission() throws Exception {
        byte[] pdf = SampleFiles.pdf(2);
        var accepted = submit("APPLICATION", "申报书.pdf", "application/pdf", pdf, null);
        assertEquals("ACCEPTED", accepted.get("status").asText(), accepted.toString());
        assertEquals(2, accepted.get("pages").asInt());
        assertEquals("PDF", accepted.get("detectedType").asText());
        assertTrue(accepted.get("objectKey").asText().startsWith("submissions/" + project + "/HENU/"));

        var again = request("APPLICATION", "申报书（副本）.pdf", "application/pdf", pdf, null);
        assertEquals(200, again.status(), again.toString());
        assertEquals(accepted.get("id").asText(), again.json().get("submission").get("id").asText());
        assertTrue(again.json().path("upload").isMissingNode(), again.toString());   // received already: nothing to upload

        var deliverables = api.send("GET", "/projects/" + project + "/deliverables", henu, null).json();
        var application = find(deliverables, "APPLICATION");
        assertEquals("ACCEPTED", application.get("status").asText());
        assertEquals(1, application.get("submissions").size());
    }

    @Test
    void theSameFileRequestedConcurrentlyIsOneSubmission() throws Exception {
        byte[] pdf = SampleFiles.pdf(5);
        String body = "{\"kind\":\"SELF_EVALUATION\",\"fileName\":\"自评报告.pdf\",\"size\":" + pdf.length
                + ",\"contentType\":\"application/pdf\",\"sha256\":\"" + Uploads.sha256(pdf) + "\"}";
        api.createdOnce(20, "POST", "/projects/" + project + "/submissions", henu, body, r -> r.get("submission").get("id"));
        assertEquals(1, submissions("SELF_EVALUATION").size());
    }

    @Test
    void badFilesEndRejectedWithAReason_andNothingElseChanges() throws Exception {
        int before = submissions("WORK_BRIEF").size();
        rejected(submit("WORK_BRIEF", "简报.pdf", "application/pdf", SampleFiles.exe(), null), "Windows executable");
        rejected(submit("WORK_BRIEF", "简报2.pdf", "application/pdf", SampleFiles.encryptedPdf(), null), "password");
        rejected(submit("WORK_BRIEF", "简报3.pdf", "application/pdf", SampleFiles.truncatedPdf(), null), "truncated");
        rejected(submit("COURSE_RESOURCE", "课程.zip", "application/zip", SampleFiles.zipBomb(64), null), "zip bomb");
        rejected(submit("COURSE_RESOURCE", "课程2.zip", "application/zip", SampleFiles.zip(new String[][]{{"../../x.sh", "rm -rf /"}}), null), "escapes");

        // the same length, other bytes: through the URL, found by the checksum
        byte[] declared = SampleFiles.pdf(1);
        var requested = request("WORK_BRIEF", "简报4.pdf", "application/pdf", declared, null).json();
        byte[] other = declared.clone();
        other[other.length / 2] ^= 1;
        assertEquals(200, put(requested.get("upload"), other, null));
        rejected(decided(requested.get("submission").get("id").asText()), "Checksum mismatch");

        // another size: the URL refuses it, as S3 does; an object of another size put at the key by other means is rejected by size
        byte[] declared2 = SampleFiles.pdf(3);
        var requested2 = request("WORK_BRIEF", "简报5.pdf", "application/pdf", declared2, null).json();
        assertEquals(403, put(requested2.get("upload"), SampleFiles.pdf(4), null));
        assertEquals(403, put(requested2.get("upload"), declared2, "application/octet-stream"));   // the type is bound too
        try (var s3 = AwsClients.s3("us-east-1", Api.runtime().s3Endpoint().toString())) {
            s3.putObject(b -> b.bucket(Api.runtime().functionEnvironment("EnrollmentApiFunction").require("SUBMISSIONS_BUCKET")).key(requested2.get("submission").get("objectKey").asText()),
                    software.amazon.awssdk.core.sync.RequestBody.fromBytes(SampleFiles.pdf(4)));
        }
        rejected(decided(requested2.get("submission").get("id").asText()), "Size mismatch");

        var briefs = submissions("WORK_BRIEF");
        assertEquals(before + 5, briefs.size());
        assertTrue(briefs.stream().noneMatch(s -> s.get("status").asText().equals("ACCEPTED")), briefs.toString());
        assertEquals("REJECTED", find(api.send("GET", "/projects/" + project + "/deliverables", henu, null).json(), "WORK_BRIEF").get("status").asText());
    }

    @Test
    void onlyTheProjectsInstitutionUploads_andAnExpiredUrlFails() throws Exception {
        String zzu = api.send("POST", "/dev/tokens", null, "{\"sub\":\"zzu\",\"role\":\"INSTITUTION\",\"institutionId\":\"ZZU\"}").json().get("token").asText();
        byte[] pdf = SampleFiles.pdf(1);
        var refused = api.send("POST", "/projects/" + project + "/submissions", zzu, "{\"kind\":\"APPLICATION\",\"fileName\":\"a.pdf\",\"size\":"
                + pdf.length + ",\"contentType\":\"application/pdf\",\"sha256\":\"" + Uploads.sha256(pdf) + "\"}");
        BadInputIT.problem(refused, 403, null);

        // the same kind of URL the API hands out, signed to live one second
        try (var presigner = AwsClients.s3Presigner("local", Api.runtime().s3Endpoint().toString(), "EnrollmentApiFunction")) {
            var url = new PresignedUploadUrls(presigner, Api.runtime().functionEnvironment("EnrollmentApiFunction").require("SUBMISSIONS_BUCKET"), Duration.ofSeconds(1))
                    .forUpload("submissions/" + project + "/HENU/expired-test", pdf.length, "application/pdf");
            Thread.sleep(2_100);
            var b = HttpRequest.newBuilder(URI.create(url.url())).PUT(HttpRequest.BodyPublishers.ofByteArray(pdf)).header("Content-Type", "application/pdf");
            var response = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(403, response.statusCode(), response.body());
            assertTrue(response.body().contains("expired"), response.body());
        }
    }

    @Test
    void badRequestsAreNamed_andTheScheduleIsCheckedForPractice() throws Exception {
        BadInputIT.problem(api.send("POST", "/projects/" + project + "/submissions", henu, "{\"kind\":\"NOPE\"}"), 400, null);
        BadInputIT.problem(request("APPLICATION", "a.exe", "application/x-msdownload", new byte[10], null), 400, "contentType");
        BadInputIT.problem(request("REGISTRATION_NOTICE", "n.pdf", "application/pdf", new byte[10], null), 400, "classNo");
        BadInputIT.problem(request("CASE_COLLECTION", "c.pdf", "application/pdf", new byte[10], null), 400, "cases");
        BadInputIT.problem(api.send("PUT", "/projects/" + project + "/classes/1/schedule", henu,
                "{\"sessions\":[{\"title\":\"讲座\",\"hours\":6,\"practice\":false},{\"title\":\"跟岗\",\"hours\":5,\"practice\":true}]}"), 422, null);
        var ok = api.send("PUT", "/projects/" + project + "/classes/1/schedule", henu,
                "{\"sessions\":[{\"title\":\"讲座\",\"hours\":6,\"practice\":false},{\"title\":\"跟岗\",\"hours\":6,\"practice\":true}]}");
        assertEquals(201, ok.status(), ok.toString());
        assertEquals(50, ok.json().get("practiceShare").asInt());
        BadInputIT.problem(api.send("PUT", "/projects/" + project + "/classes", henu, "{\"classes\":[{\"no\":1,\"startDate\":\"2000-01-01\",\"endDate\":\"2000-01-02\"}]}"), 400, "classes[0]");
    }

    static List<JsonNode> submissions(String kind) throws Exception {
        var out = new ArrayList<JsonNode>();
        find(api.send("GET", "/projects/" + project + "/deliverables", henu, null).json(), kind).get("submissions").forEach(out::add);
        return out;
    }

    static JsonNode find(JsonNode deliverables, String kind) {
        for (var d : deliverables.get("deliverables")) if (d.get("kind").asText().equals(kind)) return d;
        throw new AssertionError("no " + kind + " in " + deliverables);
    }
}
