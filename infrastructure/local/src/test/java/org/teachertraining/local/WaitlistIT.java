package org.teachertraining.local;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The waitlist (储备库, E7) over HTTP: listed in order per pool; withdrawals racing each other promote the first
 * waitlisted teachers, each once, never two into one seat; the promoted are SELECTED at once and told.
 */
class WaitlistIT {
    static Api api;
    static String province, xinyang, county;

    @BeforeAll
    static void setUp() throws Exception {
        api = Api.shared();
        province = api.token("wl-province", "PROVINCE_ADMIN", "410000");
        xinyang = api.token("wl-xinyang", "CITY_ADMIN", "411500");
        county = api.token("wl-xx", "COUNTY_ADMIN", "411523");
    }

    static List<String> waitlisted(String project, String token) throws Exception {
        var r = api.send("GET", "/projects/" + project + "/waitlist", token, null);
        assertEquals(200, r.status(), r.toString());
        var ids = new ArrayList<String>();
        for (JsonNode item : r.json().get("items")) {
            assertEquals(ids.size() + 1, item.get("position").asInt(), r.body());
            ids.add(item.get("teacherId").asText());
        }
        return ids;
    }

    @Test
    void racingWithdrawalsPromoteTheFirstWaitlistedEachOnce_andTheyAreTold() throws Exception {
        String guangshan = api.token("wl-gs", "COUNTY_ADMIN", "411522");
        api.importTeachers(xinyang, "WL-", "411523", 12);
        String project = api.project(province, "WL-1", null);
        assertEquals(200, api.send("PUT", "/projects/" + project + "/quotas/411500", province, "{\"seats\":4}").status());
        assertEquals(200, api.send("PUT", "/projects/" + project + "/quotas/411523", xinyang, "{\"seats\":4}").status());
        for (int i = 0; i < 4; i++) assertEquals(201, api.send("POST", "/projects/" + project + "/enrollments", county, "{\"teacherId\":\"WL-" + i + "\"}").status());

        // the county lists six, in order; listing again is the same place
        for (int i = 4; i < 10; i++) {
            var listed = api.send("POST", "/projects/" + project + "/waitlist", county, "{\"teacherId\":\"WL-" + i + "\"}");
            assertEquals(201, listed.status(), listed.toString());
            assertEquals(i - 3, listed.json().get("position").asInt());
            assertEquals("411523", listed.json().get("quotaJurisdiction").asText());
        }
        var again = api.send("POST", "/projects/" + project + "/waitlist", xinyang, "{\"teacherId\":\"WL-5\"}");
        assertEquals(200, again.status(), again.toString());
        assertEquals(2, again.json().get("position").asInt());
        assertEquals(List.of("WL-4", "WL-5", "WL-6", "WL-7", "WL-8", "WL-9"), waitlisted(project, county));
        assertEquals(List.of(), waitlisted(project, guangshan), "a neighbouring county sees none of it");

        // what a careless or hostile caller sends
        BadInputIT.refusedBy(api.send("POST", "/projects/" + project + "/waitlist", county, "{\"teacherId\":\"WL-0\"}"), 409, "E6");
        BadInputIT.problem(api.send("POST", "/projects/" + project + "/waitlist", county, "{}"), 400, "teacherId");
        BadInputIT.problem(api.send("POST", "/projects/" + project + "/waitlist", county, "{\"teacherId\":\"NOBODY\"}"), 404, null);
        BadInputIT.problem(api.send("POST", "/projects/" + project + "/waitlist", guangshan, "{\"teacherId\":\"WL-10\"}"), 403, null);
        BadInputIT.problem(api.send("POST", "/projects/NOPE/waitlist", county, "{\"teacherId\":\"WL-10\"}"), 404, null);
        BadInputIT.problem(api.send("GET", "/projects/" + project + "/waitlist?jurisdiction=999999", county, null), 400, "jurisdiction");
        BadInputIT.problem(api.send("GET", "/projects/" + project + "/waitlist?jurisdiction=411522", county, null), 403, null);
        BadInputIT.problem(api.send("DELETE", "/projects/" + project + "/waitlist/WL-10", county, null), 404, null);

        // four withdrawals at once, one of them sent twice: the first four waitlisted take the four seats, once each
        var withdrawals = new ArrayList<CompletableFuture<Api.Response>>();
        for (String t : List.of("WL-0", "WL-1", "WL-2", "WL-3", "WL-0")) {
            withdrawals.add(api.sendAsync("DELETE", "/projects/" + project + "/enrollments/" + t, t.equals("WL-3") ? xinyang : county, null));
        }
        Set<String> promoted = new HashSet<>();
        int promotions = 0;
        for (var w : withdrawals) {
            var r = w.get();
            assertEquals(200, r.status(), r.toString());
            assertEquals("WITHDRAWN", r.json().get("status").asText());
            if (r.json().has("promoted")) {
                promotions++;
                promoted.add(r.json().get("promoted").get("teacherId").asText());
            }
        }
        assertEquals(4, promotions, "the repeated withdrawal freed no second seat");
        assertEquals(Set.of("WL-4", "WL-5", "WL-6", "WL-7"), promoted);
        var quota = api.send("GET", "/projects/" + project + "/quotas", county, null).json();
        for (JsonNode q : quota) if (q.get("jurisdiction").asText().equals("411523")) assertEquals(4, q.get("enrolled").asInt(), quota.toString());
        var selected = api.send("GET", "/projects/" + project + "/enrollments?status=SELECTED&limit=100", county, null).json().get("items");
        Set<String> holding = new HashSet<>();
        selected.forEach(e -> holding.add(e.get("teacherId").asText()));
        assertEquals(Set.of("WL-4", "WL-5", "WL-6", "WL-7"), holding);
        assertEquals(List.of("WL-8", "WL-9"), waitlisted(project, county));

        // 通知到人: each promoted teacher finds it in their own inbox, with the dates and where to report
        for (String t : promoted) {
            String token = api.send("POST", "/dev/tokens", null, "{\"sub\":\"wl-" + t + "\",\"role\":\"TEACHER\",\"teacherId\":\"" + t + "\"}").json().get("token").asText();
            var inbox = api.send("GET", "/me/notifications", token, null).json().get("items");
            assertEquals(1, inbox.size(), inbox.toString());
            assertEquals("WAITLIST_PROMOTED", inbox.get(0).get("kind").asText());
            assertTrue(inbox.get(0).get("body").toString().contains("报到"), inbox.toString());
        }
        // and each withdrawn teacher is told, once, that the seat is gone (WL-0's withdrawal sent twice)
        for (String t : List.of("WL-0", "WL-1", "WL-2", "WL-3")) {
            String token = api.send("POST", "/dev/tokens", null, "{\"sub\":\"wl-" + t + "\",\"role\":\"TEACHER\",\"teacherId\":\"" + t + "\"}").json().get("token").asText();
            var inbox = api.send("GET", "/me/notifications", token, null).json().get("items");
            var withdrawn = new ArrayList<JsonNode>();
            inbox.forEach(n -> { if (n.get("kind").asText().equals("WITHDRAWN")) withdrawn.add(n); });
            assertEquals(1, withdrawn.size(), t + ": " + inbox);
            assertTrue(withdrawn.get(0).get("body").get("zh").asText().contains("无需于"), inbox.toString());
        }

        // taken off the list: no longer promoted
        assertEquals(200, api.send("DELETE", "/projects/" + project + "/waitlist/WL-8", county, null).status());
        assertEquals(List.of("WL-9"), waitlisted(project, county));
        var last = api.send("DELETE", "/projects/" + project + "/enrollments/WL-4", county, null);
        assertEquals("WL-9", last.json().get("promoted").get("teacherId").asText(), last.body());
        assertFalse(api.send("DELETE", "/projects/" + project + "/enrollments/WL-5", county, null).json().has("promoted"), "no one left: back to the pool");
    }

    @Test
    void e7_aWaitlistedTeacherSelectedDirectlyLeavesTheWaitlist_andTheirWithdrawalPromotesTheNext() throws Exception {
        api.importTeachers(xinyang, "WD-", "411523", 3);
        String project = api.project(province, "WL-D", null);
        assertEquals(200, api.send("PUT", "/projects/" + project + "/quotas/411500", province, "{\"seats\":1}").status());   // the city's pool

        // the clerk lists WD-0 and WD-1, then selects WD-0 directly while the seat is free: WD-0 is no longer waiting
        for (String t : List.of("WD-0", "WD-1")) {
            assertEquals(201, api.send("POST", "/projects/" + project + "/waitlist", county, "{\"teacherId\":\"" + t + "\"}").status());
        }
        assertEquals(201, api.send("POST", "/projects/" + project + "/enrollments", county, "{\"teacherId\":\"WD-0\"}").status());
        assertEquals(List.of("WD-1"), waitlisted(project, xinyang));

        // also when the entry survived (listed again by a race, or written before this rule): the withdrawal of WD-0
        // promotes the next teacher, never WD-0 into their own seat, and takes WD-0 off the list
        assertEquals(201, api.send("POST", "/projects/" + project + "/waitlist", county, "{\"teacherId\":\"WD-2\"}").status());
        var table = new org.teachertraining.adapters.dynamodb.TrainingTable(org.teachertraining.adapters.aws.AwsClients.dynamoDb("local",
                Api.runtime().dynamoDbEndpoint().toString()), "TrainingTable");
        var entry = new org.teachertraining.core.enrollment.WaitlistEntry(project, "WD-0", "教师0", "411523", "411500", "wl-xx",
                java.time.Instant.now().minusSeconds(3600));
        assertEquals(org.teachertraining.core.enrollment.Waitlists.Listing.LISTED,
                new org.teachertraining.adapters.dynamodb.DynamoDbWaitlists(table, new org.teachertraining.adapters.dynamodb.DynamoDbNotifications(table)).add(entry,
                        org.teachertraining.core.program.ProgramLevel.PROVINCIAL));
        assertEquals(List.of("WD-0", "WD-1", "WD-2"), waitlisted(project, xinyang));
        var withdrawn = api.send("DELETE", "/projects/" + project + "/enrollments/WD-0", county, null);
        assertEquals(200, withdrawn.status(), withdrawn.toString());
        assertEquals("WD-1", withdrawn.json().get("promoted").get("teacherId").asText(), withdrawn.body());
        assertEquals(List.of("WD-2"), waitlisted(project, xinyang));
        var enrolled = api.send("GET", "/projects/" + project + "/enrollments?status=SELECTED", county, null).json().get("items");
        assertEquals(1, enrolled.size(), enrolled.toString());
        assertEquals("WD-1", enrolled.get(0).get("teacherId").asText());
    }

    @Test
    void e1_e7_aWaitlistedTeacherSelectedWhileAWithdrawalPromotesThem_holdsOneSeat() throws Exception {
        api.importTeachers(xinyang, "WR-", "411523", 16);
        for (int round = 0; round < 8; round++) {
            String leaving = "WR-" + (2 * round), waiting = "WR-" + (2 * round + 1);
            String project = api.project(province, "WL-R" + round, null);
            assertEquals(200, api.send("PUT", "/projects/" + project + "/quotas/411500", province, "{\"seats\":2}").status());
            assertEquals(201, api.send("POST", "/projects/" + project + "/enrollments", xinyang, "{\"teacherId\":\"" + leaving + "\"}").status());
            assertEquals(201, api.send("POST", "/projects/" + project + "/waitlist", xinyang, "{\"teacherId\":\"" + waiting + "\"}").status());
            // the city selects the waitlisted teacher into the free seat while the county withdraws the other, which
            // promotes the waitlisted teacher: whichever lands first, one seat for them, one seat used, nobody waiting
            var selected = api.sendAsync("POST", "/projects/" + project + "/enrollments", xinyang, "{\"teacherId\":\"" + waiting + "\"}");
            var withdrawn = api.sendAsync("DELETE", "/projects/" + project + "/enrollments/" + leaving, county, null);
            assertTrue(List.of(200, 201).contains(selected.get().status()), selected.get().toString());
            assertEquals(200, withdrawn.get().status(), withdrawn.get().toString());
            var enrollments = api.send("GET", "/projects/" + project + "/enrollments?status=SELECTED", xinyang, null).json().get("items");
            assertEquals(1, enrollments.size(), "round " + round + ": " + enrollments);
            assertEquals(waiting, enrollments.get(0).get("teacherId").asText());
            assertEquals(1, api.send("GET", "/projects/" + project + "/quotas", xinyang, null).json().get(0).get("used").asInt(), "round " + round);
            assertEquals(List.of(), waitlisted(project, xinyang), "round " + round);
        }
    }

    /** The selection read the teacher's entry; the clerk then took them off the list and put them on again: the new entry goes. */
    @Test
    void e7_aSelectionThatReadAnEntryReplacedMeanwhileTakesTheTeachersEntryNowListed() throws Exception {
        api.importTeachers(xinyang, "WS-", "411523", 1);
        String project = api.project(province, "WL-S", null);
        assertEquals(200, api.send("PUT", "/projects/" + project + "/quotas/411500", province, "{\"seats\":1}").status());
        assertEquals(201, api.send("POST", "/projects/" + project + "/waitlist", xinyang, "{\"teacherId\":\"WS-0\"}").status());
        var table = new org.teachertraining.adapters.dynamodb.TrainingTable(org.teachertraining.adapters.aws.AwsClients.dynamoDb("local",
                Api.runtime().dynamoDbEndpoint().toString()), "TrainingTable");
        var read = new org.teachertraining.adapters.dynamodb.DynamoDbWaitlists(table, new org.teachertraining.adapters.dynamodb.DynamoDbNotifications(table))
                .find(project, "WS-0").orElseThrow();
        assertEquals(200, api.send("DELETE", "/projects/" + project + "/waitlist/WS-0", xinyang, null).status());
        Thread.sleep(5);   // another millisecond: another entry
        assertEquals(201, api.send("POST", "/projects/" + project + "/waitlist", xinyang, "{\"teacherId\":\"WS-0\"}").status());

        var p = api.send("GET", "/projects/" + project, xinyang, null).json();
        var enrollment = new org.teachertraining.core.enrollment.Enrollment(java.util.UUID.randomUUID().toString(), project, "WS-0", "教师0", "411523",
                "411500", org.teachertraining.core.enrollment.EnrollmentStatus.SELECTED, null, p.get("name").asText(),
                org.teachertraining.core.program.ProgramLevel.PROVINCIAL, java.time.LocalDate.parse(p.get("startDate").asText()), "wl-xinyang",
                java.time.Instant.now(), null, null);
        var booking = new org.teachertraining.adapters.dynamodb.DynamoDbEnrollments(table).book(enrollment, null, null, read, null);
        assertTrue(booking instanceof org.teachertraining.core.enrollment.Enrollments.Booking.Booked, booking.toString());
        assertEquals(List.of(), waitlisted(project, xinyang), "the entry listed again went with the seat");
    }
}
