package org.teachertraining.local;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad input gets a 4xx problem+json naming the problem, never a 500, and writes nothing. */
class BadInputIT {
    static Api api;
    static String province, xinyang;
    static String programId;

    @BeforeAll
    static void start() throws Exception {
        api = Api.shared();
        province = api.token("bad-province", "PROVINCE_ADMIN", "410000");
        xinyang = api.token("bad-xinyang", "CITY_ADMIN", "411500");
        programId = api.send("POST", "/programs", province,
                "{\"year\":2026,\"level\":\"PROVINCIAL\",\"name\":\"bad input\",\"jurisdiction\":\"410000\"}").json().get("id").asText();
    }

    /** Asserts a problem+json answer with the status and, if given, a field error on {@code field}. */
    static Api.Response problem(Api.Response r, int status, String field) {
        assertEquals(status, r.status(), r.toString());
        assertTrue(r.contentType().startsWith("application/problem+json"), r.contentType());
        var json = r.json();
        assertEquals(status, json.get("status").asInt());
        assertTrue(json.get("detail").asText().length() > 0);
        if (field != null) {
            boolean named = false;
            for (var e : json.path("errors")) named |= e.get("field").asText().equals(field);
            assertTrue(named, "expected an error on " + field + ": " + r.body());
        }
        return r;
    }

    /** Asserts a problem+json refusal by {@code rule} with the status; the problem's members. */
    static com.fasterxml.jackson.databind.JsonNode refusedBy(Api.Response r, int status, String rule) {
        problem(r, status, null);
        assertEquals(rule, r.json().path("rule").asText(), r.body());
        return r.json();
    }

    String projects() throws Exception {
        return api.send("GET", "/programs/" + programId + "/projects", province, null).body();
    }

    /** RouteFuzzIT found it: an unknown code holding a lone surrogate was quoted into the message, which then was not JSON. */
    @Test
    void aLoneSurrogateInAnUnknownCodeIsNotEchoed() throws Exception {
        var r = problem(api.send("POST", "/teachers", xinyang, "{\"id\":\"LS-1\",\"backboneLevel\":\"X\\ud800\"}"), 400, "backboneLevel");
        assertTrue(r.json().get("detail").asText().contains("X\uFFFD"), r.body());
    }

    @Test
    void malformedJson() throws Exception {
        problem(api.send("POST", "/programs/" + programId + "/projects", province, "{\"code\":"), 400, "body");
        problem(api.send("POST", "/programs/" + programId + "/projects", province, "[1,2]"), 400, "body");
        problem(api.send("POST", "/programs/" + programId + "/projects", province, "{} trailing"), 400, "body");
        assertEquals("{\"items\":[]}", projects());
    }

    /** No body where a route needs one: the framework's own check, answered as the project's are, in Chinese first. */
    @Test
    void aMissingBodyIsNamedInEitherLanguage() throws Exception {
        var zh = problem(api.send("POST", "/programs", province, null), 400, "body").json();
        assertEquals("请求内容有误：body：请求体为空，需要 JSON 对象", zh.get("detail").asText());
        var en = problem(api.send("POST", "/programs/" + programId + "/projects", province, null, "Accept-Language", "en"), 400, "body").json();
        assertEquals("Invalid request: body: the body is empty; a JSON object is required", en.get("detail").asText());
        assertEquals("{\"items\":[]}", projects());
    }

    /** Which of a field given twice counts differs between parsers: the body is refused, whichever it is, nested too. */
    @Test
    void aFieldGivenTwiceIsRefused() throws Exception {
        String base = Api.projectBody("DUP-1", null);
        assertTrue(base.contains("\"classSize\":50") && base.contains("\"minTeachingYears\":5"), "the body the test alters: " + base);
        var top = problem(api.send("POST", "/programs/" + programId + "/projects", province, base.replace("\"classSize\":50", "\"classSize\":50,\"classSize\":5000")), 400, "classSize");
        assertTrue(top.json().get("detail").asText().contains("出现两次"), top.body());
        var nested = problem(api.send("POST", "/programs/" + programId + "/projects", province,
                base.replace("\"minTeachingYears\":5", "\"minTeachingYears\":5,\"minTeachingYears\":0"), "Accept-Language", "en"), 400, "eligibility.minTeachingYears");
        assertTrue(nested.json().get("detail").asText().contains("given twice"), nested.body());
        String programs = api.send("GET", "/programs", province, null).body();
        problem(api.send("POST", "/programs", province, "{\"year\":2026,\"year\":2027,\"level\":\"PROVINCIAL\",\"name\":\"x\",\"jurisdiction\":\"410000\"}"), 400, "year");
        // a long name given twice is quoted by a prefix only
        String longName = "x".repeat(5000);
        var quoted = problem(api.send("POST", "/programs", province, "{\"" + longName + "\":1,\"" + longName + "\":2}"), 400, null);
        assertTrue(quoted.body().length() < 2000, quoted.body());
        assertEquals(programs, api.send("GET", "/programs", province, null).body());
        assertEquals("{\"items\":[]}", projects());
    }

    @Test
    void wrongTypesUnknownFieldsAndUnknownEnumValues() throws Exception {
        String base = Api.projectBody("BAD-1", null);
        problem(api.send("POST", "/programs/" + programId + "/projects", province, base.replace("\"totalHours\":94", "\"totalHours\":\"94\"")), 400, "totalHours");
        problem(api.send("POST", "/programs/" + programId + "/projects", province, base.replace("\"totalHours\":94", "\"totalHours\":94.5")), 400, "totalHours");
        problem(api.send("POST", "/programs/" + programId + "/projects", province, base.replace("\"kind\":\"ONLINE\"", "\"kind\":\"ONLNE\"")), 400, "phases[1].kind");
        problem(api.send("POST", "/programs/" + programId + "/projects", province, base.replace("\"classSize\":50", "\"clasSize\":50")), 400, "clasSize");
        problem(api.send("POST", "/programs/" + programId + "/projects", province, base.replace("\"minTeachingYears\":5", "\"minTeachingYears\":[5]")), 400, "eligibility.minTeachingYears");
        var en = problem(api.send("POST", "/programs", province, "{\"year\":2026,\"level\":\"GALACTIC\",\"name\":\"x\",\"jurisdiction\":\"410000\"}",
                "Accept-Language", "en-US,en;q=0.9"), 400, "level");
        assertTrue(en.body().contains("allowed: NATIONAL, PROVINCIAL, CITY, COUNTY, SCHOOL"), en.body());
        // in Chinese the choices by their names (no code inside the sentence: Api checks every refusal), the codes in "allowed"
        var zh = problem(api.send("POST", "/programs", province, "{\"year\":2026,\"level\":\"GALACTIC\",\"name\":\"x\",\"jurisdiction\":\"410000\"}"), 400, "level");
        assertEquals("未知的取值「GALACTIC」，可选：国家级、省级、市级、县级、校级", zh.json().get("errors").get(0).get("message").asText(), zh.body());
        assertEquals("[\"NATIONAL\",\"PROVINCIAL\",\"CITY\",\"COUNTY\",\"SCHOOL\"]", zh.json().get("errors").get(0).get("allowed").toString());
        var query = problem(api.send("GET", "/projects/" + api.project(province, "BAD-E", null) + "/enrollments?status=GONE", province, null), 400, "status");
        assertTrue(query.json().get("errors").get(0).get("allowed").toString().contains("\"NO_SHOW\""), query.body());
        assertEquals("{\"items\":[]}", projects());
    }

    @Test
    void negativeOrHugeNumbers() throws Exception {
        String base = Api.projectBody("BAD-2", null);
        problem(api.send("POST", "/programs/" + programId + "/projects", province, base.replace("\"classSize\":50", "\"classSize\":-1")), 400, "classSize");
        problem(api.send("POST", "/programs/" + programId + "/projects", province, base.replace("\"classSize\":50", "\"classSize\":99999999999999999999")), 400, null);
        problem(api.send("POST", "/programs/" + programId + "/projects", province, base.replace("\"days\":8", "\"days\":100000")), 400, "phases[0].days");
        problem(api.send("POST", "/programs/" + programId + "/projects", province, Api.projectBody("BAD-3", "\"budget\":-5")), 400, "budget");
        problem(api.send("POST", "/programs/" + programId + "/projects", province, Api.projectBody("BAD-3", "\"budget\":1.005")), 400, "budget");
        String project = api.project(province, "BAD-Q", null);
        problem(api.send("PUT", "/projects/" + project + "/quotas/411500", province, "{\"seats\":-3}"), 400, "seats");
        problem(api.send("PUT", "/projects/" + project + "/quotas/411500", province, "{\"seats\":1e12}"), 400, null);
        assertEquals(0, api.send("GET", "/projects/" + project + "/quotas", province, null).json().get(0).get("allocated").asInt());
    }

    @Test
    void unknownJurisdictionCodesAndACutoffInThePast() throws Exception {
        problem(api.send("POST", "/programs", province, "{\"year\":2026,\"level\":\"PROVINCIAL\",\"name\":\"x\",\"jurisdiction\":\"990000\"}"), 400, "jurisdiction");
        String project = api.project(province, "BAD-J", null);
        problem(api.send("PUT", "/projects/" + project + "/quotas/419999", province, "{\"seats\":3}"), 400, "jurisdiction");
        problem(api.send("POST", "/teachers", xinyang, "{\"id\":\"J1\",\"name\":\"王芳\",\"jurisdiction\":\"411599\",\"stage\":\"PRIMARY\","
                + "\"subjects\":[],\"role\":\"TEACHER\",\"schoolLocation\":\"RURAL\",\"teachingSince\":\"2010-09-01\"}"), 400, "jurisdiction");
        problem(api.send("GET", "/projects/" + project + "/enrollments?jurisdiction=123", xinyang, null), 400, "jurisdiction");
        String past = Api.projectBody("BAD-PAST", null).replaceAll("\"selectionCutoff\":\"[^\"]+\"", "\"selectionCutoff\":\"2020-09-25T23:59:59+08:00\"");
        problem(api.send("POST", "/programs/" + programId + "/projects", province, past), 400, "selectionCutoff");
        assertEquals("{\"items\":[]}", projects());
    }

    @Test
    void oversizeBodies() throws Exception {
        String huge = "{\"year\":2026,\"level\":\"PROVINCIAL\",\"jurisdiction\":\"410000\",\"name\":\"" + "长".repeat(70_000) + "\"}";
        // oversize bodies are bad input (400, naming the limit), as the contract has it; past Lambda's 6 MB API Gateway's 413 (ServiceLimitsIT)
        problem(api.send("POST", "/programs", province, huge), 400, "body");
        byte[] bigCsv = new byte[5 * 1024 * 1024 + 512 * 1024];
        java.util.Arrays.fill(bigCsv, (byte) 'a');
        problem(api.sendBytesAsync("POST", "/teachers:import", xinyang, bigCsv, "text/csv").get(), 400, "file");
        byte[] bigRoster = new byte[600 * 1024];
        java.util.Arrays.fill(bigRoster, (byte) 'a');
        var roster = problem(api.sendBytesAsync("POST", "/projects/" + api.project(province, "BAD-R", null) + "/registrations:import", api.send("POST", "/dev/tokens", null,
                "{\"sub\":\"ob-henu\",\"role\":\"INSTITUTION\",\"institutionId\":\"HENU\"}").json().get("token").asText(), bigRoster, "text/csv").get(), 400, "file");
        assertTrue(roster.json().get("detail").asText().contains("512 KB"), roster.body());
    }

    @Test
    void aBrokenCsvRowIsReportedAndTheRestImported() throws Exception {
        String csv = "id,name,jurisdiction,stage,subjects,role,schoolLocation,teachingSince\n"
                + "CSV-1,张伟,411523,PRIMARY,语文,TEACHER,RURAL,2010-09-01\n"
                + "CSV-2,张强,411523,PRIMARY,语文,ROBOT,RURAL,2010-09-01\n";
        var r = api.sendBytesAsync("POST", "/teachers:import", xinyang, csv.getBytes(StandardCharsets.UTF_8), "text/csv").get();
        assertEquals(200, r.status(), r.toString());
        assertEquals(1, r.json().get("imported").asInt());
        assertEquals(3, r.json().get("rejected").get(0).get("line").asInt());
        assertEquals("role", r.json().get("rejected").get(0).get("problems").get(0).get("field").asText());
        assertEquals(404, api.send("GET", "/teachers/CSV-2", xinyang, null).status());
        problem(api.sendBytesAsync("POST", "/teachers:import", xinyang, "id,\"name\n".getBytes(StandardCharsets.UTF_8), "text/csv").get(), 400, "file");
    }

    /** The teachers' list as an Excel workbook, as the console uploads it; a PDF sent as one is refused naming the file. */
    @Test
    void anExcelWorkbookIsImportedToo_andAnythingElseIsRefused() throws Exception {
        String sheet = "<worksheet><sheetData><row r=\"1\">" + inline("教师编号", "姓名", "行政区划代码", "学段", "岗位", "学校所在地", "从教时间")
                + "</row><row r=\"2\">" + inline("XLSX-1", "周敏") + "<c><v>411523</v></c>" + inline("小学", "教师", "乡村") + "<c><v>40422</v></c></row>"
                + "</sheetData></worksheet>";
        var out = new java.io.ByteArrayOutputStream();
        try (var zip = new java.util.zip.ZipOutputStream(out)) {
            zip.putNextEntry(new java.util.zip.ZipEntry("xl/worksheets/sheet1.xml"));
            zip.write(sheet.getBytes(StandardCharsets.UTF_8));
        }
        String xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        var r = api.sendBytesAsync("POST", "/teachers:import", xinyang, out.toByteArray(), xlsx).get();
        assertEquals(200, r.status(), r.toString());
        assertEquals(1, r.json().get("imported").asInt(), r.body());
        assertEquals("2010-09-01", api.send("GET", "/teachers/XLSX-1", xinyang, null).json().get("teachingSince").asText());

        var pdf = problem(api.sendBytesAsync("POST", "/teachers:import", xinyang, "%PDF-1.4 \u0000\u00ff".getBytes(StandardCharsets.ISO_8859_1), xlsx).get(), 400, "file");
        assertTrue(pdf.json().get("detail").asText().contains("GB18030"), pdf.body());
        var wrongType = problem(api.sendBytesAsync("POST", "/teachers:import", xinyang, new byte[]{1}, "application/pdf").get(), 415, null);
        assertTrue(wrongType.json().get("detail").asText().contains("text/csv"), "names what the route takes: " + wrongType.body());
    }

    private static String inline(String... values) {
        var cells = new StringBuilder();
        for (String v : values) cells.append("<c t=\"inlineStr\"><is><t>").append(v).append("</t></is></c>");
        return cells.toString();
    }

    @Test
    void teachersReadTheirOwnEnrollmentsOnly() throws Exception {
        String body = "{\"id\":\"SELF-1\",\"name\":\"王芳\",\"jurisdiction\":\"411523\",\"stage\":\"PRIMARY\",\"subjects\":[],"
                + "\"role\":\"TEACHER\",\"schoolLocation\":\"RURAL\",\"teachingSince\":\"2010-09-01\"}";
        assertEquals(201, api.send("POST", "/teachers", xinyang, body).status());
        assertEquals(200, api.send("POST", "/teachers", xinyang, body.replace("王芳", "王芳芳")).status());
        var self = api.send("POST", "/dev/tokens", null, "{\"sub\":\"self\",\"role\":\"TEACHER\",\"teacherId\":\"SELF-1\"}").json().get("token").asText();
        var other = api.send("POST", "/dev/tokens", null, "{\"sub\":\"other\",\"role\":\"TEACHER\",\"teacherId\":\"SELF-2\"}").json().get("token").asText();
        assertEquals(200, api.send("GET", "/teachers/SELF-1/enrollments", self, null).status());
        assertEquals("王芳芳", api.send("GET", "/teachers/SELF-1", self, null).json().get("name").asText());
        problem(api.send("GET", "/teachers/SELF-1/enrollments", other, null), 403, null);
        var guangshan = api.token("gs", "COUNTY_ADMIN", "411522");
        problem(api.send("GET", "/teachers/SELF-1", guangshan, null), 403, null);
        problem(api.send("POST", "/teachers", guangshan, body), 403, null);
    }

    @Test
    void authenticationAndAuthorization() throws Exception {
        problem(api.send("GET", "/projects/x", null, null), 401, null);
        problem(api.send("GET", "/projects/x", "not.a.token", null), 401, null);
        String forged = xinyang.substring(0, xinyang.lastIndexOf('.') + 1) + "AAAA";
        problem(api.send("GET", "/projects/x", forged, null), 401, null);
        // claims are checked against the tree and the role: a teacher's token without its teacherId identifies nobody
        problem(api.send("POST", "/programs", api.token("t1", "TEACHER", "411523"), "{}"), 401, null);
        for (String code : new String[]{"", "41", "4115", "410000", "999999"}) {
            problem(api.send("GET", "/projects/x/enrollments", api.token("bad-county", "COUNTY_ADMIN", code), null), 401, null);
        }
        problem(api.send("PUT", "/projects/x/quotas/411500", api.token("bad-county", "COUNTY_ADMIN", "410000"), "{\"seats\":1}"), 401, null);
        problem(api.send("GET", "/projects/x", api.token("bad-city", "CITY_ADMIN", "411523"), null), 401, null);
        var teacher = api.send("POST", "/dev/tokens", null, "{\"sub\":\"t1\",\"role\":\"TEACHER\",\"teacherId\":\"XX-0001\",\"jurisdiction\":\"411523\"}")
                .json().get("token").asText();
        problem(api.send("POST", "/programs", teacher, "{\"year\":2026,\"level\":\"PROVINCIAL\",\"name\":\"x\",\"jurisdiction\":\"410000\"}"), 403, null);
        problem(api.send("POST", "/programs", xinyang, "{\"year\":2026,\"level\":\"PROVINCIAL\",\"name\":\"x\",\"jurisdiction\":\"410000\"}"), 403, null);
        problem(api.send("GET", "/projects/nope", xinyang, null), 404, null);
        problem(api.send("GET", "/no/such/route", xinyang, null), 404, null);
        problem(api.send("PATCH", "/programs", xinyang, "{}"), 405, null);
    }
}
