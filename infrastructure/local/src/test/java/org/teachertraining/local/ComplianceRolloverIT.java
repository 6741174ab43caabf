package org.teachertraining.local;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The compliance aggregates at the turn of a cycle (C3), as the template runs them: the daily schedule's first run of
 * 2031 queues the rollover on the credit-posting queue, and the credit-posting function refreshes every teacher under a
 * requirement, a page of a unit at a time, with the permissions its role has. Nobody touched the teachers of 民权县
 * (a county no other test registers teachers in) after 2030: before, its list for Henan's 2031–2035 cycle stayed empty,
 * as if all of them met it.
 */
class ComplianceRolloverIT {
    static final String COUNTY = "411421";

    @AfterAll
    static void backToNow() throws Exception {
        Api.shared().send("POST", "/dev/clock", null, "{\"now\":\"" + OffsetDateTime.now(ZoneOffset.UTC) + "\"}");
    }

    @Test
    void theFirstDailyRunOfANewCycleListsEveryTeacherShortOfIt() throws Exception {
        var api = Api.shared();
        clock(api, "2030-12-31T08:00:30+08:00");
        String county = api.token("ro-mq", "COUNTY_ADMIN", COUNTY);   // tokens live on the platform's clock
        api.importTeachers(county, "RO-", COUNTY, 30);   // more than a page (25) of the rollover's work
        var before = shortIn(api, county);
        assertEquals(30, before.size());
        assertTrue(before.stream().allMatch(r -> r.get("cycleFrom").asInt() == 2026 && r.get("shortBy").asInt() == 360), before.toString());

        clock(api, "2031-01-01T08:00:30+08:00");
        county = api.token("ro-mq", "COUNTY_ADMIN", COUNTY);
        long deadline = System.currentTimeMillis() + 60_000;
        List<JsonNode> after;
        do {
            Thread.sleep(250);
            after = shortIn(api, county);
        } while (after.size() < 30 && System.currentTimeMillis() < deadline);
        assertEquals(30, after.size(), "every teacher of the county, short of the new cycle");
        assertTrue(after.stream().allMatch(r -> r.get("cycleFrom").asInt() == 2031 && r.get("cycleTo").asInt() == 2035
                && r.get("earned").asInt() == 0 && r.get("shortBy").asInt() == 360), after.toString());

        // the yearly results read the same rows: nobody of the county meets the new cycle yet
        var results = api.send("GET", "/jurisdictions/" + COUNTY + "/results?year=2031", county, null);
        assertEquals(200, results.status(), results.toString());
        assertEquals(2031, results.json().get("cycleFrom").asInt());
        assertEquals(30, results.json().get("unit").get("teachers").asInt());
        assertEquals(0, results.json().get("unit").get("meetingRequirement").asInt(), results.body());
    }

    private static void clock(Api api, String now) throws Exception {
        assertEquals(200, api.send("POST", "/dev/clock", null, "{\"now\":\"" + now + "\"}").status());
    }

    private static List<JsonNode> shortIn(Api api, String token) throws Exception {
        var rows = new ArrayList<JsonNode>();
        String cursor = null;
        do {
            var r = api.send("GET", "/jurisdictions/" + COUNTY + "/compliance?requirement=HN-CYCLE&limit=100" + (cursor == null ? "" : "&cursor=" + cursor), token, null);
            assertEquals(200, r.status(), r.toString());
            r.json().get("items").forEach(rows::add);
            cursor = r.json().path("nextCursor").isTextual() ? r.json().get("nextCursor").asText() : null;
        } while (cursor != null);
        return rows;
    }
}
