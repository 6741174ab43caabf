package org.teachertraining.local;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.teachertraining.adapters.aws.AwsClients;
import org.teachertraining.adapters.dynamodb.DynamoDbIntegrityRecords;
import org.teachertraining.adapters.dynamodb.TrainingTable;
import org.teachertraining.submissions.SampleFiles;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One project's whole life on the local runtime's Step Functions, the clock moved across the cutoff, the
 * training and the 30-day deliverables window; and the ways it ends early: rejected, approval timed out,
 * an incomplete application retried and then caught.
 */
class LifecycleIT {
    static Api api;

    @BeforeAll
    static void setUp() throws Exception {
        api = Api.shared();
        FundingIT.setUp();   // its project and budget helpers
    }

    @AfterEach
    void backToNow() throws Exception {
        api.send("POST", "/dev/clock", null, "{\"now\":\"" + OffsetDateTime.now(ZoneOffset.UTC) + "\"}");
    }

    static String province() throws Exception {
        return api.token("life-province", "PROVINCE_ADMIN", "410000");
    }

    static String henu() throws Exception {
        return api.send("POST", "/dev/tokens", null, "{\"sub\":\"henu-office\",\"role\":\"INSTITUTION\",\"institutionId\":\"HENU\"}").json().get("token").asText();
    }

    /** An .xlsx workbook whose first sheet is a roster: 教师编号, then the IDs (inline strings). */
    static byte[] rosterWorkbook(String... teacherIds) throws Exception {
        var sheet = new StringBuilder("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
                + "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>教师编号</t></is></c></row>");
        for (int i = 0; i < teacherIds.length; i++) {
            sheet.append("<row r=\"").append(i + 2).append("\"><c r=\"A").append(i + 2).append("\" t=\"inlineStr\"><is><t>")
                    .append(teacherIds[i]).append("</t></is></c></row>");
        }
        sheet.append("</sheetData></worksheet>");
        var out = new java.io.ByteArrayOutputStream();
        try (var zip = new java.util.zip.ZipOutputStream(out)) {
            zip.putNextEntry(new java.util.zip.ZipEntry("xl/worksheets/sheet1.xml"));
            zip.write(sheet.toString().getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    static void clock(String now) throws Exception {
        assertEquals(200, api.send("POST", "/dev/clock", null, "{\"now\":\"" + now + "\"}").status());
    }

    /** A project of 50 seats under the Henan 2020 standards, its budget at the ceiling unless {@code withBudget} is false. */
    static String project(String code, boolean withBudget) throws Exception {
        String p = FundingIT.project(code);
        assertEquals(200, api.send("PUT", "/projects/" + p + "/quotas/411500", province(), "{\"seats\":50}").status());
        if (withBudget) assertTrue(FundingIT.budget(p, "100000").json().get("passed").asBoolean());
        return p;
    }

    static JsonNode lifecycle(String project) throws Exception {
        var r = api.send("GET", "/projects/" + project + "/lifecycle", province(), null);
        assertEquals(200, r.status(), r.toString());
        return r.json();
    }

    static JsonNode await(String project, String what, Predicate<JsonNode> done) throws Exception {
        long deadline = System.currentTimeMillis() + 40_000;
        JsonNode l = null;
        while (System.currentTimeMillis() < deadline) {
            l = lifecycle(project);
            if (done.test(l)) return l;
            Thread.sleep(100);
        }
        throw new AssertionError("the lifecycle never reached " + what + ": " + l);
    }

    static Predicate<JsonNode> waitingFor(String step) {
        return l -> step.equals(l.path("waitingFor").asText());
    }

    static Predicate<JsonNode> phase(String phase) {
        return l -> phase.equals(l.path("phase").asText());
    }

    static Predicate<JsonNode> ended(String status) {
        return l -> status.equals(l.path("status").asText());
    }

    static void assertDecimal(String expected, JsonNode actual) {
        assertEquals(0, new java.math.BigDecimal(expected).compareTo(actual.decimalValue()), expected + " vs " + actual);
    }

    static List<String> states(JsonNode l) {
        var out = new ArrayList<String>();
        l.get("history").forEach(h -> out.add(h.get("state").asText()));
        return out;
    }

    @Test
    void fromApplicationToClosed() throws Exception {
        String project = project("LIFE-1", true);
        var details = api.send("GET", "/projects/" + project, province(), null).json();
        var cutoff = OffsetDateTime.parse(details.get("selectionCutoff").asText());
        var end = LocalDate.parse(details.get("endDate").asText());

        var applied = api.send("POST", "/projects/" + project + "/application", henu(), null);
        assertEquals(202, applied.status(), applied.toString());
        assertEquals(202, api.send("POST", "/projects/" + project + "/application", henu(), null).status());   // the same execution
        var waiting = await(project, "the province's approval", waitingFor("APPROVAL"));
        assertTrue(waiting.get("waitingUntil").asText().compareTo(waiting.get("waitingSince").asText()) > 0);
        assertEquals(200, api.send("POST", "/projects/" + project + "/application/heartbeat", province(), null).status());
        BadInputIT.problem(api.send("POST", "/projects/" + project + "/application/decision", henu(), "{\"approved\":true}"), 403, null);
        // four clerks approve at once: one decision is taken, the others are told someone was first (never a 500)
        var decisions = new ArrayList<java.util.concurrent.CompletableFuture<Api.Response>>();
        for (int i = 0; i < 4; i++) decisions.add(api.sendAsync("POST", "/projects/" + project + "/application/decision", province(), "{\"approved\":true}"));
        var statuses = new ArrayList<Integer>();
        for (var d : decisions) statuses.add(d.get().status());
        assertEquals(1, statuses.stream().filter(st -> st == 200).count(), statuses.toString());
        assertEquals(3, statuses.stream().filter(st -> st == 409).count(), statuses.toString());
        await(project, "selection", l -> states(l).contains("Wait until the selection cutoff"));

        // selection: three teachers of 新县 enrolled
        String xinyang = api.token("life-xinyang", "CITY_ADMIN", "411500");
        api.importTeachers(xinyang, "LIFE1-", "411523", 3);
        for (int i = 0; i < 3; i++) {
            assertEquals(201, api.send("POST", "/projects/" + project + "/enrollments", xinyang, "{\"teacherId\":\"LIFE1-" + i + "\"}").status());
        }

        // LIFE1-2 is also selected for a national project starting after this one ends, whose one seat LIFE1-W0 waits for;
        // and waits for the one seat of another, which LIFE1-W0 holds. Both capped at two national projects a teacher
        // (E5), which the promotion below checks as the lifecycle function, under its own role
        int thisYear = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).getYear();
        var laterProgram = api.send("POST", "/programs", province(), "{\"year\":" + thisYear
                + ",\"level\":\"NATIONAL\",\"name\":\"IT program LIFE-1B\",\"jurisdiction\":\"410000\"}").json().get("id").asText();
        api.importTeachers(xinyang, "LIFE1-W", "411523", 1);
        var laterOnes = new ArrayList<String>();
        for (var code : List.of("LIFE-1B", "LIFE-1C")) {
            var created = api.send("POST", "/programs/" + laterProgram + "/projects", province(), Api.withNationalCap(Api.projectBody(code, null, 20), 2, thisYear));
            assertEquals(201, created.status(), created.toString());
            laterOnes.add(created.json().get("id").asText());
            assertEquals(200, api.send("PUT", "/projects/" + laterOnes.getLast() + "/quotas/411500", province(), "{\"seats\":1}").status());
        }
        String later = laterOnes.get(0), waited = laterOnes.get(1);
        assertEquals(201, api.send("POST", "/projects/" + later + "/enrollments", xinyang, "{\"teacherId\":\"LIFE1-2\"}").status());
        assertEquals(201, api.send("POST", "/projects/" + later + "/waitlist", xinyang, "{\"teacherId\":\"LIFE1-W0\"}").status());
        assertEquals(201, api.send("POST", "/projects/" + waited + "/enrollments", xinyang, "{\"teacherId\":\"LIFE1-W0\"}").status());
        assertEquals(201, api.send("POST", "/projects/" + waited + "/waitlist", xinyang, "{\"teacherId\":\"LIFE1-2\"}").status());

        // past the cutoff: selection closes with its fill rates, the pre-start checks run
        clock(cutoff.plusMinutes(1).toString());
        var checked = await(project, "the pre-start checks", l -> states(l).contains("Wait until registration closes"));
        JsonNode fill = null;
        for (var f : checked.get("fillRates")) if (f.get("jurisdiction").asText().equals("411500")) fill = f;
        assertTrue(fill != null, checked.get("fillRates").toString());
        assertEquals(3, fill.get("enrolled").asInt());
        assertEquals(47, fill.get("unfilled").asInt());
        assertTrue(checked.get("preStartFindings").toString().contains("开班时间"), checked.toString());
        var henuInstitution = api.send("PUT", "/institutions/HENU", province(), "{\"name\":\"河南大学\",\"categories\":[\"CENTRALIZED\",\"ONLINE\"],"
                + "\"validFrom\":\"" + end.minusYears(1) + "\",\"validUntil\":\"" + end.plusYears(1) + "\"}");
        assertEquals(200, henuInstitution.status(), henuInstitution.toString());
        // C4: no completion before the training has ended
        var early = BadInputIT.refusedBy(api.send("POST", "/projects/" + project + "/completions", henu(), "{\"completionId\":\"LIFE1-EARLY\",\"results\":["
                + "{\"teacherId\":\"LIFE1-0\",\"outcome\":\"PASSED\",\"hours\":{\"CENTRALIZED\":64}}]}"), 409, "C4");
        assertEquals(end.toString(), early.get("endDate").asText());

        // 报到 (E8): the institution registers two of the three on the first day; not before the window, not another caller
        var start = LocalDate.parse(details.get("startDate").asText());
        var tooEarly = BadInputIT.refusedBy(api.send("POST", "/projects/" + project + "/registrations", henu(), "{\"teacherId\":\"LIFE1-0\"}"), 409, "E8");
        assertEquals(start.minusDays(1) + "T00:00+08:00", tooEarly.get("opens").asText());
        assertEquals("报到时间为 " + start.minusDays(1) + " 0 时至 " + start + " 24 时（北京时间，开班前一日至开班当日）", tooEarly.get("detail").asText());
        clock(start + "T08:30:00+08:00");
        xinyang = api.token("life-xinyang", "CITY_ADMIN", "411500");   // minted on the moved clock
        BadInputIT.problem(api.send("POST", "/projects/" + project + "/registrations", xinyang, "{\"teacherId\":\"LIFE1-0\"}"), 403, null);
        var registered = api.send("POST", "/projects/" + project + "/registrations", henu(), "{\"teacherId\":\"LIFE1-0\"}");
        assertEquals(200, registered.status(), registered.toString());
        assertEquals("REGISTERED", registered.json().get("status").asText());
        assertEquals(200, api.send("POST", "/projects/" + project + "/registrations", henu(), "{\"teacherId\":\"LIFE1-0\"}").status());   // again: the same
        var otherCase = api.send("POST", "/projects/" + project + "/registrations", henu(), "{\"teacherId\":\"life1-0\"}");   // the seat holder, as on a roster
        assertEquals(List.of(200, "LIFE1-0", "REGISTERED"), List.of(otherCase.status(), otherCase.json().get("teacherId").asText(),
                otherCase.json().get("status").asText()), otherCase.toString());
        var roster = api.sendBytesAsync("POST", "/projects/" + project + "/registrations:import", henu(),
                "教师编号,姓名\nLIFE1-1,教师1\nNOBODY,某人\nＬＩＦＥ１-0,教师0\nlife1-1,教师1\n".getBytes(StandardCharsets.UTF_8), "text/csv").get();
        assertEquals(200, roster.status(), roster.toString());
        assertEquals("REGISTERED", roster.json().get("items").get(0).get("status").asText(), roster.body());
        assertEquals("E8", roster.json().get("items").get(1).get("rule").asText(), roster.body());
        // typed in full-width characters: the same trainee, registered already
        assertEquals(List.of("LIFE1-0", "REGISTERED"), List.of(roster.json().get("items").get(2).get("teacherId").asText(),
                roster.json().get("items").get(2).get("status").asText()), roster.body());
        // typed in lower case (an ID card's "x" for "X"): the seat holder, as the seat holds the ID
        assertEquals(List.of("LIFE1-1", "REGISTERED"), List.of(roster.json().get("items").get(3).get("teacherId").asText(),
                roster.json().get("items").get(3).get("status").asText()), roster.body());
        // the same roster as Excel saves it (.xlsx): LIFE1-1 is registered already, the same
        var xlsx = api.sendBytesAsync("POST", "/projects/" + project + "/registrations:import", henu(), rosterWorkbook("LIFE1-1"),
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet").get();
        assertEquals(200, xlsx.status(), xlsx.toString());
        assertEquals("REGISTERED", xlsx.json().get("items").get(0).get("status").asText(), xlsx.body());
        BadInputIT.problem(api.sendBytesAsync("POST", "/projects/" + project + "/registrations:import", henu(), new byte[]{'P', 'K', 3, 4, 0, 0},
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet").get(), 400, "file");
        // a roster longer than one request registers within the API's 29 s is refused whole, naming its length
        var tooLong = new StringBuilder("教师编号\n");
        for (int i = 0; i <= org.teachertraining.core.enrollment.Registration.MAX_ROSTER; i++) tooLong.append("LIFE1-").append(i).append('\n');
        var refused = BadInputIT.problem(api.sendBytesAsync("POST", "/projects/" + project + "/registrations:import", henu(),
                tooLong.toString().getBytes(StandardCharsets.UTF_8), "text/csv").get(), 400, "file");
        assertTrue(refused.json().get("detail").asText().contains("本名单 1001 名"), refused.body());
        // the first day over: LIFE1-2, never registered, is a no-show with an integrity record (E4)
        clock(start.plusDays(1) + "T00:10:00+08:00");
        xinyang = api.token("life-xinyang", "CITY_ADMIN", "411500");
        await(project, "the no-shows", l -> states(l).contains("Wait until training ends"));
        var noShow = api.send("GET", "/projects/" + project + "/enrollments?status=NO_SHOW", xinyang, null).json().get("items");
        assertEquals(1, noShow.size(), noShow.toString());
        assertEquals("LIFE1-2", noShow.get(0).get("teacherId").asText());
        // 通知到人: the no-show and their county are told of the record in its write (E4), and of what they may do (E4a)
        String noShowTeacher = api.send("POST", "/dev/tokens", null, "{\"sub\":\"t2\",\"role\":\"TEACHER\",\"teacherId\":\"LIFE1-2\"}").json().get("token").asText();
        assertEquals(1, recorded(noShowTeacher, "").size());
        assertTrue(recorded(noShowTeacher, "").get(0).contains("前不能参加省级及以上培训项目"), recorded(noShowTeacher, "").toString());
        assertEquals(1, recorded(api.token("life-county", "COUNTY_ADMIN", "411523"), "LIFE1-2").size());
        // E4 after the selection: the ban releases LIFE1-2's seat in the later national project, which the waitlist takes
        // (the lifecycle function, under its own role), and LIFE1-2 is told not to report there
        assertEquals(Map.of("LIFE1-2", "WITHDRAWN", "LIFE1-W0", "SELECTED"), statuses(later, xinyang));
        assertEquals("[]", api.send("GET", "/projects/" + waited + "/waitlist", xinyang, null).json().get("items").toString(),
                "LIFE1-2 no longer waits for the other's seat");
        var released = NotificationsIT.inbox(noShowTeacher, later).stream().filter(n -> n.get("kind").asText().equals("WITHDRAWN")).toList();
        assertEquals(1, released.size(), released.toString());
        assertTrue(released.getFirst().get("body").get("zh").asText().startsWith("因诚信记录（无故未参训，" + start + "）"), released.toString());
        var rates = api.send("GET", "/projects/" + project + "/report-rates", xinyang, null);
        assertEquals(200, rates.status(), rates.toString());
        assertEquals("411523", rates.json().get(0).get("jurisdiction").asText(), rates.body());
        assertEquals(3, rates.json().get(0).get("enrolled").asInt(), rates.body());
        assertEquals(2, rates.json().get(0).get("registered").asInt(), rates.body());
        assertEquals(1, rates.json().get(0).get("noShows").asInt(), rates.body());
        assertEquals("66.7", rates.json().get(0).get("percent").asText(), rates.body());
        int programYear = api.send("GET", "/programs/" + details.get("programId").asText(), xinyang, null).json().get("year").asInt();
        var year = api.send("GET", "/jurisdictions/411500/report-rates?year=" + programYear, xinyang, null);
        assertEquals(200, year.status(), year.toString());
        assertTrue(year.body().contains("\"projectId\":\"" + project + "\",\"code\":\"LIFE-1\""), year.body());
        BadInputIT.problem(api.send("GET", "/jurisdictions/411500/report-rates", xinyang, null), 400, "year");
        BadInputIT.problem(api.send("GET", "/projects/" + project + "/report-rates", henu(), null), 403, null);

        // after training: trainees rate it, an expert scores it, the institution records completion
        clock(end.plusDays(1) + "T10:00:00+08:00");
        await(project, "the completion assessment", waitingFor("COMPLETION"));
        for (int i = 0; i < 2; i++) {
            String teacher = api.send("POST", "/dev/tokens", null, "{\"sub\":\"t" + i + "\",\"role\":\"TEACHER\",\"teacherId\":\"LIFE1-" + i + "\"}").json().get("token").asText();
            assertEquals(201, api.send("POST", "/projects/" + project + "/ratings", teacher, "{\"score\":" + (5 - i) + "}").status());
            if (i == 0) BadInputIT.problem(api.send("POST", "/projects/" + project + "/ratings", teacher, "{\"score\":1}"), 409, null);
        }
        // the no-show never came (E8): nothing to rate (a token minted on the clock moved since)
        String noShowNow = api.send("POST", "/dev/tokens", null, "{\"sub\":\"t2\",\"role\":\"TEACHER\",\"teacherId\":\"LIFE1-2\"}").json().get("token").asText();
        assertEquals("E8", BadInputIT.problem(api.send("POST", "/projects/" + project + "/ratings", noShowNow, "{\"score\":1}"), 409, null)
                .json().get("rule").asText());
        String expert = api.send("POST", "/dev/tokens", null, "{\"sub\":\"expert-1\",\"role\":\"EXPERT\"}").json().get("token").asText();
        // P1: only an expert the province assigned scores, once (a repeat replaces the score)
        BadInputIT.problem(api.send("POST", "/projects/" + project + "/expert-scores", expert, "{\"score\":88}"), 403, null);
        BadInputIT.problem(api.send("PUT", "/projects/" + project + "/experts/expert-1", henu(), null), 403, null);
        assertEquals(200, api.send("PUT", "/projects/" + project + "/experts/expert-1", province(), null).status());
        // the expert finds the project among its assignments; another expert does not, an admin is refused
        var assigned = api.send("GET", "/me/assignments", expert, null);
        assertEquals(200, assigned.status(), assigned.toString());
        assertTrue(assigned.body().contains("\"projectId\":\"" + project + "\""), assigned.body());
        String another = api.send("POST", "/dev/tokens", null, "{\"sub\":\"expert-2\",\"role\":\"EXPERT\"}").json().get("token").asText();
        var none = api.send("GET", "/me/assignments", another, null);
        assertEquals(200, none.status(), none.toString());
        assertFalse(none.body().contains(project), none.body());
        BadInputIT.problem(api.send("GET", "/me/assignments", province(), null), 403, null);
        assertEquals(201, api.send("POST", "/projects/" + project + "/expert-scores", expert, "{\"score\":20}").status());
        var scored = api.send("POST", "/projects/" + project + "/expert-scores", expert, "{\"score\":88,\"comment\":\"过程规范\"}");
        assertEquals(1, scored.json().get("scores").asInt(), scored.toString());
        var completion = api.send("POST", "/projects/" + project + "/completions", henu(), "{\"completionId\":\"LIFE1-C1\",\"results\":["
                + "{\"teacherId\":\"LIFE1-0\",\"outcome\":\"PASSED\",\"hours\":{\"CENTRALIZED\":64,\"ONLINE\":30}},"
                + "{\"teacherId\":\"LIFE1-1\",\"outcome\":\"PASSED\",\"hours\":{\"CENTRALIZED\":64,\"ONLINE\":30}},"
                + "{\"teacherId\":\"LIFE1-2\",\"outcome\":\"NO_SHOW\"}]}");
        assertEquals(202, completion.status(), completion.toString());
        // C5: another completion ID for a trainee who has a result is refused at once, naming the first
        var again = BadInputIT.refusedBy(api.send("POST", "/projects/" + project + "/completions", henu(), "{\"completionId\":\"LIFE1-C2\",\"results\":["
                + "{\"teacherId\":\"LIFE1-0\",\"outcome\":\"PASSED\",\"hours\":{\"CENTRALIZED\":64,\"ONLINE\":30}}]}"), 409, "C5");
        assertEquals("LIFE1-C1", again.get("completionId").asText());
        // C4: over the plan (8 days × 8 h = 64 centralized) is refused naming category, hours and bound
        var over = BadInputIT.refusedBy(api.send("POST", "/projects/" + project + "/completions", henu(), "{\"completionId\":\"LIFE1-C3\",\"results\":["
                + "{\"teacherId\":\"LIFE1-2\",\"outcome\":\"PASSED\",\"hours\":{\"CENTRALIZED\":900}}]}"), 422, "C4");
        assertEquals(64, over.get("bound").asInt());
        assertEquals(900, over.get("hours").asInt());
        assertEquals("CENTRALIZED", over.get("category").asText());
        // E8: the trainee who never registered can only be reported a no-show
        var unregistered = BadInputIT.refusedBy(api.send("POST", "/projects/" + project + "/completions", henu(), "{\"completionId\":\"LIFE1-C4\",\"results\":["
                + "{\"teacherId\":\"LIFE1-2\",\"outcome\":\"PASSED\",\"hours\":{\"CENTRALIZED\":8}}]}"), 409, "E8");
        assertEquals("LIFE1-2", unregistered.get("teacherId").asText());
        await(project, "the deliverables window", l -> states(l).contains("Wait a day for the deliverables"));
        String selfEvaluation = Uploads.accepted(api, henu(), project, "SELF_EVALUATION", "自评报告.pdf", "application/pdf", SampleFiles.pdf(3));

        // the 30 days pass: evaluation, closure
        clock(end.plusDays(32) + "T09:00:00+08:00");
        var closed = await(project, "closed", ended("SUCCEEDED"));
        assertEquals("CLOSED", closed.get("phase").asText());
        assertEquals(List.of("Begin or resume?", "Record the application", "Check the budget against the funding standards", "Did the budget pass?",
                "Wait for the province's approval", "Publish quotas and open selection", "Is the selection cutoff within this execution's year?",
                "Wait until the selection cutoff", "Close selection and record fill rates", "Run the pre-start checks",
                "Does registration close within this execution's year?", "Wait until registration closes", "Mark the no-shows",
                "Has every class registered?", "Does training end in time for this execution to close the project?", "Wait until training ends",
                "Wait for the institution's completion assessment", "Confirm the credits are posted", "Check the deliverables",
                "Are the deliverables in?", "Wait a day for the deliverables"), states(closed).subList(0, 21));
        assertEquals("Closed", states(closed).get(states(closed).size() - 1));
        // Step Functions bills each state entered (BENCHMARKS.md, cost per project)
        System.out.printf("lifecycle: %d states entered from application to closure, %d of them the deliverables window's daily check%n",
                states(closed).size(), states(closed).stream().filter(st -> st.equals("Wait a day for the deliverables")).count());
        var e = closed.get("evaluation");
        assertDecimal("6.00", e.get("fillRate"));         // 3 of 50 seats
        assertDecimal("66.67", e.get("reportRate"));      // 2 of 3 came
        assertDecimal("66.67", e.get("completionRate"));  // 2 of 3 passed
        assertDecimal("4.50", e.get("traineeRating"));
        assertEquals(2, e.get("traineeRatings").asInt());
        assertDecimal("88.00", e.get("expertScore"));
        assertTrue(e.get("deliverablesAcceptedOnTime").asInt() >= 1, e.toString());
        assertEquals(2, closed.get("completion").get("passed").asInt());
        JsonNode xinyangReport = null;
        for (var r : e.get("reportRates")) if (r.get("jurisdiction").asText().equals("411500")) xinyangReport = r;
        assertEquals(3, xinyangReport.get("enrolled").asInt());
        assertEquals(2, xinyangReport.get("reported").asInt());

        // what it produced: credits, an integrity record, deliverable statuses
        String county = api.token("life-county", "COUNTY_ADMIN", "411523");
        var transcript = api.send("GET", "/teachers/LIFE1-0/transcript", county, null).json();
        assertTrue(transcript.toString().contains("LIFE1-C1"), transcript.toString());
        var table = new TrainingTable(AwsClients.dynamoDb("local", Api.runtime().dynamoDbEndpoint().toString()), "TrainingTable");
        assertEquals(1, new DynamoDbIntegrityRecords(table).ofTeacher("LIFE1-2").stream().filter(r -> r.projectId().equals(project)).count());
        // the completion's no-show is posted over the record the lifecycle wrote for it, not left claimed, and not told twice
        assertTrue(new org.teachertraining.adapters.dynamodb.DynamoDbProjectResults(table).find(project, "LIFE1-2").orElseThrow().posted());
        noShowTeacher = api.send("POST", "/dev/tokens", null, "{\"sub\":\"t2\",\"role\":\"TEACHER\",\"teacherId\":\"LIFE1-2\"}").json().get("token").asText();
        assertEquals(1, recorded(noShowTeacher, "").size());
        var deliverables = api.send("GET", "/projects/" + project + "/deliverables", henu(), null).json();
        for (var d : deliverables.get("deliverables")) {
            if (d.get("kind").asText().equals("SELF_EVALUATION")) assertEquals("ACCEPTED", d.get("status").asText());
            if (d.get("kind").asText().equals("PUBLICITY")) assertEquals("LATE", d.get("status").asText());
        }
        assertFalse(selfEvaluation.isBlank());
    }

    /**
     * A project of {@link Api#projectBody}'s dates {@code laterByDays} later (cutoff 30 days after that, training from 40 to
     * 55), 50 seats for 信阳市, its budget in, applied for and approved, {@code teachers} teachers of 新县 selected
     * ({@code teacherPrefix} and 0, 1…).
     */
    static String approvedLaterBy(String code, int laterByDays, String teacherPrefix, int teachers) throws Exception {
        var program = api.send("POST", "/programs", province(), "{\"year\":" + LocalDate.now().plusDays(laterByDays + 30).getYear()
                + ",\"level\":\"PROVINCIAL\",\"name\":\"IT program " + code + "\",\"jurisdiction\":\"410000\"}").json().get("id").asText();
        assertEquals(200, api.send("PUT", "/programs/" + program + "/funding-standards", province(), FundingIT.STANDARDS).status());
        var created = api.send("POST", "/programs/" + program + "/projects", province(), Api.projectBody(code, "\"seats\":50", laterByDays));
        assertEquals(201, created.status(), created.toString());
        String project = created.json().get("id").asText();
        assertEquals(200, api.send("PUT", "/projects/" + project + "/quotas/411500", province(), "{\"seats\":50}").status());
        assertTrue(FundingIT.budget(project, "100000").json().get("passed").asBoolean());
        assertEquals(202, api.send("POST", "/projects/" + project + "/application", henu(), null).status());
        await(project, "the province's approval", waitingFor("APPROVAL"));
        assertEquals(200, api.send("POST", "/projects/" + project + "/application/decision", province(), "{\"approved\":true}").status());
        await(project, "selection", phase("SELECTION_OPEN"));
        String xinyang = api.token("life-xinyang", "CITY_ADMIN", "411500");
        api.importTeachers(xinyang, teacherPrefix, "411523", teachers);
        for (int i = 0; i < teachers; i++) {
            assertEquals(201, api.send("POST", "/projects/" + project + "/enrollments", xinyang, "{\"teacherId\":\"" + teacherPrefix + i + "\"}").status());
        }
        return project;
    }

    /**
     * The clock past the cutoff (once the lifecycle waits for the registration's close), then on the start date, when the
     * institution registers {@code teachers} trainees ({@code teacherPrefix} and 0, 1…), then past its first day.
     */
    static void registeredThroughTheFirstDay(String project, JsonNode details, String teacherPrefix, int teachers) throws Exception {
        var start = LocalDate.parse(details.get("startDate").asText());
        clock(OffsetDateTime.parse(details.get("selectionCutoff").asText()).plusMinutes(1).toString());
        await(project, "the pre-start checks", l -> states(l).contains("Wait until registration closes"));
        clock(start + "T08:30:00+08:00");
        for (int i = 0; i < teachers; i++) {
            assertEquals(200, api.send("POST", "/projects/" + project + "/registrations", henu(), "{\"teacherId\":\"" + teacherPrefix + i + "\"}").status());
        }
        clock(start.plusDays(1) + "T00:10:00+08:00");
    }

    /**
     * On {@code day} (10:00), once the lifecycle waits for the completion assessment, 河南大学 (accredited until a year after
     * {@code end}) records {@code teacherId} passed.
     */
    static void recordPassed(String project, String teacherId, LocalDate end, LocalDate day) throws Exception {
        assertEquals(200, api.send("PUT", "/institutions/HENU", province(), "{\"name\":\"河南大学\",\"categories\":[\"CENTRALIZED\",\"ONLINE\"],"
                + "\"validFrom\":\"" + LocalDate.now().minusYears(1) + "\",\"validUntil\":\"" + end.plusYears(1) + "\"}").status());
        clock(day + "T10:00:00+08:00");
        await(project, "the completion assessment", waitingFor("COMPLETION"));
        var completion = api.send("POST", "/projects/" + project + "/completions", henu(), "{\"completionId\":\"" + teacherId + "-C1\",\"results\":["
                + "{\"teacherId\":\"" + teacherId + "\",\"outcome\":\"PASSED\",\"hours\":{\"CENTRALIZED\":64,\"ONLINE\":30}}]}");
        assertEquals(202, completion.status(), completion.toString());
    }

    /**
     * Step Functions ends an execution after a year (a hard quota, which the local runtime enforces too): a project applied for
     * more than a year before its training — here its cutoff 410 days ahead, its end 435 — is handed over to a new
     * execution before the year runs out, and closes there, its history the two executions' states. With one execution
     * it ended TIMED_OUT when the clock passed its year.
     */
    @Test
    void aProjectWhoseTrainingEndsMoreThanAYearAfterItsApplicationClosesInItsNextExecution() throws Exception {
        String project = approvedLaterBy("LIFE-8", 380, "LIFE8-", 1);
        var details = api.send("GET", "/projects/" + project, province(), null).json();
        var cutoff = OffsetDateTime.parse(details.get("selectionCutoff").asText());
        var start = LocalDate.parse(details.get("startDate").asText());
        var end = LocalDate.parse(details.get("endDate").asText());
        // the cutoff lies past this execution's 360 days: it waits to hand the project over instead
        var handingOver = await(project, "the handover", l -> states(l).contains("Wait until this execution hands over"));
        assertTrue(states(handingOver).contains("Hand over before the selection cutoff"), handingOver.toString());

        // past the cutoff, and past the first execution's year: the next execution goes on from the cutoff
        clock(cutoff.plusMinutes(1).toString());
        var checked = await(project, "the pre-start checks", l -> states(l).contains("Wait until registration closes"));
        assertEquals("RUNNING", checked.get("status").asText(), checked.toString());
        var handedOver = states(checked);
        int resumed = handedOver.lastIndexOf("Begin or resume?");
        assertTrue(resumed > 0, handedOver.toString());
        assertEquals(List.of("Wait until this execution hands over", "Continue in a new execution", "Continued in a new execution"),
                handedOver.subList(resumed - 3, resumed), handedOver.toString());
        assertEquals(List.of("Begin or resume?", "Is the selection cutoff within this execution's year?", "Wait until the selection cutoff",
                "Close selection and record fill rates"), handedOver.subList(resumed, resumed + 4), handedOver.toString());
        JsonNode fill = null;
        for (var f : checked.get("fillRates")) if (f.get("jurisdiction").asText().equals("411500")) fill = f;
        assertEquals(1, fill.get("enrolled").asInt(), checked.toString());

        // registration, training and completion as in any project, in the new execution
        clock(start + "T08:30:00+08:00");
        assertEquals(200, api.send("POST", "/projects/" + project + "/registrations", henu(), "{\"teacherId\":\"LIFE8-0\"}").status());
        clock(start.plusDays(1) + "T00:10:00+08:00");
        await(project, "the no-shows", l -> states(l).contains("Wait until training ends"));
        recordPassed(project, "LIFE8-0", end, end.plusDays(1));
        await(project, "the deliverables window", l -> states(l).contains("Wait a day for the deliverables"));
        clock(end.plusDays(32) + "T09:00:00+08:00");
        var closed = await(project, "closed", ended("SUCCEEDED"));
        assertEquals("CLOSED", closed.get("phase").asText());
        assertEquals("Closed", states(closed).getLast());
        assertEquals(2, states(closed).stream().filter(st -> st.equals("Begin or resume?")).count(), states(closed).toString());
        assertDecimal("100.00", closed.get("evaluation").get("completionRate"));
    }

    /**
     * After the training's end an execution runs to the closure unchecked — the completion assessment may take 60 days —
     * so it waits for a training end only 300 days after it started: a project whose training ends 316 days after its
     * application goes on in a new execution before, and its completion recorded 52 days after the end, past the first
     * execution's year, closes it. With one execution it ended TIMED_OUT while waiting for that completion.
     */
    @Test
    void aCompletionRecordedPastTheFirstExecutionsYearClosesTheProjectInItsNextExecution() throws Exception {
        String project = approvedLaterBy("LIFE-9", 260, "LIFE9-", 1);
        var details = api.send("GET", "/projects/" + project, province(), null).json();
        var end = LocalDate.parse(details.get("endDate").asText());
        registeredThroughTheFirstDay(project, details, "LIFE9-", 1);
        var handedOver = await(project, "the next execution's wait for the training's end", l -> states(l).contains("Wait until training ends"));
        var states = states(handedOver);
        assertEquals(List.of("Does training end in time for this execution to close the project?", "Hand over before training ends",
                "Wait until this execution hands over", "Continue in a new execution", "Continued in a new execution", "Begin or resume?",
                "Does training end in time for this execution to close the project?", "Wait until training ends"),
                states.subList(states.indexOf("Has every class registered?") + 1, states.size()), states.toString());
        recordPassed(project, "LIFE9-0", end, end.plusDays(52));
        var closed = await(project, "closed", ended("SUCCEEDED"));
        assertEquals("CLOSED", closed.get("phase").asText(), closed.toString());
        assertDecimal("100.00", closed.get("evaluation").get("completionRate"));
    }

    /**
     * The deliverables window ends early once everything S4 asks for is accepted — but not while a trainee who came has no
     * result yet: a project recorded class by class (or in parts of 100) would close on the first part and refuse the rest
     * (409 C4), its trainees' hours never credited. Before 2026-12-08 it closed the day the deliverables were in.
     */
    @Test
    void theDeliverablesWindowStaysOpenWhileATraineeWhoCameHasNoResult() throws Exception {
        String project = approvedLaterBy("LIFE-10", 0, "LIFE10-", 2);
        var details = api.send("GET", "/projects/" + project, province(), null).json();
        var end = LocalDate.parse(details.get("endDate").asText());
        registeredThroughTheFirstDay(project, details, "LIFE10-", 2);
        await(project, "the wait for the training's end", l -> states(l).contains("Wait until training ends"));

        // the first class's result, and every S4 deliverable accepted the next day
        recordPassed(project, "LIFE10-0", end, end.plusDays(1));
        await(project, "the deliverables window", l -> states(l).contains("Wait a day for the deliverables"));
        for (String kind : List.of("SELF_EVALUATION", "COURSE_RESOURCE", "CASE_COLLECTION", "PUBLICITY")) {
            var s = Uploads.submit(api, henu(), project, kind, kind.toLowerCase() + ".pdf", "application/pdf", SampleFiles.pdf(2),
                    kind.equals("CASE_COLLECTION") ? "\"cases\":1" : null);
            assertEquals("ACCEPTED", s.get("status").asText(), s.toString());
        }
        clock(end.plusDays(2) + "T11:00:00+08:00");
        var open = await(project, "the next day's check", l -> states(l).stream().filter(st -> st.equals("Check the deliverables")).count() >= 2);
        assertEquals(List.of("DELIVERABLES_WINDOW", "RUNNING"), List.of(open.get("phase").asText(), open.get("status").asText()), open.toString());

        // the second class's result is taken; the next check closes the project, both trainees counted
        var second = api.send("POST", "/projects/" + project + "/completions", henu(), "{\"completionId\":\"LIFE10-1-C1\",\"results\":["
                + "{\"teacherId\":\"LIFE10-1\",\"outcome\":\"PASSED\",\"hours\":{\"CENTRALIZED\":64,\"ONLINE\":30}}]}");
        assertEquals(202, second.status(), second.toString());
        clock(end.plusDays(3) + "T11:00:00+08:00");
        var closed = await(project, "closed", ended("SUCCEEDED"));
        assertEquals("CLOSED", closed.get("phase").asText(), closed.toString());
        assertDecimal("100.00", closed.get("evaluation").get("completionRate"));
    }

    /**
     * E8 with two classes (S2): the second class's trainee registers at its own start, and is not marked a no-show — nor
     * banned — when the first class's first day ends; who registered in neither is marked once the last class's has.
     */
    @Test
    void e8_aProjectOfTwoClassesMarksItsNoShowsWhenTheLastClassesFirstDayEnds() throws Exception {
        String project = project("LIFE-2", true);
        var details = api.send("GET", "/projects/" + project, province(), null).json();
        var cutoff = OffsetDateTime.parse(details.get("selectionCutoff").asText());
        var start = LocalDate.parse(details.get("startDate").asText());
        var end = LocalDate.parse(details.get("endDate").asText());
        var second = start.plusDays(4);   // its window opens the day before: start + 3
        assertTrue(!second.isAfter(end), "the project lasts five days at least: " + details);
        assertEquals(202, api.send("POST", "/projects/" + project + "/application", henu(), null).status());
        await(project, "the province's approval", waitingFor("APPROVAL"));
        assertEquals(200, api.send("POST", "/projects/" + project + "/application/decision", province(), "{\"approved\":true}").status());
        await(project, "selection", l -> states(l).contains("Wait until the selection cutoff"));
        String xinyang = api.token("life-xinyang", "CITY_ADMIN", "411500");
        api.importTeachers(xinyang, "LIFE2-", "411523", 3);
        for (int i = 0; i < 3; i++) {
            assertEquals(201, api.send("POST", "/projects/" + project + "/enrollments", xinyang, "{\"teacherId\":\"LIFE2-" + i + "\"}").status());
        }
        // the institution reports its two classes after applying (S2, by the cutoff)
        var classes = api.send("PUT", "/projects/" + project + "/classes", henu(), "{\"classes\":[{\"no\":1,\"startDate\":\"" + start
                + "\",\"endDate\":\"" + start.plusDays(1) + "\"},{\"no\":2,\"startDate\":\"" + second + "\",\"endDate\":\"" + end + "\"}]}");
        assertEquals(200, classes.status(), classes.toString());
        clock(cutoff.plusMinutes(1).toString());
        await(project, "the pre-start checks", l -> states(l).contains("Wait until registration closes"));

        clock(start + "T08:30:00+08:00");
        assertEquals(200, api.send("POST", "/projects/" + project + "/registrations", henu(), "{\"teacherId\":\"LIFE2-0\"}").status());
        // the first class's first day is over: nobody is marked, the marking waits for the second class
        clock(start.plusDays(1) + "T00:10:00+08:00");
        var waiting = await(project, "the wait for the second class", l -> states(l).contains("Wait until the last class's registration closes"));
        assertEquals(OffsetDateTime.parse(second.plusDays(1) + "T00:00:00+08:00").toInstant(),
                java.time.Instant.parse(waiting.get("dates").get("registrationCloses").asText()), "the record's date follows the classes: " + waiting);
        xinyang = api.token("life-xinyang", "CITY_ADMIN", "411500");
        assertEquals(0, api.send("GET", "/projects/" + project + "/enrollments?status=NO_SHOW", xinyang, null).json().get("items").size());
        // between the classes registration is closed, with the windows named
        var between = BadInputIT.refusedBy(api.send("POST", "/projects/" + project + "/registrations", henu(), "{\"teacherId\":\"LIFE2-1\"}"), 409, "E8");
        assertEquals(2, between.get("windows").size(), between.toString());
        assertTrue(between.get("detail").asText().contains("各期开班前一日至开班当日"), between.toString());
        clock(second + "T08:30:00+08:00");
        var late = api.send("POST", "/projects/" + project + "/registrations", henu(), "{\"teacherId\":\"LIFE2-1\"}");
        assertEquals(200, late.status(), late.toString());
        assertEquals("REGISTERED", late.json().get("status").asText());
        // the second class's first day over: LIFE2-2, registered in neither, is the one no-show
        clock(second.plusDays(1) + "T00:10:00+08:00");
        await(project, "the no-shows", l -> states(l).contains("Wait until training ends"));
        xinyang = api.token("life-xinyang", "CITY_ADMIN", "411500");
        var noShow = api.send("GET", "/projects/" + project + "/enrollments?status=NO_SHOW", xinyang, null).json().get("items");
        assertEquals(1, noShow.size(), noShow.toString());
        assertEquals("LIFE2-2", noShow.get(0).get("teacherId").asText());
        String registered = api.send("POST", "/dev/tokens", null, "{\"sub\":\"t1\",\"role\":\"TEACHER\",\"teacherId\":\"LIFE2-1\"}").json().get("token").asText();
        assertEquals(0, api.send("GET", "/teachers/LIFE2-1/integrity-records", registered, null).json().get("items").size());
        assertEquals(200, api.send("POST", "/projects/" + project + "/cancellation", province(), "{\"reason\":\"测试结束\"}").status());
    }

    /**
     * E8 for a project of 250 trainees, of whom 248 did not come: marking them all in one call took longer than the
     * lifecycle function's 30 s (1,000 of them did, and the execution failed on "Sandbox.Timedout"); the state machine
     * marks them 100 a call. In 平桥区 (411503, no other test's).
     */
    @Test
    void e8_aLargeProjectsNoShowsAreMarkedCallByCall() throws Exception {
        int trainees = 250;
        String project = api.project(province(), "LIFE-7", "\"seats\":" + trainees);
        String programId = api.send("GET", "/projects/" + project, province(), null).json().get("programId").asText();
        assertEquals(200, api.send("PUT", "/programs/" + programId + "/funding-standards", province(), FundingIT.STANDARDS).status());
        assertEquals(200, api.send("PUT", "/projects/" + project + "/quotas/411500", province(), "{\"seats\":" + trainees + "}").status());
        assertTrue(FundingIT.budget(project, "100000").json().get("passed").asBoolean());
        var details = api.send("GET", "/projects/" + project, province(), null).json();
        var start = LocalDate.parse(details.get("startDate").asText());
        assertEquals(202, api.send("POST", "/projects/" + project + "/application", henu(), null).status());
        await(project, "the province's approval", waitingFor("APPROVAL"));
        assertEquals(200, api.send("POST", "/projects/" + project + "/application/decision", province(), "{\"approved\":true}").status());
        await(project, "selection", l -> states(l).contains("Wait until the selection cutoff"));
        String xinyang = api.token("life-xinyang", "CITY_ADMIN", "411500");
        api.importTeachers(xinyang, "LIFE7-", "411503", trainees);
        for (int from = 0; from < trainees; from += 8) {   // eight at a time
            var group = new ArrayList<java.util.concurrent.CompletableFuture<Api.Response>>();
            for (int i = from; i < Math.min(trainees, from + 8); i++) {
                group.add(api.sendAsync("POST", "/projects/" + project + "/enrollments", xinyang, "{\"teacherId\":\"LIFE7-" + i + "\"}"));
            }
            for (var e : group) assertEquals(201, e.get().status(), e.get().toString());
        }
        clock(OffsetDateTime.parse(details.get("selectionCutoff").asText()).plusMinutes(1).toString());
        await(project, "the pre-start checks", l -> states(l).contains("Wait until registration closes"));
        clock(start + "T08:30:00+08:00");
        for (var came : List.of("LIFE7-0", "LIFE7-249")) {
            assertEquals(200, api.send("POST", "/projects/" + project + "/registrations", henu(), "{\"teacherId\":\"" + came + "\"}").status());
        }

        clock(start.plusDays(1) + "T00:10:00+08:00");
        long began = System.nanoTime();
        var marked = await(project, "the no-shows", l -> states(l).contains("Wait until training ends") || ended("FAILED").test(l));
        System.out.printf("LifecycleIT: %d no-shows marked in %.1f s%n", trainees - 2, (System.nanoTime() - began) / 1e9);
        var states = states(marked);
        assertTrue(states.contains("Wait until training ends"), marked.toString());
        // the 248, in the order of their IDs, in three calls of at most 100
        assertEquals(2, states.stream().filter("Mark the next no-shows"::equals).count(), states.toString());
        xinyang = api.token("life-xinyang", "CITY_ADMIN", "411500");
        int noShows = 0;
        for (var page : api.pages("/projects/" + project + "/enrollments?jurisdiction=411503&status=NO_SHOW", xinyang)) noShows += page.get("items").size();
        assertEquals(trainees - 2, noShows);
        String lastOne = api.send("POST", "/dev/tokens", null, "{\"sub\":\"t7\",\"role\":\"TEACHER\",\"jurisdiction\":\"411503\",\"teacherId\":\"LIFE7-248\"}").json().get("token").asText();
        assertEquals(1, api.send("GET", "/teachers/LIFE7-248/integrity-records", lastOne, null).json().get("items").size());
        assertEquals(200, api.send("POST", "/projects/" + project + "/cancellation", province(), "{\"reason\":\"测试结束\"}").status());
    }

    /** A rejected project will not run: it selects no one more, and its trainee selected while the province reviewed is released. */
    @Test
    void aRejectedApplicationEndsInItsNamedState_andReleasesItsTrainees() throws Exception {
        String project = project("LIFE-2", true);
        api.send("POST", "/projects/" + project + "/application", henu(), null);
        await(project, "the province's approval", waitingFor("APPROVAL"));
        String xinyang = api.token("life-xinyang", "CITY_ADMIN", "411500");
        api.importTeachers(xinyang, "LIFE2R-", "411523", 2);
        assertEquals(201, api.send("POST", "/projects/" + project + "/enrollments", xinyang, "{\"teacherId\":\"LIFE2R-0\"}").status());
        BadInputIT.problem(api.send("POST", "/projects/" + project + "/application/decision", province(), "{\"approved\":false}"), 400, "reason");
        assertEquals(200, api.send("POST", "/projects/" + project + "/application/decision", province(),
                "{\"approved\":false,\"reason\":\"培训方案与需求不符\"}").status());
        var l = await(project, "rejected", ended("FAILED"));
        assertEquals("ApplicationRejected", l.get("error").asText());
        assertEquals("培训方案与需求不符", l.get("cause").asText());
        assertEquals("Application rejected", states(l).get(states(l).size() - 1));
        assertEquals("REJECTED", l.get("phase").asText());
        var released = api.send("GET", "/projects/" + project + "/enrollments", xinyang, null).json().get("items");
        assertEquals("WITHDRAWN", released.get(0).get("status").asText(), released.toString());
        String trainee = api.send("POST", "/dev/tokens", null, "{\"sub\":\"life2r\",\"role\":\"TEACHER\",\"teacherId\":\"LIFE2R-0\"}").json().get("token").asText();
        var told = api.send("GET", "/me/notifications", trainee, null).json().get("items");
        assertEquals("WITHDRAWN", told.get(0).get("kind").asText(), "the released trainee is told, newest first: " + told);
        BadInputIT.refusedBy(api.send("POST", "/projects/" + project + "/enrollments", xinyang, "{\"teacherId\":\"LIFE2R-1\"}"), 409, "E2");
        // a cancellation after it changes nothing: the project stays rejected
        var again = api.send("POST", "/projects/" + project + "/cancellation", province(), "{\"reason\":\"误操作\"}");
        assertEquals(200, again.status(), again.toString());
        assertEquals("REJECTED", again.json().get("phase").asText());
        assertEquals("REJECTED", lifecycle(project).get("phase").asText());
    }

    /** Nobody applied for it yet: cancelled all the same, and the institution's application after it starts nothing. */
    @Test
    void aProjectNobodyAppliedForIsCancelledAsItIs() throws Exception {
        String project = project("LIFE-6", true);
        var cancelled = api.send("POST", "/projects/" + project + "/cancellation", province(), "{\"reason\":\"项目撤销\"}");
        assertEquals(200, cancelled.status(), cancelled.toString());
        assertEquals("CANCELLED", cancelled.json().get("phase").asText());
        assertTrue(cancelled.json().path("status").isMissingNode(), cancelled.toString());   // no execution, no status
        BadInputIT.problem(api.send("POST", "/projects/" + project + "/application", henu(), null), 409, null);
        var l = lifecycle(project);
        assertEquals("CANCELLED", l.get("phase").asText());
        assertEquals(0, l.get("history").size(), l.toString());
    }

    /** The province cancels a project awaiting its approval: the execution is stopped, and nothing moves the project on. */
    @Test
    void aCancelledProjectStaysCancelled() throws Exception {
        String project = project("LIFE-5", true);
        api.send("POST", "/projects/" + project + "/application", henu(), null);
        await(project, "the province's approval", waitingFor("APPROVAL"));
        String xinyang = api.token("life-xinyang", "CITY_ADMIN", "411500");
        api.importTeachers(xinyang, "LIFE5-", "411523", 2);
        assertEquals(201, api.send("POST", "/projects/" + project + "/enrollments", xinyang, "{\"teacherId\":\"LIFE5-0\"}").status());
        String cancellation = "/projects/" + project + "/cancellation";
        BadInputIT.problem(api.send("POST", cancellation, province(), "{}"), 400, "reason");
        assertEquals(403, api.send("POST", cancellation, henu(), "{\"reason\":\"经费未到位\"}").status());
        var cancelled = api.send("POST", cancellation, province(), "{\"reason\":\"经费未到位\"}");
        assertEquals(200, cancelled.status(), cancelled.toString());
        assertEquals("CANCELLED", cancelled.json().get("phase").asText());
        assertEquals("ABORTED", cancelled.json().get("status").asText());
        assertEquals("ProjectCancelled", cancelled.json().get("error").asText());
        assertEquals("经费未到位", cancelled.json().get("cause").asText());
        // asked again (a retry), the same answer; the approval it no longer waits for is refused
        var again = api.send("POST", cancellation, province(), "{\"reason\":\"经费未到位\"}");
        assertEquals(200, again.status(), again.toString());
        assertEquals("CANCELLED", again.json().get("phase").asText());
        BadInputIT.problem(api.send("POST", "/projects/" + project + "/application/decision", province(), "{\"approved\":true}"), 409, null);
        Thread.sleep(500);
        var l = lifecycle(project);
        assertEquals("CANCELLED", l.get("phase").asText());
        assertEquals("ABORTED", l.get("status").asText());
        // the project is marked, its trainee released, and it selects no one (E2)
        assertTrue(api.send("GET", "/projects/" + project, xinyang, null).json().path("cancelledAt").isTextual());
        var released = api.send("GET", "/projects/" + project + "/enrollments", xinyang, null).json().get("items");
        assertEquals(1, released.size(), released.toString());
        assertEquals("WITHDRAWN", released.get(0).get("status").asText());
        BadInputIT.refusedBy(api.send("POST", "/projects/" + project + "/enrollments", xinyang, "{\"teacherId\":\"LIFE5-1\"}"), 409, "E2");
    }

    @Test
    void anApprovalNobodyGivesTimesOut() throws Exception {
        String project = project("LIFE-3", true);
        api.send("POST", "/projects/" + project + "/application", henu(), null);
        var waiting = await(project, "the province's approval", waitingFor("APPROVAL"));
        // eight days without a word from the province: the heartbeat lapses
        clock(OffsetDateTime.parse(waiting.get("waitingSince").asText()).plusDays(8).plusMinutes(1).toString());
        var l = await(project, "timed out", ended("FAILED"));
        assertEquals("ApprovalTimedOut", l.get("error").asText());
        assertEquals("States.HeartbeatTimeout", l.get("cause").asText());
        assertEquals("Approval timed out", states(l).get(states(l).size() - 1));
        // the province gives the project up: a failed execution is cancelled all the same
        var cancelled = api.send("POST", "/projects/" + project + "/cancellation", province(), "{\"reason\":\"审批超时，项目撤销\"}");
        assertEquals(200, cancelled.status(), cancelled.toString());
        assertEquals("CANCELLED", cancelled.json().get("phase").asText());
        BadInputIT.problem(api.send("POST", "/projects/" + project + "/application", henu(), null), 409, null);
    }

    @Test
    void anApplicationWithoutABudgetIsRetriedForTwoDaysThenCaught_andMayBeMadeAgain() throws Exception {
        String project = project("LIFE-4", false);
        api.send("POST", "/projects/" + project + "/application", henu(), null);
        Thread.sleep(1500);
        var first = lifecycle(project);
        assertEquals("RUNNING", first.get("status").asText());   // NoBudget: the retry waits a day
        String now = api.send("GET", "/dev/clock", null, null).json().get("now").asText();
        clock(OffsetDateTime.parse(now).plusDays(1).plusMinutes(1).toString());
        Thread.sleep(1500);
        assertEquals("RUNNING", lifecycle(project).get("status").asText());   // the second retry waits another day
        clock(OffsetDateTime.parse(now).plusDays(3).toString());
        var l = await(project, "caught", ended("FAILED"));
        assertEquals("ApplicationIncomplete", l.get("error").asText());
        assertTrue(l.get("cause").asText().contains("no budget"), l.toString());
        assertEquals("Application incomplete", states(l).get(states(l).size() - 1));

        // the institution adds its budget and applies again: a new application, which the province can approve
        var budget = api.send("PUT", "/projects/" + project + "/budget", henu(), FundingIT.budgetBody("100000"));   // a token of the moved clock
        assertTrue(budget.json().path("passed").asBoolean(), budget.toString());
        assertEquals(202, api.send("POST", "/projects/" + project + "/application", henu(), null).status());
        var again = await(project, "the second application's approval", waitingFor("APPROVAL"));
        assertEquals("RUNNING", again.get("status").asText(), again.toString());
        assertEquals(List.of("Begin or resume?", "Record the application"), states(again).subList(0, 2), "the new application's own history: " + again);
        assertEquals(202, api.send("POST", "/projects/" + project + "/application", henu(), null).status(), "asked again, the same application");
        assertEquals(200, api.send("POST", "/projects/" + project + "/application/decision", province(), "{\"approved\":true}").status());
        await(project, "selection open", phase("SELECTION_OPEN"));
    }

    /** The bodies (zh) of the integrity records' notices in the inbox {@code token} reads, of those that name {@code about}. */
    /** Each enrollment of the project, its teacher's ID to its status. */
    static Map<String, String> statuses(String project, String token) throws Exception {
        var out = new java.util.TreeMap<String, String>();
        for (var page : Api.shared().pages("/projects/" + project + "/enrollments?limit=100", token)) {
            page.get("items").forEach(e -> out.put(e.get("teacherId").asText(), e.get("status").asText()));
        }
        return out;
    }

    static List<String> recorded(String token, String about) throws Exception {
        var inbox = api.send("GET", "/me/notifications?limit=100", token, null);
        assertEquals(200, inbox.status(), inbox.toString());
        var out = new java.util.ArrayList<String>();
        for (JsonNode n : inbox.json().get("items")) {
            if (n.get("kind").asText().equals("INTEGRITY_RECORDED") && n.get("body").get("zh").asText().contains(about)) out.add(n.get("body").get("zh").asText());
        }
        return out;
    }
}
