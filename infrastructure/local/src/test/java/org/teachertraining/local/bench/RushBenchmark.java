package org.teachertraining.local.bench;

import org.junit.jupiter.api.Test;
import org.teachertraining.adapters.aws.AwsClients;
import org.teachertraining.adapters.dynamodb.DynamoDbEnrollments;
import org.teachertraining.adapters.dynamodb.DynamoDbIntegrityRecords;
import org.teachertraining.adapters.dynamodb.DynamoDbQuotas;
import org.teachertraining.adapters.dynamodb.DynamoDbRequirementVersions;
import org.teachertraining.adapters.dynamodb.DynamoDbSelectionRecords;
import org.teachertraining.adapters.dynamodb.DynamoDbTrainingHours;
import org.teachertraining.adapters.dynamodb.TrainingTable;
import org.teachertraining.core.common.Outcome;
import org.teachertraining.core.credit.RequirementBook;
import org.teachertraining.core.credit.RequirementCycles;
import org.teachertraining.core.credit.Requirements;
import org.teachertraining.core.enrollment.EnrollTeacher;
import org.teachertraining.core.identity.Access;
import org.teachertraining.core.identity.Caller;
import org.teachertraining.core.identity.Role;
import org.teachertraining.core.jurisdiction.JurisdictionTree;
import org.teachertraining.local.LocalRuntime;
import software.amazon.awssdk.core.SdkRequest;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The enrollment rush: N concurrent clients (1, 8, 64) enrolling 400 distinct teachers into one project whose
 * county holds 200 seats, each way three times, the rounds interleaved (A, B, C, then B, C, A, …) on one local
 * runtime after a warm-up that is not counted and lasts until the JIT compilers have settled ({@link Bench#warmUp},
 * then {@link Bench#warmUpMixed}):
 * <ul>
 * <li>A, the platform: {@code POST /projects/{id}/enrollments} over HTTP, through the API's controller;</li>
 * <li>B, the limit: the DynamoDB requests of exactly one enrollment, recorded from the use case on the
 * platform's adapters and sent again for each teacher straight to the same DynamoDB Local ({@link Replay});</li>
 * <li>C, in process: the {@code EnrollTeacher} use case on the platform's adapters, called directly.</li>
 * </ul>
 * Every round must book exactly 200 and refuse 200 (409 E1), and the stored quota must say 200 used. Reported:
 * the throughput as the mean of the rounds, the p50 and p99 of every request of the rounds pooled (1,200 at each N
 * and way: the p99 is the 12th-worst, not the 4th-worst of one round, which one stall moves), and what each round
 * cost in CPU ({@link CpuMeter}: this JVM's CPU a request, by kind of thread, the JIT's compiling, the machine's CPUs
 * busy and stolen); gated: the platform's throughput and p99 as ratios to the limit's.
 */
class RushBenchmark {
    static final int SEATS = 200, REQUESTS = 400;
    /** Warm-up passes: at least {@value #MIN_WARM_UP}, at most {@value #MAX_WARM_UP}; then at most {@value #MAX_MIXED_WARM_UP} of every way. */
    static final int MIN_WARM_UP = 2, MAX_WARM_UP = 40, MAX_MIXED_WARM_UP = 5;
    static final int ROUNDS = Integer.getInteger("bench.rounds", 3);
    static final int[] CLIENTS = {1, 8, 64};

    enum Way {
        PLATFORM("platform", "A, the platform over HTTP"), LIMIT("limit", "B, its DynamoDB requests alone"),
        IN_PROCESS("inProcess", "C, the use case in process");

        /** {@code key}: the figures' name; {@code label}: the printed one. */
        final String key, label;

        Way(String key, String label) {
            this.key = key;
            this.label = label;
        }
    }

    @Test
    void rush() throws Exception {
        var figures = new LinkedHashMap<String, Double>();
        var better = new LinkedHashMap<String, Boolean>();
        try (var runtime = LocalRuntime.start(new LocalRuntime.Options(LocalRuntime.findRoot(), 0, false, false, true))) {
            var bench = new Bench(runtime);
            System.out.println("rush: one enrollment's DynamoDB requests, as the limit sends them: " + Replay.mix(bench.template));
            int passes = bench.warmUp();
            figures.put("warmUpPasses", (double) passes);
            figures.put("warmUpMixedPasses", (double) bench.warmUpMixed());
            var results = new LinkedHashMap<String, List<Result>>();
            for (int round = 0; round < ROUNDS; round++) {
                for (int n : CLIENTS) {
                    for (int k = 0; k < Way.values().length; k++) {
                        var way = Way.values()[(round + k) % Way.values().length];
                        var r = bench.run(way, n);
                        System.out.printf("rush round %d, N=%d, %s: %.1f requests/s, p50 %.1f ms, p99 %.1f ms; CPU %.2f ms a request, machine %.0f%% busy, %.0f%% stolen%n",
                                round + 1, n, way.label, r.throughput, r.p50(), r.p99(), r.cpuMsPerRequest(), 100 * r.machineBusy(), 100 * r.stolen());
                        System.out.printf("  CPU ms a request by thread: %s; JIT compiling %.2f ms a request; classes loaded: %d%n", r.cpuMsByThread(), r.compileMsPerRequest(), r.classesLoaded());
                        results.computeIfAbsent(n + way.key, x -> new ArrayList<>()).add(r);
                    }
                }
            }
            System.out.println("| N | A, platform (p99) | B, limit (p99) | A/B | p99 A/B | C, in process (p99) | CPU ms a request: A, B, C | machine busy: A, B, C |");
            System.out.println("|---|---|---|---|---|---|---|---|");
            for (int n : CLIENTS) {
                for (var way : Way.values()) {
                    var rs = results.get(n + way.key);
                    figures.put("N" + n + "." + way.key + ".throughput", mean(rs, Result::throughput));
                    var pooled = rs.stream().flatMap(r -> r.latencies().stream()).sorted().toList();
                    figures.put("N" + n + "." + way.key + ".p50ms", percentile(pooled, 0.50));
                    figures.put("N" + n + "." + way.key + ".p99ms", percentile(pooled, 0.99));
                    figures.put("N" + n + "." + way.key + ".cpuMsPerRequest", mean(rs, Result::cpuMsPerRequest));
                    figures.put("N" + n + "." + way.key + ".machineBusy", mean(rs, Result::machineBusy));   // NaN without /proc/stat
                    figures.put("N" + n + "." + way.key + ".stolen", mean(rs, Result::stolen));
                    figures.put("N" + n + "." + way.key + ".compileMsPerRequest", mean(rs, Result::compileMsPerRequest));
                }
                double ratio = figures.get("N" + n + ".platform.throughput") / figures.get("N" + n + ".limit.throughput");
                double p99Ratio = figures.get("N" + n + ".platform.p99ms") / figures.get("N" + n + ".limit.p99ms");
                figures.put("N" + n + ".throughputRatioToLimit", ratio);
                figures.put("N" + n + ".p99RatioToLimit", p99Ratio);
                better.put("N" + n + ".throughputRatioToLimit", true);
                better.put("N" + n + ".p99RatioToLimit", false);
                System.out.printf("| %d | %.0f/s (%.0f ms) | %.0f/s (%.0f ms) | %.2f | %.2f | %.0f/s (%.0f ms) | %.2f, %.2f, %.2f | %.0f%%, %.0f%%, %.0f%% |%n", n,
                        figures.get("N" + n + ".platform.throughput"), figures.get("N" + n + ".platform.p99ms"),
                        figures.get("N" + n + ".limit.throughput"), figures.get("N" + n + ".limit.p99ms"), ratio, p99Ratio,
                        figures.get("N" + n + ".inProcess.throughput"), figures.get("N" + n + ".inProcess.p99ms"),
                        figures.get("N" + n + ".platform.cpuMsPerRequest"), figures.get("N" + n + ".limit.cpuMsPerRequest"),
                        figures.get("N" + n + ".inProcess.cpuMsPerRequest"), 100 * figures.get("N" + n + ".platform.machineBusy"),
                        100 * figures.get("N" + n + ".limit.machineBusy"), 100 * figures.get("N" + n + ".inProcess.machineBusy"));
            }
        }
        Baseline.check("rush", figures, better);
    }

    static double mean(List<Result> rs, java.util.function.ToDoubleFunction<Result> f) {
        return rs.stream().mapToDouble(f).average().orElseThrow();
    }

    /** The {@code q} quantile of ascending {@code sorted} (nearest rank). */
    static double percentile(List<Double> sorted, double q) {
        return sorted.get((int) Math.ceil(sorted.size() * q) - 1);
    }

    /**
     * A round: its requests a second, each request's latency in ms (ascending), the CPU time this JVM spent on each
     * request (everything in it: the emulators, the API, the callers) and the machine's CPUs busy and stolen (by the
     * hypervisor) as fractions of the round's time ({@link CpuMeter}); the JIT's compiling a request, by its own account
     * and as its compilers' threads' CPU ({@link CpuMeter.Spent#compilersMs}).
     */
    record Result(double throughput, List<Double> latencies, double cpuMsPerRequest, double machineBusy, double stolen, Map<String, Double> cpuMsByThread, long classesLoaded, double compileMsPerRequest, double compilerCpuMsPerRequest) {
        double p50() {
            return percentile(latencies, 0.50);
        }

        double p99() {
            return percentile(latencies, 0.99);
        }
    }

    /** One project of 200 seats for 新县 and 400 teachers of 新县 to rush it, set up over HTTP (not timed). */
    record Round(String project, List<String> teachers) {}

    /** The runtime, the three ways to enroll, and the recorded requests of one enrollment. */
    static final class Bench {
        final Client api;
        final String province, xinyang;
        final Caller xinyangAdmin = new Caller("bench-xy", Role.CITY_ADMIN, "411500", null, null);
        final TrainingTable limitTable;
        final EnrollTeacher enroll;
        final List<SdkRequest> template;
        final String templateProject, templateTeacher, templateEnrollment, templateNotice;
        final AtomicInteger rounds = new AtomicInteger();

        Bench(LocalRuntime runtime) {
            api = new Client(runtime.api());
            province = api.token("{\"sub\":\"bench\",\"role\":\"PROVINCE_ADMIN\",\"jurisdiction\":\"410000\"}");
            xinyang = api.token("{\"sub\":\"bench-xy\",\"role\":\"CITY_ADMIN\",\"jurisdiction\":\"411500\"}");
            String endpoint = runtime.dynamoDbEndpoint().toString();
            // the limit's client is built as the functions build theirs (AwsClients), without the local IAM check
            limitTable = new TrainingTable(AwsClients.dynamoDb("local", endpoint), "TrainingTable");
            var recorder = new Replay.Recorder();
            var table = new TrainingTable(AwsClients.dynamoDb("local", endpoint, List.of(recorder)), "TrainingTable");
            var requirements = new RequirementBook(Requirements.seeds(), new DynamoDbRequirementVersions(table), RequirementBook.KEEP);
            enroll = new EnrollTeacher(new DynamoDbSelectionRecords(table), new DynamoDbQuotas(table), new DynamoDbEnrollments(table),
                    new DynamoDbIntegrityRecords(table), new DynamoDbTrainingHours(table), new RequirementCycles(requirements),
                    new Access(JurisdictionTree.china()), Clock.systemUTC());
            var first = setUp();
            // the requirement versions are kept for a minute: read them once so the recording holds only an enrollment's own requests
            enroll.execute(xinyangAdmin, first.project(), first.teachers().get(1), null);
            var outcome = new java.util.concurrent.atomic.AtomicReference<Outcome<EnrollTeacher.Enrolled>>();
            template = recorder.during(() -> outcome.set(enroll.execute(xinyangAdmin, first.project(), first.teachers().get(0), null)));
            var enrolled = ((Outcome.Done<EnrollTeacher.Enrolled>) outcome.get()).value();
            templateProject = first.project();
            templateTeacher = first.teachers().get(0);
            templateEnrollment = enrolled.enrollment().id();
            // the teacher's notice has an ID of its own (derived from the enrollment's), the key of its outbox record
            var notices = Replay.ids(template, "OUTBOX#");
            notices.remove("PENDING");
            assertEquals(1, notices.size(), "one notice in " + Replay.mix(template));
            templateNotice = notices.iterator().next();
        }

        /**
         * Warms the JVM up until its JIT compilers have settled, and says how long that took: each pass runs the platform
         * at N = 8 and 64 (the first {@value RushBenchmark#MIN_WARM_UP} passes every way), and the warm-up ends after a pass in which the
         * compilers spent under {@value CpuMeter#JIT_SETTLED} of the platform's CPU — or after {@value RushBenchmark#MAX_WARM_UP} passes. Before,
         * a fixed two passes left them compiling for 15-25% of the platform's CPU in the measured rounds, on the two cores
         * the emulator needs (BENCHMARKS.md, the rush).
         */
        int warmUp() throws Exception {
            var platform = EnumSet.of(Way.PLATFORM);
            for (int pass = 1; ; pass++) {
                double share = warmUpPass(new int[]{8, 64}, pass > MIN_WARM_UP ? platform : EnumSet.allOf(Way.class), platform);
                System.out.printf("rush warm-up pass %d: the JIT compilers took %.1f%% of the platform's CPU%n", pass, 100 * share);
                // no account of compiling (NaN): the fixed minimum
                if (pass >= MIN_WARM_UP && (!(share >= CpuMeter.JIT_SETTLED) || pass >= MAX_WARM_UP)) return pass;
            }
        }

        /**
         * Then passes shaped as a measured round — every way at every N — until one in which the JIT compilers spent under
         * {@value CpuMeter#JIT_SETTLED} of the CPU, at most {@value RushBenchmark#MAX_MIXED_WARM_UP}. Warmed on the platform alone,
         * the JIT compiled again once the other ways and N = 1 ran: in the first measured round of a run it took 0.3–1.05 ms
         * of each platform request (up to 17% of its CPU) and 0.1–0.36 ms of the limit's (BENCHMARKS.md, the rush).
         */
        int warmUpMixed() throws Exception {
            var every = EnumSet.allOf(Way.class);
            for (int pass = 1; ; pass++) {
                double share = warmUpPass(CLIENTS, every, every);
                System.out.printf("rush warm-up, every way at every N, pass %d: the JIT compilers took %.1f%% of the CPU%n", pass, 100 * share);
                if (!(share >= CpuMeter.JIT_SETTLED) || pass >= MAX_MIXED_WARM_UP) return pass;
            }
        }

        /** A warm-up pass: each of {@code ways} at each N of {@code clients}; the JIT compilers' share of the CPU of the rounds of {@code counted}. */
        private double warmUpPass(int[] clients, Set<Way> ways, Set<Way> counted) throws Exception {
            double processMs = 0, compileMs = 0;
            for (int n : clients) {
                for (var way : Way.values()) {
                    if (!ways.contains(way)) continue;
                    var r = run(way, n);
                    if (!counted.contains(way)) continue;
                    processMs += r.cpuMsPerRequest() * REQUESTS;
                    compileMs += r.compilerCpuMsPerRequest() * REQUESTS;
                }
            }
            return compileMs / processMs;
        }

        Round setUp() {
            int n = rounds.incrementAndGet();
            String program = api.id(api.send("POST", "/programs", province, "{\"year\":2027,\"level\":\"PROVINCIAL\",\"name\":\"rush " + n + "\",\"jurisdiction\":\"410000\"}"));
            var now = java.time.OffsetDateTime.now(java.time.ZoneOffset.ofHours(8));
            String project = api.id(api.send("POST", "/programs/" + program + "/projects", province, "{\"code\":\"RUSH-" + n + "\",\"name\":\"rush\","
                    + "\"category\":\"c\",\"phases\":[{\"kind\":\"CENTRALIZED\",\"days\":5}],\"totalHours\":40,\"classSize\":50,\"institutionId\":\"HENU\","
                    + "\"selectionCutoff\":\"" + now.plusDays(30).withNano(0) + "\",\"startDate\":\"" + now.plusDays(40).toLocalDate() + "\",\"endDate\":\""
                    + now.plusDays(45).toLocalDate() + "\"}"));
            api.send("PUT", "/projects/" + project + "/quotas/411500", province, "{\"seats\":" + SEATS + "}");
            api.send("PUT", "/projects/" + project + "/quotas/411523", xinyang, "{\"seats\":" + SEATS + "}");
            var csv = new StringBuilder("id,name,jurisdiction,stage,subjects,role,schoolLocation,teachingSince\n");
            var teachers = new ArrayList<String>();
            for (int i = 0; i < REQUESTS; i++) {
                teachers.add("RUSH" + n + "-T" + i);
                csv.append(teachers.get(i)).append(",教师,411523,PRIMARY,语文,TEACHER,RURAL,2010-09-01\n");
            }
            int status = api.send("POST", "/teachers:import", xinyang, csv.toString(), "text/csv").statusCode();
            if (status != 200) throw new AssertionError("teacher import: " + status);
            return new Round(project, List.copyOf(teachers));
        }

        /** One round: a fresh project and teachers, {@code clients} threads enrolling them {@code way}, verified. */
        Result run(Way way, int clients) throws Exception {
            var round = setUp();
            // the limit's requests are made before the clock starts: a rewritten copy of the recording for each teacher
            var replays = way != Way.LIMIT ? null : round.teachers().stream().map(t -> {
                String id = UUID.randomUUID().toString(), notice = UUID.randomUUID().toString().replace("-", "");
                return Replay.rewrite(template, s -> s.replace(templateProject, round.project()).replace(templateTeacher, t)
                        .replace(templateEnrollment, id).replace(templateNotice, notice));
            }).toList();
            var latencies = new ConcurrentLinkedQueue<Double>();
            var next = new AtomicInteger();
            var enrolled = new AtomicInteger();
            var refused = new AtomicInteger();
            var pool = Executors.newFixedThreadPool(clients);
            var done = new ArrayList<java.util.concurrent.Future<?>>();
            var cpu = CpuMeter.start();
            long start = System.nanoTime();
            for (int c = 0; c < clients; c++) {
                done.add(pool.submit(() -> {
                    for (int i; (i = next.getAndIncrement()) < REQUESTS; ) {
                        String teacher = round.teachers().get(i);
                        long t = System.nanoTime();
                        boolean booked = switch (way) {
                            case PLATFORM -> {
                                int status = api.send("POST", "/projects/" + round.project() + "/enrollments", xinyang, "{\"teacherId\":\"" + teacher + "\"}").statusCode();
                                if (status != 201 && status != 409) throw new AssertionError(teacher + ": " + status);
                                yield status == 201;
                            }
                            case LIMIT -> Replay.send(limitTable, replays.get(i));
                            case IN_PROCESS -> {
                                var outcome = enroll.execute(xinyangAdmin, round.project(), teacher, null);
                                if (outcome instanceof Outcome.Refused<?> r && !"E1".equals(r.refusal().rule())) throw new AssertionError(teacher + ": " + r.refusal());
                                yield outcome instanceof Outcome.Done<?>;
                            }
                        };
                        latencies.add((System.nanoTime() - t) / 1e6);
                        (booked ? enrolled : refused).incrementAndGet();
                    }
                    return null;
                }));
            }
            for (var f : done) f.get(10, TimeUnit.MINUTES);
            double seconds = (System.nanoTime() - start) / 1e9;
            var spent = cpu.stop();
            pool.shutdown();
            // zero oversubscription: the answers and the stored quota agree with the seats
            assertEquals(SEATS, enrolled.get(), way.label);
            assertEquals(REQUESTS - SEATS, refused.get(), way.label);
            String quotas = api.send("GET", "/projects/" + round.project() + "/quotas", xinyang, null).body();
            assertEquals(true, quotas.contains("\"jurisdiction\":\"411523\",\"name\":\"新县\",\"seats\":" + SEATS + ",\"allocated\":0,\"used\":" + SEATS), quotas);
            List<Double> sorted = new ArrayList<>(latencies);
            Collections.sort(sorted);
            return new Result(REQUESTS / seconds, List.copyOf(sorted), spent.processMs() / REQUESTS, spent.machineBusy(), spent.stolen(), spent.perOperation(REQUESTS), spent.classesLoaded(), spent.compileMs() / REQUESTS, spent.compilersMs() / REQUESTS);
        }
    }

    /** A plain HTTP client for the benchmark. */
    static final class Client {
        final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
        final URI base;

        Client(URI base) {
            this.base = base;
        }

        String token(String claims) {
            String body = send("POST", "/dev/tokens", null, claims).body();
            return body.replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
        }

        String id(HttpResponse<String> r) {
            return r.body().replaceAll("^\\{\"id\":\"([^\"]+)\".*", "$1");
        }

        HttpResponse<String> send(String method, String path, String token, String body) {
            return send(method, path, token, body, "application/json");
        }

        HttpResponse<String> send(String method, String path, String token, String body, String contentType) {
            var b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
            if (body != null) b.header("Content-Type", contentType);
            if (token != null) b.header("Authorization", "Bearer " + token);
            try {
                return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
