package org.teachertraining.local.bench;

import org.junit.jupiter.api.Test;
import org.teachertraining.adapters.aws.AwsClients;
import org.teachertraining.adapters.dynamodb.DynamoDbComplianceAggregates;
import org.teachertraining.adapters.dynamodb.DynamoDbEnrollments;
import org.teachertraining.adapters.dynamodb.DynamoDbLedger;
import org.teachertraining.adapters.dynamodb.TrainingTable;
import org.teachertraining.adapters.sqs.SqsCompletionQueue;
import org.teachertraining.core.credit.Completion;
import org.teachertraining.core.credit.CreditCategory;
import org.teachertraining.core.credit.Requirements;
import org.teachertraining.core.common.ChinaTime;
import org.teachertraining.core.enrollment.Enrollment;
import org.teachertraining.core.enrollment.EnrollmentStatus;
import org.teachertraining.core.program.ProgramLevel;
import org.teachertraining.core.enrollment.Enrollments.Booking;
import org.teachertraining.local.LocalRuntime;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Credit posting at volume: {@code bench.completions} (100,000) completions, one trainee each, sent to
 * CreditPostingQueue as the API sends them (SqsCompletionQueue) while the local runtime's event source
 * mapping (template.yaml's BatchSize and ScalingConfig) feeds them to CreditPostingFunction, which checks,
 * posts (ledger entries and the yearly aggregate in one transaction), refreshes the compliance row and
 * issues a certificate PDF to S3 for each. Measured: postings per second from the first send until the
 * queue is drained. Afterwards every teacher's ledger and compliance row are read back and must be complete
 * and exact, and nothing may be in the dead-letter queue.
 *
 * <p>Set-up (not timed): projects of 100 seats (two classes of 50) created over HTTP, teachers imported over
 * HTTP, seats booked through the enrollment adapter (the transaction the enrollment use case ends in);
 * each teacher is a trainee of 10 projects, so each ledger collects 10 postings.
 */
class CreditPostingBenchmark {
    static final int COMPLETIONS = Integer.getInteger("bench.completions", 100_000);
    static final int CLASS_SIZE = 100;
    static final int PROJECTS_PER_TEACHER = 10;
    /** 30 hours a completion, 300 a teacher: short of Henan's 360, so every teacher is on the county's compliance list. */
    static final int CENTRALIZED = 20, ONLINE = 10;

    @Test
    void completionsThroughTheQueue() throws Exception {
        int projectCount = COMPLETIONS / CLASS_SIZE;
        int teacherCount = COMPLETIONS / PROJECTS_PER_TEACHER;
        assertTrue(projectCount % PROJECTS_PER_TEACHER == 0 && projectCount > 0, "bench.completions must be a multiple of " + CLASS_SIZE * PROJECTS_PER_TEACHER);
        var figures = new LinkedHashMap<String, Double>();
        try (var runtime = LocalRuntime.start(new LocalRuntime.Options(LocalRuntime.findRoot(), 0, false, false, true))) {
            var api = new RushBenchmark.Client(runtime.api());
            String province = api.token("{\"sub\":\"credit-bench\",\"role\":\"PROVINCE_ADMIN\",\"jurisdiction\":\"410000\"}");
            String xinyang = api.token("{\"sub\":\"credit-bench-xy\",\"role\":\"CITY_ADMIN\",\"jurisdiction\":\"411500\"}");
            var now = OffsetDateTime.now(ZoneOffset.ofHours(8));
            expect(200, api.send("PUT", "/institutions/HENU", province, "{\"name\":\"河南大学\",\"categories\":[\"CENTRALIZED\",\"ONLINE\"],\"validFrom\":\""
                    + now.minusYears(1).toLocalDate() + "\",\"validUntil\":\"" + now.plusYears(1).toLocalDate() + "\"}"));
            for (int from = 0; from < teacherCount; from += 2_000) {
                var csv = new StringBuilder("id,name,jurisdiction,stage,subjects,role,schoolLocation,teachingSince\n");
                for (int t = from; t < Math.min(teacherCount, from + 2_000); t++) csv.append(teacher(t)).append(",教师,411523,PRIMARY,语文,TEACHER,RURAL,2010-09-01\n");
                expect(200, api.send("POST", "/teachers:import", xinyang, csv.toString(), "text/csv"));
            }
            String program = api.id(expect(201, api.send("POST", "/programs", province,
                    "{\"year\":2027,\"level\":\"PROVINCIAL\",\"name\":\"credit bench\",\"jurisdiction\":\"410000\"}")));
            var table = new TrainingTable(AwsClients.dynamoDb("local", runtime.dynamoDbEndpoint().toString()), "TrainingTable");
            var enrollments = new DynamoDbEnrollments(table);
            var projects = new String[projectCount];
            var pool = Executors.newFixedThreadPool(8);
            var setUp = new ArrayList<Future<?>>();
            for (int p = 0; p < projectCount; p++) {
                int index = p;
                setUp.add(pool.submit(() -> {
                    projects[index] = api.id(expect(201, api.send("POST", "/programs/" + program + "/projects", province, "{\"code\":\"CREDIT-" + index
                            + "\",\"name\":\"credit bench " + index + "\",\"category\":\"c\",\"phases\":[{\"kind\":\"CENTRALIZED\",\"days\":5},{\"kind\":\"ONLINE\",\"hours\":10}],"
                            + "\"totalHours\":50,\"classSize\":50,\"institutionId\":\"HENU\",\"selectionCutoff\":\"" + now.plusDays(30).withNano(0)
                            + "\",\"startDate\":\"" + now.plusDays(40).toLocalDate() + "\",\"endDate\":\"" + now.plusDays(45).toLocalDate() + "\"}")));
                    expect(200, api.send("PUT", "/projects/" + projects[index] + "/quotas/411500", province, "{\"seats\":" + CLASS_SIZE + "}"));
                    for (int k = 0; k < CLASS_SIZE; k++) {
                        String teacherId = teacher(trainee(index, k, teacherCount));
                        var e = new Enrollment(projects[index] + "-" + k, projects[index], teacherId, "教师", "411523", "411500", EnrollmentStatus.SELECTED, null,
                                "credit bench " + index, ProgramLevel.PROVINCIAL, LocalDate.now().plusDays(40), "credit-bench", Instant.now(), null);
                        var booked = enrollments.book(e, null, null);
                        if (!(booked instanceof Booking.Booked)) throw new AssertionError(teacherId + " in " + projects[index] + ": " + booked);
                    }
                    return null;
                }));
            }
            for (var f : setUp) f.get();
            System.out.printf("credit posting: set up %d projects, %d teachers, %d seats%n", projectCount, teacherCount, COMPLETIONS);

            var sqs = AwsClients.sqs("local", runtime.sqsEndpoint().toString());
            String queueUrl = sqs.getQueueUrl(b -> b.queueName("CreditPostingQueue")).queueUrl();
            String deadLetters = sqs.getQueueUrl(b -> b.queueName("CreditPostingDeadLetters")).queueUrl();
            var queue = new SqsCompletionQueue(sqs, queueUrl);
            var sent = new AtomicInteger();
            long t0 = System.nanoTime();
            var sending = new ArrayList<Future<?>>();
            for (int p = 0; p < projectCount; p++) {
                int index = p;
                sending.add(pool.submit(() -> {
                    for (int k = 0; k < CLASS_SIZE; k++) {
                        String teacherId = teacher(trainee(index, k, teacherCount));
                        queue.send(new Completion("C-" + index + "-" + k, projects[index], "HENU", List.of(new Completion.Result(teacherId,
                                Completion.Outcome.PASSED, Map.of(CreditCategory.CENTRALIZED, CENTRALIZED, CreditCategory.ONLINE, ONLINE), null)),
                                "henu", Instant.now()));
                        sent.incrementAndGet();
                    }
                    return null;
                }));
            }
            for (var f : sending) f.get();
            double sendSeconds = (System.nanoTime() - t0) / 1e9;
            long lastProgress = System.nanoTime();
            int lastLeft = Integer.MAX_VALUE;
            while (true) {
                var a = sqs.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
                int left = Integer.parseInt(a.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)) + Integer.parseInt(a.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
                if (left == 0) break;
                if (left < lastLeft) {
                    lastLeft = left;
                    lastProgress = System.nanoTime();
                }
                assertTrue(System.nanoTime() - lastProgress < 300e9, "the queue stopped draining with " + left + " messages left");
                Thread.sleep(200);
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            pool.shutdown();
            System.out.printf("credit posting: %d completions sent in %.1f s; all posted after %.1f s: %.1f postings/s%n", sent.get(), sendSeconds, seconds, COMPLETIONS / seconds);

            int dead = Integer.parseInt(sqs.getQueueAttributes(b -> b.queueUrl(deadLetters).attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                    .attributes().get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES));
            assertEquals(0, dead, "messages in the dead-letter queue");
            verify(table, teacherCount);
            figures.put("completions", (double) COMPLETIONS);
            figures.put("postingsPerSecond", COMPLETIONS / seconds);
            figures.put("sendSeconds", sendSeconds);
            figures.put("seconds", seconds);
        }
        var better = new LinkedHashMap<String, Boolean>();
        better.put("postingsPerSecond", true);
        Baseline.check("credit" + COMPLETIONS, figures, better);
    }

    /** Every teacher: 10 entries per category, one per project, and a compliance row that adds up to them. */
    static void verify(TrainingTable table, int teacherCount) {
        var ledger = new DynamoDbLedger(table);
        var aggregates = new DynamoDbComplianceAggregates(table);
        int entries = 0;
        for (int t = 0; t < teacherCount; t++) {
            var mine = ledger.ofTeacher(teacher(t));
            entries += mine.size();
            assertEquals(2 * PROJECTS_PER_TEACHER, mine.size(), teacher(t) + " ledger: " + mine);
            assertEquals(PROJECTS_PER_TEACHER * (CENTRALIZED + ONLINE), mine.stream().mapToInt(e -> e.hours()).sum(), teacher(t));
            assertEquals(PROJECTS_PER_TEACHER, mine.stream().map(e -> e.projectId()).distinct().count(), teacher(t));
        }
        assertEquals(2 * PROJECTS_PER_TEACHER * teacherCount, entries);
        // the compliance rows of the county (Henan's 360-hour cycle): every teacher's earned hours are the ledger's
        var requirement = Requirements.seeds().all().stream().filter(r -> r.id().equals("HN-CYCLE")).findFirst().orElseThrow();
        int cycleFrom = Requirements.cycle(requirement, requirement.anchorYear(), LocalDate.now(ChinaTime.ZONE).getYear())[0];
        int rows = 0;
        String cursor = null;
        do {
            var page = aggregates.shortIn("411523", "HN-CYCLE", cycleFrom, null, cursor, 500);
            for (var row : page.items()) {
                if (!row.teacherId().startsWith("CB-")) continue;
                rows++;
                assertEquals(PROJECTS_PER_TEACHER * (CENTRALIZED + ONLINE), row.earned(), row.toString());
                assertEquals(requirement.minHours() - row.earned(), row.shortBy(), row.toString());
            }
            cursor = page.nextCursor();
        } while (cursor != null);
        assertEquals(teacherCount, rows, "compliance rows of the benchmark's teachers");
        System.out.printf("credit posting: verified %d ledger entries of %d teachers and their %d compliance rows%n", entries, teacherCount, rows);
    }

    /** The k-th trainee of project p: the teachers come in groups of a class, each group in every tenth project. */
    static int trainee(int project, int k, int teacherCount) {
        int groups = teacherCount / CLASS_SIZE;
        return (project % groups) * CLASS_SIZE + k;
    }

    static String teacher(int t) {
        return "CB-" + t;
    }

    static java.net.http.HttpResponse<String> expect(int status, java.net.http.HttpResponse<String> response) {
        if (response.statusCode() != status) throw new AssertionError(response.statusCode() + " " + response.uri() + ": " + response.body());
        return response;
    }
}
