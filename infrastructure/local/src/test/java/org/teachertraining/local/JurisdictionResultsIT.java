package org.teachertraining.local;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;


import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A unit's yearly results (E8) over HTTP, for a plan year no other test uses (2031), in two counties no other test
 * registers teachers in: the figures are exactly what the records give, rates null where nothing was counted,
 * the S6 summary counted on time, the reader's rights as for the unit.
 */
class JurisdictionResultsIT {
    static final int YEAR = 2031;

    @Test
    void aCitysCountiesResults_fromTheRecords() throws Exception {
        var api = Api.shared();
        String province = api.token("jr-province", "PROVINCE_ADMIN", "410000");
        String xinyang = api.token("jr-xinyang", "CITY_ADMIN", "411500");
        String shangcheng = api.token("jr-sc", "COUNTY_ADMIN", "411524");
        String huaibin = api.token("jr-hb", "COUNTY_ADMIN", "411527");
        // 商城县 registers 4 teachers, 淮滨县 none
        api.importTeachers(shangcheng, "JR-", "411524", 4);

        var program = api.send("POST", "/programs", province, "{\"year\":" + YEAR + ",\"level\":\"PROVINCIAL\",\"name\":\"JR " + YEAR + "\",\"jurisdiction\":\"410000\"}");
        assertEquals(201, program.status(), program.toString());
        String programId = program.json().get("id").asText();
        var project = api.send("POST", "/programs/" + programId + "/projects", province, Api.projectBody("JR-1", "\"seats\":10"));
        assertEquals(201, project.status(), project.toString());
        String projectId = project.json().get("id").asText();
        assertEquals(200, api.send("PUT", "/projects/" + projectId + "/quotas/411500", province, "{\"seats\":6}").status());
        assertEquals(200, api.send("PUT", "/projects/" + projectId + "/quotas/411524", xinyang, "{\"seats\":4}").status());
        assertEquals(200, api.send("PUT", "/projects/" + projectId + "/quotas/411527", xinyang, "{\"seats\":2}").status());
        for (int i = 0; i < 3; i++) assertEquals(201, api.send("POST", "/projects/" + projectId + "/enrollments", shangcheng, "{\"teacherId\":\"JR-" + i + "\"}").status());
        // a second project, its seats given and one taken, then cancelled by the province: it counts for no unit (the figures below are the first's)
        String cancelled = api.send("POST", "/programs/" + programId + "/projects", province, Api.projectBody("JR-2", "\"seats\":10")).json().get("id").asText();
        assertEquals(200, api.send("PUT", "/projects/" + cancelled + "/quotas/411500", province, "{\"seats\":8}").status());
        assertEquals(200, api.send("PUT", "/projects/" + cancelled + "/quotas/411524", xinyang, "{\"seats\":5}").status());
        assertEquals(201, api.send("POST", "/projects/" + cancelled + "/enrollments", shangcheng, "{\"teacherId\":\"JR-3\"}").status());
        assertEquals(200, api.send("POST", "/projects/" + cancelled + "/cancellation", province, "{\"reason\":\"经费未落实\"}").status());

        // S6: the cities' summaries are due; Xinyang submits now, before the date
        var due = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusDays(10);
        assertEquals(200, api.send("PUT", "/programs/" + programId + "/city-report-deadline", province, "{\"dueDate\":\"" + due + "\"}").status());
        var summary = api.send("POST", "/programs/" + programId + "/city-reports", xinyang, "{\"summary\":\"信阳市" + YEAR + "年度项目实施情况汇总：三个项目按期开班。\"}");
        assertTrue(summary.status() == 201 || summary.status() == 200, summary.toString());

        // the province reads the summaries: Xinyang's on time, the other cities still owing one; a city reads its own only
        var read = api.send("GET", "/programs/" + programId + "/city-reports", province, null);
        assertEquals(200, read.status(), read.toString());
        assertEquals(due.toString(), read.json().get("dueDate").asText());
        assertEquals(1, read.json().get("items").size());
        assertEquals("信阳市", read.json().get("items").get(0).get("name").asText());
        assertTrue(read.json().get("items").get(0).get("onTime").asBoolean());
        assertTrue(read.json().get("items").get(0).get("summary").asText().startsWith("信阳市"));
        assertTrue(read.json().get("notSubmitted").toString().contains("410100"), "郑州市 has not submitted");
        assertTrue(read.json().get("notSubmitted").size() >= 16, read.body());
        var zhengzhou = api.send("GET", "/programs/" + programId + "/city-reports", api.token("jr-zz", "CITY_ADMIN", "410100"), null);
        assertEquals(0, zhengzhou.json().get("items").size(), "another city's summary is not Zhengzhou's to read");
        assertEquals("[\"410100\"]", zhengzhou.json().get("notSubmitted").toString());
        assertEquals(403, api.send("GET", "/programs/" + programId + "/city-reports", shangcheng, null).status());

        var r = api.send("GET", "/jurisdictions/411500/results?year=" + YEAR, xinyang, null);
        assertEquals(200, r.status(), r.toString());
        JsonNode city = r.json().get("unit");
        assertEquals("411500", city.get("jurisdiction").asText());
        assertEquals(1, city.get("projects").asInt());
        assertEquals(6, city.get("seats").asInt());
        assertEquals(3, city.get("enrolledInOwnSeats").asInt());
        assertEquals("50.0", city.get("fillPercent").asText());
        assertEquals(3, city.get("enrolled").asInt());
        assertEquals("0.0", city.get("reportPercent").asText(), "nobody has registered yet");
        assertEquals(1, city.get("cityReportsDue").asInt());
        assertEquals(1, city.get("cityReportsOnTime").asInt());
        assertEquals("HN-CYCLE", r.json().get("requirementId").asText());

        JsonNode sc = child(r.json(), "411524"), hb = child(r.json(), "411527");
        assertEquals(4, sc.get("seats").asInt());
        assertEquals("75.0", sc.get("fillPercent").asText());
        assertEquals(4, sc.get("teachers").asInt());
        assertEquals(0, sc.get("meetingRequirement").asInt(), "no hours credited yet");
        assertEquals("0.0", sc.get("meetingPercent").asText());
        assertTrue(absent(sc, "cityReportsDue"), "S6 is the cities'");
        assertEquals(2, hb.get("seats").asInt());
        assertEquals("0.0", hb.get("fillPercent").asText());
        assertEquals(0, hb.get("teachers").asInt());
        assertTrue(absent(hb, "meetingPercent"), "a county with no teachers has no share");
        assertTrue(absent(hb, "reportPercent"), "nor a report rate without enrollments");
        assertEquals(r.body(), api.send("GET", "/jurisdictions/411500/results?year=" + YEAR, xinyang, null).body(), "the same records give the same figures");

        // the county reads its own, not its neighbour's; the sheet has the same rows
        assertEquals(200, api.send("GET", "/jurisdictions/411524/results?year=" + YEAR, shangcheng, null).status());
        assertEquals(403, api.send("GET", "/jurisdictions/411527/results?year=" + YEAR, shangcheng, null).status());
        BadInputIT.problem(api.send("GET", "/jurisdictions/411500/results", xinyang, null), 400, "year");
        BadInputIT.problem(api.send("GET", "/jurisdictions/4115240001/results?year=" + YEAR, xinyang, null), 400, "code");
        var sheet = Sheets.xlsx(api.file("/jurisdictions/411500/results?year=" + YEAR + "&format=xlsx", xinyang).bytes());
        assertEquals("行政区划代码", sheet.get(0).get(0));
        assertEquals(1 + 1 + r.json().get("children").size(), sheet.size());
        assertTrue(sheet.stream().anyMatch(row -> row.get(0).equals("411524") && row.get(5).equals("75.0")), sheet.toString());
    }

    /**
     * Teachers of a city's own schools (市直) are registered at the city itself. They count once among the city's
     * teachers, as they count among those short of the requirement: before, the city's teachers were its counties' only
     * while its short were its whole subtree's, and the province's answer gave 驻马店市 −2 teachers meeting it (−66.7%).
     * The city lists them by naming itself.
     */
    @Test
    void aCitysOwnSchoolsTeachersCountOnce() throws Exception {
        var api = Api.shared();
        String province = api.token("jr-province", "PROVINCE_ADMIN", "410000");
        String zhumadian = api.token("jr-zmd", "CITY_ADMIN", "411700");
        api.importTeachers(zhumadian, "JRC-", "411700", 2);
        api.importTeachers(api.token("jr-xp", "COUNTY_ADMIN", "411721"), "JRX-", "411721", 1);

        var r = api.send("GET", "/jurisdictions/410000/results?year=" + YEAR, province, null);
        assertEquals(200, r.status(), r.toString());
        JsonNode city = child(r.json(), "411700");
        assertEquals(3, city.get("teachers").asInt(), city.toString());
        assertEquals(0, city.get("meetingRequirement").asInt(), "no hours credited yet");
        assertEquals("0.0", city.get("meetingPercent").asText());
        assertTrue(r.json().get("unit").get("meetingRequirement").asInt() >= 0, r.json().get("unit").toString());

        var own = api.send("GET", "/jurisdictions/411700/results?year=" + YEAR, zhumadian, null);
        assertEquals(3, own.json().get("unit").get("teachers").asInt(), own.toString());
        assertEquals(0, own.json().get("unit").get("meetingRequirement").asInt(), own.toString());
        assertEquals(1, child(own.json(), "411721").get("teachers").asInt(), own.toString());

        var listed = api.send("GET", "/teachers?jurisdiction=411700", zhumadian, null);
        assertEquals(200, listed.status(), listed.toString());
        assertEquals(java.util.List.of("JRC-0", "JRC-1"), listed.json().get("items").findValuesAsText("id"));
    }

    /** A figure with nothing to count is left out of the answer (null members are not written). */
    private static boolean absent(JsonNode figures, String member) {
        return figures.path(member).isMissingNode() || figures.path(member).isNull();
    }

    private static JsonNode child(JsonNode results, String code) {
        for (var c : results.get("children")) if (c.get("jurisdiction").asText().equals(code)) return c;
        throw new AssertionError(code + " not among " + results.get("children"));
    }
}
