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
import org.teachertraining.core.teacher.ImportTeachers;
import org.teachertraining.local.LocalRuntime;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import org.teachertraining.adapters.aws.FunctionEnvironment;
import org.teachertraining.adapters.aws.StoredJson;
import org.teachertraining.credits.CreditPostingHandler;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import java.nio.file.Files;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

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
 * Credit posting at volume, against its limit. {@code bench.completions} (100,000) completions, one trainee each,
 * posted by the platform in two rounds, and as many by the limit in two rounds, interleaved (platform, limit,
 * limit, platform) on one local runtime, after a warm-up that is not counted: a round of 1,000 each way, then rounds of
 * 1,000 through the platform until one in which the JIT compilers took under {@value CpuMeter#JIT_SETTLED} of the
 * CPU (as the rush's warm-up ends), at most {@value #MAX_WARM_UP}:
 * <ul>
 * <li>the platform: the completions sent to CreditPostingQueue as the API sends them (SqsCompletionQueue, 8
 * senders) while the local runtime's event source mapping (template.yaml's BatchSize and ScalingConfig) feeds
 * them to CreditPostingFunction, which checks, posts (ledger entries and the yearly aggregate in one
 * transaction), refreshes the compliance rows and issues a certificate PDF to S3 for each;</li>
 * <li>the limit: the same messages sent the same way to a queue of their own, received and deleted by as many
 * pollers as the mapping runs, with the same receive requests; for each message, the DynamoDB and S3 requests
 * of one posting, recorded from the function's own handler ({@link Replay}), sent again for that message's
 * project, teacher and completion — no handler, no use case.</li>
 * </ul>
 * Measured: postings per second from the first send until every message is done. Afterwards every teacher's
 * ledger is read back and must be complete and exact (the platform's compliance rows too), and nothing may be
 * in the dead-letter queue.
 *
 * <p>Set-up of each round (not timed): projects of 100 seats created over HTTP, teachers imported over HTTP,
 * seats booked through the enrollment adapter (the transaction the enrollment use case ends in); each teacher
 * is a trainee of 10 projects of the round, so each ledger collects 10 postings.
 */
class CreditPostingBenchmark {
    static final int COMPLETIONS = Integer.getInteger("bench.completions", 100_000);
    static final int ROUNDS_PER_WAY = 2;
    /** The warm-up's rounds: {@value #WARM_UP} completions each, at most {@value #MAX_WARM_UP} of the platform. */
    static final int WARM_UP = 1_000, MAX_WARM_UP = 20;
    static final int CLASS_SIZE = 100;
    static final int PROJECTS_PER_TEACHER = 10;
    /** 30 hours a completion, 300 a teacher: short of Henan's 360, so every teacher is on the county's compliance list. */
    static final int CENTRALIZED = 20, ONLINE = 10;

    /** One round's projects and teachers ({@code CB<round>-<n>}). */
    record Round(int index, String[] projects, int teacherCount) {
        String teacher(int t) {
            return "CB" + index + "-" + t;
        }

        int completions() {
            return projects.length * CLASS_SIZE;
        }

        String completionId(int project, int k) {
            return "C" + index + "-" + project + "-" + k;
        }
    }

    @Test
    void completionsThroughTheQueue() throws Exception {
        int perRound = COMPLETIONS / ROUNDS_PER_WAY;
        assertTrue(perRound % (CLASS_SIZE * PROJECTS_PER_TEACHER) == 0 && perRound > 0,
                "bench.completions must be a multiple of " + ROUNDS_PER_WAY * CLASS_SIZE * PROJECTS_PER_TEACHER);
        var figures = new LinkedHashMap<String, Double>();
        try (var runtime = LocalRuntime.start(new LocalRuntime.Options(LocalRuntime.findRoot(), 0, false, false, true))) {
            var bench = new Bench(runtime);
            System.out.println("credit posting: one posting's requests, as the limit sends them: " + Replay.mix(bench.template)
                    + " and a certificate of " + bench.pdf.length + " bytes");
            var results = new LinkedHashMap<Boolean, List<Timing>>();
            int round = 0;
            // the warm-up (not counted): a round each way, then the platform's rounds until the JIT compilers have settled
            for (int pass = 1; ; pass++) {
                double compilersShare = Double.NaN;
                for (boolean platform : pass == 1 ? new boolean[]{true, false} : new boolean[]{true}) {
                    var r = bench.setUp(++round, WARM_UP);
                    var timing = platform ? bench.platform(r) : bench.limit(r);
                    var spent = timing.cpu();
                    if (platform) compilersShare = spent.compilersShare();
                    System.out.printf("credit posting warm-up %d, %s: %.1f postings/s, the JIT compilers %.1f%% of the CPU (not counted)%n", pass,
                            platform ? "the platform" : "the limit", r.completions() / timing.posted(), 100 * spent.compilersShare());
                    verify(bench.table, r, platform);
                }
                // no account of compiling (NaN): one pass
                if (!(compilersShare >= CpuMeter.JIT_SETTLED) || pass >= MAX_WARM_UP) {
                    figures.put("warmUpRounds", (double) pass + 1);
                    break;
                }
            }
            for (boolean platform : new boolean[]{true, false, false, true}) {
                var r = bench.setUp(++round, perRound);
                var timing = platform ? bench.platform(r) : bench.limit(r);
                var spent = timing.cpu();
                System.out.printf("credit posting round %d, %s: %d completions sent in %.1f s; all posted after %.1f s: %.1f postings/s;"
                                + " CPU %.2f ms a posting, machine %.0f%% busy, %.0f%% stolen%n", r.index(), platform ? "the platform" : "the limit",
                        r.completions(), timing.sent(), timing.posted(), r.completions() / timing.posted(), spent.processMs() / r.completions(), 100 * spent.machineBusy(), 100 * spent.stolen());
                System.out.println("  CPU ms a posting by thread: " + spent.perOperation(r.completions()));
                verify(bench.table, r, platform);
                results.computeIfAbsent(platform, x -> new ArrayList<>()).add(timing);
            }
            int dead = Integer.parseInt(bench.sqs.getQueueAttributes(b -> b.queueUrl(bench.deadLetters).attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                    .attributes().get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES));
            assertEquals(0, dead, "messages in the dead-letter queue");
            double platformSeconds = results.get(true).stream().mapToDouble(Timing::posted).sum();
            double limitSeconds = results.get(false).stream().mapToDouble(Timing::posted).sum();
            figures.put("completions", (double) COMPLETIONS);
            figures.put("postingsPerSecond", COMPLETIONS / platformSeconds);
            figures.put("limit.postingsPerSecond", COMPLETIONS / limitSeconds);
            figures.put("ratioToLimit", limitSeconds / platformSeconds);
            figures.put("seconds", platformSeconds);
            System.out.printf("credit posting: the platform %.1f postings/s (%d in %.1f s), the limit %.1f postings/s (%d in %.1f s): %.2f of the limit%n",
                    COMPLETIONS / platformSeconds, COMPLETIONS, platformSeconds, COMPLETIONS / limitSeconds, COMPLETIONS, limitSeconds, limitSeconds / platformSeconds);
        }
        var better = new LinkedHashMap<String, Boolean>();
        better.put("ratioToLimit", true);
        Baseline.check("credit" + COMPLETIONS, figures, better);
    }

    /**
     * A round, from its first send until its queue was drained: the seconds its completions took to send, and until all
     * were posted; the CPU it took meanwhile.
     */
    record Timing(double sent, double posted, CpuMeter.Spent cpu) {}

    /** The runtime's queues, the tables, and one posting's recorded requests. */
    static final class Bench {
        final RushBenchmark.Client api;
        final String province, xinyang, program;
        final OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(8));
        final TrainingTable table;
        final S3Client s3;
        final SqsClient sqs;
        final String queueUrl, deadLetters, limitQueueUrl;
        final int pollers;
        final List<SdkRequest> template;
        final byte[] pdf;
        final String templateProject, templateTeacher, templateCompletion, templateCertificate;

        Bench(LocalRuntime runtime) throws Exception {
            api = new RushBenchmark.Client(runtime.api());
            province = api.token("{\"sub\":\"credit-bench\",\"role\":\"PROVINCE_ADMIN\",\"jurisdiction\":\"410000\"}");
            xinyang = api.token("{\"sub\":\"credit-bench-xy\",\"role\":\"CITY_ADMIN\",\"jurisdiction\":\"411500\"}");
            expect(200, api.send("PUT", "/institutions/HENU", province, "{\"name\":\"河南大学\",\"categories\":[\"CENTRALIZED\",\"ONLINE\"],\"validFrom\":\""
                    + now.minusYears(1).toLocalDate() + "\",\"validUntil\":\"" + now.plusYears(1).toLocalDate() + "\"}"));
            program = api.id(expect(201, api.send("POST", "/programs", province,
                    "{\"year\":2027,\"level\":\"PROVINCIAL\",\"name\":\"credit bench\",\"jurisdiction\":\"410000\"}")));
            // the limit's clients are built as the functions build theirs (AwsClients), without the local IAM check
            var dynamo = AwsClients.dynamoDb("local", runtime.dynamoDbEndpoint().toString());
            s3 = AwsClients.s3("local", runtime.s3Endpoint().toString());
            sqs = AwsClients.sqs("local", runtime.sqsEndpoint().toString());
            table = new TrainingTable(dynamo, "TrainingTable");
            queueUrl = sqs.getQueueUrl(b -> b.queueName("CreditPostingQueue")).queueUrl();
            deadLetters = sqs.getQueueUrl(b -> b.queueName("CreditPostingDeadLetters")).queueUrl();
            var attributes = sqs.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(QueueAttributeName.VISIBILITY_TIMEOUT)).attributes();
            limitQueueUrl = sqs.createQueue(b -> b.queueName("CreditPostingLimit").attributes(attributes)).queueUrl();
            var concurrency = java.util.regex.Pattern.compile("MaximumConcurrency: (\\d+)").matcher(Files.readString(LocalRuntime.findRoot().resolve("template.yaml")));
            pollers = concurrency.find() ? Integer.parseInt(concurrency.group(1)) : 1;

            // one posting recorded from the function's own handler, its clients carrying the recorder
            var recorder = new Replay.Recorder();
            var environment = runtime.functionEnvironment("CreditPostingFunction");
            var handler = new CreditPostingHandler(new FunctionEnvironment(environment.variables(), environment.clock(), List.of(recorder)));
            var first = setUp(0, CLASS_SIZE * PROJECTS_PER_TEACHER);
            handler.handleRequest(event(first, 1, 0), null);   // the requirement versions, kept for a minute, read before the recording
            template = recorder.during(() -> {
                var response = handler.handleRequest(event(first, 0, 0), null);
                assertTrue(response.getBatchItemFailures().isEmpty(), "the recorded posting failed");
            });
            templateProject = first.projects()[0];
            templateTeacher = first.teacher(CreditPostingBenchmark.trainee(0, 0, first.teacherCount()));
            templateCompletion = first.completionId(0, 0);
            var put = template.stream().filter(r -> r instanceof PutObjectRequest).map(r -> (PutObjectRequest) r).findFirst().orElseThrow();
            var certificates = Replay.ids(template, "CERTIFICATE#");
            certificates.removeIf(code -> code.contains("#"));   // the teacher's index entry: its date, then the code
            assertEquals(1, certificates.size(), "one certificate in " + Replay.mix(template) + ": " + certificates);
            templateCertificate = certificates.iterator().next();
            assertTrue(put.key().contains(templateCertificate), put.key());
            pdf = s3.getObjectAsBytes(b -> b.bucket(put.bucket()).key(put.key())).asByteArray();
        }

        /** A round's teachers, projects and seats, set up over HTTP and the enrollment adapter (not timed). */
        Round setUp(int index, int completions) throws Exception {
            int projectCount = completions / CLASS_SIZE, teacherCount = completions / PROJECTS_PER_TEACHER;
            var round = new Round(index, new String[projectCount], teacherCount);
            for (int from = 0; from < teacherCount; from += ImportTeachers.MAX_ROWS) {
                var csv = new StringBuilder("id,name,jurisdiction,stage,subjects,role,schoolLocation,teachingSince\n");
                for (int t = from; t < Math.min(teacherCount, from + ImportTeachers.MAX_ROWS); t++) csv.append(round.teacher(t)).append(",教师,411523,PRIMARY,语文,TEACHER,RURAL,2010-09-01\n");
                expect(200, api.send("POST", "/teachers:import", xinyang, csv.toString(), "text/csv"));
            }
            var enrollments = new DynamoDbEnrollments(table);
            var pool = Executors.newFixedThreadPool(8);
            var setUp = new ArrayList<Future<?>>();
            for (int p = 0; p < projectCount; p++) {
                int project = p;
                setUp.add(pool.submit(() -> {
                    String id = api.id(expect(201, api.send("POST", "/programs/" + program + "/projects", province, "{\"code\":\"CREDIT-" + index + "-" + project
                            + "\",\"name\":\"credit bench " + project + "\",\"category\":\"c\",\"phases\":[{\"kind\":\"CENTRALIZED\",\"days\":5},{\"kind\":\"ONLINE\",\"hours\":10}],"
                            + "\"totalHours\":50,\"classSize\":50,\"institutionId\":\"HENU\",\"selectionCutoff\":\"" + now.plusDays(30).withNano(0)
                            + "\",\"startDate\":\"" + now.plusDays(40).toLocalDate() + "\",\"endDate\":\"" + now.plusDays(45).toLocalDate() + "\"}")));
                    round.projects()[project] = id;
                    expect(200, api.send("PUT", "/projects/" + id + "/quotas/411500", province, "{\"seats\":" + CLASS_SIZE + "}"));
                    for (int k = 0; k < CLASS_SIZE; k++) {
                        String teacherId = round.teacher(trainee(project, k, teacherCount));
                        var e = new Enrollment(id + "-" + k, id, teacherId, "教师", "411523", "411500", EnrollmentStatus.SELECTED, null,
                                "credit bench " + project, ProgramLevel.PROVINCIAL, LocalDate.now().plusDays(40), "credit-bench", Instant.now(), null, null);
                        var booked = enrollments.book(e, null, null);
                        if (!(booked instanceof Booking.Booked)) throw new AssertionError(teacherId + " in " + id + ": " + booked);
                    }
                    return null;
                }));
            }
            for (var f : setUp) f.get();
            pool.shutdown();
            return round;
        }

        Completion completion(Round r, int project, int k) {
            return new Completion(r.completionId(project, k), r.projects()[project], "HENU", List.of(new Completion.Result(r.teacher(trainee(project, k, r.teacherCount())),
                    Completion.Outcome.PASSED, Map.of(CreditCategory.CENTRALIZED, CENTRALIZED, CreditCategory.ONLINE, ONLINE), null)), "henu", Instant.now());
        }

        /** The event the mapping would hand the function for one completion (as SqsCompletionQueue sends it). */
        SQSEvent event(Round r, int project, int k) {
            var message = new SQSEvent.SQSMessage();
            message.setMessageId(UUID.randomUUID().toString());
            message.setBody(StoredJson.write(completion(r, project, k)));
            var event = new SQSEvent();
            event.setRecords(List.of(message));
            return event;
        }

        /** Sends a round's completions with 8 senders; returns the seconds it took. */
        double send(Round r, String url) throws Exception {
            var queue = new SqsCompletionQueue(sqs, url);
            var pool = Executors.newFixedThreadPool(8);
            var sending = new ArrayList<Future<?>>();
            long t0 = System.nanoTime();
            for (int p = 0; p < r.projects().length; p++) {
                int project = p;
                sending.add(pool.submit(() -> {
                    for (int k = 0; k < CLASS_SIZE; k++) queue.send(completion(r, project, k));
                    return null;
                }));
            }
            for (var f : sending) f.get();
            pool.shutdown();
            return (System.nanoTime() - t0) / 1e9;
        }

        /** The platform's round: sent, then posted by the runtime's mapping until the queue is empty. */
        Timing platform(Round r) throws Exception {
            var cpu = CpuMeter.start();
            long t0 = System.nanoTime();
            double sent = send(r, queueUrl);
            drained(queueUrl);
            return new Timing(sent, (System.nanoTime() - t0) / 1e9, cpu.stop());
        }

        /**
         * Returns once the queue holds no message, visible or in flight: every message of the round was deleted, after its
         * posting. Both ways' rounds end here, looked at the same way (every 200 ms).
         */
        void drained(String url) throws InterruptedException {
            long lastProgress = System.nanoTime();
            int lastLeft = Integer.MAX_VALUE;
            while (true) {
                var a = sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
                int left = Integer.parseInt(a.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)) + Integer.parseInt(a.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
                if (left == 0) return;
                if (left < lastLeft) {
                    lastLeft = left;
                    lastProgress = System.nanoTime();
                }
                assertTrue(System.nanoTime() - lastProgress < 300e9, "the queue stopped draining with " + left + " messages left");
                Thread.sleep(200);
            }
        }

        /** The limit's round: the same messages, received, replayed and deleted by as many pollers as the mapping runs. */
        Timing limit(Round r) throws Exception {
            // each completion's requests, made before the clock starts
            var replays = new java.util.concurrent.ConcurrentHashMap<String, List<SdkRequest>>();
            for (int p = 0; p < r.projects().length; p++) {
                for (int k = 0; k < CLASS_SIZE; k++) {
                    String project = r.projects()[p], teacher = r.teacher(trainee(p, k, r.teacherCount())), completion = r.completionId(p, k);
                    String certificate = certificateLike(templateCertificate);
                    replays.put(completion, Replay.rewrite(template, s -> s.replace(templateProject, project).replace(templateTeacher, teacher)
                            .replace(templateCompletion, completion).replace(templateCertificate, certificate)));
                }
            }
            var done = new AtomicInteger();
            var workers = Executors.newFixedThreadPool(pollers);
            var polling = new ArrayList<Future<?>>();
            var cpu = CpuMeter.start();
            long t0 = System.nanoTime();
            for (int i = 0; i < pollers; i++) {
                polling.add(workers.submit(() -> {
                    while (done.get() < r.completions()) {
                        var messages = sqs.receiveMessage(b -> b.queueUrl(limitQueueUrl).maxNumberOfMessages(10).waitTimeSeconds(1)
                                .messageSystemAttributeNames(MessageSystemAttributeName.ALL).messageAttributeNames("All")).messages();
                        if (messages.isEmpty()) continue;
                        for (var m : messages) {
                            var matcher = COMPLETION_ID.matcher(m.body());
                            if (!matcher.find()) throw new AssertionError("no completion ID in " + m.body());
                            for (var request : replays.get(matcher.group(1))) {
                                if (request instanceof PutObjectRequest put) s3.putObject(put, RequestBody.fromBytes(pdf));
                                else Replay.send(table, List.of(request));
                            }
                        }
                        sqs.deleteMessageBatch(b -> b.queueUrl(limitQueueUrl).entries(messages.stream().map(m -> DeleteMessageBatchRequestEntry.builder()
                                .id(m.messageId()).receiptHandle(m.receiptHandle()).build()).toList()));
                        done.addAndGet(messages.size());
                    }
                    return null;
                }));
            }
            double sent = send(r, limitQueueUrl);
            drained(limitQueueUrl);
            double posted = (System.nanoTime() - t0) / 1e9;
            var spent = cpu.stop();
            // not counted: the pollers' last long polls of the empty queue (until 2026-12-04 the round ended only after them)
            for (var f : polling) f.get(30, TimeUnit.MINUTES);
            workers.shutdown();
            System.out.printf("  the limit's pollers ended %.2f s after the queue was drained%n", (System.nanoTime() - t0) / 1e9 - posted);
            return new Timing(sent, posted, spent);
        }
    }

    static final java.util.regex.Pattern COMPLETION_ID = java.util.regex.Pattern.compile("\"completionId\":\"([^\"]+)\"");

    /** A new certificate code of the recorded one's length, from its alphabet's kind (letters and digits). */
    static String certificateLike(String recorded) {
        var random = java.util.concurrent.ThreadLocalRandom.current();
        var code = new StringBuilder();
        for (char c : recorded.toCharArray()) {
            code.append(Character.isDigit(c) ? (char) ('0' + random.nextInt(10)) : Character.isUpperCase(c) ? (char) ('A' + random.nextInt(26))
                    : Character.isLowerCase(c) ? (char) ('a' + random.nextInt(26)) : c);
        }
        return code.toString();
    }

    /**
     * Every teacher of the round: 10 entries per category, one per project. The platform's compliance rows must add up
     * to them too; the limit's are copies of the recorded posting's and are not checked.
     */
    static void verify(TrainingTable table, Round round, boolean platform) {
        var ledger = new DynamoDbLedger(table);
        var aggregates = new DynamoDbComplianceAggregates(table);
        int entries = 0;
        for (int t = 0; t < round.teacherCount(); t++) {
            var mine = ledger.ofTeacher(round.teacher(t));
            entries += mine.size();
            assertEquals(2 * PROJECTS_PER_TEACHER, mine.size(), round.teacher(t) + " ledger: " + mine);
            assertEquals(PROJECTS_PER_TEACHER * (CENTRALIZED + ONLINE), mine.stream().mapToInt(e -> e.hours()).sum(), round.teacher(t));
            assertEquals(PROJECTS_PER_TEACHER, mine.stream().map(e -> e.projectId()).distinct().count(), round.teacher(t));
        }
        assertEquals(2 * PROJECTS_PER_TEACHER * round.teacherCount(), entries);
        if (!platform) {
            System.out.printf("credit posting: verified %d ledger entries of %d teachers%n", entries, round.teacherCount());
            return;
        }
        // the compliance rows of the county (Henan's 360-hour cycle): every teacher's earned hours are the ledger's
        var requirement = Requirements.seeds().all().stream().filter(r -> r.id().equals("HN-CYCLE")).findFirst().orElseThrow();
        int cycleFrom = Requirements.cycle(requirement, requirement.anchorYear(), LocalDate.now(ChinaTime.ZONE).getYear())[0];
        int rows = 0;
        String cursor = null;
        String prefix = round.teacher(0).substring(0, round.teacher(0).indexOf('-') + 1);
        do {
            var page = aggregates.shortIn("411523", "HN-CYCLE", cycleFrom, null, cursor, 500);
            for (var row : page.items()) {
                if (!row.teacherId().startsWith(prefix)) continue;
                rows++;
                assertEquals(PROJECTS_PER_TEACHER * (CENTRALIZED + ONLINE), row.earned(), row.toString());
                assertEquals(requirement.minHours() - row.earned(), row.shortBy(), row.toString());
            }
            cursor = page.nextCursor();
        } while (cursor != null);
        assertEquals(round.teacherCount(), rows, "compliance rows of the round's teachers");
        System.out.printf("credit posting: verified %d ledger entries of %d teachers and their %d compliance rows%n", entries, round.teacherCount(), rows);
    }

    /** The k-th trainee of project p: the teachers come in groups of a class, each group in every tenth project. */
    static int trainee(int project, int k, int teacherCount) {
        int groups = teacherCount / CLASS_SIZE;
        return (project % groups) * CLASS_SIZE + k;
    }

    static java.net.http.HttpResponse<String> expect(int status, java.net.http.HttpResponse<String> response) {
        if (response.statusCode() != status) throw new AssertionError(response.statusCode() + " " + response.uri() + ": " + response.body());
        return response;
    }
}
