package org.teachertraining.local;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** E1, E5 and E6 under concurrent requests, against DynamoDB Local through the HTTP API. */
class EnrollmentConcurrencyIT {
    static Api api;
    static String province, xinyang;

    @BeforeAll
    static void start() throws Exception {
        api = Api.shared();
        province = api.token("it-province", "PROVINCE_ADMIN", "410000");
        xinyang = api.token("it-xinyang", "CITY_ADMIN", "411500");
    }

    @Test
    void threeHundredConcurrentEnrollmentsForTwoCountiesOfFiftySeatsAcceptExactlyOneHundred() throws Exception {
        String project = api.project(province, "RUSH-300", null);
        assertEquals(200, api.send("PUT", "/projects/" + project + "/quotas/411500", province, "{\"seats\":100}").status());
        assertEquals(200, api.send("PUT", "/projects/" + project + "/quotas/411523", xinyang, "{\"seats\":50}").status());
        assertEquals(200, api.send("PUT", "/projects/" + project + "/quotas/411522", xinyang, "{\"seats\":50}").status());
        for (var county : new String[]{"411523", "411522"}) {
            var csv = Api.teachersCsv("R" + county + "-", county, 150).getBytes(StandardCharsets.UTF_8);
            var report = api.sendBytesAsync("POST", "/teachers:import", xinyang, csv, "text/csv").get();
            assertEquals(150, report.json().get("imported").asInt(), report.toString());
        }

        var start = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(64);
        var futures = new ArrayList<CompletableFuture<Api.Response>>();
        for (var county : new String[]{"411523", "411522"}) {
            for (int i = 0; i < 150; i++) {
                String teacher = "R" + county + "-" + i;
                futures.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                        return api.send("POST", "/projects/" + project + "/enrollments", xinyang, "{\"teacherId\":\"" + teacher + "\"}");
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }, pool));
            }
        }
        long t0 = System.nanoTime();
        start.countDown();
        int accepted = 0, quotaFull = 0;
        for (var f : futures) {
            var r = f.get();
            if (r.status() == 201) accepted++;
            else if (r.status() == 409 && "E1".equals(r.json().path("rule").asText())) quotaFull++;
            else throw new AssertionError("unexpected answer " + r);
        }
        pool.shutdown();
        System.out.printf("rush: 300 concurrent enrollments answered in %.2f s%n", (System.nanoTime() - t0) / 1e9);
        assertEquals(100, accepted);
        assertEquals(200, quotaFull);

        var quotas = api.send("GET", "/projects/" + project + "/quotas", xinyang, null).json();
        int countyUsed = 0;
        for (var q : quotas) {
            if (!q.get("jurisdiction").asText().equals("411500")) {
                assertEquals(50, q.get("seats").asInt());
                assertEquals(50, q.get("used").asInt());
                assertEquals(0, q.get("available").asInt());
                countyUsed += q.get("enrolled").asInt();
            } else {
                assertEquals(100, q.get("enrolled").asInt());
            }
        }
        assertEquals(100, countyUsed);
        int listed = 0;
        String cursor = null;
        do {
            var page = api.send("GET", "/projects/" + project + "/enrollments?limit=40" + (cursor == null ? "" : "&cursor=" + cursor), xinyang, null).json();
            listed += page.get("items").size();
            cursor = page.path("nextCursor").isMissingNode() || page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
        } while (cursor != null);
        assertEquals(100, listed);
    }

    @Test
    void theSameRequestRepeatedConcurrentlyWithOneIdempotencyKeyBooksOneSeat() throws Exception {
        String project = api.project(province, "IDEMPOTENT", null);
        api.send("PUT", "/projects/" + project + "/quotas/411500", province, "{\"seats\":10}");
        api.importTeachers(xinyang, "K-", "411523", 3);

        var futures = new ArrayList<CompletableFuture<Api.Response>>();
        for (int i = 0; i < 20; i++) {
            futures.add(api.sendAsync("POST", "/projects/" + project + "/enrollments", xinyang, "{\"teacherId\":\"K-0\"}",
                    "Idempotency-Key", "enroll-K-0"));
        }
        int created = 0;
        var ids = new HashSet<String>();
        for (var f : futures) {
            var r = f.get();
            if (r.status() == 201) created++;
            else assertEquals(200, r.status(), r.toString());
            ids.add(r.json().get("id").asText());
        }
        assertEquals(1, created);
        assertEquals(1, ids.size());
        var quotas = api.send("GET", "/projects/" + project + "/quotas", xinyang, null).json();
        assertEquals(1, quotas.get(0).get("enrolled").asInt());
        var otherBody = api.send("POST", "/projects/" + project + "/enrollments", xinyang, "{\"teacherId\":\"K-1\"}", "Idempotency-Key", "enroll-K-0");
        assertEquals(422, otherBody.status(), otherBody.toString());

        // keys are the caller's own: a county of another city sending Xinyang's key learns nothing of its enrollment ...
        String gushi = api.token("other-city-county", "COUNTY_ADMIN", "410102");
        var outsider = api.send("POST", "/projects/" + project + "/enrollments", gushi, "{\"teacherId\":\"K-0\"}", "Idempotency-Key", "enroll-K-0");
        BadInputIT.problem(outsider, 403, null);
        assertTrue(!outsider.body().contains("教师0") && !outsider.body().contains(ids.iterator().next()), outsider.body());
        // ... and another user of Xin County using the same key string is not blocked by it
        String xinxian = api.token("other-xx-user", "COUNTY_ADMIN", "411523");
        var own = api.send("POST", "/projects/" + project + "/enrollments", xinxian, "{\"teacherId\":\"K-2\"}", "Idempotency-Key", "enroll-K-0");
        assertEquals(201, own.status(), own.toString());
        assertEquals("K-2", own.json().get("teacherId").asText());
    }

    @Test
    void concurrentAllocationsNeverExceedTheParentsSeats() throws Exception {
        String project = api.project(province, "ALLOC-RACE", "\"seats\":100");
        var cities = Api.JSON.readTree(api.send("GET", "/jurisdictions/410000", province, null).body()).get("children");
        var futures = new ArrayList<CompletableFuture<Api.Response>>();
        for (var city : cities) {
            futures.add(api.sendAsync("PUT", "/projects/" + project + "/quotas/" + city.get("code").asText(), province, "{\"seats\":10}"));
        }
        int allocated = 0, refused = 0;
        for (var f : futures) {
            var r = f.get();
            if (r.status() == 200) allocated++;
            else if (r.status() == 409 && "E1".equals(r.json().path("rule").asText())) refused++;
            else throw new AssertionError("unexpected answer " + r);
        }
        assertEquals(10, allocated);
        assertEquals(cities.size() - 10, refused);
        var root = api.send("GET", "/projects/" + project + "/quotas", province, null).json().get(0);
        assertEquals("410000", root.get("jurisdiction").asText());
        assertEquals(100, root.get("allocated").asInt());
        assertEquals(0, root.get("available").asInt());
    }

    @Test
    void concurrentWithdrawalsFreeTheSeatOnce() throws Exception {
        String project = api.project(province, "WITHDRAW-RACE", null);
        api.send("PUT", "/projects/" + project + "/quotas/411500", province, "{\"seats\":3}");
        api.importTeachers(xinyang, "W-", "411523", 1);
        assertEquals(201, api.send("POST", "/projects/" + project + "/enrollments", xinyang, "{\"teacherId\":\"W-0\"}").status());
        var futures = new ArrayList<CompletableFuture<Api.Response>>();
        for (int i = 0; i < 10; i++) futures.add(api.sendAsync("DELETE", "/projects/" + project + "/enrollments/W-0", xinyang, null));
        for (var f : futures) {
            var r = f.get();
            assertEquals(200, r.status(), r.toString());
            assertEquals("WITHDRAWN", r.json().get("status").asText());
        }
        var city = api.send("GET", "/projects/" + project + "/quotas", xinyang, null).json().get(0);
        assertEquals(0, city.get("used").asInt());
        assertEquals(3, city.get("available").asInt());
    }

    /**
     * E5's cap of national projects under concurrent requests: each of 60 teachers of 淅川县 (411326, which no other
     * test counts) enrolled in three national projects at once, each capped at one national project a teacher, holds
     * exactly one seat; the other two requests are refused with E5.
     */
    @Test
    void aTeacherEnrolledInThreeNationalProjectsAtOnceUnderACapOfOneHoldsOneSeat() throws Exception {
        int teachers = 60;
        String nanyang = api.token("cap-race-nanyang", "CITY_ADMIN", "411300");
        String xichuan = api.token("cap-race-xichuan", "COUNTY_ADMIN", "411326");
        int year = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).getYear();
        var program = api.send("POST", "/programs", province,
                "{\"year\":" + year + ",\"level\":\"NATIONAL\",\"name\":\"国培计划 IT 上限\",\"jurisdiction\":\"410000\"}");
        assertEquals(201, program.status(), program.toString());
        var projects = new ArrayList<String>();
        for (int p = 1; p <= 3; p++) {
            var body = Api.withNationalCap(Api.projectBody("NCAP-" + p, "\"seats\":" + teachers), 1, year - 1);
            var created = api.send("POST", "/programs/" + program.json().get("id").asText() + "/projects", province, body);
            assertEquals(201, created.status(), created.toString());
            String project = created.json().get("id").asText();
            assertEquals(200, api.send("PUT", "/projects/" + project + "/quotas/411300", province, "{\"seats\":" + teachers + "}").status());
            assertEquals(200, api.send("PUT", "/projects/" + project + "/quotas/411326", nanyang, "{\"seats\":" + teachers + "}").status());
            projects.add(project);
        }
        api.importTeachers(nanyang, "NC-", "411326", teachers);

        var answers = new java.util.concurrent.ConcurrentHashMap<String, String>();
        try (var running = Executors.newFixedThreadPool(24)) {
            var done = new ArrayList<java.util.concurrent.Future<?>>();
            for (int i = 0; i < teachers; i++) {
                String teacher = "NC-" + i;
                var together = new java.util.concurrent.CyclicBarrier(projects.size());
                for (var project : projects) {
                    done.add(running.submit(() -> {
                        together.await();
                        var r = api.send("POST", "/projects/" + project + "/enrollments", xichuan, "{\"teacherId\":\"" + teacher + "\"}");
                        answers.put(teacher + " " + project, r.status() + (r.status() == 201 ? "" : " " + r.json().path("rule").asText()));
                        return null;
                    }));
                }
            }
            for (var d : done) d.get();
        }

        var seats = new java.util.HashMap<String, Integer>();
        for (var project : projects) {
            for (var page : api.pages("/projects/" + project + "/enrollments?limit=100", xichuan)) {
                page.get("items").forEach(e -> {
                    if (e.get("status").asText().equals("SELECTED")) seats.merge(e.get("teacherId").asText(), 1, Integer::sum);
                });
            }
        }
        var overCap = seats.entrySet().stream().filter(e -> e.getValue() > 1).map(java.util.Map.Entry::getKey).sorted().toList();
        var byAnswer = new java.util.TreeMap<String, Integer>();
        answers.values().forEach(a -> byAnswer.merge(a, 1, Integer::sum));
        assertEquals(java.util.List.of(), overCap, "teachers holding more than one national seat (answers: " + byAnswer + ")");
        assertEquals(teachers, seats.size(), "every teacher holds one seat: " + byAnswer);
        assertEquals(java.util.Map.of("201", teachers, "422 E5", 2 * teachers), byAnswer);
    }

    /**
     * One teacher per ID whatever its case, decided in the write itself: clerks racing to register one new teacher in
     * eight spellings of its ID register one; the others are told which ID is registered.
     */
    @Test
    void racingRegistrationsOfOneTeacherInDifferentCasesRegisterOne() throws Exception {
        var spellings = java.util.List.of("CASE-RACE-1", "case-race-1", "Case-Race-1", "cASE-RACE-1", "CASE-race-1", "case-RACE-1", "CaSe-RaCe-1", "cAsE-rAcE-1");
        var futures = new ArrayList<CompletableFuture<Api.Response>>();
        for (var id : spellings) {
            futures.add(api.sendAsync("POST", "/teachers", xinyang, "{\"id\":\"" + id + "\",\"name\":\"王芳\",\"jurisdiction\":\"411523\",\"stage\":\"PRIMARY\","
                    + "\"subjects\":[\"语文\"],\"role\":\"TEACHER\",\"schoolLocation\":\"RURAL\",\"teachingSince\":\"2010-09-01\"}"));
        }
        String registered = oneWins(spellings, futures, 201);
        for (var id : spellings) {
            var read = api.send("GET", "/teachers/" + id, xinyang, null);
            assertEquals(id.equals(registered) ? 200 : 404, read.status(), id);
            // a clerk's ID in another case is told the ID registered
            if (!id.equals(registered)) assertTrue(read.body().contains("已登记的教师编号是 " + registered), read.body());
        }
    }

    /**
     * One project per code in a program whatever its case, decided in the write itself: eight spellings of one code sent at
     * once create one project; the others are told which code the program holds.
     */
    @Test
    void racingProjectsOfOneCodeInDifferentCasesCreateOne() throws Exception {
        String province = api.token("race-province", "PROVINCE_ADMIN", "410000");
        String program = api.send("POST", "/programs", province, "{\"year\":" + java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).getYear()
                + ",\"level\":\"PROVINCIAL\",\"name\":\"项目编号竞争\",\"jurisdiction\":\"410000\"}").json().get("id").asText();
        var spellings = java.util.List.of("CODE-RACE-1", "code-race-1", "Code-Race-1", "cODE-RACE-1", "CODE-race-1", "code-RACE-1", "CoDe-RaCe-1", "cOdE-rAcE-1");
        var futures = new ArrayList<CompletableFuture<Api.Response>>();
        for (var code : spellings) futures.add(api.sendAsync("POST", "/programs/" + program + "/projects", province, Api.projectBody(code, null)));
        oneWins(spellings, futures, 201);
        assertEquals(1, api.send("GET", "/programs/" + program + "/projects", province, null).json().get("items").size());
    }

    /** One institution per ID whatever its case: the province registering one institution in eight spellings at once registers one. */
    @Test
    void racingRegistrationsOfOneInstitutionInDifferentCasesRegisterOne() throws Exception {
        String province = api.token("race-province", "PROVINCE_ADMIN", "410000");
        var spellings = java.util.List.of("INST-RACE", "inst-race", "Inst-Race", "iNST-RACE", "INST-race", "inst-RACE", "InSt-RaCe", "iNsT-rAcE");
        var futures = new ArrayList<CompletableFuture<Api.Response>>();
        for (var id : spellings) {
            futures.add(api.sendAsync("PUT", "/institutions/" + id, province,
                    "{\"name\":\"竞争大学\",\"categories\":[\"CENTRALIZED\"],\"validFrom\":\"2019-01-01\",\"validUntil\":\"2030-12-31\"}"));
        }
        String registered = oneWins(spellings, futures, 200);
        for (var id : spellings) {   // found in any spelling: it is the one registered
            var found = api.send("GET", "/institutions/" + id, province, null);
            assertEquals(200, found.status(), id);
            assertEquals(registered, found.json().get("id").asText(), id);
        }
    }

    /**
     * One cycle requirement per ID whatever its case (C3): a county (开封市龙亭区, no other test's) setting one requirement in
     * eight spellings at once stores one, in force next year only.
     */
    @Test
    void racingRequirementsOfOneIdInDifferentCasesSetOne() throws Exception {
        String county = api.token("race-county", "COUNTY_ADMIN", "410202");
        int next = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).getYear() + 1;
        var spellings = java.util.List.of("REQ-RACE", "req-race", "Req-Race", "rEQ-RACE", "REQ-race", "req-RACE", "ReQ-RaCe", "rEq-rAcE");
        var futures = new ArrayList<CompletableFuture<Api.Response>>();
        for (var id : spellings) {
            futures.add(api.sendAsync("PUT", "/requirements/" + id, county, "{\"jurisdiction\":\"410202\",\"name\":\"龙亭区规划：每5年不少于300学时\","
                    + "\"appliesTo\":\"ALL\",\"periodYears\":5,\"minHours\":300,\"anchorYear\":" + next + ",\"effectiveFrom\":" + next + "}"));
        }
        String registered = oneWins(spellings, futures, 201);
        for (var id : spellings) {   // read in any spelling: the one set
            var read = api.send("GET", "/requirements/" + id, county, null);
            assertEquals(java.util.List.of(200, registered, 1), java.util.List.of(read.status(), read.json().get("id").asText(), read.json().get("versions").size()), id);
        }
        var set = api.send("GET", "/requirements?jurisdiction=410202&year=" + next, county, null).json().get("requirements");
        assertEquals(1, java.util.stream.StreamSupport.stream(set.spliterator(), false).filter(r -> r.get("id").asText().equalsIgnoreCase("REQ-RACE")).count(), set.toString());
    }

    /**
     * Of requests racing to create one record in several spellings of its ID, exactly one answers {@code won}; every other
     * is 409 naming the winner's spelling as {@code existing}. The winner's spelling.
     */
    private static String oneWins(java.util.List<String> spellings, java.util.List<CompletableFuture<Api.Response>> racing, int won) throws Exception {
        var winners = new ArrayList<String>();
        var named = new java.util.HashSet<String>();
        for (int i = 0; i < spellings.size(); i++) {
            var r = racing.get(i).get();
            if (r.status() == won) winners.add(spellings.get(i));
            else {
                assertEquals(409, r.status(), r.toString());
                named.add(r.json().get("existing").asText());
            }
        }
        assertEquals(1, winners.size(), winners.toString());
        assertEquals(java.util.Set.of(winners.get(0)), named);
        return winners.get(0);
    }
}
