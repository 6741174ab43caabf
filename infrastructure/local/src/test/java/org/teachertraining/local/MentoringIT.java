package org.teachertraining.local;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * T2 over HTTP in 息县 (411528, no other test's): a community of 1 master, 10 backbones and their rural new teachers, the
 * limits held under racing additions, activities recorded by a backbone, the county's approval crediting each teacher's
 * ledger once, the 50 hours counted once under racing approvals, and coverage against targets.
 */
class MentoringIT {
    static final String COUNTY = "411528";
    static Api api;
    static String county, province;
    /** Last year: every day of it has passed, so each activity can have a day of its own (C4's day holds 8 hours). */
    static int year;

    @BeforeAll
    static void teachers() throws Exception {
        api = Api.shared();
        county = api.token("mt-county", "COUNTY_ADMIN", COUNTY);
        province = api.token("mt-province", "PROVINCE_ADMIN", "410000");
        year = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear() - 1;
        var csv = new StringBuilder("id,name,jurisdiction,stage,subjects,role,schoolLocation,teachingSince\n");
        csv.append("MT-M,名师,").append(COUNTY).append(",JUNIOR,数学,TEACHER,URBAN,2000-09-01\n");
        for (int i = 0; i <= 10; i++) csv.append("MT-B").append(i).append(",骨干").append(i).append(',').append(COUNTY).append(",PRIMARY,语文,TEACHER,TOWN,2012-09-01\n");
        for (int i = 0; i <= 101; i++) csv.append("MT-N").append(i).append(",新教师").append(i).append(',').append(COUNTY).append(",PRIMARY,语文,TEACHER,RURAL,").append(year - 1).append("-09-01\n");
        csv.append("MT-U,城区新教师,").append(COUNTY).append(",PRIMARY,语文,TEACHER,URBAN,").append(year).append("-09-01\n");
        csv.append("MT-O,老教师,").append(COUNTY).append(",PRIMARY,语文,TEACHER,RURAL,").append(year - 3).append("-09-01\n");
        var imported = api.sendBytesAsync("POST", "/teachers:import", county, csv.toString().getBytes(StandardCharsets.UTF_8), "text/csv").get();
        assertEquals(116, imported.json().get("imported").asInt(), imported.body());
    }

    static String teacher(String id) throws Exception {
        return api.send("POST", "/dev/tokens", null, "{\"sub\":\"mt-" + id + "\",\"role\":\"TEACHER\",\"teacherId\":\"" + id + "\",\"jurisdiction\":\"" + COUNTY + "\"}")
                .json().get("token").asText();
    }

    static String community() throws Exception {
        var c = api.send("POST", "/mentoring-communities", county, "{\"name\":\"息县数学名师工作室\",\"jurisdiction\":\"" + COUNTY + "\",\"year\":" + year
                + ",\"masterTeacherId\":\"MT-M\"}");
        assertEquals(201, c.status(), c.toString());
        return c.json().get("id").asText();
    }

    /** An activity on a December day of its own (A0 on the 1st, A7 on the 8th). */
    static String activity(String id, String backbone, String teacherId, int hours) {
        return activity(id, LocalDate.of(year, 12, 1).plusDays(Integer.parseInt(id.substring(1))), backbone, teacherId, hours);
    }

    static String activity(String id, LocalDate day, String backbone, String teacherId, int hours) {
        return "{\"activityId\":\"" + id + "\",\"backboneId\":\"" + backbone + "\",\"title\":\"课堂教学诊断\",\"date\":\"" + day
                + "\",\"category\":\"ONLINE\",\"attendees\":[{\"teacherId\":\"" + teacherId + "\",\"hours\":" + hours + "}]}";
    }

    @Test
    void t2_aCommunityOf1Master10BackbonesAnd100NewTeachersEach_heldUnderRacingAdditions_creditedOnceOnTheCountysApproval() throws Exception {
        String id = community();
        BadInputIT.problem(api.send("POST", "/mentoring-communities", county, "{\"name\":\"另一个\",\"jurisdiction\":\"" + COUNTY + "\",\"year\":" + year
                + ",\"masterTeacherId\":\"MT-M\"}"), 409, null);   // one community a year per teacher
        assertEquals(403, api.send("POST", "/mentoring-communities/" + id + "/backbones", api.token("mt-gs", "COUNTY_ADMIN", "411522"),
                "{\"teacherId\":\"MT-B0\"}").status(), "a neighbouring county");

        // eleven backbones race for ten places
        var racing = new ArrayList<CompletableFuture<Api.Response>>();
        for (int i = 0; i <= 10; i++) racing.add(api.sendAsync("POST", "/mentoring-communities/" + id + "/backbones", county, "{\"teacherId\":\"MT-B" + i + "\"}"));
        var joined = new ArrayList<String>();
        int full = 0;
        for (var f : racing) {
            var r = f.get();
            if (r.status() == 201) joined.add(r.json().get("teacherId").asText());
            else if (r.status() == 409 && "T2".equals(r.json().path("rule").asText())) full++;
            else throw new AssertionError(r.toString());
        }
        assertEquals(10, joined.size());
        assertEquals(1, full);
        String b = joined.get(0), other = joined.get(1);

        // the new teachers' criteria: rural, new, within the owner, in one community
        assertEquals("schoolLocation", api.send("POST", "/mentoring-communities/" + id + "/backbones/" + b + "/new-teachers", county,
                "{\"teacherId\":\"MT-U\"}").json().get("criterion").asText());
        assertEquals("teachingSince", api.send("POST", "/mentoring-communities/" + id + "/backbones/" + b + "/new-teachers", county,
                "{\"teacherId\":\"MT-O\"}").json().get("criterion").asText());
        assertEquals(404, api.send("POST", "/mentoring-communities/" + id + "/backbones/MT-N5/new-teachers", county, "{\"teacherId\":\"MT-N0\"}").status(),
                "not a backbone");
        // 101 new teachers race for one backbone's 100 places
        var newcomers = new ArrayList<CompletableFuture<Api.Response>>();
        for (int i = 0; i <= 100; i++) {
            newcomers.add(api.sendAsync("POST", "/mentoring-communities/" + id + "/backbones/" + other + "/new-teachers", county, "{\"teacherId\":\"MT-N" + i + "\"}"));
        }
        int added = 0, refused = 0;
        String left = null;
        for (int i = 0; i <= 100; i++) {
            var r = newcomers.get(i).get();
            if (r.status() == 201) added++;
            else if (r.status() == 409) { refused++; left = "MT-N" + i; }
            else throw new AssertionError(r.toString());
        }
        assertEquals(100, added);
        assertEquals(1, refused);
        assertEquals(201, api.send("POST", "/mentoring-communities/" + id + "/backbones/" + b + "/new-teachers", county, "{\"teacherId\":\"MT-N101\"}").status());
        assertEquals(409, api.send("POST", "/mentoring-communities/" + id + "/backbones/" + b + "/new-teachers", county, "{\"teacherId\":\"MT-N101\"}").status());
        assertEquals(201, api.send("POST", "/mentoring-communities/" + id + "/backbones/" + b + "/new-teachers", county, "{\"teacherId\":\"" + left + "\"}").status(),
                "the one left out of the full backbone joins another");
        var view = api.send("GET", "/mentoring-communities/" + id, county, null).json();
        assertEquals(10, view.get("community").get("backbones").asInt());
        assertEquals(102, view.get("community").get("newTeachers").asInt());

        // activities: recorded by the backbone itself, for its own new teachers
        String backbone = teacher(b);
        assertEquals(403, api.send("POST", "/mentoring-communities/" + id + "/activities", teacher(other), activity("A0", b, "MT-N101", 8)).status(),
                "another backbone");
        BadInputIT.problem(api.send("POST", "/mentoring-communities/" + id + "/activities", backbone, activity("A0", b, "MT-N101", 9)), 400, "attendees[0].hours");
        BadInputIT.problem(api.send("POST", "/mentoring-communities/" + id + "/activities", backbone, activity("A0", b, "MT-N1", 8)), 400, "attendees[0].teacherId");
        BadInputIT.problem(api.send("POST", "/mentoring-communities/" + id + "/activities", backbone,
                activity("A0", b, "MT-N101", 8).replace("ONLINE", "CENTRALIZED")), 400, "category");
        var first = api.send("POST", "/mentoring-communities/" + id + "/activities", backbone, activity("A1", b, "MT-N101", 8));
        assertEquals(201, first.status(), first.toString());
        assertEquals(200, api.send("POST", "/mentoring-communities/" + id + "/activities", backbone, activity("A1", b, "MT-N101", 8)).status(), "the same again");
        assertEquals(409, api.send("POST", "/mentoring-communities/" + id + "/activities", backbone, activity("A1", b, "MT-N101", 6)).status(), "other content");
        for (int a = 2; a <= 7; a++) assertEquals(201, api.send("POST", "/mentoring-communities/" + id + "/activities", backbone, activity("A" + a, b, "MT-N101", 8)).status());

        // the county sees them pending; another county may not decide
        var pending = api.send("GET", "/jurisdictions/" + COUNTY + "/mentoring-approvals", county, null).json().get("items");
        assertEquals(7, pending.size(), pending.toString());
        var page = api.send("GET", "/jurisdictions/" + COUNTY + "/mentoring-approvals?limit=5", county, null).json();
        assertEquals(5, page.get("items").size());
        var rest = api.send("GET", "/jurisdictions/" + COUNTY + "/mentoring-approvals?limit=5&cursor=" + page.get("nextCursor").asText(), county, null).json();
        assertEquals(2, rest.get("items").size(), rest.toString());
        BadInputIT.problem(api.send("GET", "/jurisdictions/" + COUNTY + "/mentoring-approvals?cursor=bm90LWEtY3Vyc29y", county, null), 400, null);
        BadInputIT.problem(api.send("GET", "/jurisdictions/" + COUNTY + "/mentoring-approvals?limit=101", county, null), 400, "limit");
        assertEquals(403, api.send("POST", "/mentoring-communities/" + id + "/activities/A1/decision", api.token("mt-gs2", "COUNTY_ADMIN", "411522"),
                "{\"approved\":true}").status());
        var approved = api.send("POST", "/mentoring-communities/" + id + "/activities/A1/decision", county, "{\"approved\":true}");
        assertEquals(200, approved.status(), approved.toString());
        assertEquals("APPROVED", approved.json().get("items").get(0).get("status").asText());
        assertEquals(200, api.send("POST", "/mentoring-communities/" + id + "/activities/A1/decision", county, "{\"approved\":true}").status(), "a retry");
        assertEquals(409, api.send("POST", "/mentoring-communities/" + id + "/activities/A1/decision", county, "{\"approved\":false}").status());

        // six approvals race: the teacher's 56 hours and the one crossing of 50 are each counted once
        var approvals = new ArrayList<CompletableFuture<Api.Response>>();
        for (int a = 2; a <= 7; a++) {
            for (int twice = 0; twice < 2; twice++) approvals.add(api.sendAsync("POST", "/mentoring-communities/" + id + "/activities/A" + a + "/decision", county, "{\"approved\":true}"));
        }
        for (var f : approvals) assertEquals(200, f.get().status());
        var newTeacher = api.send("GET", "/mentoring-communities/" + id, teacher("MT-N101"), null).json();   // a member reads it
        JsonNode member = null;
        for (var m : newTeacher.get("members")) if (m.get("teacherId").asText().equals("MT-N101")) member = m;
        assertEquals(56, member.get("approvedHours").asInt());
        assertEquals(1, newTeacher.get("community").get("trainedNewTeachers").asInt());
        assertEquals(403, api.send("GET", "/mentoring-communities/" + id, teacher("MT-O"), null).status(), "a teacher outside it");
        var transcript = api.send("GET", "/teachers/MT-N101/transcript", county, null).json();
        assertEquals(56, transcript.get("hoursByYear").get(String.valueOf(year)).get("ONLINE").asInt(), transcript.toString());
        assertEquals(7, transcript.get("entries").size());
        assertEquals(0, api.send("GET", "/jurisdictions/" + COUNTY + "/mentoring-approvals", county, null).json().get("items").size());

        // coverage: the county's own communities, against the target it sets; the province against the sources' 700/7000/70000
        var coverage = api.send("GET", "/jurisdictions/" + COUNTY + "/mentoring-coverage?year=" + year, county, null).json();
        assertEquals(1, coverage.get("masters").asInt());
        assertEquals(10, coverage.get("backbones").asInt());
        assertEquals(102, coverage.get("newTeachers").asInt());
        assertEquals(1, coverage.get("newTeachersTrained").asInt());
        assertTrue(coverage.path("target").isMissingNode(), coverage.toString());
        BadInputIT.problem(api.send("PUT", "/jurisdictions/" + COUNTY + "/mentoring-targets/" + year, county, "{\"masters\":-1,\"backbones\":10,\"newTeachers\":100}"), 400, "masters");
        assertEquals(200, api.send("PUT", "/jurisdictions/" + COUNTY + "/mentoring-targets/" + year, county, "{\"masters\":2,\"backbones\":20,\"newTeachers\":400}").status());
        coverage = api.send("GET", "/jurisdictions/" + COUNTY + "/mentoring-coverage?year=" + year, county, null).json();
        assertEquals("RECORDED", coverage.get("targetSource").asText());
        assertEquals(50.0, coverage.get("mastersPercent").asDouble());
        assertEquals(25.5, coverage.get("newTeachersPercent").asDouble());
        assertEquals(0.3, coverage.get("trainedPercent").asDouble());
        var henan = api.send("GET", "/jurisdictions/410000/mentoring-coverage?year=" + year, province, null).json();
        assertEquals("SEED", henan.get("targetSource").asText());
        assertEquals(70000, henan.get("target").get("newTeachers").asInt());
        assertTrue(henan.get("masters").asInt() >= 1);
        assertEquals(403, api.send("GET", "/jurisdictions/410000/mentoring-coverage?year=" + year, county, null).status());
        var listed = api.send("GET", "/mentoring-communities?jurisdiction=411500&year=" + year, api.token("mt-city", "CITY_ADMIN", "411500"), null).json().get("items");
        assertTrue(List.of(listed.findValuesAsText("id").toArray()).contains(id), listed.toString());

        // C4's day: two activities of 8 hours on one day, approved at once: one is credited, the other is refused and stays pending
        var day = LocalDate.of(year, 11, 30);
        for (String a : List.of("AM", "PM")) {
            assertEquals(201, api.send("POST", "/mentoring-communities/" + id + "/activities", backbone, activity(a, day, b, left, 8)).status());
        }
        var am = api.sendAsync("POST", "/mentoring-communities/" + id + "/activities/AM/decision", county, "{\"approved\":true}");
        var pm = api.sendAsync("POST", "/mentoring-communities/" + id + "/activities/PM/decision", county, "{\"approved\":true}");
        var outcomes = List.of(am.get(), pm.get());
        assertEquals(1, outcomes.stream().filter(r -> r.status() == 200).count(), outcomes.toString());
        var overDay = outcomes.stream().filter(r -> r.status() != 200).findFirst().orElseThrow();
        BadInputIT.problem(overDay, 409, null);
        assertEquals("T2", overDay.json().get("rule").asText());
        var ledger = api.send("GET", "/teachers/" + left + "/transcript", county, null).json();
        assertEquals(8, ledger.get("hoursByYear").get(String.valueOf(year)).get("ONLINE").asInt(), ledger.toString());
        assertEquals(1, ledger.get("entries").size());
        String refusedOne = outcomes.get(0).status() == 200 ? "PM" : "AM";
        var rejected = api.send("POST", "/mentoring-communities/" + id + "/activities/" + refusedOne + "/decision", county, "{\"approved\":false,\"note\":\"同日重复登记\"}");
        assertEquals("REJECTED", rejected.json().get("items").get(0).get("status").asText(), rejected.toString());
    }
}
