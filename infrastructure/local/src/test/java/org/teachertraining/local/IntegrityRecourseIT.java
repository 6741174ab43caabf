package org.teachertraining.local;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.teachertraining.adapters.aws.AwsClients;
import org.teachertraining.adapters.dynamodb.DynamoDbIntegrityRecords;
import org.teachertraining.adapters.dynamodb.TrainingTable;
import org.teachertraining.core.integrity.IntegrityRecord;
import org.teachertraining.submissions.SampleFiles;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Recourse on integrity records (E4a) over HTTP: the county excuses a no-show with uploaded evidence and the
 * ban lifts; a teacher appeals; the province decides, once, racing clerks or not; the ban follows the latest
 * step, and every step is kept.
 */
class IntegrityRecourseIT {
    static Api api;

    static String teacher(String id) throws Exception {
        return api.send("POST", "/dev/tokens", null, "{\"sub\":\"ir-" + id + "\",\"role\":\"TEACHER\",\"teacherId\":\"" + id + "\"}").json().get("token").asText();
    }

    static JsonNode entry(String teacherId, String token, String recordId) throws Exception {
        var file = api.send("GET", "/teachers/" + teacherId + "/integrity-records", token, null);
        assertEquals(200, file.status(), file.toString());
        for (JsonNode e : file.json().get("items")) if (e.get("recordId").asText().equals(recordId)) return e;
        throw new AssertionError(recordId + " not in " + file.body());
    }

    /** The province's queue as {@code token} sees it: "teacherId recourse" of this test's teachers, in the list's order. */
    static List<String> awaiting(String token, String query) throws Exception {
        var page = api.send("GET", "/integrity-records?limit=100" + query, token, null);
        assertEquals(200, page.status(), page.toString());
        var out = new ArrayList<String>();
        for (JsonNode e : page.json().get("items")) {
            if (e.get("teacherId").asText().startsWith("IR-")) out.add(e.get("teacherId").asText() + " " + e.get("recourse").asText());
        }
        return out;
    }

    /** The bodies (zh) of the notices of {@code kind} in the inbox {@code token} reads that name {@code teacherId}'s record, or are theirs. */
    static List<String> notices(String token, String kind, String about) throws Exception {
        var inbox = api.send("GET", "/me/notifications?limit=100", token, null);
        assertEquals(200, inbox.status(), inbox.toString());
        var out = new ArrayList<String>();
        for (JsonNode n : inbox.json().get("items")) {
            if (n.get("kind").asText().equals(kind) && n.get("body").toString().contains(about)) out.add(n.get("body").get("zh").asText());
        }
        return out;
    }

    @Test
    void theCountyExcusesTheTeacherAppealsTheProvinceDecides_andTheBanFollows() throws Exception {
        api = Api.shared();
        String province = api.token("ir-province", "PROVINCE_ADMIN", "410000");
        String xinyang = api.token("ir-xinyang", "CITY_ADMIN", "411500");
        String county = api.token("ir-xx", "COUNTY_ADMIN", "411523");
        String guangshan = api.token("ir-gs", "COUNTY_ADMIN", "411522");
        api.importTeachers(xinyang, "IR-", "411523", 3);
        // two records as the lifecycle and a completion write them: a no-show, a dismissal, both within three years
        var day = LocalDate.now(ZoneId.of("Asia/Shanghai")).minusMonths(2);
        try (var dynamo = AwsClients.dynamoDb("local", Api.runtime().dynamoDbEndpoint().toString())) {
            var records = new DynamoDbIntegrityRecords(new TrainingTable(dynamo, "TrainingTable"));
            records.add(IntegrityRecord.of("IR-0", IntegrityRecord.Kind.NO_SHOW, "IR-P1", day));
            records.add(IntegrityRecord.of("IR-1", IntegrityRecord.Kind.DISMISSED, "IR-P1", day));
        }
        String noShow = day + "_IR-P1";
        String project = api.project(province, "IR-1", null);
        assertEquals(200, api.send("PUT", "/projects/" + project + "/quotas/411500", province, "{\"seats\":5}").status());
        BadInputIT.refusedBy(api.send("POST", "/projects/" + project + "/enrollments", county, "{\"teacherId\":\"IR-0\"}"), 422, "E4");

        // the teacher reads their own file; a neighbouring county reads nothing of it
        var mine = entry("IR-0", teacher("IR-0"), noShow);
        assertEquals("NONE", mine.get("recourse").asText());
        assertTrue(mine.get("banning").asBoolean());
        BadInputIT.problem(api.send("GET", "/teachers/IR-0/integrity-records", teacher("IR-1"), null), 403, null);
        BadInputIT.problem(api.send("GET", "/teachers/IR-0/integrity-records", guangshan, null), 403, null);

        // the county uploads the evidence (a hospital's certificate), then excuses: the ban lifts
        BadInputIT.problem(api.send("POST", "/teachers/IR-0/integrity-records/" + noShow + "/evidence", county,
                "{\"fileName\":\"x.html\",\"contentType\":\"text/html\",\"size\":10}"), 400, "contentType");
        BadInputIT.problem(api.send("POST", "/teachers/IR-0/integrity-records/" + noShow + "/evidence", county,
                "{\"fileName\":\"x.pdf\",\"contentType\":\"application/pdf\",\"size\":0}"), 400, "size");
        byte[] pdf = SampleFiles.pdf(1);
        var upload = api.send("POST", "/teachers/IR-0/integrity-records/" + noShow + "/evidence", county,
                "{\"fileName\":\"住院证明.pdf\",\"contentType\":\"application/pdf\",\"size\":" + pdf.length + "}");
        assertEquals(201, upload.status(), upload.toString());
        String key = upload.json().get("evidenceKey").asText();
        BadInputIT.problem(api.send("POST", "/teachers/IR-0/integrity-records/" + noShow + "/excuse", county,
                "{\"reason\":\"开班当日住院\",\"evidenceKey\":\"" + key + "\"}"), 400, "evidenceKey");   // not uploaded yet
        assertEquals(200, Uploads.put(upload.json().get("upload"), pdf, null));
        BadInputIT.problem(api.send("POST", "/teachers/IR-0/integrity-records/" + noShow + "/excuse", county,
                "{\"reason\":\"开班当日住院\",\"evidenceKey\":\"evidence/IR-1/" + noShow + "/x.pdf\"}"), 400, "evidenceKey");   // another record's
        BadInputIT.problem(api.send("POST", "/teachers/IR-0/integrity-records/" + noShow + "/excuse", county, "{\"evidenceKey\":\"" + key + "\"}"), 400, "reason");
        BadInputIT.problem(api.send("POST", "/teachers/IR-0/integrity-records/" + noShow + "/excuse", teacher("IR-0"),
                "{\"reason\":\"我病了\",\"evidenceKey\":\"" + key + "\"}"), 403, null);
        BadInputIT.problem(api.send("POST", "/teachers/IR-0/integrity-records/1999-01-01_NOPE/excuse", county,
                "{\"reason\":\"x\",\"evidenceKey\":\"" + key + "\"}"), 404, null);
        var excused = api.send("POST", "/teachers/IR-0/integrity-records/" + noShow + "/excuse", county,
                "{\"reason\":\"开班当日住院\",\"evidenceKey\":\"" + key + "\"}");
        assertEquals(200, excused.status(), excused.toString());
        assertEquals("EXCUSED", excused.json().get("recourse").asText());
        assertFalse(excused.json().get("banning").asBoolean());
        BadInputIT.refusedBy(api.send("POST", "/teachers/IR-0/integrity-records/" + noShow + "/excuse", county,
                "{\"reason\":\"again\",\"evidenceKey\":\"" + key + "\"}"), 409, "E4a");
        assertEquals(201, api.send("POST", "/projects/" + project + "/enrollments", county, "{\"teacherId\":\"IR-0\"}").status());
        // the evidence the excuse cites is read by link: the teacher and the admins over them, nobody else; a file no step cites is not found
        String file = key.substring(key.lastIndexOf('/') + 1);
        var link = api.send("GET", "/teachers/IR-0/integrity-records/" + noShow + "/evidence/" + file, province, null);
        assertEquals(200, link.status(), link.toString());
        var fetched = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(link.json().get("url").asText())).build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, fetched.statusCode());
        org.junit.jupiter.api.Assertions.assertArrayEquals(pdf, fetched.body());
        assertEquals(200, api.send("GET", "/teachers/IR-0/integrity-records/" + noShow + "/evidence/" + file, teacher("IR-0"), null).status());
        BadInputIT.problem(api.send("GET", "/teachers/IR-0/integrity-records/" + noShow + "/evidence/" + file, guangshan, null), 403, null);
        BadInputIT.problem(api.send("GET", "/teachers/IR-0/integrity-records/" + noShow + "/evidence/" + file, teacher("IR-1"), null), 403, null);
        BadInputIT.problem(api.send("GET", "/teachers/IR-0/integrity-records/" + noShow + "/evidence/other.pdf", county, null), 404, null);
        BadInputIT.problem(api.send("GET", "/teachers/IR-0/integrity-records/" + noShow + "/evidence/..%2F..%2F" + file, county, null), 400, "path");

        // told in the same write: the teacher that the ban is lifted, the province that it may review the excuse
        var toTeacher = notices(teacher("IR-0"), "INTEGRITY_EXCUSED", noShow.substring(0, 10));
        assertEquals(1, toTeacher.size(), toTeacher.toString());
        assertTrue(toTeacher.get(0).contains("已由县区认定有正当理由，参训限制解除"), toTeacher.toString());
        assertEquals(1, notices(province, "INTEGRITY_EXCUSED", "IR-0").size());

        // the excuse awaits the province's review: on its queue, the city's and the county's, not a neighbour's
        assertEquals(List.of("IR-0 EXCUSED"), awaiting(province, ""));
        assertEquals(List.of("IR-0 EXCUSED"), awaiting(xinyang, ""));
        assertEquals(List.of("IR-0 EXCUSED"), awaiting(county, ""));
        assertEquals(List.of(), awaiting(guangshan, ""));
        var one = api.send("GET", "/integrity-records?jurisdiction=411523", province, null).json().get("items").get(0);
        assertEquals("411523", one.get("jurisdiction").asText());
        assertEquals("NO_SHOW", one.get("kind").asText());
        assertFalse(one.get("banning").asBoolean());

        // a dismissal is not excused by the county: the teacher appeals; the ban stays meanwhile
        BadInputIT.refusedBy(api.send("POST", "/teachers/IR-1/integrity-records/" + noShow + "/excuse", county,
                "{\"reason\":\"x\",\"evidenceKey\":\"evidence/IR-1/" + noShow + "/none.pdf\"}"), 409, "E4a");
        BadInputIT.problem(api.send("POST", "/teachers/IR-1/integrity-records/" + noShow + "/appeal", teacher("IR-0"), "{\"reason\":\"x\"}"), 403, null);
        var appealed = api.send("POST", "/teachers/IR-1/integrity-records/" + noShow + "/appeal", teacher("IR-1"), "{\"reason\":\"劝退理由不成立\"}");
        assertEquals(200, appealed.status(), appealed.toString());
        assertEquals("APPEALED", appealed.json().get("recourse").asText());
        assertTrue(appealed.json().get("banning").asBoolean());
        BadInputIT.problem(api.send("POST", "/teachers/IR-1/integrity-records/" + noShow + "/decision", county, "{\"lift\":true,\"reason\":\"x\"}"), 403, null);
        BadInputIT.problem(api.send("POST", "/teachers/IR-1/integrity-records/" + noShow + "/decision", province, "{\"reason\":\"x\"}"), 400, "lift");
        var appealNotice = notices(province, "INTEGRITY_APPEALED", "IR-1");
        assertEquals(1, appealNotice.size(), appealNotice.toString());
        assertTrue(appealNotice.get(0).contains("劝退理由不成立"), appealNotice.toString());
        // both on the province's queue, the longest waiting first; narrowed to one status
        assertEquals(List.of("IR-0 EXCUSED", "IR-1 APPEALED"), awaiting(province, ""));
        assertEquals(List.of("IR-1 APPEALED"), awaiting(province, "&recourse=APPEALED"));
        assertEquals(List.of("IR-0 EXCUSED"), awaiting(province, "&recourse=EXCUSED&jurisdiction=411500"));
        // the queue is the admins', within their subtree; a bad filter, limit or cursor a 400 naming it
        BadInputIT.problem(api.send("GET", "/integrity-records", teacher("IR-1"), null), 403, null);
        BadInputIT.problem(api.send("GET", "/integrity-records?jurisdiction=411500", guangshan, null), 403, null);
        BadInputIT.problem(api.send("GET", "/integrity-records", api.send("POST", "/dev/tokens", null, "{\"sub\":\"ir-henu\",\"role\":\"INSTITUTION\",\"institutionId\":\"HENU\"}").json().get("token").asText(), null), 403, null);
        BadInputIT.problem(api.send("GET", "/integrity-records?recourse=LIFTED", province, null), 400, "recourse");
        BadInputIT.problem(api.send("GET", "/integrity-records?recourse=" + "X".repeat(3000), province, null), 400, "recourse");
        BadInputIT.problem(api.send("GET", "/integrity-records?limit=0", province, null), 400, "limit");
        BadInputIT.problem(api.send("GET", "/integrity-records?cursor=bm90LWEtY3Vyc29y", province, null), 400, "cursor");
        // one at a time, each page's cursor leading to the next
        var first = api.send("GET", "/integrity-records?limit=1&jurisdiction=411523", province, null);
        assertEquals(200, first.status(), first.toString());
        assertEquals(1, first.json().get("items").size());
        var second = api.send("GET", "/integrity-records?limit=1&jurisdiction=411523&cursor=" + first.json().get("nextCursor").asText(), province, null);
        assertEquals(200, second.status(), second.toString());
        assertEquals("IR-1", second.json().get("items").get(0).get("teacherId").asText());

        // two clerks of the province decide at once, one to lift and one to keep: one decision stands
        var decisions = new ArrayList<CompletableFuture<Api.Response>>();
        for (boolean lift : List.of(true, false, true, false)) {
            decisions.add(api.sendAsync("POST", "/teachers/IR-1/integrity-records/" + noShow + "/decision", province,
                    "{\"lift\":" + lift + ",\"reason\":\"经复核\"}"));
        }
        int ok = 0;
        String winner = null;
        for (var d : decisions) {
            var r = d.get();
            assertTrue(r.status() == 200 || r.status() == 409, r.toString());
            if (r.status() == 200) {
                ok++;
                winner = r.json().get("recourse").asText();
            }
        }
        assertEquals(1, ok);
        var decided = entry("IR-1", teacher("IR-1"), noShow);
        assertEquals(winner, decided.get("recourse").asText());
        assertEquals(winner.equals("KEPT"), decided.get("banning").asBoolean());
        assertEquals(2, decided.get("steps").size(), decided.toString());
        assertEquals("APPEAL", decided.get("steps").get(0).get("action").asText());
        assertEquals("DECISION", decided.get("steps").get(1).get("action").asText());
        // the one decision that stood is the one the teacher is told of
        var decision = notices(teacher("IR-1"), "INTEGRITY_DECIDED", noShow.substring(0, 10));
        assertEquals(1, decision.size(), decision.toString());
        assertTrue(decision.get(0).contains(winner.equals("LIFTED") ? "予以撤销" : "予以维持"), decision.toString());

        // the province reviews the county's excuse and keeps the record: the ban is back, every step on file
        var kept = api.send("POST", "/teachers/IR-0/integrity-records/" + noShow + "/decision", province, "{\"lift\":false,\"reason\":\"证明材料不足\"}");
        assertEquals(200, kept.status(), kept.toString());
        assertTrue(kept.json().get("banning").asBoolean());
        assertEquals(key, kept.json().get("steps").get(0).get("evidenceKey").asText());
        BadInputIT.refusedBy(api.send("POST", "/teachers/IR-0/integrity-records/" + noShow + "/appeal", teacher("IR-0"), "{\"reason\":\"再申诉\"}"), 409, "E4a");
        // decided, both are off the queue
        assertEquals(List.of(), awaiting(province, ""));
    }
}
