package org.teachertraining.local;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.teachertraining.adapters.aws.AwsClients;
import org.teachertraining.adapters.dynamodb.DynamoDbReminderRuns;
import org.teachertraining.adapters.dynamodb.TrainingTable;
import org.teachertraining.notifications.ReminderHandler;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The daily schedule of template.yaml, fired by the local runtime on its clock, moved day by day through
 * September: the reminders before the 9/25 cutoff reach the jurisdictions whose quotas are not filled, and
 * the institution's before its deliverables are due — once each, and nobody else's.
 */
class NotificationsIT {
    static Api api;
    static TrainingTable table;

    @BeforeAll
    static void setUp() throws Exception {
        api = Api.shared();
        table = new TrainingTable(AwsClients.dynamoDb("local", Api.runtime().dynamoDbEndpoint().toString()), "TrainingTable");
    }

    @AfterAll
    static void backToNow() throws Exception {
        api.send("POST", "/dev/clock", null, "{\"now\":\"" + OffsetDateTime.now(ZoneOffset.UTC) + "\"}");
    }

    static List<JsonNode> inbox(String token, String projectId) throws Exception {
        var out = new ArrayList<JsonNode>();
        String cursor = null;
        do {
            var r = Api.shared().send("GET", "/me/notifications?limit=100" + (cursor == null ? "" : "&cursor=" + cursor), token, null);
            assertEquals(200, r.status(), r.toString());
            r.json().get("items").forEach(n -> {
                if (projectId == null || projectId.equals(n.path("projectId").asText())) out.add(n);
            });
            cursor = r.json().path("nextCursor").isTextual() ? r.json().get("nextCursor").asText() : null;
        } while (cursor != null);
        return out;
    }

    static List<JsonNode> awaitInbox(String token, String projectId, int expected) throws Exception {
        long deadline = System.currentTimeMillis() + 30_000;
        List<JsonNode> got;
        do {
            got = inbox(token, projectId);
            if (got.size() >= expected) return got;
            Thread.sleep(200);
        } while (System.currentTimeMillis() < deadline);
        return got;
    }

    @Test
    void septemberDayByDay() throws Exception {
        String province = api.token("note-province", "PROVINCE_ADMIN", "410000");
        var program = api.send("POST", "/programs", province, "{\"year\":2027,\"level\":\"PROVINCIAL\",\"name\":\"提醒测试计划\",\"jurisdiction\":\"410000\"}");
        String project = api.send("POST", "/programs/" + program.json().get("id").asText() + "/projects", province,
                "{\"code\":\"NOTE-1\",\"name\":\"乡村骨干教师素质提升培训项目\",\"category\":\"乡村教师\",\"phases\":[{\"kind\":\"CENTRALIZED\",\"days\":8}],"
                        + "\"totalHours\":64,\"classSize\":50,\"institutionId\":\"HENU\",\"seats\":50,\"selectionCutoff\":\"2027-09-25T23:59:59+08:00\","
                        + "\"startDate\":\"2027-10-12\",\"endDate\":\"2027-10-26\"}").json().get("id").asText();
        String xinyang = api.token("note-xinyang", "CITY_ADMIN", "411500");
        assertEquals(200, api.send("PUT", "/projects/" + project + "/quotas/411500", province, "{\"seats\":10}").status());
        assertEquals(200, api.send("PUT", "/projects/" + project + "/quotas/411523", xinyang, "{\"seats\":5}").status());
        api.importTeachers(xinyang, "NOTE1-", "411523", 2);
        for (int i = 0; i < 2; i++) assertEquals(201, api.send("POST", "/projects/" + project + "/enrollments", xinyang, "{\"teacherId\":\"NOTE1-" + i + "\"}").status());
        // a project of the same dates, cancelled: nobody is reminded of its cutoff or its deliverables
        String cancelled = api.send("POST", "/programs/" + program.json().get("id").asText() + "/projects", province,
                "{\"code\":\"NOTE-2\",\"name\":\"已取消的项目\",\"category\":\"乡村教师\",\"phases\":[{\"kind\":\"CENTRALIZED\",\"days\":8}],"
                        + "\"totalHours\":64,\"classSize\":50,\"institutionId\":\"HENU\",\"seats\":50,\"selectionCutoff\":\"2027-09-25T23:59:59+08:00\","
                        + "\"startDate\":\"2027-10-12\",\"endDate\":\"2027-10-26\"}").json().get("id").asText();
        assertEquals(200, api.send("PUT", "/projects/" + cancelled + "/quotas/411500", province, "{\"seats\":10}").status());
        assertEquals(200, api.send("POST", "/projects/" + cancelled + "/cancellation", province, "{\"reason\":\"经费未落实\"}").status());

        var runs = new DynamoDbReminderRuns(table);
        api.send("POST", "/dev/clock", null, "{\"now\":\"2027-08-31T08:00:30+08:00\"}");
        awaitRun(runs, LocalDate.of(2027, 8, 31));
        for (var day = LocalDate.of(2027, 9, 1); !day.isAfter(LocalDate.of(2027, 9, 25)); day = day.plusDays(1)) {
            assertEquals(200, api.send("POST", "/dev/clock", null, "{\"now\":\"" + day + "T08:00:30+08:00\"}").status());
            awaitRun(runs, day);
        }

        // Xin County: 5 seats, 2 enrolled — on 9/18, 9/22 and 9/24; Xinyang: 10 seats, 2 enrolled — the same days
        String xinxian = api.token("note-xx", "COUNTY_ADMIN", "411523");
        var county = awaitInbox(xinxian, project, 3);
        assertEquals(3, county.size(), county.toString());
        assertTrue(county.stream().allMatch(n -> n.get("kind").asText().equals("SELECTION_CUTOFF")
                && n.get("body").get("en").asText().contains("411523: 5 seats, 2 enrolled, 3 unfilled")), county.toString());
        assertEquals(List.of("Selection closes in 1 day(s): NOTE-1", "Selection closes in 3 day(s): NOTE-1", "Selection closes in 7 day(s): NOTE-1"),
                county.stream().map(n -> n.get("title").get("en").asText()).toList());   // newest first
        var city = awaitInbox(api.token("note-xinyang", "CITY_ADMIN", "411500"), project, 3);
        assertEquals(3, city.size(), city.toString());
        assertTrue(city.get(0).get("body").get("en").asText().contains("411500: 10 seats, 2 enrolled, 8 unfilled"), city.toString());
        // the institution: class dates due 9/25 (reminded 9/22), the registration notice due 9/27 (reminded 9/24)
        String henu = api.send("POST", "/dev/tokens", null, "{\"sub\":\"henu-office\",\"role\":\"INSTITUTION\",\"institutionId\":\"HENU\"}").json().get("token").asText();
        var institution = awaitInbox(henu, project, 2);
        assertEquals(List.of("Registration notice (class 1) is due on 2027-09-27", "Class start dates is due on 2027-09-25"),
                institution.stream().map(n -> n.get("title").get("en").asText()).toList());
        assertEquals(0, inbox(api.token("note-xinyang", "CITY_ADMIN", "411500"), cancelled).size(), "the cancelled project's cutoff");
        assertEquals(0, inbox(henu, cancelled).size(), "the cancelled project's deliverables");
        // nobody else's
        assertEquals(0, inbox(api.token("note-gs", "COUNTY_ADMIN", "411522"), project).size());
        assertEquals(0, inbox(api.send("POST", "/dev/tokens", null, "{\"sub\":\"zzu\",\"role\":\"INSTITUTION\",\"institutionId\":\"ZZU\"}").json().get("token").asText(), project).size());

        // the same day run again (a double firing): nothing new
        new ReminderHandler(Api.runtime().functionEnvironment("ReminderFunction")).handleRequest(java.util.Map.of(), null);
        Thread.sleep(2000);
        assertEquals(3, inbox(xinxian, project).size());
        assertEquals(2, inbox(henu, project).size());

        // read: it moves behind the unread
        String first = county.get(0).get("id").asText();
        var read = api.send("POST", "/me/notifications/" + first + "/read", xinxian, null);
        assertEquals(200, read.status(), read.toString());
        assertTrue(read.json().get("readAt").isTextual());
        var after = inbox(xinxian, project);
        assertEquals(first, after.get(after.size() - 1).get("id").asText());
        BadInputIT.problem(api.send("POST", "/me/notifications/" + first + "/read", api.token("note-gs", "COUNTY_ADMIN", "411522"), null), 404, null);
        BadInputIT.problem(api.send("GET", "/me/notifications?limit=abc", xinxian, null), 400, "limit");
        BadInputIT.problem(api.send("GET", "/me/notifications?limit=abc", null, null), 401, null);
    }

    /**
     * Until the daily run has covered exactly {@code day}: a later day left by another test (a clock set back since)
     * is not this day's run, and the schedule fires once for the latest occurrence the clock passed.
     */
    static void awaitRun(DynamoDbReminderRuns runs, LocalDate day) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 15_000;
        while (System.currentTimeMillis() < deadline) {
            if (runs.lastDay().filter(day::equals).isPresent()) return;
            Thread.sleep(50);
        }
        throw new AssertionError("the reminders never ran for " + day + "; last day " + runs.lastDay());
    }
}
