package org.teachertraining.local.bench;

import org.junit.jupiter.api.Test;
import org.teachertraining.local.LocalRuntime;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The enrollment rush: N concurrent clients (1, 8, 64) enrolling distinct teachers into one project whose
 * county holds 200 seats, 400 requests in all, over HTTP against the local runtime (DynamoDB Local in the
 * same JVM). Reports throughput and p50/p99 latency, and verifies afterwards that exactly 200 seats were
 * taken and every other answer was 409 E1. Ratios to N = 1 are what the baseline holds.
 */
class RushBenchmark {
    static final int SEATS = 200, REQUESTS = 400;

    @Test
    void rush() throws Exception {
        var figures = new LinkedHashMap<String, Double>();
        var better = new LinkedHashMap<String, Boolean>();
        try (var runtime = LocalRuntime.start(new LocalRuntime.Options(LocalRuntime.findRoot(), 0, false, false, true))) {
            var api = new Client(runtime.api());
            double single = 0;
            for (int n : new int[]{1, 8, 64}) {
                var r = run(api, n);
                if (n == 1) single = r.throughput;
                System.out.printf("rush N=%d: %.1f requests/s, p50 %.1f ms, p99 %.1f ms, %d enrolled, %d refused E1%n",
                        n, r.throughput, r.p50, r.p99, r.enrolled, r.refused);
                figures.put("N" + n + ".throughput", r.throughput);
                figures.put("N" + n + ".p50ms", r.p50);
                figures.put("N" + n + ".p99ms", r.p99);
                figures.put("N" + n + ".throughputRatioToN1", r.throughput / single);
                better.put("N" + n + ".throughputRatioToN1", true);
            }
        }
        Baseline.check("rush", figures, better);
    }

    record Result(double throughput, double p50, double p99, int enrolled, int refused) {}

    static Result run(Client api, int clients) throws Exception {
        String province = api.token("{\"sub\":\"bench\",\"role\":\"PROVINCE_ADMIN\",\"jurisdiction\":\"410000\"}");
        String xinyang = api.token("{\"sub\":\"bench-xy\",\"role\":\"CITY_ADMIN\",\"jurisdiction\":\"411500\"}");
        String program = api.id(api.send("POST", "/programs", province, "{\"year\":2027,\"level\":\"PROVINCIAL\",\"name\":\"rush " + clients + "\",\"jurisdiction\":\"410000\"}"));
        var now = java.time.OffsetDateTime.now(java.time.ZoneOffset.ofHours(8));
        String project = api.id(api.send("POST", "/programs/" + program + "/projects", province, "{\"code\":\"RUSH-" + clients + "\",\"name\":\"rush\","
                + "\"category\":\"c\",\"phases\":[{\"kind\":\"CENTRALIZED\",\"days\":5}],\"totalHours\":40,\"classSize\":50,\"institutionId\":\"HENU\","
                + "\"selectionCutoff\":\"" + now.plusDays(30).withNano(0) + "\",\"startDate\":\"" + now.plusDays(40).toLocalDate() + "\",\"endDate\":\""
                + now.plusDays(45).toLocalDate() + "\"}"));
        api.send("PUT", "/projects/" + project + "/quotas/411500", province, "{\"seats\":" + SEATS + "}");
        api.send("PUT", "/projects/" + project + "/quotas/411523", xinyang, "{\"seats\":" + SEATS + "}");
        var csv = new StringBuilder("id,name,jurisdiction,stage,subjects,role,schoolLocation,teachingSince\n");
        for (int i = 0; i < REQUESTS; i++) csv.append("R").append(clients).append('-').append(i).append(",教师,411523,PRIMARY,语文,TEACHER,RURAL,2010-09-01\n");
        api.send("POST", "/teachers:import", xinyang, csv.toString(), "text/csv");

        var latencies = new ConcurrentLinkedQueue<Double>();
        var next = new AtomicInteger();
        var enrolled = new AtomicInteger();
        var refused = new AtomicInteger();
        var pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            pool.submit(() -> {
                for (int i; (i = next.getAndIncrement()) < REQUESTS; ) {
                    long t = System.nanoTime();
                    int status = api.send("POST", "/projects/" + project + "/enrollments", xinyang, "{\"teacherId\":\"R" + clients + "-" + i + "\"}").statusCode();
                    latencies.add((System.nanoTime() - t) / 1e6);
                    if (status == 201) enrolled.incrementAndGet();
                    else if (status == 409) refused.incrementAndGet();
                }
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(10, TimeUnit.MINUTES);
        double seconds = (System.nanoTime() - start) / 1e9;
        // zero oversubscription: the answers and the stored quota agree with the seats
        assertEquals(SEATS, enrolled.get());
        assertEquals(REQUESTS - SEATS, refused.get());
        String quotas = api.send("GET", "/projects/" + project + "/quotas", xinyang, null).body();
        assertEquals(true, quotas.contains("\"jurisdiction\":\"411523\",\"name\":\"新县\",\"seats\":" + SEATS + ",\"allocated\":0,\"used\":" + SEATS), quotas);
        List<Double> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        return new Result(REQUESTS / seconds, sorted.get(sorted.size() / 2), sorted.get((int) Math.ceil(sorted.size() * 0.99) - 1), enrolled.get(), refused.get());
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
