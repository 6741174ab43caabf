package org.teachertraining.local;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** Finding programs and projects over HTTP without knowing an ID (issue 16, part 1). */
class FindingProgramsIT {
    static Api api;
    static String province, xinyang, zhengzhou, xinCounty, teacher;
    /** A year no other test uses, so the shared runtime's other programs do not mix in. */
    static final int YEAR = 2031;

    @BeforeAll
    static void setUp() throws Exception {
        api = Api.shared();
        province = api.token("fp-province", "PROVINCE_ADMIN", "410000");
        xinyang = api.token("fp-xinyang", "CITY_ADMIN", "411500");
        zhengzhou = api.token("fp-zhengzhou", "CITY_ADMIN", "410100");
        xinCounty = api.token("fp-xx", "COUNTY_ADMIN", "411523");
        teacher = api.send("POST", "/dev/tokens", null, "{\"sub\":\"fp-t\",\"role\":\"TEACHER\",\"teacherId\":\"FP-0\",\"jurisdiction\":\"411523\"}").json().get("token").asText();
        program(province, "PROVINCIAL", "410000", "FP 河南省培");
        program(xinyang, "CITY", "411500", "FP 信阳市培");
        program(xinCounty, "COUNTY", "411523", "FP 新县县培");
        program(zhengzhou, "CITY", "410100", "FP 郑州市培");
    }

    static String program(String token, String level, String jurisdiction, String name) throws Exception {
        var r = api.send("POST", "/programs", token, "{\"year\":" + YEAR + ",\"level\":\"" + level + "\",\"name\":\"" + name + "\",\"jurisdiction\":\"" + jurisdiction + "\"}");
        assertEquals(201, r.status(), r.toString());
        return r.json().get("id").asText();
    }

    static List<String> names(JsonNode page) {
        var out = new ArrayList<String>();
        page.get("items").forEach(p -> out.add(p.get("name").asText()));
        return out;
    }

    @Test
    void aTeacherFindsTheProgramsThatApplyToTheirCounty_notAnotherCitys() throws Exception {
        var r = api.send("GET", "/programs?year=" + YEAR + "&jurisdiction=411523", teacher, null);
        assertEquals(200, r.status(), r.toString());
        assertEquals(List.of("FP 信阳市培", "FP 新县县培", "FP 河南省培"), names(r.json()).stream().sorted().toList());
        var cities = api.send("GET", "/programs?year=" + YEAR + "&level=CITY", xinCounty, null).json();
        assertEquals(List.of("FP 信阳市培", "FP 郑州市培"), names(cities).stream().sorted().toList());
    }

    /** The year's programs of every unit share one partition, 郑州's first by key: a teacher's pages of one are full nonetheless. */
    @Test
    void aTeachersPagesAreFullThoughOtherUnitsProgramsComeBetween() throws Exception {
        var pages = api.pages("/programs?year=" + YEAR + "&jurisdiction=411523&limit=1", teacher);
        var sizes = pages.stream().map(p -> p.get("items").size()).toList();
        var seen = new ArrayList<String>();
        for (var page : pages) seen.addAll(names(page));
        assertEquals(1, sizes.getFirst(), "the first page is not empty: " + sizes);
        assertTrue(sizes.subList(0, sizes.size() - 1).stream().allMatch(n -> n == 1), "only the last page may be short: " + sizes);
        assertTrue(seen.containsAll(List.of("FP 信阳市培", "FP 新县县培", "FP 河南省培")) && !seen.contains("FP 郑州市培"), seen.toString());
    }

    @Test
    void pagesOfOneWalkTheYearOnce() throws Exception {
        var seen = new ArrayList<String>();
        for (var page : api.pages("/programs?year=" + YEAR + "&limit=1", province)) seen.addAll(names(page));
        assertEquals(4, seen.size(), seen.toString());
        assertEquals(4, seen.stream().distinct().count());
    }

    @Test
    void badQueriesAreSmallProblemsNamingTheParameter() throws Exception {
        BadInputIT.problem(api.send("GET", "/programs?year=1e3", province, null), 400, "year");
        BadInputIT.problem(api.send("GET", "/programs?year=1999", province, null), 400, "year");
        BadInputIT.problem(api.send("GET", "/programs?level=NOPE", province, null), 400, "level");
        BadInputIT.problem(api.send("GET", "/programs?jurisdiction=4115", province, null), 400, "jurisdiction");
        BadInputIT.problem(api.send("GET", "/programs?limit=0", province, null), 400, "limit");
        BadInputIT.problem(api.send("GET", "/programs?year=" + YEAR + "&cursor=UEs9eA", province, null), 400, null);
        assertEquals(401, api.send("GET", "/programs", null, null).status());
    }

    @Test
    void aProgramsProjectsFilterByCategoryInstitutionAndPhase() throws Exception {
        String program = program(province, "PROVINCIAL", "410000", "FP 项目筛选");
        for (String code : List.of("FP-A", "FP-B")) {
            assertEquals(201, api.send("POST", "/programs/" + program + "/projects", province, Api.projectBody(code, null)).status());
        }
        String other = Api.projectBody("FP-C", null).replace("\"category\":\"乡村教师\"", "\"category\":\"班主任\"").replace("\"institutionId\":\"HENU\"", "\"institutionId\":\"ZZU\"");
        assertEquals(201, api.send("POST", "/programs/" + program + "/projects", province, other).status());
        var all = api.send("GET", "/programs/" + program + "/projects", xinCounty, null).json();
        assertEquals(3, all.get("items").size());
        all.get("items").forEach(p -> assertEquals("NONE", p.get("phase").asText()));
        assertEquals(List.of("FP-C"), codes(api.send("GET", "/programs/" + program + "/projects?category=" + URLEncoder.encode("班主任", StandardCharsets.UTF_8), xinCounty, null).json()));
        assertEquals(List.of("FP-A", "FP-B"), codes(api.send("GET", "/programs/" + program + "/projects?institutionId=HENU", xinCounty, null).json()).stream().sorted().toList());
        assertEquals(0, api.send("GET", "/programs/" + program + "/projects?phase=SELECTION_OPEN", xinCounty, null).json().get("items").size());
        BadInputIT.problem(api.send("GET", "/programs/" + program + "/projects?phase=PARTY", xinCounty, null), 400, "phase");
    }

    /** A program sent again with its Idempotency-Key is the one it created: a retry, or eight at once, makes no second program. */
    @Test
    void theSameProgramSentAgainWithItsIdempotencyKeyIsOneProgram() throws Exception {
        String body = "{\"year\":" + YEAR + ",\"level\":\"PROVINCIAL\",\"name\":\"FP 幂等计划\",\"jurisdiction\":\"410000\"}";
        String once = api.createdOnce(8, "POST", "/programs", province, body, p -> p.get("id"), "Idempotency-Key", "fp-once");
        assertEquals(1, names(api.send("GET", "/programs?year=" + YEAR + "&level=PROVINCIAL&limit=100", province, null).json()).stream()
                .filter("FP 幂等计划"::equals).count());
        // the key with another request: refused, nothing stored; the key is the caller's own: another caller's is another program
        var other = api.send("POST", "/programs", province, body.replace("FP 幂等计划", "FP 另一计划"), "Idempotency-Key", "fp-once");
        assertEquals(422, other.status(), other.toString());
        String anotherProvince = api.token("fp-province-2", "PROVINCE_ADMIN", "410000");
        var theirs = api.send("POST", "/programs", anotherProvince, body, "Idempotency-Key", "fp-once");
        assertEquals(201, theirs.status(), theirs.toString());
        assertNotEquals(once, theirs.json().get("id").asText());
        // without a key every request is a program of its own, as before
        assertEquals(201, api.send("POST", "/programs", province, body.replace("FP 幂等计划", "FP 无键")).status());
        assertEquals(201, api.send("POST", "/programs", province, body.replace("FP 幂等计划", "FP 无键")).status());
    }

    static List<String> codes(JsonNode page) {
        var out = new ArrayList<String>();
        page.get("items").forEach(p -> out.add(p.get("code").asText()));
        return out;
    }
}
