package org.teachertraining.local;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.teachertraining.funding.FundingCheckError;
import org.teachertraining.funding.FundingCheckHandler;
import org.teachertraining.submissions.SampleFiles;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Funding over HTTP and as the Step Functions task, on the emulators. */
class FundingIT {
    static final String STANDARDS = "{\"standards\":[{\"line\":\"CENTRALIZED\",\"name\":\"集中培训\",\"unit\":\"PER_PERSON_DAY\",\"rate\":400,"
            + "\"phases\":[\"DIAGNOSIS\",\"CENTRALIZED\",\"SHADOWING\",\"SCHOOL_VISIT\"],\"categories\":[\"ACCOMMODATION\",\"MEALS\",\"VENUE\",\"LECTURERS\","
            + "\"MATERIALS\",\"TRANSPORT\",\"MANAGEMENT\",\"OTHER\"],\"effectiveFrom\":\"2020-01-01\"},"
            + "{\"line\":\"ONLINE\",\"name\":\"网络研修\",\"unit\":\"PER_PERSON_HOUR\",\"rate\":3,\"phases\":[\"ONLINE\"],\"categories\":[\"ONLINE_PLATFORM\"],"
            + "\"effectiveFrom\":\"2020-01-01\"}]}";
    static Api api;
    static String province, henu, programProject;

    @BeforeAll
    static void setUp() throws Exception {
        api = Api.shared();
        province = api.token("fund-province", "PROVINCE_ADMIN", "410000");
        henu = api.send("POST", "/dev/tokens", null, "{\"sub\":\"henu-finance\",\"role\":\"INSTITUTION\",\"institutionId\":\"HENU\"}").json().get("token").asText();
    }

    /** A project of 50 seats (8 centralized days, 30 online hours) under a program with the Henan 2020 standards. */
    static String project(String code) throws Exception {
        String project = api.project(province, code, "\"seats\":50");
        String programId = api.send("GET", "/projects/" + project, province, null).json().get("programId").asText();
        var set = api.send("PUT", "/programs/" + programId + "/funding-standards", province, STANDARDS);
        assertEquals(200, set.status(), set.toString());
        return project;
    }

    static Api.Response budget(String project, String accommodation) throws Exception {
        return api.send("PUT", "/projects/" + project + "/budget", henu, budgetBody(accommodation));
    }

    /** A budget for 50 trainees, 8 days and 30 online hours. */
    static String budgetBody(String accommodation) {
        return "{\"lines\":[{\"category\":\"ACCOMMODATION\",\"amount\":" + accommodation
                + ",\"justification\":\"50人×8天×250元\"},{\"category\":\"MEALS\",\"amount\":60000,\"justification\":\"50人×8天×150元\"},"
                + "{\"category\":\"ONLINE_PLATFORM\",\"amount\":4500,\"justification\":\"50人×30学时×3元\"}]}";
    }

    @Test
    void budgetsAtOneFenOverAndUnderTheCeiling_overHttpAndAsTheTask() throws Exception {
        String project = project("FUND-1");
        // 50 × 8 days × 400 = 160,000.00; 50 × 30 h × 3 = 4,500.00
        var at = budget(project, "100000");
        assertEquals(200, at.status(), at.toString());
        assertTrue(at.json().get("passed").asBoolean());
        assertEquals(16_450_000, at.json().get("ceilingFen").asLong());
        var over = budget(project, "100000.01").json();
        assertFalse(over.get("passed").asBoolean());
        assertEquals(1, finding(over, "OVER").get("overByFen").asLong());

        var task = new FundingCheckHandler(Api.runtime().functionEnvironment("FundingCheckFunction")).handleRequest(Map.of("projectId", project), new LocalLambdaContext("FundingCheckFunction", 30));
        assertEquals(false, task.get("passed"));
        assertEquals(16_450_000, ((Number) task.get("ceilingFen")).longValue());
        assertTrue(budget(project, "99999.99").json().get("passed").asBoolean());
        assertEquals(true, new FundingCheckHandler(Api.runtime().functionEnvironment("FundingCheckFunction")).handleRequest(Map.of("projectId", project), null).get("passed"));

        // the task's errors are named for Retry/Catch
        var handler = new FundingCheckHandler(Api.runtime().functionEnvironment("FundingCheckFunction"));
        assertThrows(FundingCheckError.NoSuchProject.class, () -> handler.handleRequest(Map.of("projectId", "nope"), null));
        assertThrows(FundingCheckError.NoBudget.class, () -> handler.handleRequest(Map.of("projectId", project("FUND-2")), null));
        assertThrows(FundingCheckError.InvalidInput.class, () -> handler.handleRequest(Map.of("project", "x"), null));
        String noStandards = api.project(province, "FUND-3", "\"seats\":50");
        budget(noStandards, "1");
        assertThrows(FundingCheckError.NoFundingStandards.class, () -> handler.handleRequest(Map.of("projectId", noStandards), null));
    }

    /**
     * 10⁶ seats × 30 phases of 366 days × 10⁹ yuan a day is beyond a long of fen. The budget was stored and answered
     * 500 (long overflow), and every check after it too; now 422 F2 CeilingOutOfRange, nothing stored, and the
     * lifecycle's task names the error for its Catch.
     */
    @Test
    void aCeilingBeyondReckoningIs422AndTheBudgetIsNotStored() throws Exception {
        var program = api.send("POST", "/programs", province, "{\"year\":" + java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).getYear()
                + ",\"level\":\"PROVINCIAL\",\"name\":\"IT program FUND-9\",\"jurisdiction\":\"410000\"}").json().get("id").asText();
        String phases = String.join(",", java.util.Collections.nCopies(30, "{\"kind\":\"CENTRALIZED\",\"days\":366}"));
        var created = api.send("POST", "/programs/" + program + "/projects", province, Api.projectBody("FUND-9", "\"seats\":1000000")
                .replace("\"phases\":[{\"kind\":\"CENTRALIZED\",\"days\":8},{\"kind\":\"ONLINE\",\"hours\":30}]", "\"phases\":[" + phases + "]"));
        assertEquals(201, created.status(), created.toString());
        String project = created.json().get("id").asText();
        String beyondReckoning = "{\"standards\":[{\"line\":\"CENTRALIZED\",\"name\":\"集中培训\",\"unit\":\"PER_PERSON_DAY\",\"rate\":1000000000,"
                + "\"phases\":[\"CENTRALIZED\"],\"categories\":[\"VENUE\"],\"effectiveFrom\":\"2020-01-01\"}]}";
        assertEquals(200, api.send("PUT", "/programs/" + program + "/funding-standards", province, beyondReckoning).status());

        var refused = BadInputIT.problem(api.send("PUT", "/projects/" + project + "/budget", henu,
                "{\"lines\":[{\"category\":\"VENUE\",\"amount\":1000,\"justification\":\"x\"}]}"), 422, null).json();
        assertEquals("F2", refused.get("rule").asText());
        assertEquals("CeilingOutOfRange", refused.get("error").asText());
        var check = api.send("GET", "/projects/" + project + "/budget-check", province, null);
        assertEquals("NoBudget", check.json().get("error").asText(), check.toString());

        // stored under standards it can be checked against, then the standards raised beyond reckoning: the task names it
        assertEquals(200, api.send("PUT", "/programs/" + program + "/funding-standards", province, STANDARDS).status());
        assertEquals(200, api.send("PUT", "/projects/" + project + "/budget", henu, budgetBody("1")).status());
        assertEquals(200, api.send("PUT", "/programs/" + program + "/funding-standards", province, beyondReckoning).status());
        BadInputIT.problem(api.send("GET", "/projects/" + project + "/budget-check", province, null), 422, null);
        var handler = new FundingCheckHandler(Api.runtime().functionEnvironment("FundingCheckFunction"));
        assertThrows(FundingCheckError.CeilingOutOfRange.class, () -> handler.handleRequest(Map.of("projectId", project), null));
    }

    @Test
    void badMoneyIsRefusedWithTheFieldNamed() throws Exception {
        String project = project("FUND-4");
        String path = "/projects/" + project + "/budget";
        BadInputIT.problem(api.send("PUT", path, henu, "{\"lines\":[{\"category\":\"MEALS\",\"amount\":\"12.345\"}]}"), 400, "lines[0].amount");
        BadInputIT.problem(api.send("PUT", path, henu, "{\"lines\":[{\"category\":\"MEALS\",\"amount\":12.345}]}"), 400, "lines[0].amount");
        BadInputIT.problem(api.send("PUT", path, henu, "{\"lines\":[{\"category\":\"MEALS\",\"amount\":-1}]}"), 400, "lines[0].amount");
        BadInputIT.problem(api.send("PUT", path, henu, "{\"lines\":[{\"category\":\"FOOD\",\"amount\":1}]}"), 400, null);
        BadInputIT.problem(api.send("PUT", path, henu, "{\"lines\":[{\"category\":\"MEALS\",\"amount\":\"lots\"}]}"), 400, null);
        BadInputIT.problem(api.send("PUT", path, province, "{\"lines\":[{\"category\":\"MEALS\",\"amount\":1}]}"), 403, null);
        BadInputIT.problem(api.send("GET", "/projects/" + project + "/budget-check", henu, null), 404, null);
        // a thousand rows of unknown trainees (63 KB) answered 108 KB naming each twice: now 50 listed and counted
        var rows = new StringBuilder();
        for (int i = 0; i < 1000; i++) rows.append(i == 0 ? "" : ",").append("{\"teacherId\":\"X").append(100000 + i).append("\",\"daysAttended\":1,\"onlineHours\":1}");
        var thousand = BadInputIT.problem(api.send("PUT", "/projects/" + project + "/attendance", henu, "{\"records\":[" + rows + "]}"), 400, "records[49].teacherId");
        assertTrue(thousand.body().length() < 12_000, thousand.body().length() + " characters");
        assertEquals(50, thousand.json().get("errors").size());
        assertEquals(1000, thousand.json().get("errorCount").asInt());
        var f3 = api.send("POST", "/training-budget-checks", province, "{\"level\":\"JURISDICTION\",\"jurisdiction\":\"411500\",\"year\":2021,"
                + "\"basis\":1000000.01,\"trainingBudget\":15000}");
        assertEquals(200, f3.status(), f3.toString());
        assertEquals("BELOW_MINIMUM", f3.json().get("status").asText());
        assertEquals(1, f3.json().get("shortfallFen").asLong());
    }

    @Test
    void spendingWithReceipts_settlementFromAttendance_andNoExpenseLandsAfterSettlement() throws Exception {
        String project = project("FUND-5");
        budget(project, "100000");
        String receipt = Uploads.accepted(api, henu, project, "RECEIPT", "发票.pdf", "application/pdf", SampleFiles.pdf(1));
        String expense = "{\"category\":\"MEALS\",\"amount\":60000.01,\"date\":\"" + java.time.LocalDate.now() + "\",\"description\":\"伙食\","
                + "\"receiptSubmissionId\":\"" + receipt + "\"}";
        var early = BadInputIT.problem(api.send("POST", "/projects/" + project + "/expenses", henu, expense), 409, null);
        assertEquals("BudgetNotApproved", early.json().get("error").asText());
        assertEquals(200, api.send("POST", "/projects/" + project + "/budget/approval", province, null).status());
        assertEquals(201, api.send("POST", "/projects/" + project + "/expenses", henu, expense).status());
        var spending = api.send("GET", "/projects/" + project + "/spending", province, null).json();
        assertEquals("MEALS", spending.get("overBudget").get(0).asText());

        // trainees: three enrolled; two attend, one in part; one no-show
        String xinyang = api.token("fund-xinyang", "CITY_ADMIN", "411500");
        api.send("PUT", "/projects/" + project + "/quotas/411500", province, "{\"seats\":50}");
        api.importTeachers(xinyang, "FUND5-", "411523", 3);
        for (int i = 0; i < 3; i++) assertEquals(201, api.send("POST", "/projects/" + project + "/enrollments", xinyang, "{\"teacherId\":\"FUND5-" + i + "\"}").status());
        var attendance = api.send("PUT", "/projects/" + project + "/attendance", henu,
                "{\"records\":[{\"teacherId\":\"FUND5-0\",\"daysAttended\":8,\"onlineHours\":30},{\"teacherId\":\"FUND5-1\",\"daysAttended\":5,\"onlineHours\":10}]}");
        assertEquals(200, attendance.status(), attendance.toString());

        String end = api.send("GET", "/projects/" + project, province, null).json().get("endDate").asText();
        var laterReceipts = new ArrayList<String>();
        for (int i = 0; i < 10; i++) laterReceipts.add(Uploads.accepted(api, henu, project, "RECEIPT", "发票" + i + ".pdf", "application/pdf", SampleFiles.pdf(2 + i)));
        try {
            api.send("POST", "/dev/clock", null, "{\"now\":\"" + java.time.LocalDate.parse(end).plusDays(1) + "T10:00:00+08:00\"}");
            String henuLater = api.send("POST", "/dev/tokens", null, "{\"sub\":\"henu-finance\",\"role\":\"INSTITUTION\",\"institutionId\":\"HENU\"}").json().get("token").asText();
            String laterExpense = expense.replace(java.time.LocalDate.now().toString(), end);
            // expenses racing the settlement, each on its own receipt: each is either recorded before it or refused after it, never both sides
            var racing = new ArrayList<CompletableFuture<Api.Response>>();
            for (String r : laterReceipts) racing.add(api.sendAsync("POST", "/projects/" + project + "/expenses", henuLater, laterExpense.replace(receipt, r)));
            var settled = api.send("POST", "/projects/" + project + "/settlement", henuLater, "{\"claim\":5000}");
            int recorded = 1;
            for (var f : racing) {
                var r = f.get();
                assertTrue(r.status() == 201 || r.status() == 409, r.toString());
                if (r.status() == 201) recorded++;
            }
            assertEquals(201, settled.status(), settled.toString());
            JsonNode s = settled.json();
            assertEquals(3, s.get("registered").asInt());
            assertEquals(1, s.get("noShows").asInt());
            assertEquals(1, s.get("partial").asInt());
            // (8 + 5) person-days × 400 + (30 + 10) person-hours × 3 = 5,200.00 + 120.00
            assertEquals(532_000, s.get("settleableFen").asLong());
            assertEquals(500_000, s.get("settledFen").asLong());
            assertEquals(-32_000, s.get("differenceFen").asLong());
            // the settlement's lines as a sheet: the same lines, amounts in yuan, units named
            var sheet = Sheets.xlsx(api.file("/projects/" + project + "/settlement?format=xlsx", province()).bytes());
            assertEquals(List.of("开支项目", "标准代码", "计价单位", "数量", "单价（元）", "金额（元）", "说明"), sheet.get(0));
            assertEquals(s.get("lines").size(), sheet.size() - 1, sheet.toString());
            var line = s.get("lines").get(0);
            assertEquals(java.math.BigDecimal.valueOf(line.get("amountFen").asLong(), 2).toPlainString(), sheet.get(1).get(5));
            // the line by the standard's name, its code beside it (the program's own, not the platform's)
            assertEquals(line.get("name").asText(), sheet.get(1).get(0), sheet.toString());
            assertFalse(sheet.get(1).get(0).matches("[A-Z_]+"), sheet.toString());
            assertEquals(line.get("line").asText(), sheet.get(1).get(1), sheet.toString());
            assertEquals("元/人/天", sheet.get(1).get(2), sheet.toString());
            String unused = Uploads.accepted(api, henuLater, project, "RECEIPT", "发票-结算后.pdf", "application/pdf", SampleFiles.pdf(20));
            var after = BadInputIT.problem(api.send("POST", "/projects/" + project + "/expenses", henuLater, laterExpense.replace(receipt, unused)), 409, null);
            assertEquals("ProjectSettled", after.json().get("error").asText());
            assertEquals(recorded, api.send("GET", "/projects/" + project + "/spending", province(), null).json().get("expenses").size());
        } finally {
            api.send("POST", "/dev/clock", null, "{\"now\":\"" + OffsetDateTime.now(ZoneOffset.UTC) + "\"}");
        }
    }

    @Test
    void aReceiptBacksOneExpense_repeatsAnswerIt_andRacingPostsRecordOne() throws Exception {
        String project = project("FUND-6");
        budget(project, "100000");
        assertEquals(200, api.send("POST", "/projects/" + project + "/budget/approval", province, null).status());
        String path = "/projects/" + project + "/expenses";
        String today = java.time.LocalDate.now().toString();
        String receipt = Uploads.accepted(api, henu, project, "RECEIPT", "住宿发票.pdf", "application/pdf", SampleFiles.pdf(1));
        String expense = "{\"category\":\"ACCOMMODATION\",\"amount\":1200.5,\"date\":\"" + today + "\",\"description\":\"住宿\","
                + "\"receiptSubmissionId\":\"" + receipt + "\"}";

        // the same expense sent eight times at once (a client retrying): one recorded, the others answer it
        String first = api.createdOnce(8, "POST", path, henu, expense, e -> e.get("id"));

        // the receipt under other content, at once from eight posts: all refused, naming the expense it backs
        var other = new ArrayList<CompletableFuture<Api.Response>>();
        for (int i = 0; i < 8; i++) other.add(api.sendAsync("POST", path, henu, expense.replace("1200.5", String.valueOf(1300 + i))));
        for (var f : other) {
            var p = BadInputIT.problem(f.get(), 409, null);
            assertEquals("F2", p.json().get("rule").asText());
            assertEquals("ReceiptAlreadyUsed", p.json().get("error").asText());
            assertEquals(first, p.json().get("expenseId").asText());
            assertTrue(p.json().get("detail").asText().contains("住宿费"), p.toString());
        }

        // a fresh receipt raced under eight different amounts: exactly one of them is recorded
        String second = Uploads.accepted(api, henu, project, "RECEIPT", "伙食发票.pdf", "application/pdf", SampleFiles.pdf(2));
        var racing = new ArrayList<CompletableFuture<Api.Response>>();
        for (int i = 0; i < 8; i++) {
            racing.add(api.sendAsync("POST", path, henu, expense.replace(receipt, second).replace("ACCOMMODATION", "MEALS").replace("1200.5", String.valueOf(500 + i))));
        }
        int recorded = 0;
        for (var f : racing) {
            var r = f.get();
            assertTrue(r.status() == 201 || r.status() == 409, r.toString());
            if (r.status() == 201) recorded++;
        }
        assertEquals(1, recorded);
        var spending = api.send("GET", "/projects/" + project + "/spending", province, null).json();
        assertEquals(2, spending.get("expenses").size(), spending.toString());
        long meals = 0;
        for (var e : spending.get("expenses")) if (e.get("category").asText().equals("MEALS")) meals = e.get("amountFen").asLong();
        assertEquals(120_050 + meals, spending.get("spentFen").asLong());
    }

    static String province() throws Exception {
        return api.token("fund-province-2", "PROVINCE_ADMIN", "410000");
    }

    static JsonNode finding(JsonNode check, String kind) {
        for (var f : check.get("findings")) if (f.get("kind").asText().equals(kind)) return f;
        throw new AssertionError("no " + kind + " finding in " + check);
    }
}
