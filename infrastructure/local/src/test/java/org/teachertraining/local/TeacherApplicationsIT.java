package org.teachertraining.local;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Teachers' own choice (自主选学, E9) over HTTP: apply, decide, approve a list; the seat taken once, however the clerks race. */
class TeacherApplicationsIT {
    static Api api;
    static String province, xinyang, county;

    @BeforeAll
    static void setUp() throws Exception {
        api = Api.shared();
        province = api.token("ta-province", "PROVINCE_ADMIN", "410000");
        xinyang = api.token("ta-xinyang", "CITY_ADMIN", "411500");
        county = api.token("ta-xx", "COUNTY_ADMIN", "411523");
    }

    static String teacher(String id) throws Exception {
        return api.send("POST", "/dev/tokens", null, "{\"sub\":\"ta-" + id + "\",\"role\":\"TEACHER\",\"teacherId\":\"" + id + "\"}").json().get("token").asText();
    }

    /** The project as {@code GET /me/projects?open=true} shows it to the teacher. */
    static JsonNode choice(String project, String teacherId) throws Exception {
        var r = api.send("GET", "/me/projects?open=true", teacher(teacherId), null);
        assertEquals(200, r.status(), r.toString());
        assertTrue(r.json().path("nextCursor").isMissingNode(), "one page: " + r.body());
        for (JsonNode item : r.json().get("items")) {
            if (item.get("project").get("projectId").asText().equals(project)) return item;
        }
        throw new AssertionError(project + " is not in " + r.body());
    }

    static int enrolled(String project, String token) throws Exception {
        return api.send("GET", "/projects/" + project + "/quotas", token, null).json().get(0).get("enrolled").asInt();
    }

    @Test
    void teachersApplyTheirCountyDecides_andRacingClerksNeverBookTwoSeats() throws Exception {
        String guangshan = api.token("ta-gs", "COUNTY_ADMIN", "411522");
        api.importTeachers(xinyang, "TA-", "411523", 7);   // TA-6 never applies
        String project = api.project(province, "TA-1", null);
        assertEquals(200, api.send("PUT", "/projects/" + project + "/quotas/411500", province, "{\"seats\":3}").status());

        // closed to applications until the owner opens it; only the owner may
        assertEquals("E9", choice(project, "TA-0").get("refusal").get("rule").asText());
        assertFalse(choice(project, "TA-0").get("canApply").asBoolean());
        BadInputIT.refusedBy(api.send("POST", "/projects/" + project + "/applications", teacher("TA-0"), null), 409, "E9");
        BadInputIT.problem(api.send("PUT", "/projects/" + project + "/applications", xinyang, "{\"open\":true}"), 403, null);
        assertEquals(200, api.send("PUT", "/projects/" + project + "/applications", province, "{\"open\":true}").status());
        assertTrue(choice(project, "TA-0").get("canApply").asBoolean());
        assertTrue(choice(project, "TA-0").path("refusal").isMissingNode());
        BadInputIT.problem(api.send("GET", "/me/projects?open=maybe", teacher("TA-0"), null), 400, "open");
        BadInputIT.problem(api.send("GET", "/me/projects?open=true", county, null), 403, null);   // a teacher's own list

        var applied = api.send("POST", "/projects/" + project + "/applications", teacher("TA-0"), "{\"statement\":\"希望参加乡村骨干教师培训\"}");
        assertEquals(201, applied.status(), applied.toString());
        assertEquals("PENDING", applied.json().get("status").asText());
        assertEquals(200, api.send("POST", "/projects/" + project + "/applications", teacher("TA-0"), null).status());   // the same one
        for (int i = 1; i < 6; i++) assertEquals(201, api.send("POST", "/projects/" + project + "/applications", teacher("TA-" + i), null).status());
        BadInputIT.problem(api.send("POST", "/projects/" + project + "/applications", county, null), 403, null);   // teachers apply, not admins

        // the county sees its pending list, a neighbouring county none of it
        assertEquals(6, api.send("GET", "/projects/" + project + "/applications?status=PENDING", county, null).json().get("items").size());
        assertEquals(0, api.send("GET", "/projects/" + project + "/applications", guangshan, null).json().get("items").size());
        BadInputIT.problem(api.send("POST", "/projects/" + project + "/applications/TA-0/decision", guangshan, "{\"approved\":true}"), 403, null);
        // whether a teacher applied is said only to the deciders over the teacher (TA-6 did not): another county gets 403 either way
        BadInputIT.problem(api.send("POST", "/projects/" + project + "/applications/TA-6/decision", guangshan, "{\"approved\":true}"), 403, null);
        BadInputIT.problem(api.send("POST", "/projects/" + project + "/applications/TA-6/decision", county, "{\"approved\":true}"), 404, null);
        var otherCase = api.send("POST", "/projects/" + project + "/applications/ta-6/decision", county, "{\"approved\":true}");
        assertEquals(404, otherCase.status(), otherCase.toString());
        assertTrue(otherCase.json().get("detail").asText().contains("已登记的教师编号是 TA-6"), otherCase.toString());

        // four clerks approve TA-0 at once: one seat
        var approvals = new ArrayList<CompletableFuture<Api.Response>>();
        for (String clerk : List.of(county, xinyang, county, xinyang)) {
            approvals.add(api.sendAsync("POST", "/projects/" + project + "/applications/TA-0/decision", clerk, "{\"approved\":true}"));
        }
        for (var a : approvals) {
            var r = a.get();
            assertTrue(r.status() == 200 || r.status() == 409, r.toString());
            if (r.status() == 200) {   // the decision carries the enrollment it made
                assertEquals("APPROVED", r.json().get("status").asText());
                assertEquals("SELECTED", r.json().get("enrollment").get("status").asText(), r.body());
                assertEquals("TA-0", r.json().get("enrollment").get("teacherId").asText());
            }
        }
        assertEquals("E6", choice(project, "TA-0").get("refusal").get("rule").asText());
        assertEquals("APPROVED", api.send("GET", "/teachers/TA-0/applications", teacher("TA-0"), null).json().get("items").get(0).get("status").asText());
        assertEquals(1, enrolled(project, xinyang));

        // an approval and a decline of TA-1 at once: one of them wins, and the seat agrees with it
        var approve = api.sendAsync("POST", "/projects/" + project + "/applications/TA-1/decision", county, "{\"approved\":true}");
        var decline = api.sendAsync("POST", "/projects/" + project + "/applications/TA-1/decision", xinyang, "{\"approved\":false,\"reason\":\"名额另有安排\"}");
        approve.get();
        decline.get();
        String ta1 = api.send("GET", "/teachers/TA-1/applications", county, null).json().get("items").get(0).get("status").asText();
        assertEquals(ta1.equals("APPROVED") ? 2 : 1, enrolled(project, xinyang), "TA-1 is " + ta1);
        BadInputIT.problem(api.send("POST", "/projects/" + project + "/applications/TA-2/decision", county, "{\"approved\":false}"), 400, "reason");

        // the county approves the rest of its list at once: never more than the 3 seats
        var bulk = api.send("POST", "/projects/" + project + "/applications:approve", county, "{\"teacherIds\":[\"TA-2\",\"TA-3\",\"TA-4\",\"TA-5\"]}");
        assertEquals(200, bulk.status(), bulk.toString());
        int approved = 0, refusedE1 = 0;
        for (JsonNode row : bulk.json().get("items")) {
            if (row.get("status").asText().equals("APPROVED")) approved++;
            else if (row.path("rule").asText().equals("E1")) refusedE1++;
        }
        assertEquals(3, enrolled(project, xinyang));
        assertEquals(4, approved + refusedE1, bulk.body());
        assertEquals(3 - (ta1.equals("APPROVED") ? 2 : 1), approved, bulk.body());
        // a refused approval leaves the application pending, for when a seat frees
        assertTrue(api.send("GET", "/projects/" + project + "/applications?status=PENDING", county, null).json().get("items").size() >= 1);
        BadInputIT.problem(api.send("GET", "/teachers/TA-0/applications", teacher("TA-1"), null), 403, null);
        BadInputIT.problem(api.send("GET", "/projects/" + project + "/applications?status=MAYBE", county, null), 400, "status");

        // a project created "openToApplications" takes applications at once
        String open = api.project(province, "TA-OPEN", "\"openToApplications\":true");
        assertEquals(200, api.send("PUT", "/projects/" + open + "/quotas/411500", province, "{\"seats\":1}").status());
        assertTrue(choice(open, "TA-5").get("canApply").asBoolean());
        assertEquals(201, api.send("POST", "/projects/" + open + "/applications", teacher("TA-5"), null).status());
        String program = api.send("GET", "/projects/" + open, province, null).json().get("programId").asText();
        BadInputIT.problem(api.send("POST", "/programs/" + program + "/projects", province, Api.projectBody("TA-BAD", "\"openToApplications\":\"yes\"")), 400, "openToApplications");
        // of a program that does not exist too: the contract answers malformed input 400, and that it does not exist is no secret
        BadInputIT.problem(api.send("POST", "/programs/NOPE/projects", province, Api.projectBody("TA-BAD", "\"openToApplications\":\"yes\"")), 400, "openToApplications");
    }

    /**
     * A teacher moved by the city to another county while an application waits: the application follows the teacher.
     * Before, the old county still listed it but was refused its decision (403), and the new county saw nothing.
     */
    @Test
    void aPendingApplicationFollowsATeacherMovedToAnotherCounty_whichDecidesItFromItsOwnSeats() throws Exception {
        String shihe = api.token("ta-sh", "COUNTY_ADMIN", "411502");
        api.importTeachers(xinyang, "TM-", "411523", 2);
        String project = api.project(province, "TA-MOVE", "\"openToApplications\":true");
        assertEquals(200, api.send("PUT", "/projects/" + project + "/quotas/411500", province, "{\"seats\":2}").status());
        assertEquals(200, api.send("PUT", "/projects/" + project + "/quotas/411523", xinyang, "{\"seats\":1}").status());
        assertEquals(200, api.send("PUT", "/projects/" + project + "/quotas/411502", xinyang, "{\"seats\":1}").status());
        assertEquals(201, api.send("POST", "/projects/" + project + "/applications", teacher("TM-0"), "{\"statement\":\"想参加\"}").status());
        assertEquals(201, api.send("POST", "/projects/" + project + "/applications", teacher("TM-1"), null).status());
        // the second is declined before the move: a decided application stays with the unit that decided it
        assertEquals(200, api.send("POST", "/projects/" + project + "/applications/TM-1/decision", county, "{\"approved\":false,\"reason\":\"名额已满\"}").status());

        api.importTeachers(xinyang, "TM-", "411502", 2);   // the city moves both to 浉河区

        var oldList = api.send("GET", "/projects/" + project + "/applications?status=PENDING", county, null);
        assertEquals(0, oldList.json().get("items").size(), oldList.body());
        BadInputIT.problem(api.send("POST", "/projects/" + project + "/applications/TM-0/decision", county, "{\"approved\":true}"), 403, null);
        var newList = api.send("GET", "/projects/" + project + "/applications", shihe, null);
        assertEquals(1, newList.json().get("items").size(), newList.body());
        var moved = newList.json().get("items").get(0);
        assertEquals("TM-0", moved.get("teacherId").asText());
        assertEquals("411502", moved.get("teacherJurisdiction").asText());
        assertEquals("想参加", moved.get("statement").asText());
        assertEquals("DECLINED", api.send("GET", "/projects/" + project + "/applications", county, null).json().get("items").get(0).get("status").asText());

        var approved = api.send("POST", "/projects/" + project + "/applications/TM-0/decision", shihe, "{\"approved\":true}");
        assertEquals(200, approved.status(), approved.toString());
        assertEquals("APPROVED", approved.json().get("status").asText());
        var quotas = api.send("GET", "/projects/" + project + "/quotas", xinyang, null).json();
        for (JsonNode q : quotas) {
            if (q.get("jurisdiction").asText().equals("411502")) assertEquals(1, q.get("enrolled").asInt(), quotas.toString());
            if (q.get("jurisdiction").asText().equals("411523")) assertEquals(0, q.get("enrolled").asInt(), quotas.toString());
        }
    }

    @Test
    void e7_aTeacherWhoWithdrewAfterApprovalAppliesAgain_andTheSpentApprovalApprovesNothing() throws Exception {
        api.importTeachers(xinyang, "TW-", "411523", 1);
        String project = api.project(province, "TA-W", "\"openToApplications\":true");
        assertEquals(200, api.send("PUT", "/projects/" + project + "/quotas/411500", province, "{\"seats\":1}").status());
        assertEquals(201, api.send("POST", "/projects/" + project + "/applications", teacher("TW-0"), null).status());
        assertEquals(200, api.send("POST", "/projects/" + project + "/applications/TW-0/decision", county, "{\"approved\":true}").status());
        assertEquals(1, enrolled(project, xinyang));
        assertEquals(200, api.send("DELETE", "/projects/" + project + "/enrollments/TW-0", county, null).status());
        assertEquals(0, enrolled(project, xinyang));

        // approving the old application again would approve nothing: refused, naming the withdrawal, and no seat taken
        var stale = BadInputIT.refusedBy(api.send("POST", "/projects/" + project + "/applications/TW-0/decision", county, "{\"approved\":true}"), 409, "E7");
        assertEquals("TW-0", stale.get("teacherId").asText());
        assertEquals(0, enrolled(project, xinyang));

        // the teacher may apply again, as the list of open projects says: a new pending application, repeats the same
        assertTrue(choice(project, "TW-0").get("canApply").asBoolean());
        var again = api.send("POST", "/projects/" + project + "/applications", teacher("TW-0"), "{\"statement\":\"身体已康复，申请重新参加\"}");
        assertEquals(201, again.status(), again.toString());
        assertEquals("PENDING", again.json().get("status").asText());
        assertEquals("身体已康复，申请重新参加", again.json().get("statement").asText());
        var repeat = api.send("POST", "/projects/" + project + "/applications", teacher("TW-0"), null);
        assertEquals(200, repeat.status(), repeat.toString());
        assertEquals("PENDING", repeat.json().get("status").asText());
        var approved = api.send("POST", "/projects/" + project + "/applications/TW-0/decision", county, "{\"approved\":true}");
        assertEquals(200, approved.status(), approved.toString());
        assertEquals("SELECTED", approved.json().get("enrollment").get("status").asText(), approved.body());
        assertEquals(1, enrolled(project, xinyang));
    }
}
