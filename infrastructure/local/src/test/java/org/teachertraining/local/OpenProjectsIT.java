package org.teachertraining.local;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.HashMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A teacher finds the projects open to them now, and for the others the rule that keeps them out (issue 16, part 1). */
class OpenProjectsIT {

    @Test
    void aTeacherSeesWhatIsOpenAndWhyTheRestIsNot() throws Exception {
        var api = Api.shared();
        String province = api.token("op-province", "PROVINCE_ADMIN", "410000");
        String xinyang = api.token("op-xinyang", "CITY_ADMIN", "411500");
        String zhengzhou = api.token("op-zhengzhou", "CITY_ADMIN", "410100");
        api.importTeachers(xinyang, "OP-", "411523", 2);
        int year = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).getYear();

        String open = api.project(province, "OP-OPEN", null);
        assertEquals(200, api.send("PUT", "/projects/" + open + "/quotas/411500", province, "{\"seats\":5}").status());
        String enrolled = api.project(province, "OP-ENROLLED", null);
        assertEquals(200, api.send("PUT", "/projects/" + enrolled + "/quotas/411500", province, "{\"seats\":5}").status());
        assertEquals(201, api.send("POST", "/projects/" + enrolled + "/enrollments", xinyang, "{\"teacherId\":\"OP-0\"}").status());
        String noSeats = api.project(province, "OP-NOSEATS", null);   // no quota for Xinyang
        String full = api.project(province, "OP-FULL", null);
        assertEquals(200, api.send("PUT", "/projects/" + full + "/quotas/411500", province, "{\"seats\":1}").status());
        assertEquals(201, api.send("POST", "/projects/" + full + "/enrollments", xinyang, "{\"teacherId\":\"OP-1\"}").status());
        // a program of another city does not apply to a teacher of Xin County
        var zzProgram = api.send("POST", "/programs", zhengzhou, "{\"year\":" + year + ",\"level\":\"CITY\",\"name\":\"郑州市培\",\"jurisdiction\":\"410100\"}");
        var zzProject = api.send("POST", "/programs/" + zzProgram.json().get("id").asText() + "/projects", zhengzhou, Api.projectBody("OP-ZZ", null));
        assertEquals(201, zzProject.status(), zzProject.toString());

        String cancelled = api.project(province, "OP-CANCELLED", null);   // its selection is over: not offered
        assertEquals(200, api.send("PUT", "/projects/" + cancelled + "/quotas/411500", province, "{\"seats\":5}").status());
        assertEquals(200, api.send("POST", "/projects/" + cancelled + "/cancellation", province, "{\"reason\":\"经费未落实\"}").status());

        String teacher = api.send("POST", "/dev/tokens", null, "{\"sub\":\"op-t0\",\"role\":\"TEACHER\",\"teacherId\":\"OP-0\"}").json().get("token").asText();
        var r = api.send("GET", "/teachers/OP-0/open-projects", teacher, null);
        assertEquals(200, r.status(), r.toString());
        var byId = new HashMap<String, JsonNode>();
        r.json().get("items").forEach(i -> byId.put(i.get("projectId").asText(), i));
        assertTrue(byId.get(open).get("open").asBoolean(), byId.get(open).toString());
        assertEquals("E6", byId.get(enrolled).get("rule").asText());
        assertEquals("E1", byId.get(noSeats).get("rule").asText());
        assertEquals("E1", byId.get(full).get("rule").asText());
        assertEquals("411500", byId.get(full).get("details").get("quotaJurisdiction").asText());
        assertTrue(byId.get(noSeats).get("reason").asText().contains("名额"), byId.get(noSeats).toString());
        assertFalse(byId.containsKey(zzProject.json().get("id").asText()), "another city's program applies to Xin County");
        assertFalse(byId.containsKey(cancelled), "a cancelled project is offered");
        var choices = api.send("GET", "/me/projects?open=true", teacher, null);
        assertEquals(200, choices.status(), choices.toString());
        assertFalse(choices.body().contains(cancelled), "a cancelled project among the teacher's choices");

        // in English on request; the county reads it too; another county's admin and another teacher may not
        var english = api.send("GET", "/teachers/OP-0/open-projects", teacher, null, "Accept-Language", "en");
        english.json().get("items").forEach(i -> { if (i.get("projectId").asText().equals(noSeats)) assertTrue(i.get("reason").asText().startsWith("No seats"), i.toString()); });
        assertEquals(200, api.send("GET", "/teachers/OP-0/open-projects", api.token("op-xx", "COUNTY_ADMIN", "411523"), null).status());
        BadInputIT.problem(api.send("GET", "/teachers/OP-0/open-projects", api.token("op-gs", "COUNTY_ADMIN", "411522"), null), 403, null);
        String other = api.send("POST", "/dev/tokens", null, "{\"sub\":\"op-t1\",\"role\":\"TEACHER\",\"teacherId\":\"OP-1\"}").json().get("token").asText();
        BadInputIT.problem(api.send("GET", "/teachers/OP-0/open-projects", other, null), 403, null);
        BadInputIT.problem(api.send("GET", "/teachers/NOBODY/open-projects", province, null), 404, null);
    }
}
