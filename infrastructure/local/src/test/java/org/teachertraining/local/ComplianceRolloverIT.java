package org.teachertraining.local;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.teachertraining.adapters.aws.AwsClients;
import org.teachertraining.adapters.dynamodb.DynamoDbReminderRuns;
import org.teachertraining.adapters.dynamodb.TrainingTable;

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
 * as if all of them met it. In 2030, the cycle's last year, the same pass tells each teacher still short and the county
 * how many: the daily run used to collect every such notice of a province itself, a million in one invocation.
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
        clock(api, "2029-12-31T08:00:30+08:00");
        String county = api.token("ro-mq", "COUNTY_ADMIN", COUNTY);   // tokens live on the platform's clock
        api.importTeachers(county, "RO-", COUNTY, 30);   // more than a page (25) of the rollover's work

        // 2030, the last year of Henan's 2026–2030 cycle: each teacher is told, the county once, with how many
        clock(api, "2030-01-01T08:00:30+08:00");
        county = api.token("ro-mq", "COUNTY_ADMIN", COUNTY);
        var countyNotices = awaitCycleShort(county, 2);   // HN-CYCLE's 360 hours and IT 2.0's 50 both end in 2030
        assertEquals(List.of("HN-CYCLE", "HN-IT-2.0"), countyNotices.stream().map(n -> n.get("title").get("en").asText().replaceAll(".*: ", "")).sorted().toList());
        assertTrue(countyNotices.stream().anyMatch(n -> n.get("body").get("zh").asText().startsWith("民权县登记的教师中有 30 名尚未达到河南省教师继续教育")),
                countyNotices.toString());
        var teacher = api.send("POST", "/dev/tokens", null, "{\"sub\":\"ro-t\",\"role\":\"TEACHER\",\"jurisdiction\":\"" + COUNTY + "\",\"teacherId\":\"RO-7\"}")
                .json().get("token").asText();
        var told = awaitCycleShort(teacher, 2);
        assertEquals(List.of("本周期还差 360 学时：河南省教师继续教育：每5年不少于360学时", "本周期还差 50 学时（其中返岗实践 25 学时）：信息技术应用能力提升工程2.0：不少于50学时，其中实践应用不少于25学时"),
                told.stream().map(n -> n.get("title").get("zh").asText()).sorted(java.util.Comparator.comparing(t -> t.contains("360") ? 0 : 1)).toList());

        clock(api, "2030-12-31T08:00:30+08:00");
        county = api.token("ro-mq", "COUNTY_ADMIN", COUNTY);
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

        // the cycle just ended stays listed through 2031, for the re-registration of teaching certificates
        var ended = shortIn(api, county, "&year=2030");
        assertEquals(30, ended.size());
        ended.forEach(r -> assertEquals(List.of(2026, 2030, 360), List.of(r.get("cycleFrom").asInt(), r.get("cycleTo").asInt(),
                r.get("shortBy").asInt()), r.toString()));
        BadInputIT.problem(api.send("GET", "/jurisdictions/" + COUNTY + "/compliance?requirement=HN-CYCLE&year=2025", county, null), 400, "year");

        // the yearly results read the same rows: nobody of the county meets the new cycle yet
        var results = api.send("GET", "/jurisdictions/" + COUNTY + "/results?year=2031", county, null);
        assertEquals(200, results.status(), results.toString());
        assertEquals(2031, results.json().get("cycleFrom").asInt());
        assertEquals(30, results.json().get("unit").get("teachers").asInt());
        assertEquals(0, results.json().get("unit").get("meetingRequirement").asInt(), results.body());
        // and 2030's, evaluated in January 2031, read the cycle that ended with it (before: the new cycle's, for every year)
        var lastYears = api.send("GET", "/jurisdictions/" + COUNTY + "/results?year=2030", county, null);
        assertEquals(List.of(2026, 2030, 30, 0), List.of(lastYears.json().get("cycleFrom").asInt(), lastYears.json().get("cycleTo").asInt(),
                lastYears.json().get("unit").get("teachers").asInt(), lastYears.json().get("unit").get("meetingRequirement").asInt()), lastYears.body());
    }

    /** The caller's CYCLE_SHORT notices, once there are {@code expected} (or after 60 s, those there are). */
    private static List<JsonNode> awaitCycleShort(String token, int expected) throws Exception {
        long deadline = System.currentTimeMillis() + 60_000;
        while (cycleShort(token).size() < expected && System.currentTimeMillis() < deadline) Thread.sleep(250);
        Thread.sleep(500);   // and nothing more arrives
        return cycleShort(token);
    }

    private static List<JsonNode> cycleShort(String token) throws Exception {
        return NotificationsIT.inbox(token, null).stream().filter(n -> n.get("kind").asText().equals("CYCLE_SHORT")).toList();
    }

    /** Moves the platform's clock to 08:00:30 of a day and waits until the daily run has covered exactly that day. */
    private static void clock(Api api, String now) throws Exception {
        assertEquals(200, api.send("POST", "/dev/clock", null, "{\"now\":\"" + now + "\"}").status());
        try (var dynamo = AwsClients.dynamoDb("local", Api.runtime().dynamoDbEndpoint().toString())) {
            NotificationsIT.awaitRun(new DynamoDbReminderRuns(new TrainingTable(dynamo, "TrainingTable")), java.time.LocalDate.parse(now.substring(0, 10)));
        }
    }

    private static List<JsonNode> shortIn(Api api, String token) throws Exception {
        return shortIn(api, token, "");
    }

    /** The county's list, every page of it, with {@code query} added to its query. */
    private static List<JsonNode> shortIn(Api api, String token, String query) throws Exception {
        var rows = new ArrayList<JsonNode>();
        String cursor = null;
        do {
            var r = api.send("GET", "/jurisdictions/" + COUNTY + "/compliance?requirement=HN-CYCLE&limit=100" + query + (cursor == null ? "" : "&cursor=" + cursor), token, null);
            assertEquals(200, r.status(), r.toString());
            r.json().get("items").forEach(rows::add);
            cursor = r.json().path("nextCursor").isTextual() ? r.json().get("nextCursor").asText() : null;
        } while (cursor != null);
        return rows;
    }
}
