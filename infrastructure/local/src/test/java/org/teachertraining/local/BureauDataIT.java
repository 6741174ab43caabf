package org.teachertraining.local;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Requirements and budgets as the bureaus' data, over HTTP, in 固始县 (411525, no other test's): a district's cycle
 * requirement (C3) versioned and in force from next year, replacing the province's for its teachers only; the county's
 * training budget (F3) recorded, checked, and read by its city with the counties short or missing.
 */
class BureauDataIT {
    static final String COUNTY = "411525";

    static List<String> ids(JsonNode requirements) {
        var ids = new ArrayList<String>();
        requirements.forEach(r -> ids.add(r.get("id").asText()));
        return ids;
    }

    @Test
    void c3_aDistrictsRequirementIsVersionedAndReplacesTheProvincesFromItsYear() throws Exception {
        var api = Api.shared();
        String county = api.token("bd-county", "COUNTY_ADMIN", COUNTY);
        int year = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
        var now = api.send("GET", "/requirements?jurisdiction=" + COUNTY, county, null);
        assertEquals(200, now.status(), now.toString());
        assertTrue(ids(now.json().get("requirements")).contains("HN-CYCLE"), now.body());

        String body = "{\"jurisdiction\":\"" + COUNTY + "\",\"name\":\"固始县规划：每4年不少于240学时，其中校本研修不少于120学时\",\"appliesTo\":\"ALL\","
                + "\"periodYears\":4,\"minHours\":240,\"minByCategory\":{\"SCHOOL_BASED\":120},\"anchorYear\":" + (year + 1) + ",\"effectiveFrom\":";
        BadInputIT.problem(api.send("PUT", "/requirements/GS-CYCLE", county, body + year + "}"), 400, "effectiveFrom");
        BadInputIT.problem(api.send("PUT", "/requirements/GS-CYCLE", county, body.replace("\"ALL\"", "\"EVERYONE\"") + (year + 1) + "}"), 400, null);
        BadInputIT.problem(api.send("PUT", "/requirements/GS-CYCLE", county, body.replace("SCHOOL_BASED\":120", "SCHOOL_BASED\":300") + (year + 1) + "}"), 400, "minByCategory");
        BadInputIT.problem(api.send("PUT", "/requirements/GS-CYCLE", county, body.replace("SCHOOL_BASED", "GOLF") + (year + 1) + "}"), 400, null);
        assertEquals(403, api.send("PUT", "/requirements/GS-CYCLE", api.token("bd-gs", "COUNTY_ADMIN", "411522"), body + (year + 1) + "}").status());
        assertEquals(404, api.send("GET", "/requirements/GS-CYCLE", county, null).status(), "nothing stored by the refusals");

        var v1 = api.send("PUT", "/requirements/GS-CYCLE", county, body + (year + 1) + "}");
        assertEquals(201, v1.status(), v1.toString());
        assertEquals(1, v1.json().get("version").asInt());
        var history = api.send("GET", "/requirements/GS-CYCLE", api.send("POST", "/dev/tokens", null,
                "{\"sub\":\"bd-t\",\"role\":\"TEACHER\",\"teacherId\":\"BD-T\",\"jurisdiction\":\"" + COUNTY + "\"}").json().get("token").asText(), null);   // public policy: a teacher reads it
        assertEquals(200, history.status(), history.toString());
        assertTrue(history.json().path("inForce").isMissingNode() || history.json().get("inForce").isNull(), "not in force this year: " + history.body());

        var next = api.send("GET", "/requirements?jurisdiction=" + COUNTY + "&year=" + (year + 1), county, null).json().get("requirements");
        assertTrue(ids(next).contains("GS-CYCLE") && !ids(next).contains("HN-CYCLE"), next.toString());
        assertTrue(ids(api.send("GET", "/requirements?jurisdiction=4115250001&year=" + (year + 1), county, null).json().get("requirements")).contains("GS-CYCLE"),
                "its schools fall under it too");
        var neighbour = api.send("GET", "/requirements?jurisdiction=411522&year=" + (year + 1), county, null).json().get("requirements");
        assertTrue(ids(neighbour).contains("HN-CYCLE") && !ids(neighbour).contains("GS-CYCLE"), neighbour.toString());
        assertTrue(ids(api.send("GET", "/requirements?jurisdiction=" + COUNTY, county, null).json().get("requirements")).contains("HN-CYCLE"), "this year unchanged");

        var moved = api.send("PUT", "/requirements/GS-CYCLE", api.token("bd-city", "CITY_ADMIN", "411500"), body.replace(COUNTY, "411522") + (year + 1) + "}");
        assertEquals(409, moved.status(), moved.toString());
        var v2 = api.send("PUT", "/requirements/GS-CYCLE", api.token("bd-city2", "CITY_ADMIN", "411500"), body.replace("240", "200") + (year + 2) + "}");
        assertEquals(2, v2.json().get("version").asInt(), v2.toString());
        assertEquals(2, api.send("GET", "/requirements/GS-CYCLE", county, null).json().get("versions").size());
        // the ID in another case is the same requirement's: refused, naming it, and nothing stored
        var otherCase = api.send("PUT", "/requirements/gs-cycle", county, body.replace("240", "220") + (year + 2) + "}");
        assertEquals(409, otherCase.status(), otherCase.toString());
        assertEquals("GS-CYCLE", otherCase.json().get("existing").asText(), otherCase.toString());
        var readInAnotherCase = api.send("GET", "/requirements/gs-cycle", county, null);   // the requirement set under that ID, as stored
        assertEquals(List.of("GS-CYCLE", 2), List.of(readInAnotherCase.json().get("id").asText(), readInAnotherCase.json().get("versions").size()),
                readInAnotherCase.toString());
        assertEquals(409, api.send("PUT", "/requirements/hn-cycle", api.token("bd-province", "PROVINCE_ADMIN", "410000"),
                body.replace(COUNTY, "410000") + (year + 2) + "}").status(), "a seed's ID in another case");
        BadInputIT.problem(api.send("GET", "/requirements/" + "x".repeat(80), county, null), 400, "id");
        BadInputIT.problem(api.send("GET", "/requirements?jurisdiction=999999", county, null), 400, "jurisdiction");
        assertEquals(401, api.send("GET", "/requirements?jurisdiction=" + COUNTY, null, null).status());
    }

    @Test
    void f3_aCountysTrainingBudgetIsRecordedCheckedAndReadByItsCity() throws Exception {
        var api = Api.shared();
        String county = api.token("bd-county3", "COUNTY_ADMIN", COUNTY);
        String city = api.token("bd-city3", "CITY_ADMIN", "411500");
        int year = 2031;
        BadInputIT.problem(api.send("PUT", "/jurisdictions/410000/training-budgets/" + year, api.token("bd-p", "PROVINCE_ADMIN", "410000"),
                "{\"basis\":100000000,\"trainingBudget\":1500000}"), 400, "code");
        BadInputIT.problem(api.send("PUT", "/jurisdictions/" + COUNTY + "/training-budgets/" + year, county, "{\"basis\":\"100000000\",\"trainingBudget\":1500000}"), 400, null);
        BadInputIT.problem(api.send("PUT", "/jurisdictions/" + COUNTY + "/training-budgets/" + year, county, "{\"basis\":100000000,\"trainingBudget\":1.001}"), 400, "trainingBudget");
        assertEquals(403, api.send("PUT", "/jurisdictions/" + COUNTY + "/training-budgets/" + year, api.token("bd-gs3", "COUNTY_ADMIN", "411522"),
                "{\"basis\":100000000,\"trainingBudget\":1500000}").status());
        var recorded = api.send("PUT", "/jurisdictions/" + COUNTY + "/training-budgets/" + year, county, "{\"basis\":100000000,\"trainingBudget\":1000000}");
        assertEquals(200, recorded.status(), recorded.toString());
        assertEquals("BELOW_MINIMUM", recorded.json().get("check").get("status").asText());
        assertEquals(50_000_000, recorded.json().get("check").get("shortfallFen").asLong());

        var overview = api.send("GET", "/jurisdictions/411500/training-budgets?year=" + year, city, null);
        assertEquals(200, overview.status(), overview.toString());
        assertTrue(overview.json().get("belowMinimum").findValuesAsText("jurisdiction").contains(COUNTY), overview.body());
        assertFalse(overview.json().get("missing").findValuesAsText("jurisdiction").contains(COUNTY), overview.body());
        assertTrue(overview.json().get("missing").findValuesAsText("jurisdiction").contains("411522"), overview.body());
        assertEquals(403, api.send("GET", "/jurisdictions/411500/training-budgets?year=" + year, county, null).status());

        // raised to 2%: within the band, no longer short; the record is replaced
        var raised = api.send("PUT", "/jurisdictions/" + COUNTY + "/training-budgets/" + year, county, "{\"basis\":100000000,\"trainingBudget\":2000000}");
        assertEquals("WITHIN_RANGE", raised.json().get("check").get("status").asText());
        overview = api.send("GET", "/jurisdictions/411500/training-budgets?year=" + year, city, null);
        assertFalse(overview.json().get("belowMinimum").findValuesAsText("jurisdiction").contains(COUNTY), overview.body());
        assertEquals(1, overview.json().get("below").size());
    }
}
