package org.teachertraining.local.bench;

import org.junit.jupiter.api.Test;
import org.teachertraining.adapters.dynamodb.DynamoDbTeachers;
import org.teachertraining.adapters.dynamodb.TrainingTable;
import org.teachertraining.core.teacher.SchoolLocation;
import org.teachertraining.core.teacher.Stage;
import org.teachertraining.core.teacher.Teacher;
import org.teachertraining.core.teacher.TeacherRole;
import org.teachertraining.local.LocalRuntime;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.ZipInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A county's 100,000 teachers exported over HTTP as XLSX, from DynamoDB Local through the API's controller, the
 * list use case and the streamed sheet, as a bureau downloads it: how long, how big, and how much more heap
 * the runtime's live heap grew at most while answering (a full collection and a reading every 100 ms),
 * next to what the same 100,000 teachers take as objects. Run: mvn -B -Pbench verify -pl infrastructure/local -am
 * -Dlint.skip -Dit.test=ExportBenchmark
 */
class ExportBenchmark {
    static final int TEACHERS = 100_000;
    static final String COUNTY = "411528";   // 息县

    @Test
    void aHundredThousandTeachersExportWithoutHoldingThem() throws Exception {
        try (var runtime = LocalRuntime.start(new LocalRuntime.Options(LocalRuntime.findRoot(), 0, false, false, true))) {
            var client = DynamoDbClient.builder().endpointOverride(runtime.dynamoDbEndpoint()).region(Region.of("local"))
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                    .httpClient(UrlConnectionHttpClient.create()).build();
            var teachers = new DynamoDbTeachers(new TrainingTable(client, "TrainingTable"));
            long seeding = System.nanoTime();
            try (var pool = Executors.newFixedThreadPool(8)) {
                for (int t = 0; t < 8; t++) {
                    int from = t * (TEACHERS / 8), to = (t + 1) * (TEACHERS / 8);
                    pool.submit(() -> {
                        for (int i = from; i < to; i++) teachers.save(teacher(i));
                        return null;
                    });
                }
            }
            System.out.printf("seeded %,d teachers in %.1f s%n", TEACHERS, (System.nanoTime() - seeding) / 1e9);

            var api = new RushBenchmark.Client(runtime.api());
            String county = api.token("{\"sub\":\"export-bench\",\"role\":\"COUNTY_ADMIN\",\"jurisdiction\":\"" + COUNTY + "\"}");
            var memory = ManagementFactory.getMemoryMXBean();
            System.gc();
            long baseline = memory.getHeapMemoryUsage().getUsed();
            var peak = new AtomicLong(baseline);
            var sampling = new AtomicBoolean(true);
            // the live heap while the export runs: a full collection, then what is still used, every 100 ms
            var sampler = Thread.ofPlatform().daemon().start(() -> {
                while (sampling.get()) {
                    System.gc();
                    peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                    try { Thread.sleep(100); } catch (InterruptedException e) { return; }
                }
            });
            long started = System.nanoTime();
            var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            var response = http.send(HttpRequest.newBuilder(runtime.api().resolve("/teachers?jurisdiction=" + COUNTY + "&format=xlsx"))
                    .header("Authorization", "Bearer " + county).timeout(Duration.ofMinutes(5)).build(), HttpResponse.BodyHandlers.ofByteArray());
            double seconds = (System.nanoTime() - started) / 1e9;
            sampling.set(false);
            sampler.join();
            assertEquals(200, response.statusCode(), new String(response.body()));
            long rows = rows(new java.io.ByteArrayInputStream(response.body()));

            System.gc();
            long before = memory.getHeapMemoryUsage().getUsed();
            var held = new java.util.ArrayList<Teacher>(TEACHERS);
            for (int i = 0; i < TEACHERS; i++) held.add(teacher(i));
            System.gc();
            long asObjects = memory.getHeapMemoryUsage().getUsed() - before;
            System.out.printf("export of %,d teachers: %,d rows, %,d bytes of XLSX in %.1f s; live heap at most %,d bytes above the baseline while answering "
                    + "(the same teachers as objects: %,d bytes; ratio %.2f)%n", TEACHERS, rows - 1, response.body().length, seconds,
                    peak.get() - baseline, asObjects, (double) (peak.get() - baseline) / asObjects);
            assertEquals(TEACHERS + 1, rows, "every teacher and the header");
            assertTrue(held.size() == TEACHERS);
            assertTrue(seconds < 29, "within the API function's timeout: " + seconds + " s");
        }
    }

    static Teacher teacher(int i) {
        return new Teacher(String.format("XX%06d", i), "教师" + i, COUNTY, null, Stage.PRIMARY, List.of("语文"), TeacherRole.TEACHER,
                i % 3 == 0 ? SchoolLocation.URBAN : SchoolLocation.RURAL, LocalDate.of(2000 + i % 20, 9, 1), null);
    }

    static long rows(InputStream xlsx) throws Exception {
        try (var zip = new ZipInputStream(xlsx)) {
            for (var e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (!e.getName().equals("xl/worksheets/sheet1.xml")) continue;
                var xml = new String(zip.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                long n = 0;
                for (int at = xml.indexOf("<row "); at >= 0; at = xml.indexOf("<row ", at + 1)) n++;
                return n;
            }
        }
        return -1;
    }
}
