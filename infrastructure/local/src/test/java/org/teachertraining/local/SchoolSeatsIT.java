package org.teachertraining.local;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 名额到校, 通知到人 over HTTP: the county gives a school seats (PUT …/quotas/{schoolCode}); the school's admin
 * nominates its own teachers, racing, never past those seats; every selected teacher finds the notice in
 * their own inbox.
 */
class SchoolSeatsIT {
    @Test
    void aCountysSchoolNominatesWithinItsSeats_racingNominationsNeverPassThem_andTheSelectedAreTold() throws Exception {
        var api = Api.shared();
        String province = api.token("ss-province", "PROVINCE_ADMIN", "410000");
        String xinyang = api.token("ss-xinyang", "CITY_ADMIN", "411500");
        String county = api.token("ss-xx", "COUNTY_ADMIN", "411523");
        String school = api.token("ss-school", "SCHOOL_ADMIN", "4115230005");
        for (int i = 0; i < 6; i++) {
            var t = api.send("POST", "/teachers", county, "{\"id\":\"SS-" + i + "\",\"name\":\"教师" + i + "\",\"jurisdiction\":\"411523\",\"schoolId\":\""
                    + (i < 5 ? "4115230005" : "4115230006") + "\",\"stage\":\"PRIMARY\",\"subjects\":[\"语文\"],\"role\":\"TEACHER\","
                    + "\"schoolLocation\":\"RURAL\",\"teachingSince\":\"2010-09-01\"}");
            assertEquals(201, t.status(), t.toString());
        }
        // the project's institution is registered first, so the selected teachers are told where to report by its name
        var xynu = api.send("PUT", "/institutions/SS-XYNU", province, "{\"name\":\"信阳师范大学\",\"categories\":[\"CENTRALIZED\",\"ONLINE\"],"
                + "\"validFrom\":\"2019-01-01\",\"validUntil\":\"2099-12-31\"}");
        assertEquals(200, xynu.status(), xynu.toString());
        var program = api.send("POST", "/programs", province, "{\"year\":" + java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).getYear() + ",\"level\":\"PROVINCIAL\",\"name\":\"IT program SS-1\",\"jurisdiction\":\"410000\"}");
        var made = api.send("POST", "/programs/" + program.json().get("id").asText() + "/projects", province,
                Api.projectBody("SS-1", null).replace("\"HENU\"", "\"SS-XYNU\""));
        assertEquals(201, made.status(), made.toString());
        assertEquals("信阳师范大学", made.json().get("institutionName").asText(), made.toString());
        String project = made.json().get("id").asText();
        assertEquals(200, api.send("PUT", "/projects/" + project + "/quotas/411500", province, "{\"seats\":5}").status());
        assertEquals(200, api.send("PUT", "/projects/" + project + "/quotas/411523", xinyang, "{\"seats\":4}").status());

        // the county allocates to its school; not the city, not beyond the county's seats, not to a code that is no school
        BadInputIT.problem(api.send("PUT", "/projects/" + project + "/quotas/4115230005", xinyang, "{\"seats\":2}"), 403, null);
        BadInputIT.refusedBy(api.send("PUT", "/projects/" + project + "/quotas/4115230005", county, "{\"seats\":5}"), 409, "E1");
        BadInputIT.problem(api.send("PUT", "/projects/" + project + "/quotas/4115220005", county, "{\"seats\":1}"), 403, null);   // 光山's school
        BadInputIT.problem(api.send("PUT", "/projects/" + project + "/quotas/41152300", county, "{\"seats\":1}"), 400, "jurisdiction");
        var allocated = api.send("PUT", "/projects/" + project + "/quotas/4115230005", county, "{\"seats\":2}");
        assertEquals(200, allocated.status(), allocated.toString());
        var unit = api.send("GET", "/jurisdictions/4115230005", county, null);
        assertEquals(200, unit.status(), unit.toString());
        assertEquals("SCHOOL", unit.json().get("jurisdiction").get("level").asText());
        assertEquals("411523", unit.json().get("jurisdiction").get("parent").asText());

        // five nominations at once by the school into its two seats: two are selected
        var nominations = new ArrayList<CompletableFuture<Api.Response>>();
        for (int i = 0; i < 5; i++) nominations.add(api.sendAsync("POST", "/projects/" + project + "/enrollments", school, "{\"teacherId\":\"SS-" + i + "\"}"));
        int selected = 0;
        var told = new ArrayList<String>();
        for (int i = 0; i < 5; i++) {
            var r = nominations.get(i).get();
            if (r.status() == 201) {
                selected++;
                assertEquals("4115230005", r.json().get("quotaJurisdiction").asText());
                told.add("SS-" + i);
            } else {
                BadInputIT.refusedBy(r, 409, "E1");
            }
        }
        assertEquals(2, selected);
        JsonNode quotas = api.send("GET", "/projects/" + project + "/quotas", county, null).json();
        boolean schoolRow = false;
        for (var q : quotas) {
            if (q.get("jurisdiction").asText().equals("4115230005")) {
                schoolRow = true;
                assertEquals(2, q.get("used").asInt(), quotas.toString());
            }
            if (q.get("jurisdiction").asText().equals("411523")) assertEquals(2, q.get("enrolled").asInt(), quotas.toString());
        }
        assertTrue(schoolRow, quotas.toString());
        // the school acts for its own teachers only
        BadInputIT.problem(api.send("POST", "/projects/" + project + "/enrollments", school, "{\"teacherId\":\"SS-5\"}"), 403, null);
        // its seats taken, the school puts a teacher it could not nominate on its own pool's waitlist (储备库, E7)
        String reserve = java.util.stream.IntStream.range(0, 5).mapToObj(i -> "SS-" + i).filter(t -> !told.contains(t)).findFirst().orElseThrow();
        var listedReserve = api.send("POST", "/projects/" + project + "/waitlist", school, "{\"teacherId\":\"" + reserve + "\"}");
        assertEquals(201, listedReserve.status(), listedReserve.toString());
        assertEquals("4115230005", listedReserve.json().get("quotaJurisdiction").asText(), listedReserve.toString());
        assertEquals(1, listedReserve.json().get("position").asInt(), listedReserve.toString());
        BadInputIT.problem(api.send("POST", "/projects/" + project + "/waitlist", school, "{\"teacherId\":\"SS-5\"}"), 403, null);   // not its teacher
        String schoolWithoutSeats = api.token("ss-school-6w", "SCHOOL_ADMIN", "4115230006");
        BadInputIT.refusedBy(api.send("POST", "/projects/" + project + "/waitlist", schoolWithoutSeats, "{\"teacherId\":\"SS-5\"}"), 409, "E1");
        var schoolList = api.send("GET", "/projects/" + project + "/waitlist", school, null);
        assertEquals(200, schoolList.status(), schoolList.toString());
        assertEquals(1, schoolList.json().get("items").size(), schoolList.toString());
        assertEquals(0, api.send("GET", "/projects/" + project + "/waitlist", schoolWithoutSeats, null).json().get("items").size());
        BadInputIT.problem(api.send("DELETE", "/projects/" + project + "/waitlist/" + reserve, schoolWithoutSeats, null), 403, null);
        assertEquals(200, api.send("DELETE", "/projects/" + project + "/waitlist/" + reserve, school, null).status());
        // and lists its own trainees; a school next door sees none of them, nor the county's list
        var listed = api.send("GET", "/projects/" + project + "/enrollments", school, null);
        assertEquals(200, listed.status(), listed.toString());
        var ids = new java.util.TreeSet<String>();
        listed.json().get("items").forEach(e -> ids.add(e.get("teacherId").asText()));
        assertEquals(new java.util.TreeSet<>(told), ids);
        String nextDoor = api.token("ss-school-6b", "SCHOOL_ADMIN", "4115230006");
        assertEquals(0, api.send("GET", "/projects/" + project + "/enrollments", nextDoor, null).json().get("items").size());
        BadInputIT.problem(api.send("GET", "/projects/" + project + "/enrollments?jurisdiction=411523", school, null), 403, null);
        // the school reads the seats it nominates within, and only its own: not the county's, not the school next door's
        JsonNode schoolSeats = api.send("GET", "/projects/" + project + "/quotas", school, null).json();
        assertEquals(1, schoolSeats.size(), schoolSeats.toString());
        assertEquals("4115230005", schoolSeats.get(0).get("jurisdiction").asText());
        assertEquals(2, schoolSeats.get(0).get("seats").asInt(), schoolSeats.toString());
        assertEquals(0, schoolSeats.get(0).get("available").asInt(), schoolSeats.toString());
        assertEquals(0, api.send("GET", "/projects/" + project + "/quotas", nextDoor, null).json().size());

        for (String t : told) {
            String token = api.send("POST", "/dev/tokens", null, "{\"sub\":\"ss-" + t + "\",\"role\":\"TEACHER\",\"teacherId\":\"" + t + "\"}").json().get("token").asText();
            var inbox = api.send("GET", "/me/notifications", token, null).json().get("items");
            assertEquals(1, inbox.size(), inbox.toString());
            assertEquals("SELECTED", inbox.get(0).get("kind").asText());
            assertTrue(inbox.get(0).get("body").get("zh").asText().endsWith("到承训机构「信阳师范大学」报到。"), inbox.toString());
        }
        // the school's admin reads its own inbox, not the county's
        assertEquals(200, api.send("GET", "/me/notifications", school, null).status());

        // a teacher's own application is decided by their school, within the school's seats
        String open = api.project(province, "SS-2", "\"openToApplications\":true");
        assertEquals(200, api.send("PUT", "/projects/" + open + "/quotas/411500", province, "{\"seats\":2}").status());
        assertEquals(200, api.send("PUT", "/projects/" + open + "/quotas/411523", xinyang, "{\"seats\":2}").status());
        assertEquals(200, api.send("PUT", "/projects/" + open + "/quotas/4115230005", county, "{\"seats\":1}").status());
        String teacher = api.send("POST", "/dev/tokens", null, "{\"sub\":\"ss-app\",\"role\":\"TEACHER\",\"teacherId\":\"SS-4\"}").json().get("token").asText();
        assertEquals(201, api.send("POST", "/projects/" + open + "/applications", teacher, null).status());
        assertEquals(1, api.send("GET", "/projects/" + open + "/applications", school, null).json().get("items").size());
        String otherSchool = api.token("ss-school-6", "SCHOOL_ADMIN", "4115230006");
        assertEquals(0, api.send("GET", "/projects/" + open + "/applications", otherSchool, null).json().get("items").size());
        BadInputIT.problem(api.send("POST", "/projects/" + open + "/applications/SS-4/decision", otherSchool, "{\"approved\":true}"), 403, null);
        var approved = api.send("POST", "/projects/" + open + "/applications/SS-4/decision", school, "{\"approved\":true}");
        assertEquals(200, approved.status(), approved.toString());
        assertEquals("4115230005", approved.json().get("enrollment").get("quotaJurisdiction").asText(), approved.body());
    }
}
