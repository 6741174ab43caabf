package org.teachertraining.local;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Property-based fuzzing (jqwik) of every route of the OpenAPI document, as a province admin — the caller
 * allowed the most, so a refusal is about the input, not about who asks. Each try picks a route and fills
 * every field of its body (the schema's fields and a few common ones) with values that no field accepts:
 * strings holding a control or bidi character or a lone surrogate, strings far over any length limit,
 * numbers out of any range or precision, {@code null} in arrays, deep nesting. Routes without a body get a
 * hostile identifier in the path; reads get a forged cursor and a bad limit. Must hold for every try: no
 * 5xx; a 4xx is problem+json of at most 4 KB (no echo of the input); no write is accepted. After all
 * tries, nothing of these values is in the table. A failure prints jqwik's seed, to run it again.
 */
class RouteFuzzIT {
    /** Characters every string field refuses: C0 controls (but tab, CR, LF), DEL and C1, bidi controls. */
    static final List<Character> REFUSED = List.of('\u0000', '\u0001', '\u0007', '\u0008', '\u000b', '\u000c', '\u001b', '\u001f', '\u007f',
            '\u0085', '\u009b', '\u061c', '\u200e', '\u200f', '\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069');
    /** The filler of over-long strings, looked for in the table afterwards. */
    static final String LONG = "ZQX";

    record Request(String method, String route, String target, String body) {}

    @BeforeContainer
    static void setUp() throws Exception {
        AttackSurfaceIT.setUp();
    }

    @Property(tries = 400)
    void badValuesOnAnyRouteGetASmallProblem_neverA5xx_neverAWrite(@ForAll("requests") Request r) throws Exception {
        var response = AttackSurfaceIT.api.send(r.method(), r.target(), AttackSurfaceIT.province, r.body());
        String what = r.method() + " " + r.route() + " → " + response.status() + " " + response.body().substring(0, Math.min(300, response.body().length()));
        assertTrue(response.status() < 500, what);
        if (!r.method().equals("GET")) assertFalse(response.status() < 300, "a write was accepted: " + what);
        if (response.status() >= 400) {
            assertTrue(response.contentType().startsWith("application/problem+json"), what);
            assertTrue(response.body().length() <= 4096, response.body().length() + " bytes: " + what);
        }
    }

    @AfterContainer
    static void nothingWritten() {
        var found = new ArrayList<String>();
        for (String item : AttackSurfaceIT.tableItems()) {
            if (item.contains(LONG.repeat(10)) || REFUSED.stream().anyMatch(c -> item.indexOf(c) >= 0) || item.contains("\ud800")) found.add(item);
        }
        assertEquals(List.of(), found, "a refused request wrote to the table");
    }

    @Provide
    Arbitrary<Request> requests() {
        var routes = AttackSurfaceIT.routes.stream()
                .filter(rt -> !(AttackSurfaceIT.PUBLIC.contains(rt[0] + " " + rt[1]) && !rt[1].contains("{")))
                .filter(rt -> !rt[1].endsWith(":import"))   // CSV, answered per row: AttackSurfaceIT and BadInputIT cover it
                .toList();
        return Arbitraries.of(routes).flatMap(rt -> {
            String method = rt[0], route = rt[1];
            if (AttackSurfaceIT.hasBody(method, route)) {
                var fields = new TreeSet<>(AttackSurfaceIT.fieldsOf(method, route));
                fields.addAll(List.of("id", "name", "teacherId", "seats", "year"));
                return hostileValue().list().ofSize(fields.size()).map(values -> {
                    var json = new StringBuilder("{");
                    int i = 0;
                    for (var f : fields) json.append(i == 0 ? "" : ",").append('"').append(f).append("\":").append(values.get(i++));
                    return new Request(method, route, AttackSurfaceIT.filled(route), json.append('}').toString());
                });
            }
            if (route.contains("{")) {
                return hostileId().map(id -> new Request(method, route, route.replaceAll("\\{[^}]+}", id), null));
            }
            // a read without path parameters: what can be bad is its query
            return Combinators.combine(forgedCursor(), Arbitraries.of("-1", "0", "abc", "1e3", "99999999999", "%00"))
                    .as((cursor, limit) -> new Request(method, route, route + "?cursor=" + cursor + "&limit=" + limit, null));
        });
    }

    /** A JSON value no field of any route accepts. */
    static Arbitrary<String> hostileValue() {
        Arbitrary<String> withRefusedChar = Combinators.combine(Arbitraries.strings().alpha().numeric().ofMaxLength(20), Arbitraries.of(REFUSED),
                Arbitraries.strings().withCharRange('\u4e00', '\u9fa5').ofMaxLength(5)).as((a, c, b) -> json(a + c + b));
        Arbitrary<String> loneSurrogate = Arbitraries.strings().alpha().ofMaxLength(10).map(a -> "\"" + a + "\\ud800\"");
        Arbitrary<String> overLong = Arbitraries.integers().between(3_400, 12_000).map(n -> json(LONG.repeat(n)));
        Arbitrary<String> hugeInteger = Arbitraries.strings().numeric().ofMinLength(25).ofMaxLength(80).map(d -> (d.startsWith("0") ? "9" : "") + d);
        Arbitrary<String> hugeExponent = Combinators.combine(Arbitraries.of("1e", "-1e", "1e-", "7.5E"), Arbitraries.integers().between(400, 999_999_999))
                .as((m, e) -> m + e);
        Arbitrary<String> nullInside = Arbitraries.of("[null]", "{\"x\":null}", "[\"ok\",null]", "[[null]]");
        Arbitrary<String> deep = Arbitraries.integers().between(200, 2_000).map(n -> "[".repeat(n) + "]".repeat(n));
        return Arbitraries.oneOf(withRefusedChar, loneSurrogate, overLong, hugeInteger, hugeExponent, nullInside, deep);
    }

    /** An identifier no route takes: over the length limit, or with characters outside the allowed set (percent-encoded). */
    static Arbitrary<String> hostileId() {
        Arbitrary<String> tooLong = Arbitraries.strings().alpha().numeric().ofMinLength(201).ofMaxLength(600);
        Arbitrary<String> badChars = Combinators.combine(Arbitraries.strings().alpha().ofMaxLength(12),
                Arbitraries.of("%00", "%2F..%2F", "%E2%80%AE", "%20", "%F0%9F%98%80", ";", "%25", "%0A", "'", "%22", "%3C", "%E6%95%99"),
                Arbitraries.strings().alpha().ofMaxLength(12)).as((a, bad, b) -> a + bad + b);
        return Arbitraries.oneOf(tooLong, badChars);
    }

    /** Base64 of random bytes or of a key-shaped text: what a forger sends as a page cursor. */
    static Arbitrary<String> forgedCursor() {
        Arbitrary<byte[]> bytes = Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(3_000);
        Arbitrary<byte[]> keyLike = Arbitraries.strings().ofMaxLength(200).map(s -> ("PK=PROJECT#" + s + "\u001fSK=").getBytes(StandardCharsets.UTF_8));
        return Arbitraries.oneOf(bytes, keyLike)
                .map(b -> URLEncoder.encode(Base64.getUrlEncoder().encodeToString(b), StandardCharsets.UTF_8));
    }

    /** A JSON string, every character outside printable ASCII escaped, so the body sends exactly these code units. */
    static String json(String s) {
        var out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') out.append('\\').append(c);
            else if (c < 0x20 || c > 0x7e) out.append(String.format("\\u%04x", (int) c));
            else out.append(c);
        }
        return out.append('"').toString();
    }
}
