package org.teachertraining.local;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.teachertraining.adapters.aws.AwsClients;
import org.teachertraining.adapters.dynamodb.DynamoDbEnrollments;
import org.teachertraining.adapters.dynamodb.DynamoDbProjects;
import org.teachertraining.adapters.dynamodb.DynamoDbTeacherApplications;
import org.teachertraining.adapters.dynamodb.TrainingTable;
import org.teachertraining.core.application.TeacherApplication;
import org.teachertraining.core.enrollment.Enrollment;
import org.teachertraining.core.enrollment.EnrollmentStatus;
import org.teachertraining.core.enrollment.SelectionNotice;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A project's cancellation releases its selected trainees together ({@link DynamoDbEnrollments#withdrawAll}): the
 * trainees of one pool (quota unit) 24 to a transaction, each told once, every seat back in its pool exactly once, also
 * when a trainee left between the read and the write; and it declines the pending applications a hundred to a
 * transaction ({@link DynamoDbTeacherApplications#moveAll}). An enrollment or an approval under way as the project is
 * cancelled takes no seat and leaves no application waiting. Teachers of 南阳市 (411300), whose counties no other test counts.
 */
class ProjectCancellationIT {
    static Api api;

    @BeforeAll
    static void setUp() throws Exception {
        api = Api.shared();
    }

    static String province() throws Exception {
        return api.token("cancel-province", "PROVINCE_ADMIN", "410000");
    }

    static String nanyang() throws Exception {
        return api.token("cancel-nanyang", "CITY_ADMIN", "411300");
    }

    /** A project with {@code seats.get(county)} seats for each county of 南阳市 ({@code extra}: more of the project's fields). */
    static String project(String code, String extra, Map<String, Integer> seats) throws Exception {
        int all = seats.values().stream().mapToInt(Integer::intValue).sum();
        String project = api.project(province(), code, "\"seats\":" + all + extra);
        assertEquals(200, api.send("PUT", "/projects/" + project + "/quotas/411300", province(), "{\"seats\":" + all + "}").status());
        for (var county : seats.entrySet()) {
            assertEquals(200, api.send("PUT", "/projects/" + project + "/quotas/" + county.getKey(), nanyang(), "{\"seats\":" + county.getValue() + "}").status());
        }
        return project;
    }

    /** {@link #project}, each county's seats filled by that many of its teachers, {@code prefix} + county + "-" + number. */
    static String filledProject(String code, String prefix, Map<String, Integer> seats) throws Exception {
        String project = project(code, "", seats);
        var enrolling = new ArrayList<java.util.concurrent.CompletableFuture<Api.Response>>();
        for (var county : seats.entrySet()) {
            api.importTeachers(nanyang(), prefix + county.getKey() + "-", county.getKey(), county.getValue());
            for (int i = 0; i < county.getValue(); i++) {
                enrolling.add(api.sendAsync("POST", "/projects/" + project + "/enrollments", nanyang(), "{\"teacherId\":\"" + prefix + county.getKey() + "-" + i + "\"}"));
                if (enrolling.size() % 8 == 0) for (var e : enrolling.subList(enrolling.size() - 8, enrolling.size())) assertEquals(201, e.get().status(), e.get().toString());
            }
        }
        for (var e : enrolling) assertEquals(201, e.get().status(), e.get().toString());
        return project;
    }

    static String teacher(String teacherId, String county) throws Exception {
        return api.send("POST", "/dev/tokens", null, "{\"sub\":\"" + teacherId + "\",\"role\":\"TEACHER\",\"jurisdiction\":\"" + county
                + "\",\"teacherId\":\"" + teacherId + "\"}").json().get("token").asText();
    }

    /** {@code count} teachers of the county, {@code prefix} + number, imported, each applying to the project (eight at a time). */
    static void applications(String project, String prefix, String county, int count) throws Exception {
        api.importTeachers(nanyang(), prefix, county, count);
        try (var applying = java.util.concurrent.Executors.newFixedThreadPool(8)) {
            var applied = new ArrayList<java.util.concurrent.Future<Api.Response>>();
            for (int i = 0; i < count; i++) {
                String teacherId = prefix + i;
                applied.add(applying.submit(() -> api.send("POST", "/projects/" + project + "/applications", teacher(teacherId, county), "{}")));
            }
            for (var a : applied) assertEquals(201, a.get().status(), a.get().toString());
        }
    }

    /**
     * Sends {@code request(i)} for i = 0 … {@code count} − 1, sixteen at a time, and the project's cancellation when the
     * sixtieth has answered, while sixteen are under way; answers the cancellation's response once all have answered.
     */
    static Api.Response cancelledWhileUnderWay(String project, int count, java.util.function.IntFunction<Api.Response> request) throws Exception {
        var answered = new java.util.concurrent.atomic.AtomicInteger();
        var cancellation = new java.util.concurrent.CompletableFuture<Api.Response>();
        try (var sending = java.util.concurrent.Executors.newFixedThreadPool(16)) {
            for (int i = 0; i < count; i++) {
                int n = i;
                sending.submit(() -> {
                    request.apply(n);
                    if (answered.incrementAndGet() == 60) {
                        new Thread(() -> {
                            try {
                                cancellation.complete(api.send("POST", "/projects/" + project + "/cancellation", province(), "{\"reason\":\"经费未到位\"}"));
                            } catch (Exception e) {
                                cancellation.completeExceptionally(e);
                            }
                        }).start();
                    }
                    return null;
                });
            }
        }
        return cancellation.get();
    }

    /** A request that fails the test when it cannot be sent (an answer of any status is an answer). */
    static Api.Response send(String method, String path, String token, String body) {
        try {
            return api.send(method, path, token, body);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** Each enrollment's status, by teacher. */
    static Map<String, String> statuses(String project) throws Exception {
        var out = new HashMap<String, String>();
        for (var page : api.pages("/projects/" + project + "/enrollments?limit=100", nanyang())) {
            page.get("items").forEach(e -> out.put(e.get("teacherId").asText(), e.get("status").asText()));
        }
        return out;
    }

    /** Each pool's seats held: the city's row counts what it allocated, so its counties' rows and everyone's enrolled. */
    static Map<String, Integer> held(String project) throws Exception {
        var out = new HashMap<String, Integer>();
        api.send("GET", "/projects/" + project + "/quotas", nanyang(), null).json().forEach(q -> {
            out.merge("enrolled", q.get("enrolled").asInt(), Integer::sum);
            if (!q.get("jurisdiction").asText().equals("411300")) out.put(q.get("jurisdiction").asText(), q.get("used").asInt());
        });
        return out;
    }

    /** The notices in the teacher's inbox that the project was cancelled. */
    static List<JsonNode> cancellationNotices(String teacherId, String county, String project) throws Exception {
        return NotificationsIT.inbox(teacher(teacherId, county), project).stream().filter(n -> n.get("title").get("zh").asText().startsWith("项目已取消")).toList();
    }

    @Test
    void aCancellationReleasesEveryTraineeAndTellsEachOnce() throws Exception {
        // 50 in 宛城区: three transactions (24, 24, 2); 10 in 卧龙区: one
        String project = filledProject("CANCEL-1", "CC1-", Map.of("411302", 50, "411303", 10));
        // one withdrew before, and is told of that, not of the cancellation
        assertEquals(200, api.send("DELETE", "/projects/" + project + "/enrollments/CC1-411302-7", nanyang(), null).status());

        var cancelled = api.send("POST", "/projects/" + project + "/cancellation", province(), "{\"reason\":\"经费未到位\"}");
        assertEquals(200, cancelled.status(), cancelled.toString());

        var statuses = statuses(project);
        assertEquals(60, statuses.size());
        assertEquals(Map.of(EnrollmentStatus.WITHDRAWN.name(), 60L), statuses.values().stream().collect(
                java.util.stream.Collectors.groupingBy(s -> s, java.util.stream.Collectors.counting())), statuses.toString());
        assertEquals(Map.of("enrolled", 0, "411302", 0, "411303", 0), held(project), "every seat back in its pool, once");
        for (var teacher : List.of("CC1-411302-0", "CC1-411302-23", "CC1-411302-24", "CC1-411302-49", "CC1-411303-0", "CC1-411303-9")) {
            var notices = cancellationNotices(teacher, teacher.substring(4, 10), project);
            assertEquals(1, notices.size(), teacher + ": " + notices);
            assertEquals("项目已取消：乡村骨干教师素质提升培训项目", notices.getFirst().get("title").get("zh").asText());
        }
        assertEquals(List.of(), cancellationNotices("CC1-411302-7", "411302", project));

        // asked again: nothing left to release, the same answer
        assertEquals(200, api.send("POST", "/projects/" + project + "/cancellation", province(), "{\"reason\":\"经费未到位\"}").status());
        assertEquals(Map.of("enrolled", 0, "411302", 0, "411303", 0), held(project));
    }

    @Test
    void twoCancellationsAtOnceReleaseEachTraineeOnce() throws Exception {
        String project = filledProject("CANCEL-6", "CC6-", Map.of("411302", 50));
        var both = List.of(
                api.sendAsync("POST", "/projects/" + project + "/cancellation", province(), "{\"reason\":\"经费未到位\"}"),
                api.sendAsync("POST", "/projects/" + project + "/cancellation", province(), "{\"reason\":\"经费未到位\"}"));
        for (var c : both) assertEquals(200, c.get().status(), c.get().toString());
        assertEquals(java.util.Set.of(EnrollmentStatus.WITHDRAWN.name()), new java.util.HashSet<>(statuses(project).values()));
        assertEquals(Map.of("enrolled", 0, "411302", 0), held(project), "every seat back in its pool, once");
        for (var teacher : List.of("CC6-411302-0", "CC6-411302-24", "CC6-411302-49")) {
            assertEquals(1, cancellationNotices(teacher, "411302", project).size(), teacher);
        }
    }

    @Test
    void aTraineeWhoLeftAfterTheReadKeepsTheirOwnRecord_andTheirSeatIsReturnedOnce() throws Exception {
        String project = filledProject("CANCEL-2", "CC2-", Map.of("411302", 30));
        var sent = new ArrayList<String>();
        var table = new TrainingTable(AwsClients.dynamoDb("local", Api.runtime().dynamoDbEndpoint().toString(), List.of(CreditPostingIT.counting(sent))), "TrainingTable");
        var enrollments = new DynamoDbEnrollments(table);
        var read = enrollments.holdingSeats(project);
        assertEquals(30, read.size());
        // in the order read (unit, then teacher ID): CC2-411302-0, -1, -10 … -19, -2, -20 … -29, -3 go first (24), -4 … -9 after
        assertEquals(List.of("CC2-411302-4", "CC2-411302-5", "CC2-411302-6", "CC2-411302-7", "CC2-411302-8", "CC2-411302-9"),
                read.subList(24, 30).stream().map(Enrollment::teacherId).toList());
        // withdrawn meanwhile, by the county
        assertEquals(200, api.send("DELETE", "/projects/" + project + "/enrollments/CC2-411302-5", nanyang(), null).status());

        var p = new DynamoDbProjects(table).find(project).orElseThrow();
        var at = Instant.now();
        sent.clear();
        var withdrawn = enrollments.withdrawAll(read, at, e -> List.of(SelectionNotice.projectCancelled(p, e, at)));

        assertEquals(29, withdrawn.size());
        assertFalse(withdrawn.stream().anyMatch(e -> e.teacherId().equals("CC2-411302-5")));
        // the first 24 in one transaction; the last six's refused whole (-5 was no longer selected), then one each
        assertEquals(8, sent.stream().filter("TransactWriteItems"::equals).count(), sent.toString());
        assertEquals(Map.of("enrolled", 0, "411302", 0), held(project), "the seat of -5 returned by its own withdrawal only");
        assertEquals(1, cancellationNotices("CC2-411302-4", "411302", project).size());
        assertEquals(List.of(), cancellationNotices("CC2-411302-5", "411302", project));
    }

    @Test
    void pendingApplicationsAreDeclinedAHundredAtATime_butOneDecidedMeanwhileKeepsItsDecision() throws Exception {
        String project = project("CANCEL-3", ",\"openToApplications\":true", Map.of("411302", 150));
        applications(project, "CC3-", "411302", 150);
        var sent = new ArrayList<String>();
        var table = new TrainingTable(AwsClients.dynamoDb("local", Api.runtime().dynamoDbEndpoint().toString(), List.of(CreditPostingIT.counting(sent))), "TrainingTable");
        var applications = new DynamoDbTeacherApplications(table);
        var read = applications.ofProject(project);
        assertEquals(150, read.size());
        // by ID (CC3-0, -1, -10, -100 … -109, -11, …): -9 is the 140th, in the second hundred
        assertTrue(read.subList(100, 150).stream().anyMatch(a -> a.teacherId().equals("CC3-9")));
        var declined = api.send("POST", "/projects/" + project + "/applications/CC3-9/decision", nanyang(), "{\"approved\":false,\"reason\":\"名额已满\"}");
        assertEquals(200, declined.status(), declined.toString());

        var at = Instant.now();
        sent.clear();
        int moved = applications.moveAll(read.stream().map(a -> a.with(TeacherApplication.Status.DECLINED, "cancel-province", at, TeacherApplication.PROJECT_STOPPED, null)).toList(),
                EnumSet.of(TeacherApplication.Status.PENDING));

        assertEquals(149, moved);
        // the first hundred in one transaction; the other fifty's refused whole, then one each
        assertEquals(List.of("TransactWriteItems", "TransactWriteItems"), sent.subList(0, 2));
        assertEquals(50, sent.subList(2, sent.size()).stream().filter("PutItem"::equals).count(), sent.toString());
        assertEquals("名额已满", applications.find(project, "CC3-9").orElseThrow().reason());
        assertEquals(TeacherApplication.PROJECT_STOPPED, applications.find(project, "CC3-149").orElseThrow().reason());
        assertEquals(150, applications.ofProject(project).stream().filter(a -> a.status() == TeacherApplication.Status.DECLINED).count());
    }

    @Test
    void noSeatStaysTakenInACancelledProject_notEvenOneBookedByAnEnrollmentUnderWayAsItWasCancelled() throws Exception {
        int teachers = 240;
        String project = project("CANCEL-4", "", Map.of("411303", teachers));
        api.importTeachers(nanyang(), "CC4-", "411303", teachers);
        String county = api.token("cancel-wolong", "COUNTY_ADMIN", "411303");
        var answers = new java.util.concurrent.ConcurrentHashMap<String, Integer>();
        var cancellation = cancelledWhileUnderWay(project, teachers, i -> {
            var r = send("POST", "/projects/" + project + "/enrollments", county, "{\"teacherId\":\"CC4-" + i + "\"}");
            answers.put("CC4-" + i, r.status());
            return r;
        });
        assertEquals(200, cancellation.status(), cancellation.toString());
        var booked = answers.entrySet().stream().filter(a -> a.getValue() == 201).map(Map.Entry::getKey).toList();
        assertTrue(booked.size() >= 60 && booked.size() < teachers, booked.size() + " booked: the cancellation came too late to race");
        assertEquals(teachers - booked.size(), answers.values().stream().filter(status -> status == 409).count(), answers.toString());
        var statuses = statuses(project);
        var stillSelected = statuses.entrySet().stream().filter(e -> !e.getValue().equals(EnrollmentStatus.WITHDRAWN.name())).toList();
        assertEquals(List.of(), stillSelected, "a seat taken in the cancelled project");
        assertEquals(new java.util.HashSet<>(booked), statuses.keySet(), "every 201 is a seat released, and no other");
        assertEquals(Map.of("enrolled", 0, "411303", 0), held(project));
    }

    @Test
    void noApplicationIsLeftWaitingInACancelledProject_notEvenOneBeingApprovedAsItWasCancelled() throws Exception {
        int teachers = 240;
        String project = project("CANCEL-5", ",\"openToApplications\":true", Map.of("411303", teachers));
        applications(project, "CC5-", "411303", teachers);
        String county = api.token("cancel-wolong", "COUNTY_ADMIN", "411303");
        var cancellation = cancelledWhileUnderWay(project, teachers,
                i -> send("POST", "/projects/" + project + "/applications/CC5-" + i + "/decision", county, "{\"approved\":true}"));
        assertEquals(200, cancellation.status(), cancellation.toString());
        var table = new TrainingTable(AwsClients.dynamoDb("local", Api.runtime().dynamoDbEndpoint().toString()), "TrainingTable");
        var byStatus = new DynamoDbTeacherApplications(table).ofProject(project).stream().collect(
                java.util.stream.Collectors.groupingBy(a -> a.status().name(), java.util.stream.Collectors.counting()));
        assertEquals(java.util.Set.of("APPROVED", "DECLINED"), byStatus.keySet(), "every application decided: " + byStatus);
        assertEquals(List.of(), statuses(project).values().stream().filter(status -> !status.equals(EnrollmentStatus.WITHDRAWN.name())).toList());
        assertEquals(Map.of("enrolled", 0, "411303", 0), held(project));
    }

    @Test
    void aCancelledProjectsWaitlistIsEmptiedAndEachTeacherOnItToldOnce_notOneListedAsItWasCancelledLeftOnIt() throws Exception {
        int teachers = 240;
        String project = project("CANCEL-7", "", Map.of("411302", 1));
        api.importTeachers(nanyang(), "CC7-", "411302", teachers);
        String county = api.token("cancel-wancheng", "COUNTY_ADMIN", "411302");
        var answers = new java.util.concurrent.ConcurrentHashMap<String, Api.Response>();
        var cancellation = cancelledWhileUnderWay(project, teachers, i -> {
            var r = send("POST", "/projects/" + project + "/waitlist", county, "{\"teacherId\":\"CC7-" + i + "\"}");
            answers.put("CC7-" + i, r);
            return r;
        });
        assertEquals(200, cancellation.status(), cancellation.toString());
        var listed = answers.entrySet().stream().filter(a -> a.getValue().status() == 201).map(Map.Entry::getKey).sorted().toList();
        assertTrue(listed.size() >= 60 && listed.size() < teachers, listed.size() + " listed: the cancellation came too late to race");
        var refused = answers.values().stream().filter(r -> r.status() != 201).toList();
        assertTrue(refused.stream().allMatch(r -> r.status() == 409 && r.json().get("rule").asText().equals("E2")), refused.toString());

        var waitlist = api.send("GET", "/projects/" + project + "/waitlist?jurisdiction=411302", nanyang(), null);
        assertEquals(200, waitlist.status(), waitlist.toString());
        assertEquals(0, waitlist.json().get("items").size(), "teachers left on the waitlist of a cancelled project: " + waitlist.body());
        for (String teacher : listed) {
            var told = NotificationsIT.inbox(teacher(teacher, "411302"), project).stream().filter(n -> n.get("kind").asText().equals("WAITLIST_CANCELLED")).toList();
            assertEquals(1, told.size(), teacher + ": " + told);
        }
        assertEquals("「乡村骨干教师素质提升培训项目」（CANCEL-7）已取消，不再举办；您已移出其储备名单，不会再递补入选。",
                NotificationsIT.inbox(teacher(listed.getFirst(), "411302"), project).getFirst().get("body").get("zh").asText());
        // asked again, nobody is told twice
        assertEquals(200, api.send("POST", "/projects/" + project + "/cancellation", province(), "{\"reason\":\"经费未到位\"}").status());
        assertEquals(1, NotificationsIT.inbox(teacher(listed.getLast(), "411302"), project).size());
    }

    @Test
    void everyPoolOfACancelledProjectIsClosed_evenOneAllocatedAsItWasCancelled() throws Exception {
        int schools = 240;
        String project = project("CANCEL-8", "", Map.of("411303", schools));
        String county = api.token("cancel-wolong", "COUNTY_ADMIN", "411303");
        var answers = new java.util.concurrent.ConcurrentHashMap<String, Integer>();
        var cancellation = cancelledWhileUnderWay(project, schools, i -> {
            String school = "411303" + String.format("%04d", i + 1);
            var r = send("PUT", "/projects/" + project + "/quotas/" + school, county, "{\"seats\":1}");
            answers.put(school, r.status());
            return r;
        });
        assertEquals(200, cancellation.status(), cancellation.toString());
        var allocated = answers.values().stream().filter(status -> status == 200).count();
        assertTrue(allocated >= 60 && allocated < schools, allocated + " allocated: the cancellation came too late to race");
        assertEquals(schools - allocated, answers.values().stream().filter(status -> status == 409).count(), answers.toString());
        var table = new TrainingTable(AwsClients.dynamoDb("local", Api.runtime().dynamoDbEndpoint().toString()), "TrainingTable");
        var open = table.client().queryPaginator(b -> b.tableName("TrainingTable").keyConditionExpression("PK = :pk AND begins_with(SK, :sk)")
                        .expressionAttributeValues(Map.of(":pk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("PROJECT#" + project),
                                ":sk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("QUOTA#"))))
                .items().stream().filter(q -> !q.containsKey("closedAt")).map(q -> q.get("SK").s()).sorted().toList();
        assertEquals(List.of(), open, "pools of a cancelled project left open, a booking's way into it");
    }

    @Test
    void noApplicationIsLeftWaitingInACancelledProject_notEvenOneFiledAsItWasCancelled() throws Exception {
        int teachers = 240;
        String project = project("CANCEL-9", ",\"openToApplications\":true", Map.of("411303", teachers));
        api.importTeachers(nanyang(), "CC9-", "411303", teachers);
        var tokens = new java.util.ArrayList<String>();
        for (int i = 0; i < teachers; i++) tokens.add(teacher("CC9-" + i, "411303"));
        var answers = new java.util.concurrent.ConcurrentHashMap<String, Api.Response>();
        var cancellation = cancelledWhileUnderWay(project, teachers, i -> {
            var r = send("POST", "/projects/" + project + "/applications", tokens.get(i), "{}");
            answers.put("CC9-" + i, r);
            return r;
        });
        assertEquals(200, cancellation.status(), cancellation.toString());
        var filed = answers.values().stream().filter(r -> r.status() == 201).count();
        assertTrue(filed >= 60 && filed < teachers, filed + " filed: the cancellation came too late to race");
        var refused = answers.values().stream().filter(r -> r.status() != 201).toList();
        assertTrue(refused.stream().allMatch(r -> r.status() == 409 && r.json().get("rule").asText().equals("E2")), refused.toString());
        var table = new TrainingTable(AwsClients.dynamoDb("local", Api.runtime().dynamoDbEndpoint().toString()), "TrainingTable");
        var waiting = new DynamoDbTeacherApplications(table).ofProject(project).stream()
                .filter(a -> a.status() != TeacherApplication.Status.DECLINED).map(a -> a.teacherId() + " " + a.status()).sorted().toList();
        assertEquals(List.of(), waiting, "applications left waiting in a cancelled project");
    }
}
