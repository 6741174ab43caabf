package org.teachertraining.local;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.teachertraining.adapters.aws.AwsClients;
import org.teachertraining.adapters.dynamodb.DynamoDbIntegrityRecords;
import org.teachertraining.adapters.dynamodb.StoredSelection;
import org.teachertraining.adapters.dynamodb.TrainingTable;
import org.teachertraining.core.enrollment.EnrollmentStatus;
import org.teachertraining.core.integrity.IntegrityRecord;
import org.teachertraining.core.jurisdiction.JurisdictionTree;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * E4 under concurrent requests: a teacher banned while their enrollment in a provincial project is under way keeps no
 * seat in it. The ban is written as its writers write it (the record, then the release of the teacher's later seats,
 * {@code ReleaseBannedSeats}), in this JVM against the runtime's table; the enrollment goes through the HTTP API.
 * Teachers of 西峡县 (411323), which no other test counts.
 */
class BannedWhileEnrollingIT {
    static Api api;
    static String nanyang, xixia;
    static TrainingTable table;
    static DynamoDbIntegrityRecords integrity;
    static org.teachertraining.core.enrollment.ReleaseBannedSeats bannedSeats;

    @BeforeAll
    static void setUp() throws Exception {
        api = Api.shared();
        nanyang = api.token("ban-race-nanyang", "CITY_ADMIN", "411300");
        xixia = api.token("ban-race-xixia", "COUNTY_ADMIN", "411323");
        table = new TrainingTable(AwsClients.dynamoDb("local", Api.runtime().dynamoDbEndpoint().toString()), "TrainingTable");
        integrity = new DynamoDbIntegrityRecords(table);
        bannedSeats = StoredSelection.releaseBannedSeats(table, JurisdictionTree.china(), Clock.systemUTC());
    }

    /** A provincial project whose {@code seats} seats are all 西峡县's, and as many teachers of 西峡县, {@code prefix}0 on: its ID. */
    static String xixiaProject(String code, int seats, String prefix) throws Exception {
        String province = api.token("ban-race-province", "PROVINCE_ADMIN", "410000");
        String project = api.project(province, code, "\"seats\":" + seats);
        assertEquals(200, api.send("PUT", "/projects/" + project + "/quotas/411300", province, "{\"seats\":" + seats + "}").status());
        assertEquals(200, api.send("PUT", "/projects/" + project + "/quotas/411323", nanyang, "{\"seats\":" + seats + "}").status());
        api.importTeachers(nanyang, prefix, "411323", seats);
        return project;
    }

    /** A request about one teacher, sent over HTTP. */
    interface Request {
        Api.Response send(String teacherId) throws Exception;
    }

    /**
     * For each of {@code teachers} teachers ({@code prefix}0 on), {@code request} and a no-show in an earlier project of the
     * year, written as the lifecycle writes it (the record, then {@code ReleaseBannedSeats}), the two started together, the
     * record 0–120 ms later: each teacher's answer.
     */
    static Map<String, Api.Response> eachRacedByANoShow(String prefix, int teachers, Request request) throws Exception {
        var answers = new ConcurrentHashMap<String, Api.Response>();
        var done = new ArrayList<Future<?>>();
        try (var running = Executors.newFixedThreadPool(16)) {
            for (int i = 0; i < teachers; i++) {
                String teacherId = prefix + i;
                var together = new CyclicBarrier(2);
                done.add(running.submit(() -> {
                    together.await();
                    answers.put(teacherId, request.send(teacherId));
                    return null;
                }));
                done.add(running.submit(() -> {
                    together.await();
                    Thread.sleep(ThreadLocalRandom.current().nextInt(120));
                    noShowOf(teacherId);
                    return null;
                }));
            }
            for (var d : done) d.get();
        }
        return answers;
    }

    /** The answers counted ("201", or the status and the rule), each teacher answered 201 or E4, and both met. */
    static Map<String, Integer> counted(Map<String, Api.Response> answers, int teachers) {
        var byAnswer = new HashMap<String, Integer>();
        answers.values().forEach(r -> byAnswer.merge(r.status() + (r.status() == 201 ? "" : " " + r.json().path("rule").asText()), 1, Integer::sum));
        assertEquals(teachers, answers.size());
        assertEquals(java.util.Set.of("201", "422 E4"), byAnswer.keySet(), "each answered 201 or E4, and both met: " + byAnswer);
        return byAnswer;
    }

    /** Every seat of the project 西峡县 holds is free again. */
    static void assertXixiaSeatsFree(String project) throws Exception {
        api.send("GET", "/projects/" + project + "/quotas", nanyang, null).json().forEach(q -> {
            if (q.get("jurisdiction").asText().equals("411323")) assertEquals(0, q.get("used").asInt(), q.toString());
        });
    }

    @Test
    void aTeacherBannedWhileTheirEnrollmentIsUnderWayKeepsNoSeat() throws Exception {
        int teachers = 160;
        String project = xixiaProject("BAN-RACE", teachers, "BR-");
        var answers = eachRacedByANoShow("BR-", teachers,
                teacherId -> api.send("POST", "/projects/" + project + "/enrollments", xixia, "{\"teacherId\":\"" + teacherId + "\"}"));

        var byAnswer = counted(answers, teachers);
        var statuses = new HashMap<String, String>();
        for (var page : api.pages("/projects/" + project + "/enrollments?limit=100", nanyang)) {
            page.get("items").forEach(e -> statuses.put(e.get("teacherId").asText(), e.get("status").asText()));
        }
        var stillSelected = statuses.entrySet().stream().filter(e -> e.getValue().equals(EnrollmentStatus.SELECTED.name())).map(Map.Entry::getKey).sorted().toList();
        assertEquals(List.of(), stillSelected, "banned teachers holding a seat in a provincial project (answers: " + byAnswer + ")");
        long booked = byAnswer.getOrDefault("201", 0);
        assertEquals(booked, statuses.size(), "every 201 a seat released, and no other");
        assertXixiaSeatsFree(project);
    }

    /** The same race for a place on a provincial project's waitlist: a teacher banned as they are listed is not left listed. */
    @Test
    void aTeacherBannedWhileTheirListingIsUnderWayIsNotLeftOnTheWaitlist() throws Exception {
        int teachers = 120;
        String project = xixiaProject("BAN-LIST", teachers, "BW-");
        var answers = eachRacedByANoShow("BW-", teachers,
                teacherId -> api.send("POST", "/projects/" + project + "/waitlist", xixia, "{\"teacherId\":\"" + teacherId + "\"}"));
        var byAnswer = counted(answers, teachers);
        var listed = new ArrayList<String>();
        api.send("GET", "/projects/" + project + "/waitlist", xixia, null).json().get("items").forEach(e -> listed.add(e.get("teacherId").asText()));
        assertEquals(List.of(), listed, "banned teachers left on a provincial project's waitlist (answers: " + byAnswer + ")");
    }

    @Test
    void aTeacherWhoseBanIsNoLongerInForceIsSelected_theMarkItLeftTakenDown() throws Exception {
        String project = xixiaProject("BAN-LIFTED", 2, "BL-");
        var record = IntegrityRecord.of("BL-0", IntegrityRecord.Kind.FAILED, "an-earlier-project", LocalDate.now(ZoneId.of("Asia/Shanghai")));
        integrity.add(record, List.of());
        var refused = api.send("POST", "/projects/" + project + "/enrollments", xixia, "{\"teacherId\":\"BL-0\"}");
        assertEquals(422, refused.status(), refused.toString());
        assertEquals("E4", refused.json().get("rule").asText());

        // the record taken out of the file (as a correction of the result takes it), its mark left up
        table.client().deleteItem(b -> b.tableName(table.name()).key(Map.of(
                "PK", AttributeValue.fromS("TEACHER#BL-0"), "SK", AttributeValue.fromS("INTEGRITY#" + record.occurredOn() + "#an-earlier-project"))));
        var mark = Map.of("PK", AttributeValue.fromS("TEACHER#BL-0"), "SK", AttributeValue.fromS("SEAT_RECORD"));
        assertEquals(record.bannedUntil().toString(), table.client().getItem(b -> b.tableName(table.name()).key(mark)).item().get("bannedUntil").s());
        var selected = api.send("POST", "/projects/" + project + "/enrollments", xixia, "{\"teacherId\":\"BL-0\"}");
        assertEquals(201, selected.status(), selected.toString());
        assertFalse(table.client().getItem(b -> b.tableName(table.name()).key(mark)).item().containsKey("bannedUntil"), "the mark taken down");
        // a teacher never banned has no mark, and is selected as before
        assertEquals(201, api.send("POST", "/projects/" + project + "/enrollments", xixia, "{\"teacherId\":\"BL-1\"}").status());
        var neverBanned = table.client().getItem(b -> b.tableName(table.name()).key(Map.of("PK", AttributeValue.fromS("TEACHER#BL-1"),
                "SK", AttributeValue.fromS("SEAT_RECORD")))).item();
        assertFalse(neverBanned.containsKey("bannedUntil"), neverBanned.toString());
        assertEquals(List.of(project), neverBanned.get("projects").ss(), "the seat record names the project booked");
    }

    /**
     * In DynamoDB a global secondary index is updated after the write, "usually within a fraction of a second", so a
     * seat booked the moment before a ban may not be on the teacher index yet when the ban's release reads the
     * teacher's seats. The release finds it all the same: the booking named its project on the teacher's seat record,
     * which the release reads consistently. DynamoDB Local updates its indexes in the write, so the lag is made here by
     * taking the enrollment off the index (its GSI1 keys removed), as the index stands before it catches up.
     */
    @Test
    void aSeatNotYetOnTheTeacherIndexIsReleasedByABanAllTheSame() throws Exception {
        String project = xixiaProject("BAN-LAG", 1, "BX-");
        assertEquals(201, api.send("POST", "/projects/" + project + "/enrollments", xixia, "{\"teacherId\":\"BX-0\"}").status());
        offTheTeacherIndex(project, "ENROLLMENT#", "BX-0");
        noShowOf("BX-0");
        assertEquals(Map.of("BX-0", "WITHDRAWN"), LifecycleIT.statuses(project, xixia));
        assertXixiaSeatsFree(project);
    }

    /** The same for a place on a provincial project's waitlist: listed the moment before the ban, taken off by it. */
    @Test
    void aPlaceNotYetOnTheTeacherIndexIsTakenOffByABanAllTheSame() throws Exception {
        String project = xixiaProject("BAN-LAG-W", 1, "BY-");
        assertEquals(201, api.send("POST", "/projects/" + project + "/waitlist", xixia, "{\"teacherId\":\"BY-0\"}").status());
        offTheTeacherIndex(project, "WAITLISTED#", "BY-0");
        noShowOf("BY-0");
        assertEquals("[]", api.send("GET", "/projects/" + project + "/waitlist", xixia, null).json().get("items").toString());
    }

    /** The teacher's item of the project under {@code prefix} taken off the teacher index (its GSI1 keys removed), as the index stands before it catches up. */
    static void offTheTeacherIndex(String project, String prefix, String teacherId) {
        table.client().updateItem(b -> b.tableName(table.name()).key(Map.of("PK", AttributeValue.fromS("PROJECT#" + project),
                "SK", AttributeValue.fromS(prefix + teacherId))).updateExpression("REMOVE GSI1PK, GSI1SK"));
        assertEquals(0, table.items(TrainingTable.GSI1, "TEACHER#" + teacherId, prefix).count(), "not on the teacher index");
    }

    /** A no-show in an earlier project of the year, written as the lifecycle writes it: the record, then {@code ReleaseBannedSeats}. */
    static void noShowOf(String teacherId) {
        integrity.add(IntegrityRecord.of(teacherId, IntegrityRecord.Kind.NO_SHOW, "an-earlier-project", LocalDate.now(ZoneId.of("Asia/Shanghai"))), List.of());
        bannedSeats.of(teacherId, "lifecycle");
    }
}
