package org.teachertraining.local;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every route of the OpenAPI document the API serves, walked as an outsider and as a fuzzer would. The routes
 * come from {@code GET /openapi.yaml}, so a new route is swept the day it is documented (and TemplateIT
 * keeps the document, the template and the controllers in step). Path parameters are filled with real IDs
 * of a project of 信阳市, so a refusal is about who asks, not about a missing record.
 */
class AttackSurfaceIT {
    /** Routes anyone may call without a token: the contract itself, and public certificate verification (C6). */
    static final Set<String> PUBLIC = Set.of("GET /openapi.yaml", "GET /openapi.json", "GET /certificates/{code}", "GET /labels", "GET /programs/{programId}/published-ranking");

    static Api api;
    static String province, xinyang, project, program;
    static List<String[]> routes = new ArrayList<>();
    static Map<String, Object> document;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void setUp() throws Exception {
        if (api != null) return;   // set up once per JVM: RouteFuzzIT walks the same routes and records
        api = Api.shared();
        province = api.token("as-province", "PROVINCE_ADMIN", "410000");
        xinyang = api.token("as-xinyang", "CITY_ADMIN", "411500");
        project = api.project(province, "ATTACK-1", null);
        program = api.send("GET", "/projects/" + project, province, null).json().get("programId").asText();
        assertEquals(200, api.send("PUT", "/projects/" + project + "/quotas/411500", province, "{\"seats\":5}").status());
        api.importTeachers(xinyang, "AS-", "411523", 1);
        assertEquals(201, api.send("POST", "/projects/" + project + "/enrollments", xinyang, "{\"teacherId\":\"AS-0\"}").status());
        document = new Yaml().load(api.send("GET", "/openapi.yaml", null, null).body());
        var paths = (Map<String, Map<String, Object>>) document.get("paths");
        paths.forEach((path, operations) -> operations.keySet().stream()
                .filter(m -> Set.of("get", "post", "put", "delete").contains(m))
                .forEach(m -> routes.add(new String[]{m.toUpperCase(), path})));
        assertTrue(routes.size() >= 50, "the document lists " + routes.size() + " routes");
    }

    static String fill(String path) {
        return path.replace("{projectId}", project).replace("{programId}", program).replace("{teacherId}", "AS-0")
                .replace("{jurisdiction}", "411523").replace("{code}", "411523").replace("{institutionId}", "HENU")
                .replace("{recordId}", "SB-AS").replace("{entryId}", "E-AS").replace("{submissionId}", "S-AS")
                .replace("{classNo}", "1").replace("{expertId}", "expert-as").replace("{notificationId}", "N-AS")
                .replace("{year}", "2026").replace("{requirementId}", "AS-REQ").replace("{communityId}", "AS-COMMUNITY").replace("{activityId}", "AS-ACTIVITY")
                .replace("{file}", "AS-EVIDENCE.pdf");
    }

    /** {@link #fill}, which must know every parameter the document's paths name: a new one is named here, not skipped. */
    static String filled(String path) {
        String done = fill(path);
        if (done.contains("{")) throw new AssertionError("AttackSurfaceIT.fill does not know a path parameter of " + path);
        return done;
    }

    /** The CSV import takes text/csv; everything else JSON. */
    static Api.Response send(String method, String route, String target, String token, String body) throws Exception {
        if (route.endsWith(":import")) {
            return api.sendBytesAsync(method, target, token, Api.teachersCsv("AS-X", "411523", 1).getBytes(StandardCharsets.UTF_8), "text/csv").get();
        }
        return api.send(method, target, token, body);
    }

    static String body(String method) {
        return method.equals("GET") || method.equals("DELETE") ? null : "{}";
    }

    @Test
    void everyRouteRefusesCallersWithoutValidClaims() throws Exception {
        String forged = xinyang.substring(0, xinyang.lastIndexOf('.') + 1) + "AAAA";
        var callers = Map.of(
                "no token", "",
                "a forged signature", forged,
                "a county admin claiming a prefix (4115)", api.token("as-prefix", "COUNTY_ADMIN", "4115"),
                "a county admin claiming the province", api.token("as-high", "COUNTY_ADMIN", "410000"),
                "an unknown code", api.token("as-unknown", "CITY_ADMIN", "999900"));
        var failures = new ArrayList<String>();
        for (var route : routes) {
            if (PUBLIC.contains(route[0] + " " + route[1])) continue;
            for (var c : callers.entrySet()) {
                var r = send(route[0], route[1], filled(route[1]), c.getValue().isEmpty() ? null : c.getValue(), body(route[0]));
                if (r.status() != 401 || !r.contentType().startsWith("application/problem+json")) {
                    failures.add(route[0] + " " + route[1] + " with " + c.getKey() + ": " + r.status());
                }
            }
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void everyWriteRouteRefusesOutsiders() throws Exception {
        var outsiders = Map.of(
                "a county of another city (中原区)", api.token("as-zy", "COUNTY_ADMIN", "410102"),
                "a teacher", api.send("POST", "/dev/tokens", null, "{\"sub\":\"as-t\",\"role\":\"TEACHER\",\"teacherId\":\"AS-9\",\"jurisdiction\":\"410102\"}").json().get("token").asText(),
                "an institution of other projects", api.send("POST", "/dev/tokens", null, "{\"sub\":\"as-zzu\",\"role\":\"INSTITUTION\",\"institutionId\":\"ZZU\"}").json().get("token").asText(),
                "an expert not assigned", api.send("POST", "/dev/tokens", null, "{\"sub\":\"as-e\",\"role\":\"EXPERT\"}").json().get("token").asText());
        var failures = new ArrayList<String>();
        for (var route : routes) {
            if (route[0].equals("GET")) continue;
            for (var o : outsiders.entrySet()) {
                var r = send(route[0], route[1], filled(route[1]), o.getValue(), body(route[0]));
                // refused, by who asks (401/403) or by what is asked (404 and 400 with an empty body); never done, never a 5xx.
                // The CSV import answers each row: for an outsider, every row is refused (403 per row) and none imported.
                boolean importRefusedPerRow = route[1].endsWith(":import") && r.status() == 200 && r.json().get("imported").asInt() == 0
                        && r.body().contains("不在您的管辖范围");
                if (!importRefusedPerRow && (r.status() < 400 || r.status() >= 500 || !r.contentType().startsWith("application/problem+json"))) {
                    failures.add(route[0] + " " + route[1] + " as " + o.getKey() + ": " + r.status() + " " + r.body());
                }
            }
        }
        assertEquals(List.of(), failures);
    }

    /**
     * Authorization before anything else: a caller the route's {@code x-roles} leaves out is refused 403 whatever it
     * sends (a body that is not JSON, a query of nonsense), as is a county admin naming a unit outside its county where
     * the operation's {@code x-within} says, and a teacher naming another teacher where its {@code x-self} says. A role the document lists is never refused for its role. The roles
     * come from the document, so a new route is held to its own list the day it is documented.
     */
    @Test
    @SuppressWarnings("unchecked")
    void everyRouteRefusesWhoItIsNotForBeforeReadingTheRequest() throws Exception {
        var tokens = roleTokens();
        String otherCounty = api.token("as-zy", "COUNTY_ADMIN", "410102");
        String otherTeacher = api.send("POST", "/dev/tokens", null, "{\"sub\":\"as-t9\",\"role\":\"TEACHER\",\"teacherId\":\"AS-9\",\"jurisdiction\":\"411523\"}").json().get("token").asText();
        String nonsense = "?limit=abc&year=abc&firstYear=x&status=zz&level=zz&cursor=%25%25";
        var failures = new ArrayList<String>();
        int refused = 0;
        for (var route : routes) {
            String method = route[0], path = route[1];
            if (PUBLIC.contains(method + " " + path)) continue;
            var operation = operation(method, path);
            var listed = (List<String>) operation.get("x-roles");
            if (listed == null || listed.isEmpty() || !tokens.keySet().containsAll(listed)) {
                failures.add(method + " " + path + ": x-roles missing or naming no known role: " + listed);
                continue;
            }
            // x-within names the path variable or query parameter holding a unit the caller must be over; x-self, a teacher a teacher must be
            String within = (String) operation.get("x-within"), self = (String) operation.get("x-self");
            String target = filled(path) + (method.equals("GET") ? nonsense : "");
            if (within != null && !path.contains("{" + within + "}")) target += (target.contains("?") ? "&" : "?") + within + "=411523";
            var callers = new java.util.LinkedHashMap<String, String>();
            tokens.forEach((role, token) -> { if (!listed.contains(role)) callers.put(role, token); });
            if (within != null) callers.put("a county admin of another city", otherCounty);
            if (self != null) callers.put("another teacher", otherTeacher);
            for (var c : callers.entrySet()) {
                var r = path.endsWith(":import")
                        ? api.sendBytesAsync(method, target, c.getValue(), "\u0000,\"".getBytes(StandardCharsets.UTF_8), "text/csv").get()
                        : api.send(method, target, c.getValue(), method.equals("GET") || method.equals("DELETE") ? null : "{\"x\":");
                refused++;
                if (r.status() != 403 || !r.contentType().startsWith("application/problem+json")) {
                    failures.add(method + " " + path + " as " + c.getKey() + ": " + r.status() + " " + r.body().substring(0, Math.min(200, r.body().length())));
                }
            }
            for (var role : listed) {
                var r = api.send(method, filled(path), tokens.get(role), method.equals("GET") || method.equals("DELETE") ? null : "{}");
                if (r.status() == 403 && r.body().contains("此操作仅限以下角色")) {
                    failures.add(method + " " + path + " refused " + role + ", which its x-roles lists: " + r.body());
                }
            }
        }
        sweptWithout(failures, "authorization first", refused, 300);
    }

    /**
     * Who asks is checked before what the framework checks of a request: with no body at all (a route that needs one
     * would say 400), a body of a content type the route does not take (415), or an {@code Accept} it cannot give
     * (406), a caller without a token is refused 401 on every route that is not public, and a role the route's
     * {@code x-roles} leaves out 403. The routes come from the document, so a new one is swept the day it is documented.
     */
    @Test
    @SuppressWarnings("unchecked")
    void whoAsksIsCheckedBeforeTheBodyTheContentTypeOrTheAcceptHeader() throws Exception {
        var tokens = roleTokens();
        String teacher = tokens.get("TEACHER"), institution = tokens.get("INSTITUTION");
        var failures = new ArrayList<String>();
        int checked = 0;
        for (var route : routes) {
            String method = route[0], path = route[1];
            var operation = operation(method, path);
            if (PUBLIC.contains(method + " " + path) != List.of().equals(operation.get("security"))) {
                failures.add(method + " " + path + ": public here but not in the document (security: []), or the other way round");
            }
            if (PUBLIC.contains(method + " " + path)) {   // and a public route answers without a token
                var open = api.send(method, filled(path), null, null);
                if (open.status() == 401) failures.add(method + " " + path + " is public but refused a request without a token: " + open.body());
                continue;
            }
            var listed = (List<String>) operation.get("x-roles");
            // a role the route is not for: the teacher, or else the institution (no route is for both and for nobody else)
            String outsider = listed == null ? null : !listed.contains("TEACHER") ? teacher : !listed.contains("INSTITUTION") ? institution : null;
            String target = filled(path);
            boolean takesBody = !method.equals("GET") && !method.equals("DELETE");
            var requests = new java.util.LinkedHashMap<String, java.util.function.Function<String, Api.Response>>();
            requests.put("no body", token -> get(api.sendBytesAsync(method, target, token, null, null)));
            if (takesBody) {
                requests.put("a body of text/plain", token -> get(api.sendBytesAsync(method, target, token, "{".getBytes(StandardCharsets.UTF_8), "text/plain")));
                requests.put("a body of image/png", token -> get(api.sendBytesAsync(method, target, token, new byte[]{(byte) 0x89, 'P', 'N', 'G'}, "image/png")));
            } else {
                requests.put("Accept: image/png", token -> get(api.sendBytesAsync(method, target, token, null, null, "Accept", "image/png")));
            }
            for (var request : requests.entrySet()) {
                var anonymous = request.getValue().apply(null);
                checked++;
                if (anonymous.status() != 401 || !anonymous.contentType().startsWith("application/problem+json")) {
                    failures.add(method + " " + path + " without a token, " + request.getKey() + ": " + anonymous.status() + " " + anonymous.body());
                }
                if (outsider == null) continue;
                var refused = request.getValue().apply(outsider);
                checked++;
                if (refused.status() != 403 || !refused.contentType().startsWith("application/problem+json")) {
                    failures.add(method + " " + path + " by a role it is not for, " + request.getKey() + ": " + refused.status() + " " + refused.body());
                }
            }
        }
        sweptWithout(failures, "who asks first", checked, 400);
    }

    /**
     * Whose record comes before what is sent about it: on every write route whose path names a project, a program, a
     * mentoring community or a teacher (each of them real: a community of 新县 is made for this test), a caller of a role
     * the route is for who could not act on that record at all — admins of another province (山西), an institution that
     * does not run the project — is refused 403 (or 404 for a record the route names below it, such as a credit entry)
     * whatever it sends: a body that is not JSON, no body, or a content type the route does not take. Never 400 or 415,
     * which would answer about input the caller has no business sending.
     */
    @Test
    @SuppressWarnings("unchecked")
    void whoseRecordItIsComesBeforeWhatIsSentAboutIt() throws Exception {
        var outsiders = Map.of(
                "PROVINCE_ADMIN", api.token("as-sx-province", "PROVINCE_ADMIN", "140000"),
                "CITY_ADMIN", api.token("as-sx-city", "CITY_ADMIN", "140100"),
                "COUNTY_ADMIN", api.token("as-sx-county", "COUNTY_ADMIN", "140105"),
                "SCHOOL_ADMIN", api.token("as-sx-school", "SCHOOL_ADMIN", "1401050001"),
                "INSTITUTION", api.send("POST", "/dev/tokens", null, "{\"sub\":\"as-zzu2\",\"role\":\"INSTITUTION\",\"institutionId\":\"ZZU\"}").json().get("token").asText());
        var community = api.send("POST", "/mentoring-communities", api.token("as-county", "COUNTY_ADMIN", "411523"),
                "{\"name\":\"新县名师工作室（攻击面）\",\"jurisdiction\":\"411523\",\"year\":" + java.time.Year.now(java.time.ZoneId.of("Asia/Shanghai"))
                        + ",\"masterTeacherId\":\"AS-0\"}");
        assertEquals(201, community.status(), community.toString());
        var failures = new ArrayList<String>();
        int checked = 0;
        for (var route : routes) {
            String method = route[0], path = route[1];
            if (method.equals("GET") || !java.util.regex.Pattern.compile("\\{(projectId|programId|communityId|teacherId)}").matcher(path).find()) continue;
            var listed = (List<String>) operation(method, path).get("x-roles");
            if (listed == null) continue;
            String target = filled(path).replace("AS-COMMUNITY", community.json().get("id").asText());
            for (String role : listed) {
                if (!outsiders.containsKey(role)) continue;   // teachers and experts are the use cases' to answer
                String token = outsiders.get(role);
                var sent = List.of(
                        get(api.sendBytesAsync(method, target, token, "{\"garbage\":".getBytes(StandardCharsets.UTF_8), "application/json")),
                        get(api.sendBytesAsync(method, target, token, null, null)),
                        get(api.sendBytesAsync(method, target, token, new byte[]{(byte) 0x89, 'P', 'N', 'G'}, "image/png")));
                for (var r : sent) {
                    checked++;
                    if ((r.status() != 403 && r.status() != 404) || !r.contentType().startsWith("application/problem+json")) {
                        failures.add(method + " " + path + " by " + role + " outside it: " + r.status() + " " + r.body());
                    }
                }
            }
        }
        sweptWithout(failures, "whose record first", checked, 150);
    }

    /**
     * A unit that does not exist is a mistake in the request, not a unit outside the caller's subtree: every operation
     * whose {@code x-within} names a unit answers 400 (a read: naming that field), to an admin of a role the operation is
     * for — a code that is no unit, a prefix of one, a school code no county holds, letters after digits.
     */
    @Test
    @SuppressWarnings("unchecked")
    void aUnitThatDoesNotExistIsRefused400NamingIt_notAsOutsideTheCallersSubtree() throws Exception {
        var admins = roleTokens();   // the admins first, highest first
        var failures = new ArrayList<String>();
        int checked = 0;
        for (var route : routes) {
            String method = route[0], path = route[1];
            var operation = operation(method, path);
            String within = (String) operation.get("x-within");
            if (within == null) continue;
            var listed = (List<String>) operation.get("x-roles");
            String token = admins.entrySet().stream().filter(a -> listed.contains(a.getKey())).map(Map.Entry::getValue).findFirst().orElseThrow();
            for (String code : List.of("999999", "4115", "41152399", "411523x")) {
                String target = path.contains("{" + within + "}")
                        ? filled(path.replace("{" + within + "}", code))
                        : filled(path) + (path.contains("?") ? "&" : "?") + within + "=" + code;
                var r = method.equals("GET") || method.equals("DELETE") ? api.send(method, target, token, null) : api.send(method, target, token, "{\"seats\":1}");
                checked++;
                // a write may refuse its body in the same answer; a read has only the unit to refuse
                boolean named = !method.equals("GET") || r.body().contains("\"field\":\"" + within + "\"");
                if (r.status() != 400 || !named) failures.add(method + " " + path + " with " + code + ": " + r.status() + " " + r.body());
            }
        }
        sweptWithout(failures, "an unknown unit", checked, 40);
    }

    /** A token of each role, the admins first (highest first): a county and a school of 新县, HENU, the teacher AS-0, an expert. */
    static java.util.LinkedHashMap<String, String> roleTokens() throws Exception {
        var tokens = new java.util.LinkedHashMap<String, String>();
        tokens.put("PROVINCE_ADMIN", province);
        tokens.put("CITY_ADMIN", xinyang);
        tokens.put("COUNTY_ADMIN", api.token("as-county", "COUNTY_ADMIN", "411523"));
        tokens.put("SCHOOL_ADMIN", api.token("as-school", "SCHOOL_ADMIN", "4115230001"));
        tokens.put("INSTITUTION", api.send("POST", "/dev/tokens", null, "{\"sub\":\"as-henu\",\"role\":\"INSTITUTION\",\"institutionId\":\"HENU\"}").json().get("token").asText());
        tokens.put("TEACHER", api.send("POST", "/dev/tokens", null, "{\"sub\":\"as-t0\",\"role\":\"TEACHER\",\"teacherId\":\"AS-0\",\"jurisdiction\":\"411523\"}").json().get("token").asText());
        tokens.put("EXPERT", api.send("POST", "/dev/tokens", null, "{\"sub\":\"as-expert\",\"role\":\"EXPERT\"}").json().get("token").asText());
        return tokens;
    }

    /** A sweep's end: no failure, and at least {@code atLeast} requests checked (a sweep that checks nothing fails). */
    static void sweptWithout(List<String> failures, String sweep, int checked, int atLeast) {
        System.out.printf("%s: %d requests checked over %d routes%n", sweep, checked, routes.size());
        assertEquals(List.of(), failures);
        assertTrue(checked > atLeast, sweep + ": only " + checked + " requests were checked");
    }

    /** The document's operation of {@code method} on {@code path}. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> operation(String method, String path) {
        return (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) document.get("paths")).get(path)).get(method.toLowerCase());
    }

    private static Api.Response get(java.util.concurrent.CompletableFuture<Api.Response> response) {
        try {
            return response.get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** Values no field of any route accepts: each generated body is made of them only, so every one must be refused. */
    static final List<String> HOSTILE = List.of(
            "\"nul\\u0000byte\"", "\"bidi\\u202eoverride\"", "\"lone\\ud800surrogate\"", "\"esc\\u001b[31m\"",
            "[null]", "{\"x\":null}", "1e-999999999", "1e999999999", "-1e400", "99999999999999999999999999999999999999",
            "\"" + "A".repeat(3000) + "\u0000\"", "\"=cmd|' /C calc'!A0\\u0000\"", deep(300));

    static String deep(int n) {
        return "[".repeat(n) + "]".repeat(n);
    }

    @Test
    @SuppressWarnings("unchecked")
    void generatedBadRequestsOnEveryRouteGetASmallProblem_neverA5xx_andWriteNothing() throws Exception {
        var random = new Random(20261201L);
        var failures = new ArrayList<String>();
        int sent = 0;
        var badIds = List.of("A".repeat(300), "..%2F..%2Fetc", "%00", "%E2%80%AE", "x%20y", "%F0%9F%98%80", "a;b", "%25%00");
        for (var route : routes) {
            String method = route[0], path = route[1];
            if (PUBLIC.contains(method + " " + path) && method.equals("GET") && !path.contains("{")) continue;
            boolean takesBody = hasBody(method, path);
            var fields = new TreeSet<>(fieldsOf(method, path));
            fields.addAll(List.of("id", "name", "teacherId", "seats", "year"));
            for (int i = 0; i < 6; i++) {
                var json = new StringBuilder("{");
                for (var f : fields) {
                    if (json.length() > 1) json.append(',');
                    json.append('"').append(f).append("\":").append(HOSTILE.get(random.nextInt(HOSTILE.size())));
                }
                json.append('}');
                String target = filled(path);
                if (!takesBody && !method.equals("GET") && !path.contains("{")) continue;   // nothing of it can be bad
                if (path.contains("{") && (i % 2 == 1 || (!takesBody && !method.equals("GET")))) {   // a hostile identifier in the path instead
                    target = path.replaceAll("\\{[^}]+}", badIds.get(random.nextInt(badIds.size())));
                }
                if (method.equals("GET") && i % 3 == 2) target += "?cursor=" + forgedCursor(random) + "&limit=" + List.of("-1", "abc", "99999999999").get(random.nextInt(3));
                var r = api.send(method, target, province, method.equals("GET") || method.equals("DELETE") ? null : json.toString());
                sent++;
                if (r.status() >= 500 || (r.status() >= 200 && r.status() < 300 && !method.equals("GET"))
                        || (r.status() >= 400 && (!r.contentType().startsWith("application/problem+json") || r.body().length() > 4096))) {
                    failures.add(method + " " + target.substring(0, Math.min(120, target.length())) + " → " + r.status() + " ("
                            + r.body().length() + " bytes) " + r.body().substring(0, Math.min(300, r.body().length())));
                }
            }
        }
        System.out.printf("fuzz: %d generated requests over %d routes%n", sent, routes.size());
        assertEquals(List.of(), failures);
        assertEquals(List.of(), storedHostileValues(), "a refused request wrote to the table");
    }

    static String forgedCursor(Random random) {
        var forged = List.of("GSI2PK=PROJECT#" + project + "\u001fGSI2SK=\u001fPK=\u001fSK=", "PK=x", "A".repeat(5000), "%%%");
        return java.net.URLEncoder.encode(java.util.Base64.getUrlEncoder().encodeToString(forged.get(random.nextInt(forged.size()))
                .getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
    }

    @SuppressWarnings("unchecked")
    static boolean hasBody(String method, String path) {
        var operation = operation(method, path);
        return operation.get("requestBody") != null;
    }

    @SuppressWarnings("unchecked")
    static Set<String> fieldsOf(String method, String path) {
        var operation = operation(method, path);
        var fields = new TreeSet<String>();
        var body = (Map<String, Object>) operation.get("requestBody");
        if (body == null) return fields;
        var content = (Map<String, Object>) body.get("content");
        if (content == null || !content.containsKey("application/json")) return fields;
        var schema = (Map<String, Object>) ((Map<String, Object>) content.get("application/json")).get("schema");
        if (schema != null && schema.containsKey("$ref")) {
            String name = ((String) schema.get("$ref")).substring("#/components/schemas/".length());
            schema = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) document.get("components")).get("schemas")).get(name);
        }
        if (schema != null && schema.get("properties") instanceof Map<?, ?> properties) {
            properties.keySet().forEach(k -> fields.add((String) k));
        }
        return fields;
    }

    /**
     * Items of the table holding any of the hostile values (checked by content, not by counting items, since
     * the shared runtime's pollers and schedules may write their own records meanwhile).
     */
    static List<String> storedHostileValues() {
        var markers = List.of("\u0000", "\u202e", "\u001b", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "cmd|", "%00", "..%2F", "\ud800", "?surrogate");
        var found = new ArrayList<String>();
        for (String text : tableItems()) {
            if (markers.stream().anyMatch(text::contains)) found.add(text.substring(0, Math.min(200, text.length())));
        }
        return found;
    }

    /** Every item of the shared runtime's table, as text. */
    static List<String> tableItems() {
        var items = new ArrayList<String>();
        try (var dynamo = DynamoDbClient.builder().endpointOverride(Api.runtime().dynamoDbEndpoint()).region(Region.of("local"))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create()).build()) {
            for (var page : dynamo.scanPaginator(b -> b.tableName("TrainingTable"))) {
                page.items().forEach(item -> items.add(item.toString()));
            }
        }
        return items;
    }
}
