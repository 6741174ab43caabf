package org.teachertraining.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The local runtime as a person runs it, in its own process with data under a root of its own: a polite
 * stop (SIGTERM, what Ctrl-C sends as SIGINT ends the same way) ends it within seconds,
 * and what it acknowledged is there after a restart; so is what it acknowledged before a kill -9.
 */
class StopAndRestartIT {

    record Child(Process process, int port) {
        URI api() {
            return URI.create("http://127.0.0.1:" + port);
        }
    }

    /** Every runtime a test started: none outlives a failed assertion (each would keep its pollers running). */
    private final java.util.List<Process> started = new java.util.ArrayList<>();

    @org.junit.jupiter.api.AfterEach
    void endWhatWasStarted() {
        started.forEach(Process::destroyForcibly);
    }

    /**
     * The runtime started as a person starts it, on a port it chooses itself ({@code --port 0}) and names in its banner: a
     * port chosen here and handed to it could be taken before its server binds it. If it ends before serving, the failure
     * carries the last lines it printed.
     */
    Child start(Path root) throws Exception {
        var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), LocalRuntime.class.getName(),
                "--root", root.toString(), "--port", "0").redirectErrorStream(true).start();
        started.add(process);
        var port = new CompletableFuture<Integer>();
        var reader = new Thread(() -> {
            var last = new java.util.ArrayDeque<String>();
            try (var in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                 var log = Files.newBufferedWriter(root.resolve("runtime-" + process.pid() + ".log"))) {
                for (String line; (line = in.readLine()) != null; ) {
                    log.write(line);
                    log.newLine();
                    if (last.size() == 30) last.removeFirst();
                    last.addLast(line);
                    var api = BANNER_API.matcher(line);
                    if (api.find()) port.complete(Integer.parseInt(api.group(1)));
                }
            } catch (Exception ignored) {
                // the process ended
            }
            port.completeExceptionally(new AssertionError("the runtime ended before it served; its last lines:\n" + String.join("\n", last)));
        });
        reader.setDaemon(true);
        reader.start();
        return new Child(process, port.get(120, TimeUnit.SECONDS));
    }

    /** The banner's line naming the API's address. */
    private static final java.util.regex.Pattern BANNER_API = java.util.regex.Pattern.compile("^\\s+API\\s+http://localhost:(\\d+)");

    static Api api(Child c) {
        return new Api(c.api());
    }

    @Test
    void aPoliteStopEndsWithinSecondsAndKeepsWhatWasAcknowledged_soDoesKillNine(@TempDir Path root) throws Exception {
        Api.copyTemplate(root);
        var first = start(root);
        var api = api(first);
        String province = api.token("sr-province", "PROVINCE_ADMIN", "410000");
        String xinyang = api.token("sr-xinyang", "CITY_ADMIN", "411500");
        String project = api.project(province, "STOP-1", null);
        assertEquals(200, api.send("PUT", "/projects/" + project + "/quotas/411500", province, "{\"seats\":10}").status());
        api.importTeachers(xinyang, "SR-", "411523", 4);
        assertEquals(201, api.send("POST", "/projects/" + project + "/enrollments", xinyang, "{\"teacherId\":\"SR-0\"}").status());

        long asked = System.nanoTime();
        first.process().destroy();   // SIGTERM
        assertTrue(first.process().waitFor(10, TimeUnit.SECONDS), "the runtime did not stop within 10 s of SIGTERM");
        System.out.printf("stop: SIGTERM to exit in %d ms%n", (System.nanoTime() - asked) / 1_000_000);

        var second = start(root);
        api = api(second);
        province = api.token("sr-province", "PROVINCE_ADMIN", "410000");
        xinyang = api.token("sr-xinyang", "CITY_ADMIN", "411500");
        var kept = api.send("GET", "/projects/" + project + "/enrollments", xinyang, null).json().get("items");
        assertEquals(1, kept.size(), kept.toString());
        assertEquals(201, api.send("POST", "/projects/" + project + "/enrollments", xinyang, "{\"teacherId\":\"SR-1\"}").status());
        second.process().destroyForcibly();   // kill -9, right after the acknowledgement
        second.process().waitFor(10, TimeUnit.SECONDS);

        var third = start(root);
        try {
            api = api(third);
            xinyang = api.token("sr-xinyang", "CITY_ADMIN", "411500");
            var afterKill = api.send("GET", "/projects/" + project + "/enrollments", xinyang, null).json().get("items");
            assertEquals(2, afterKill.size(), afterKill.toString());
            var quotas = api.send("GET", "/projects/" + project + "/quotas", xinyang, null).json();
            assertEquals(2, quotas.get(0).get("enrolled").asInt(), quotas.toString());
        } finally {
            third.process().destroy();
            third.process().waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** Completions taken for project B (posted through the credit-posting queue) and enrollments into project A. */
    static final int TRAINEES = 50, CANDIDATES = 150;

    /**
     * kill -9 in the middle of two streams — enrollments into a project in selection, completions of a project
     * whose training has ended — then a restart on the same data: every enrollment answered 201 is there and
     * counted in the quota, and every completion answered 202 (its credit posting still on the queue at the
     * kill, or taken by a poller that died with the process) is credited exactly once.
     */
    @Test
    void killNineDuringEnrollmentsAndCompletions_losesNothingAcknowledged(@TempDir Path root) throws Exception {
        Api.copyTemplate(root);
        var first = start(root);
        var api = api(first);
        String province = api.token("sk-province", "PROVINCE_ADMIN", "410000");
        String xinyang = api.token("sk-xinyang", "CITY_ADMIN", "411500");
        String henu = henu(api);
        api.importTeachers(xinyang, "SK-", "411523", TRAINEES + CANDIDATES);

        // B: approved, its trainees enrolled, then the clock past its end: completions are taken
        String trained = api.project(province, "SK-B", "\"seats\":" + TRAINEES);
        String programB = api.send("GET", "/projects/" + trained, province, null).json().get("programId").asText();
        assertEquals(200, api.send("PUT", "/programs/" + programB + "/funding-standards", province, FundingIT.STANDARDS).status());
        assertEquals(200, api.send("PUT", "/projects/" + trained + "/budget", henu, FundingIT.budgetBody("100000")).status());
        assertEquals(200, api.send("PUT", "/projects/" + trained + "/quotas/411500", province, "{\"seats\":" + TRAINEES + "}").status());
        for (int i = 0; i < TRAINEES; i++) {
            assertEquals(201, api.send("POST", "/projects/" + trained + "/enrollments", xinyang, "{\"teacherId\":\"SK-" + i + "\"}").status());
        }
        assertEquals(202, api.send("POST", "/projects/" + trained + "/application", henu, null).status());
        awaitLifecycle(api, province, trained, "APPROVAL");
        assertEquals(200, api.send("POST", "/projects/" + trained + "/application/decision", province, "{\"approved\":true}").status());
        var end = LocalDate.parse(api.send("GET", "/projects/" + trained, province, null).json().get("endDate").asText());
        // the first day: every trainee registers (报到, E8), by roster
        var start = LocalDate.parse(api.send("GET", "/projects/" + trained, province, null).json().get("startDate").asText());
        assertEquals(200, api.send("POST", "/dev/clock", null, "{\"now\":\"" + start + "T08:30:00+08:00\"}").status());
        var roster = new StringBuilder("教师编号\n");
        for (int i = 0; i < TRAINEES; i++) roster.append("SK-").append(i).append('\n');
        var registered = api.sendBytesAsync("POST", "/projects/" + trained + "/registrations:import", henu(api),
                roster.toString().getBytes(StandardCharsets.UTF_8), "text/csv").get();
        assertEquals(200, registered.status(), registered.toString());
        assertTrue(!registered.body().contains("REFUSED"), registered.body());
        assertEquals(200, api.send("POST", "/dev/clock", null, "{\"now\":\"" + end.plusDays(1) + "T10:00:00+08:00\"}").status());
        // tokens expire on the platform's clock: new ones for the new date
        String provinceLater = api.token("sk-province", "PROVINCE_ADMIN", "410000"), xinyangLater = api.token("sk-xinyang", "CITY_ADMIN", "411500"),
                henuLater = henu(api);
        province = provinceLater;
        assertEquals(200, api.send("PUT", "/institutions/HENU", province, "{\"name\":\"河南大学\",\"categories\":[\"CENTRALIZED\",\"ONLINE\"],"
                + "\"validFrom\":\"" + end.minusYears(1) + "\",\"validUntil\":\"" + end.plusYears(1) + "\"}").status());
        // A: in selection still (its cutoff 90 days after B's)
        var program = api.send("POST", "/programs", province, "{\"year\":" + start.getYear() + ",\"level\":\"PROVINCIAL\",\"name\":\"SK program A\",\"jurisdiction\":\"410000\"}");
        var created = api.send("POST", "/programs/" + program.json().get("id").asText() + "/projects", province, Api.projectBody("SK-A", null, 90));
        assertEquals(201, created.status(), created.toString());
        String selecting = created.json().get("id").asText();
        assertEquals(200, api.send("PUT", "/projects/" + selecting + "/quotas/411500", province, "{\"seats\":" + CANDIDATES + "}").status());

        // the two streams, one request at a time each; the kill once each has had a good part acknowledged
        var enrolled = new ConcurrentSkipListSet<String>();
        var completed = new ConcurrentSkipListSet<String>();
        var streams = new ArrayList<Thread>();
        var firstApi = api;
        streams.add(stream(() -> {
            for (int i = TRAINEES; i < TRAINEES + CANDIDATES; i++) {
                var r = firstApi.send("POST", "/projects/" + selecting + "/enrollments", xinyangLater, "{\"teacherId\":\"SK-" + i + "\"}");
                if (r.status() == 201) enrolled.add("SK-" + i);
                else throw new AssertionError(r.toString());
            }
        }));
        streams.add(stream(() -> {
            for (int i = 0; i < TRAINEES; i++) {
                var r = firstApi.send("POST", "/projects/" + trained + "/completions", henuLater, "{\"completionId\":\"SK-C" + i + "\",\"results\":["
                        + "{\"teacherId\":\"SK-" + i + "\",\"outcome\":\"PASSED\",\"hours\":{\"ONLINE\":30}}]}");
                if (r.status() == 202) completed.add("SK-" + i);
                else throw new AssertionError(r.toString());
            }
        }));
        long deadline = System.currentTimeMillis() + 60_000;
        while ((enrolled.size() < 20 || completed.size() < TRAINEES * 2 / 3) && System.currentTimeMillis() < deadline) Thread.sleep(5);
        first.process().destroyForcibly();   // kill -9
        assertTrue(first.process().waitFor(10, TimeUnit.SECONDS));
        for (var t : streams) t.join(10_000);
        Set<String> acknowledgedEnrollments = new TreeSet<>(enrolled), acceptedCompletions = new TreeSet<>(completed);
        System.out.printf("kill -9 after %d enrollments and %d completions acknowledged%n", acknowledgedEnrollments.size(), acceptedCompletions.size());
        assertTrue(acknowledgedEnrollments.size() >= 20 && acknowledgedEnrollments.size() < CANDIDATES && acceptedCompletions.size() >= TRAINEES * 2 / 3
                && acceptedCompletions.size() < TRAINEES, "the kill was not in the middle of both streams");

        var second = start(root);
        try {
            api = api(second);
            String city = api.token("sk-xinyang", "CITY_ADMIN", "411500");
            var present = new TreeSet<String>();
            String cursor = null;
            do {
                var page = api.send("GET", "/projects/" + selecting + "/enrollments?limit=100" + (cursor == null ? "" : "&cursor=" + cursor), city, null).json();
                page.get("items").forEach(e -> present.add(e.get("teacherId").asText()));
                cursor = page.path("nextCursor").isTextual() ? java.net.URLEncoder.encode(page.get("nextCursor").asText(), StandardCharsets.UTF_8) : null;
            } while (cursor != null);
            assertTrue(present.containsAll(acknowledgedEnrollments), "acknowledged " + acknowledgedEnrollments + ", present " + present);
            var quotas = api.send("GET", "/projects/" + selecting + "/quotas", city, null).json();
            assertEquals(present.size(), quotas.get(0).get("enrolled").asInt(), quotas.toString());

            String county = api.token("sk-xinxian", "COUNTY_ADMIN", "411523");
            var notYet = new TreeSet<>(acceptedCompletions);
            long postedBy = System.currentTimeMillis() + 90_000;
            while (!notYet.isEmpty() && System.currentTimeMillis() < postedBy) {
                for (var teacher : List.copyOf(notYet)) {
                    int entries = creditEntries(api, county, teacher, "SK-C" + teacher.substring(3));
                    assertTrue(entries <= 1, teacher + " was credited " + entries + " times");
                    if (entries == 1) notYet.remove(teacher);
                }
                if (!notYet.isEmpty()) Thread.sleep(500);
            }
            assertEquals(Set.of(), notYet, "completions answered 202 before the kill and never credited");
            for (var teacher : acceptedCompletions) {   // and nothing posted twice once the queue is drained
                assertEquals(1, creditEntries(api, county, teacher, "SK-C" + teacher.substring(3)), teacher);
            }
        } finally {
            second.process().destroy();
            second.process().waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** The teacher's ledger entries from one completion, with their hours checked. */
    private static int creditEntries(Api api, String token, String teacher, String completionId) throws Exception {
        var transcript = api.send("GET", "/teachers/" + teacher + "/transcript", token, null);
        assertEquals(200, transcript.status(), transcript.toString());
        int n = 0;
        for (var e : transcript.json().get("entries")) {
            if (e.get("id").asText().startsWith(completionId + ":")) {
                assertEquals(30, e.get("hours").asInt(), e.toString());
                n++;
            }
        }
        return n;
    }

    private static String henu(Api api) throws Exception {
        return api.send("POST", "/dev/tokens", null, "{\"sub\":\"sk-henu\",\"role\":\"INSTITUTION\",\"institutionId\":\"HENU\"}").json().get("token").asText();
    }

    private static void awaitLifecycle(Api api, String token, String project, String waitingFor) throws Exception {
        long deadline = System.currentTimeMillis() + 40_000;
        Api.Response l = null;
        while (System.currentTimeMillis() < deadline) {
            l = api.send("GET", "/projects/" + project + "/lifecycle", token, null);
            if (l.status() == 200 && waitingFor.equals(l.json().path("waitingFor").asText())) return;
            Thread.sleep(100);
        }
        throw new AssertionError("the lifecycle of " + project + " never waited for " + waitingFor + ": " + l);
    }

    interface Stream {
        void run() throws Exception;
    }

    /** A client thread that ends quietly when the runtime is killed under it. */
    private static Thread stream(Stream body) {
        var t = new Thread(() -> {
            try {
                body.run();
            } catch (java.io.IOException | java.util.concurrent.ExecutionException killed) {
                // the runtime went away mid-request: that request was never acknowledged
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
        t.start();
        return t;
    }
}
