package org.teachertraining.local;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every list a bureau works from downloads as a spreadsheet, read back here: XLSX with Chinese headers (English on
 * request), CSV in UTF-8 with a BOM or GB18030; the same rows as the JSON pages, names instead of codes; the
 * reader's rights as for the list; bad export parameters a 400. (Compliance and settlement exports are read
 * back in CreditPostingIT and FundingIT, where those lists have rows; formula cells in SheetTest.)
 */
class ExportsIT {
    static final String COUNTY = "411526";   // 潢川县: no other test registers teachers here
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static Api api;
    static String province, city, county, project;

    @BeforeAll
    static void aProjectWithSeatsTeachersAndEnrollments() throws Exception {
        api = Api.shared();
        province = api.token("ex-province", "PROVINCE_ADMIN", "410000");
        city = api.token("ex-city", "CITY_ADMIN", "411500");
        county = api.token("ex-county", "COUNTY_ADMIN", COUNTY);
        api.importTeachers(county, "EX-", COUNTY, 120);
        project = api.project(province, "EX-1", null);
        assertEquals(200, api.send("PUT", "/projects/" + project + "/quotas/411500", province, "{\"seats\":150}").status());
        assertEquals(200, api.send("PUT", "/projects/" + project + "/quotas/" + COUNTY, city, "{\"seats\":130}").status());
        // more than one page (the list's pages hold at most 100)
        for (int i = 0; i < 105; i++) {
            var r = api.send("POST", "/projects/" + project + "/enrollments", county, "{\"teacherId\":\"EX-" + i + "\"}");
            assertEquals(201, r.status(), r.toString());
        }
        assertEquals(200, api.send("DELETE", "/projects/" + project + "/enrollments/EX-0", county, null).status());
    }

    /** A page of one status is filled from as far into the project's list as it takes: the one withdrawal, last of 60, on the first page. */
    @Test
    void aPageOfOneStatusReadsOnUntilItIsFull() throws Exception {
        String other = api.project(province, "EX-2", null);
        assertEquals(200, api.send("PUT", "/projects/" + other + "/quotas/411500", province, "{\"seats\":60}").status());
        assertEquals(200, api.send("PUT", "/projects/" + other + "/quotas/" + COUNTY, city, "{\"seats\":60}").status());
        for (int i = 0; i < 60; i++) {
            assertEquals(201, api.send("POST", "/projects/" + other + "/enrollments", county, "{\"teacherId\":\"EX-" + i + "\"}").status());
        }
        assertEquals(200, api.send("DELETE", "/projects/" + other + "/enrollments/EX-59", county, null).status());   // last by its key
        var withdrawn = api.send("GET", "/projects/" + other + "/enrollments?status=WITHDRAWN&limit=10", county, null).json();
        assertEquals(1, withdrawn.get("items").size(), withdrawn.toString());
        assertEquals("EX-59", withdrawn.get("items").get(0).get("teacherId").asText());
        assertTrue(withdrawn.path("nextCursor").isNull() || withdrawn.path("nextCursor").isMissingNode(), withdrawn.toString());
        // the pages of those selected: 59 in pages of 25, full but the last, no enrollment twice
        var pages = api.pages("/projects/" + other + "/enrollments?status=SELECTED&limit=25", county);
        assertEquals(List.of(25, 25, 9), pages.stream().map(p -> p.get("items").size()).toList());
        var seen = new java.util.HashSet<String>();
        pages.forEach(p -> p.get("items").forEach(e -> assertTrue(seen.add(e.get("teacherId").asText()), "twice: " + e)));
    }

    @Test
    void enrollmentsAsXlsx_allPages_namedInChinese() throws Exception {
        var file = api.file("/projects/" + project + "/enrollments?format=xlsx", county);
        assertEquals(200, file.status());
        assertEquals(XLSX, file.contentType());
        assertTrue(file.disposition().startsWith("attachment;") && file.disposition().contains("filename*=UTF-8''" + java.net.URLEncoder.encode("入选名单", StandardCharsets.UTF_8)),
                file.disposition());
        var rows = Sheets.xlsx(file.bytes());
        assertEquals(List.of("教师编号", "姓名", "行政区划代码", "名额来源", "状态", "项目", "开班日期", "入选时间", "退出时间"), rows.get(0));
        assertEquals(105, rows.size() - 1, "every enrollment, over two pages");
        var byId = rows.stream().skip(1).collect(Collectors.toMap(r -> r.get(0), r -> r));
        assertEquals("已退出", byId.get("EX-0").get(4));
        assertEquals("已入选", byId.get("EX-7").get(4));
        assertEquals("教师7", byId.get("EX-7").get(1));
        assertTrue(byId.get("EX-7").get(7).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}"), byId.get("EX-7").toString());
        assertEquals(json("/projects/" + project + "/enrollments?status=SELECTED&limit=100", county),
                rows.stream().skip(1).filter(r -> r.get(4).equals("已入选")).map(r -> r.get(0)).collect(Collectors.toSet()));

        var english = Sheets.xlsx(api.file("/projects/" + project + "/enrollments?format=xlsx", county, "Accept-Language", "en").bytes());
        assertEquals("Teacher ID", english.get(0).get(0));
        assertTrue(english.stream().anyMatch(r -> r.get(0).equals("EX-0") && r.get(4).equals("Withdrawn")));
        var byAccept = api.file("/projects/" + project + "/enrollments", county, "Accept", XLSX);
        assertEquals(XLSX, byAccept.contentType());
    }

    @Test
    void enrollmentsAsCsv_utf8WithBom_orGb18030() throws Exception {
        var utf8 = api.file("/projects/" + project + "/enrollments?format=csv&status=SELECTED", county);
        assertEquals(200, utf8.status());
        assertEquals("text/csv; charset=utf-8", utf8.contentType());
        assertEquals(List.of((byte) 0xEF, (byte) 0xBB, (byte) 0xBF), List.of(utf8.bytes()[0], utf8.bytes()[1], utf8.bytes()[2]), "BOM, so Excel reads UTF-8");
        var rows = Sheets.csv(utf8.text(StandardCharsets.UTF_8).substring(1));
        assertEquals("教师编号", rows.get(0).get(0));
        assertEquals(104, rows.size() - 1, "the status filter applies");

        var gb = api.file("/projects/" + project + "/enrollments?format=csv&charset=gb18030", county);
        assertEquals("text/csv; charset=gb18030", gb.contentType());
        var gbRows = Sheets.csv(gb.text(Charset.forName("GB18030")));
        assertEquals("教师编号", gbRows.get(0).get(0));
        assertEquals(106, gbRows.size());
        assertTrue(gb.bytes()[0] != (byte) 0xEF, "no BOM in GB18030");
    }

    @Test
    void quotasTeachersDeliverablesAndReportRates() throws Exception {
        var quotas = Sheets.xlsx(api.file("/projects/" + project + "/quotas?format=xlsx", city).bytes());
        assertEquals(List.of("行政区划代码", "单位", "名额", "已下达", "已使用", "已入选", "剩余"), quotas.get(0));
        var hc = quotas.stream().filter(r -> r.get(0).equals(COUNTY)).findFirst().orElseThrow();
        assertEquals(List.of(COUNTY, "潢川县", "130", "0", "104", "104", "26"), hc);

        var teachers = Sheets.xlsx(api.file("/teachers?jurisdiction=" + COUNTY + "&format=xlsx", county).bytes());
        assertEquals("教师编号", teachers.get(0).get(0));
        assertEquals(120, teachers.size() - 1, "all 120, over two pages of 100");
        var t7 = teachers.stream().filter(r -> r.get(0).equals("EX-7")).findFirst().orElseThrow();
        assertEquals(List.of("EX-7", "教师7", COUNTY, "", "小学", "语文", "教师", "乡村", "2010-09-01", ""), t7);
        var page = api.send("GET", "/teachers?jurisdiction=" + COUNTY + "&limit=100", county, null);
        assertEquals(200, page.status(), page.toString());
        assertEquals(100, page.json().get("items").size());
        var search = api.send("GET", "/teachers?jurisdiction=" + COUNTY + "&q=EX-11", county, null).json().get("items");
        assertTrue(search.size() >= 1 && search.get(0).get("id").asText().startsWith("EX-11"), search.toString());
        assertEquals(403, api.file("/teachers?jurisdiction=411523&format=xlsx", county).status(), "another county's teachers");
        // a search reads on until its page is full: 教师99 (EX-99) is the last of the 120 by ID, on no first page of 10
        var last = api.send("GET", "/teachers?jurisdiction=" + COUNTY + "&q=" + java.net.URLEncoder.encode("教师99", StandardCharsets.UTF_8) + "&limit=10",
                county, null).json();
        assertEquals(1, last.get("items").size(), last.toString());
        assertEquals("EX-99", last.get("items").get(0).get("id").asText());
        assertTrue(last.path("nextCursor").isNull() || last.path("nextCursor").isMissingNode(), "the list ended: " + last);
        // EX-11 and EX-110..119 in pages of 5, each full but the last, which ends the list
        var pages = api.pages("/teachers?jurisdiction=" + COUNTY + "&q=EX-11&limit=5", county);
        var found = new java.util.ArrayList<String>();
        pages.forEach(p -> p.get("items").forEach(t -> found.add(t.get("id").asText())));
        assertEquals(List.of(5, 5, 1), pages.stream().map(p -> p.get("items").size()).toList(), found.toString());
        assertEquals(List.of("EX-11", "EX-110", "EX-111", "EX-112", "EX-113", "EX-114", "EX-115", "EX-116", "EX-117", "EX-118", "EX-119"), found);

        var deliverables = Sheets.xlsx(api.file("/projects/" + project + "/deliverables?format=xlsx", province).bytes());
        assertEquals(List.of("规则", "材料", "班次", "应交", "已通过", "截止日期", "状态"), deliverables.get(0));
        assertTrue(deliverables.stream().anyMatch(r -> r.get(1).equals("项目申报书（盖章 PDF）") && r.get(6).equals("未提交")), deliverables.toString());

        var rates = Sheets.xlsx(api.file("/projects/" + project + "/report-rates?format=xlsx", city).bytes());
        assertEquals("行政区划代码", rates.get(0).get(0));
        assertTrue(rates.stream().anyMatch(r -> r.get(0).equals(COUNTY) && r.get(3).equals("104")), rates.toString());
    }

    @Test
    void badExportParametersAre400_andTheListsRightsHold() throws Exception {
        BadInputIT.problem(api.send("GET", "/projects/" + project + "/enrollments?format=pdf", county, null), 400, null);
        BadInputIT.problem(api.send("GET", "/projects/" + project + "/enrollments?format=xlsx&charset=gb18030", county, null), 400, null);
        BadInputIT.problem(api.send("GET", "/projects/" + project + "/enrollments?format=csv&charset=latin1", county, null), 400, null);
        assertEquals(401, api.file("/projects/" + project + "/enrollments?format=xlsx", null).status());
        assertEquals(403, api.file("/projects/" + project + "/enrollments?format=xlsx&jurisdiction=411523", county).status());
    }

    private static Set<String> json(String path, String token) throws Exception {
        var ids = new java.util.HashSet<String>();
        String cursor = null;
        do {
            var r = api.send("GET", path + (cursor == null ? "" : "&cursor=" + cursor), token, null);
            r.json().get("items").forEach(i -> ids.add(i.get("teacherId").asText()));
            cursor = r.json().path("nextCursor").isTextual() ? r.json().get("nextCursor").asText() : null;
        } while (cursor != null);
        return ids;
    }
}
