package org.teachertraining.local;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.teachertraining.adapters.aws.AwsClients;
import org.teachertraining.adapters.dynamodb.DynamoDbComplianceAggregates;
import org.teachertraining.adapters.dynamodb.DynamoDbIntegrityRecords;
import org.teachertraining.adapters.dynamodb.DynamoDbLedger;
import org.teachertraining.adapters.dynamodb.DynamoDbTrainingHours;
import org.teachertraining.adapters.dynamodb.TrainingTable;
import org.teachertraining.core.credit.ComplianceRow;
import org.teachertraining.core.credit.Requirements;
import org.teachertraining.core.integrity.IntegrityRecord;
import org.teachertraining.credits.CreditPostingHandler;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.time.Year;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Credit posting through the real queue of template.yaml and the local SQS event source mapping:
 * exactly once under redelivery and racing consumers (C5), partial batch failure.
 */
class CreditPostingIT {
    static Api api;
    static String project;
    static SqsClient sqs;
    static String queueUrl;
    static TrainingTable table;
    /** The year the project's hours are credited to: the year its training ends (its end date). */
    static int creditYear;

    @BeforeAll
    static void setUp() throws Exception {
        api = Api.shared();
        String province = api.token("cp-province", "PROVINCE_ADMIN", "410000");
        String xinyang = api.token("cp-xinyang", "CITY_ADMIN", "411500");
        project = api.project(province, "CREDITS-1", null);
        creditYear = java.time.LocalDate.parse(api.send("GET", "/projects/" + project, province, null).json().get("endDate").asText()).getYear();
        var year = java.time.LocalDate.now().getYear();
        var henu = api.send("PUT", "/institutions/HENU", province, "{\"name\":\"河南大学\",\"categories\":[\"CENTRALIZED\",\"ONLINE\",\"SCHOOL_BASED\",\"PRACTICE\"],"
                + "\"validFrom\":\"" + (year - 1) + "-01-01\",\"validUntil\":\"" + (year + 1) + "-12-31\"}");
        assertEquals(200, henu.status(), henu.toString());
        api.send("PUT", "/projects/" + project + "/quotas/411500", province, "{\"seats\":5}");
        api.send("PUT", "/projects/" + project + "/quotas/411500", province, "{\"seats\":10}");
        api.importTeachers(xinyang, "CP-", "411523", 8);
        for (int i = 0; i < 8; i++) {
            assertEquals(201, api.send("POST", "/projects/" + project + "/enrollments", xinyang, "{\"teacherId\":\"CP-" + i + "\"}").status());
        }
        sqs = SqsClient.builder().endpointOverride(Api.runtime().sqsEndpoint()).region(Region.of("local"))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create()).build();
        queueUrl = sqs.getQueueUrl(b -> b.queueName("CreditPostingQueue")).queueUrl();
        table = new TrainingTable(AwsClients.dynamoDb("local", Api.runtime().dynamoDbEndpoint().toString()), "TrainingTable");
    }

    static String completion(String id, String results) {
        return "{\"completionId\":\"" + id + "\",\"projectId\":\"" + project + "\",\"institutionId\":\"HENU\",\"results\":[" + results
                + "],\"recordedBy\":\"henu\",\"recordedAt\":\"" + java.time.Instant.now() + "\"}";
    }

    static String passed(String teacher, String hours) {
        return "{\"teacherId\":\"" + teacher + "\",\"outcome\":\"PASSED\",\"hours\":{" + hours + "}}";
    }

    /** A project of {@code size} seats in 新县, each taken by a teacher imported as {@code prefix} + number. */
    static String classOf(String code, String prefix, int size) throws Exception {
        String province = api.token("cp-province", "PROVINCE_ADMIN", "410000");
        String xinyang = api.token("cp-xinyang", "CITY_ADMIN", "411500");
        String p = api.project(province, code, null);
        assertEquals(200, api.send("PUT", "/projects/" + p + "/quotas/411500", province, "{\"seats\":" + size + "}").status());
        api.importTeachers(xinyang, prefix, "411523", size);
        for (int i = 0; i < size; i++) {
            assertEquals(201, api.send("POST", "/projects/" + p + "/enrollments", xinyang, "{\"teacherId\":\"" + prefix + i + "\"}").status());
        }
        return p;
    }

    /** The completion message of {@link #classOf}'s class, every trainee passed with 10 centralized hours. */
    static String passedClass(String completionId, String classProject, String prefix, int size) {
        var trainees = new ArrayList<String>();
        for (int i = 0; i < size; i++) trainees.add(passed(prefix + i, "\"CENTRALIZED\":10"));
        return completion(completionId, String.join(",", trainees)).replace(project, classProject);
    }

    /** Each trainee of {@link #classOf}'s class holds one ledger entry of the completion, its 10 hours. */
    static void assertEachCreditedOnce(String completionId, String prefix, int size) {
        var ledger = new DynamoDbLedger(table);
        for (int i = 0; i < size; i++) {
            var entries = ledger.ofTeacher(prefix + i).stream().filter(e -> e.source().equals(completionId)).toList();
            assertEquals(1, entries.size(), prefix + i);
            assertEquals(10, entries.get(0).hours());
        }
    }

    /** The messages in flight on the queue before a test sends its own: not the test's (below). */
    static int foreignInFlight;

    @BeforeEach
    void countForeignMessages() {
        foreignInFlight = Integer.parseInt(queueCounts().get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
    }

    static java.util.Map<QueueAttributeName, String> queueCounts() {
        return sqs.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
    }

    /**
     * Waits until the test's messages have left the queue: none visible, and no more in flight than before the test sent
     * them. The queue also carries the compliance refresh's work: a refresh that failed while another test started and
     * stopped emulators in this JVM waits out the queue's 180 s visibility timeout in flight (it failed so in two full
     * runs, 2026-12-07, and this wait, counting the whole queue, then failed on it). A sync point, not a measure of speed.
     */
    static void awaitDrained() throws InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        java.util.Map<QueueAttributeName, String> counts = java.util.Map.of();
        while (System.currentTimeMillis() < deadline) {
            counts = queueCounts();
            if (counts.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES).equals("0")
                    && Integer.parseInt(counts.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)) <= foreignInFlight) return;
            Thread.sleep(100);
        }
        throw new AssertionError("the credit-posting queue did not drain in 60 s: " + counts + ", " + foreignInFlight + " in flight before the test");
    }

    @Test
    void theSameCompletionDeliveredFiveTimesPostsOnce() throws Exception {
        String body = completion("C-FIVE", passed("CP-0", "\"CENTRALIZED\":64,\"ONLINE\":30") + ","
                + "{\"teacherId\":\"CP-1\",\"outcome\":\"NO_SHOW\"}");
        for (int i = 0; i < 5; i++) sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(body));
        awaitDrained();
        var ledger = new DynamoDbLedger(table).ofTeacher("CP-0").stream().filter(e -> e.source().equals("C-FIVE")).toList();
        assertEquals(2, ledger.size());
        assertEquals(94, ledger.stream().mapToInt(e -> e.hours()).sum());
        assertTrue(new DynamoDbTrainingHours(table).creditedIn("CP-0", creditYear) >= 94);
        assertEquals(1, new DynamoDbIntegrityRecords(table).ofTeacher("CP-1").size());

        // one certificate for the passed trainee: the PDF in S3, and public verification without a token
        String code = new org.teachertraining.adapters.dynamodb.DynamoDbProjectResults(table).find(project, "CP-0").orElseThrow().certificateCode();
        assertTrue(code.matches("[A-HJ-NP-Z2-9]{16}"), code);
        try (var s3 = org.teachertraining.adapters.aws.AwsClients.s3("us-east-1", Api.runtime().s3Endpoint().toString())) {
            byte[] pdf = s3.getObjectAsBytes(b -> b.bucket("certificatesbucket").key("certificates/" + code + ".pdf")).asByteArray();
            String text = new String(pdf, java.nio.charset.StandardCharsets.ISO_8859_1);
            assertTrue(text.startsWith("%PDF-1.4") && text.contains("/Type /Page ") && text.trim().endsWith("%%EOF"), text.substring(0, 40));
            assertEquals(1, s3.listObjectsV2(b -> b.bucket("certificatesbucket").prefix("certificates/" + code)).keyCount());
        }
        var verified = api.send("GET", "/certificates/" + code, null, null);
        assertEquals(200, verified.status(), verified.toString());
        assertEquals(94, verified.json().get("hours").asInt());
        assertEquals("教*0", verified.json().get("teacher").asText()); // 教师0, masked
        assertTrue(verified.json().path("teacherId").isMissingNode());
        BadInputIT.problem(api.send("GET", "/certificates/NOSUCHCODE", null, null), 404, null);
        // typed from the paper: in lower case, in groups of four — the same certificate (the console also takes out spaces
        // and reads full-width characters, which a path does not carry)
        String grouped = code.substring(0, 4) + "-" + code.substring(4, 8) + "-" + code.substring(8, 12) + "-" + code.substring(12);
        for (String typed : List.of(code.toLowerCase(java.util.Locale.ROOT), grouped, grouped.toLowerCase(java.util.Locale.ROOT))) {
            var found = api.send("GET", "/certificates/" + typed, null, null);
            assertEquals(200, found.status(), typed + ": " + found);
            assertEquals(code, found.json().get("code").asText());
        }

        // the teacher's own certificates, each with a link to its PDF that S3 answers as the API function's role allows
        var mine = api.send("POST", "/dev/tokens", null, "{\"sub\":\"cp-0\",\"role\":\"TEACHER\",\"jurisdiction\":\"411523\",\"teacherId\":\"CP-0\"}");
        String self = mine.json().get("token").asText();
        var certificates = api.send("GET", "/teachers/CP-0/certificates", self, null);
        assertEquals(200, certificates.status(), certificates.toString());
        var certificate = certificates.json().get("items").get(0);
        assertEquals(code, certificate.get("code").asText());
        assertEquals(94, certificate.get("hours").asInt());
        var pdf = api.http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(certificate.get("download").get("url").asText())).build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, pdf.statusCode(), new String(pdf.body()));
        assertEquals("application/pdf", pdf.headers().firstValue("Content-Type").orElse(""));
        assertTrue(new String(pdf.body(), java.nio.charset.StandardCharsets.ISO_8859_1).startsWith("%PDF-1.4"));
        String other = api.send("POST", "/dev/tokens", null, "{\"sub\":\"cp-1\",\"role\":\"TEACHER\",\"jurisdiction\":\"411523\",\"teacherId\":\"CP-1\"}")
                .json().get("token").asText();
        assertEquals(403, api.send("GET", "/teachers/CP-0/certificates", other, null).status(), "another teacher's certificates");
        assertEquals(403, api.send("GET", "/teachers/CP-0/certificates", api.token("cp-gs", "COUNTY_ADMIN", "411522"), null).status(),
                "a neighbouring county's");
        assertEquals(200, api.send("GET", "/teachers/CP-0/certificates", api.token("cp-xy", "CITY_ADMIN", "411500"), null).status(), "the city above");

        // the transcript over HTTP, then a correction that reverses exactly the online entry
        String xinxian = api.token("cp-xx", "COUNTY_ADMIN", "411523");
        var transcript = api.send("GET", "/teachers/CP-0/transcript", xinxian, null).json();
        // who asks is answered before the query's shape: an admin outside the teacher's county learns nothing from it
        BadInputIT.problem(api.send("GET", "/teachers/CP-0/transcript?year=abc", api.token("cp-gs", "COUNTY_ADMIN", "411522"), null), 403, null);
        BadInputIT.problem(api.send("GET", "/teachers/CP-0/transcript?year=abc", xinxian, null), 400, "year");
        int year = creditYear;
        assertEquals(30, transcript.get("hoursByYear").get(String.valueOf(year)).get("ONLINE").asInt(), transcript.toString());
        var cycle = transcript.get("requirements").get(0);
        assertEquals("HN-CYCLE", cycle.get("requirementId").asText());
        int shortBefore = cycle.get("shortBy").asInt();
        var reversal = api.send("POST", "/teachers/CP-0/credits/C-FIVE:CP-0:ONLINE/reversal", xinxian, "{\"reason\":\"重复登记\"}");
        assertEquals(201, reversal.status(), reversal.toString());
        assertEquals(-30, reversal.json().get("hours").asInt());
        var after = api.send("GET", "/teachers/CP-0/transcript", xinxian, null).json();
        assertEquals(0, after.get("hoursByYear").get(String.valueOf(year)).get("ONLINE").asInt());
        assertEquals(shortBefore + 30, after.get("requirements").get(0).get("shortBy").asInt());
        BadInputIT.problem(api.send("POST", "/teachers/CP-0/credits/C-FIVE:CP-0:ONLINE/reversal", xinxian, "{}"), 400, "reason");
    }

    @Test
    void twoConsumersRacingOnOneMessagePostOnce() throws Exception {
        var event = event(completion("C-RACE", passed("CP-2", "\"ONLINE\":10")));
        var first = new CreditPostingHandler(Api.runtime().functionEnvironment("CreditPostingFunction"));
        var second = new CreditPostingHandler(Api.runtime().functionEnvironment("CreditPostingFunction"));
        int year = creditYear;
        int before = new DynamoDbTrainingHours(table).creditedIn("CP-2", year);
        var a = CompletableFuture.supplyAsync(() -> first.handleRequest(event, new LocalLambdaContext("a", 30)));
        var b = CompletableFuture.supplyAsync(() -> second.handleRequest(event, new LocalLambdaContext("b", 30)));
        assertTrue(a.get().getBatchItemFailures().isEmpty());
        assertTrue(b.get().getBatchItemFailures().isEmpty());
        assertEquals(1, new DynamoDbLedger(table).ofTeacher("CP-2").stream().filter(e -> e.source().equals("C-RACE")).count());
        assertEquals(before + 10, new DynamoDbTrainingHours(table).creditedIn("CP-2", year));
    }

    @Test
    void aClassOfSixtyIsCheckedOnFourRequests_andEveryTraineeIsCreditedOnce() throws Exception {
        String big = classOf("CREDITS-60", "CL-", 60);
        String body = passedClass("C-CLASS60", big, "CL-", 60);

        // the check against DynamoDB Local, every request it sends counted: the project and the institution, the 120 keys
        // of the trainees' seats and teacher records in batches of at most 100, then the program for the plan's bound
        var sent = new java.util.concurrent.CopyOnWriteArrayList<String>();
        var counted = new TrainingTable(AwsClients.dynamoDb("local", Api.runtime().dynamoDbEndpoint().toString(), List.of(counting(sent))), "TrainingTable");
        var check = new org.teachertraining.core.credit.CheckCompletion(new org.teachertraining.adapters.dynamodb.DynamoDbCompletionRecords(counted),
                new org.teachertraining.adapters.dynamodb.DynamoDbPrograms(counted), org.teachertraining.core.credit.RequirementBook.seedsOnly());
        var completion = org.teachertraining.adapters.aws.StoredJson.read(body, org.teachertraining.core.credit.Completion.class);
        var checked = ((org.teachertraining.core.common.Outcome.Done<org.teachertraining.core.credit.CheckCompletion.Checked>) check.checked(completion)).value();
        assertEquals(60, checked.seats().size());
        assertEquals(60, checked.teachers().size());
        assertEquals(List.of("BatchGetItem(2)", "BatchGetItem(100)", "BatchGetItem(20)", "GetItem"), List.copyOf(sent));

        // posted from the queue: each of the sixty credited once
        sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(body));
        awaitDrained();
        assertEachCreditedOnce("C-CLASS60", "CL-", 60);
    }

    /**
     * A completion is sent as the API sends it ({@code SqsCompletionQueue}) in parts of at most ten results, each a
     * completion of the same ID: ten completions of 100 trainees in one batch of the event source outlasted the function's
     * 30 s locally, and the whole batch went back to the queue. Read off a queue of the test's own, then posted from the
     * credit-posting queue: every trainee credited once.
     */
    @Test
    void aCompletionOfTwentyFiveGoesAsThreeMessages_andEveryTraineeIsCreditedOnce() throws Exception {
        String class25 = classOf("CREDITS-25", "CX-", 25);
        var completion = org.teachertraining.adapters.aws.StoredJson.read(passedClass("C-PARTS", class25, "CX-", 25),
                org.teachertraining.core.credit.Completion.class);

        String own = sqs.createQueue(b -> b.queueName("CompletionPartsIT")).queueUrl();
        new org.teachertraining.adapters.sqs.SqsCompletionQueue(sqs, own).send(completion);
        var bodies = new ArrayList<String>();
        for (int polls = 0; polls < 10 && bodies.size() < 3; polls++) {
            sqs.receiveMessage(b -> b.queueUrl(own).maxNumberOfMessages(10).waitTimeSeconds(1)).messages().forEach(m -> bodies.add(m.body()));
        }
        sqs.deleteQueue(b -> b.queueUrl(own));
        var parts = bodies.stream().map(b -> org.teachertraining.adapters.aws.StoredJson.read(b, org.teachertraining.core.credit.Completion.class)).toList();
        assertEquals(List.of(5, 10, 10), parts.stream().map(c -> c.results().size()).sorted().toList());
        assertTrue(parts.stream().allMatch(c -> c.completionId().equals("C-PARTS") && c.projectId().equals(class25)), bodies.toString());

        new org.teachertraining.adapters.sqs.SqsCompletionQueue(sqs, queueUrl).send(completion);
        awaitDrained();
        assertEachCreditedOnce("C-PARTS", "CX-", 25);
    }

    @Test
    void badMessagesFailAloneAndTheRestOfTheBatchPosts() {
        var good = completion("C-BATCH", passed("CP-3", "\"ONLINE\":8"));
        var unknownTeacher = completion("C-BAD", passed("NOBODY", "\"ONLINE\":8"));
        var negative = completion("C-NEG", passed("CP-2", "\"ONLINE\":-8"));
        var unknownCategory = completion("C-CAT", passed("CP-2", "\"KARAOKE\":8"));
        var event = event(good, "{not json", unknownTeacher, negative, unknownCategory);
        var response = new CreditPostingHandler(Api.runtime().functionEnvironment("CreditPostingFunction")).handleRequest(event, new LocalLambdaContext("batch", 30));
        assertEquals(List.of("m1", "m2", "m3", "m4"), response.getBatchItemFailures().stream().map(f -> f.getItemIdentifier()).toList());
        assertEquals(1, new DynamoDbLedger(table).ofTeacher("CP-3").stream().filter(e -> e.source().equals("C-BATCH")).count());
        var ledger = new DynamoDbLedger(table).ofTeacher("CP-2");
        assertTrue(ledger.stream().noneMatch(e -> e.source().equals("C-NEG") || e.source().equals("C-CAT")));
    }

    @Test
    void theInstitutionRecordsCompletionOverHttp_andItIsPostedFromTheQueue() throws Exception {
        String henu = api.send("POST", "/dev/tokens", null, "{\"sub\":\"henu\",\"role\":\"INSTITUTION\",\"institutionId\":\"HENU\"}").json().get("token").asText();
        String zzu = api.send("POST", "/dev/tokens", null, "{\"sub\":\"zzu\",\"role\":\"INSTITUTION\",\"institutionId\":\"ZZU\"}").json().get("token").asText();
        String body = "{\"completionId\":\"C-HTTP\",\"results\":[" + passed("CP-1", "\"PRACTICE\":12") + "]}";
        BadInputIT.problem(api.send("POST", "/projects/" + project + "/completions", zzu, body), 403, null);
        assertEquals("NOBODY", BadInputIT.refusedBy(api.send("POST", "/projects/" + project + "/completions", henu,
                "{\"completionId\":\"C-HTTP-BAD\",\"results\":[" + passed("NOBODY", "\"ONLINE\":12") + "]}"), 422, "C4").get("teacherId").asText());
        var otherCase = BadInputIT.refusedBy(api.send("POST", "/projects/" + project + "/completions", henu,
                "{\"completionId\":\"C-HTTP-BAD\",\"results\":[" + passed("cp-1", "\"ONLINE\":12") + "]}"), 422, "C4");
        assertTrue(otherCase.get("detail").asText().contains("已登记的教师编号是 CP-1"), otherCase.toString());   // the seat holder's ID, for a clerk's case
        BadInputIT.problem(api.send("POST", "/projects/" + project + "/completions", henu,
                "{\"completionId\":\"C-HTTP-BAD\",\"results\":[" + passed("CP-1", "\"KARAOKE\":12") + "]}"), 400, null);
        var overPlan = BadInputIT.refusedBy(api.send("POST", "/projects/" + project + "/completions", henu,
                "{\"completionId\":\"C-HTTP-SHADOW\",\"results\":[" + passed("CP-1", "\"SHADOWING\":12") + "]}"), 422, "C4");
        assertEquals(0, overPlan.get("bound").asInt());   // the project has no shadowing phase
        // this project never applied, so the province never approved it: no completion is taken (LifecycleIT takes one)
        var unapproved = BadInputIT.refusedBy(api.send("POST", "/projects/" + project + "/completions", henu,
                "{\"completionId\":\"C-HTTP\",\"results\":[" + passed("CP-1", "\"ONLINE\":12") + "]}"), 409, "C4");
        assertEquals("NONE", unapproved.get("phase").asText());
        assertTrue(new DynamoDbLedger(table).ofTeacher("CP-1").stream().noneMatch(e -> e.source().startsWith("C-HTTP")));
        assertTrue(new org.teachertraining.adapters.dynamodb.DynamoDbProjectResults(table).find(project, "CP-1").map(r -> r.completionId())
                .filter(id -> id.startsWith("C-HTTP")).isEmpty());
    }

    @Test
    void c5_eightCompletionsWithDifferentIdsRacingForOneTraineeCreditOnce() throws Exception {
        int year = creditYear;
        var handler = new CreditPostingHandler(Api.runtime().functionEnvironment("CreditPostingFunction"));
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            var start = new java.util.concurrent.CountDownLatch(1);
            var runs = new java.util.ArrayList<java.util.concurrent.Future<?>>();
            for (int i = 0; i < 8; i++) {
                var event = event(completion("C-R8-" + i, passed("CP-5", "\"CENTRALIZED\":60")));
                runs.add(pool.submit(() -> {
                    start.await();
                    return handler.handleRequest(event, new LocalLambdaContext("r8", 30));
                }));
            }
            start.countDown();
            for (var r : runs) r.get();
        } finally {
            pool.shutdown();
        }
        var entries = new DynamoDbLedger(table).ofTeacher("CP-5");
        assertEquals(1, entries.size(), entries.toString());
        assertEquals(60, new DynamoDbTrainingHours(table).creditedIn("CP-5", year));
        var result = new org.teachertraining.adapters.dynamodb.DynamoDbProjectResults(table).find(project, "CP-5").orElseThrow();
        assertEquals(entries.get(0).source(), result.completionId());
        // and a later no-show from yet another completion adds no ban behind the credited hours
        new CreditPostingHandler(Api.runtime().functionEnvironment("CreditPostingFunction")).handleRequest(event(completion("C-R8-NOSHOW", "{\"teacherId\":\"CP-5\",\"outcome\":\"NO_SHOW\"}")),
                new LocalLambdaContext("r8", 30));
        assertTrue(new DynamoDbIntegrityRecords(table).ofTeacher("CP-5").isEmpty());
    }

    /**
     * E4 after the selection: CPD-0, selected for two provincial projects that have not started, is dismissed from the
     * first. Posting the dismissal (the real queue, the function's own role) releases the seat in the second, and the
     * teacher waiting for it takes it (E7); the seat in the first, where the record comes from, stays.
     */
    @Test
    void e4_aDismissalReleasesTheTraineesSeatInALaterProvincialProject_toItsWaitlist() throws Exception {
        String province = api.token("cp-province", "PROVINCE_ADMIN", "410000");
        String xinyang = api.token("cp-xinyang", "CITY_ADMIN", "411500");
        String first = api.project(province, "CREDITS-2", null), later = api.project(province, "CREDITS-3", null);
        api.importTeachers(xinyang, "CPD-", "411523", 2);
        for (var p : List.of(first, later)) {
            assertEquals(200, api.send("PUT", "/projects/" + p + "/quotas/411500", province, "{\"seats\":1}").status());
            assertEquals(201, api.send("POST", "/projects/" + p + "/enrollments", xinyang, "{\"teacherId\":\"CPD-0\"}").status());
        }
        assertEquals(201, api.send("POST", "/projects/" + later + "/waitlist", xinyang, "{\"teacherId\":\"CPD-1\"}").status());

        sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(completion("C-DISMISS", "{\"teacherId\":\"CPD-0\",\"outcome\":\"DISMISSED\"}")
                .replace(project, first)));
        awaitDrained();
        var dismissal = new DynamoDbIntegrityRecords(table).ofTeacher("CPD-0");
        assertEquals(List.of(IntegrityRecord.Kind.DISMISSED), dismissal.stream().map(IntegrityRecord::kind).toList());
        // the posting raised the teacher's ban mark, which a booking under way checks (SeatRecords), before it released the seat
        var mark = table.client().getItem(b -> b.tableName("TrainingTable").key(java.util.Map.of(
                "PK", AttributeValue.fromS("TEACHER#CPD-0"), "SK", AttributeValue.fromS("SEAT_RECORD")))).item();
        assertEquals(dismissal.getFirst().bannedUntil().toString(), mark.get("bannedUntil").s());
        assertEquals(java.util.Map.of("CPD-0", "WITHDRAWN", "CPD-1", "SELECTED"), LifecycleIT.statuses(later, xinyang));
        assertEquals(java.util.Map.of("CPD-0", "SELECTED"), LifecycleIT.statuses(first, xinyang));
        String teacher = api.send("POST", "/dev/tokens", null, "{\"sub\":\"cpd-0\",\"role\":\"TEACHER\",\"jurisdiction\":\"411523\",\"teacherId\":\"CPD-0\"}")
                .json().get("token").asText();
        var told = NotificationsIT.inbox(teacher, later).stream().map(n -> n.get("body").get("zh").asText()).toList();
        assertEquals(2, told.size(), told.toString());   // selected, then released
        assertTrue(told.stream().anyMatch(b -> b.startsWith("因诚信记录（被劝退，")), told.toString());
        var county = NotificationsIT.inbox(api.token("cp-county", "COUNTY_ADMIN", "411523"), later).stream()
                .filter(n -> n.get("kind").asText().equals("WITHDRAWN")).map(n -> n.get("body").get("zh").asText()).toList();
        assertEquals(1, county.size(), county.toString());
        assertTrue(county.getFirst().contains("（CPD-0）因诚信记录（被劝退，"), county.toString());

        // the release reads the records right after the record's write: strongly consistent, or DynamoDB may not show it yet
        // (DynamoDB Local always does, so the request is what can be checked here)
        var consistent = new ArrayList<Boolean>();
        var records = new TrainingTable(AwsClients.dynamoDb("local", Api.runtime().dynamoDbEndpoint().toString(), List.of(
                new software.amazon.awssdk.core.interceptor.ExecutionInterceptor() {
                    @Override
                    public void beforeExecution(software.amazon.awssdk.core.interceptor.Context.BeforeExecution context,
                                                software.amazon.awssdk.core.interceptor.ExecutionAttributes attributes) {
                        if (context.request() instanceof software.amazon.awssdk.services.dynamodb.model.QueryRequest q) consistent.add(q.consistentRead());
                    }
                })), "TrainingTable");
        assertEquals(1, new DynamoDbIntegrityRecords(records).ofTeacher("CPD-0").size());
        assertEquals(List.of(true), consistent);
    }

    @Test
    void e8_aNoShowTheLifecycleRecordedIsPostedWhenTheCompletionReportsIt_andCorrectedAfterwards() throws Exception {
        // the first day over, the lifecycle recorded CP-7 a no-show (E8): the record dated the project's start date, as a
        // completion's no-show is dated; the completion then reports CP-7 as a no-show, the only outcome E8 leaves it
        String province = api.token("cp-province", "PROVINCE_ADMIN", "410000");
        var startDate = java.time.LocalDate.parse(api.send("GET", "/projects/" + project, province, null).json().get("startDate").asText());
        var records = new DynamoDbIntegrityRecords(table);
        records.add(IntegrityRecord.of("CP-7", IntegrityRecord.Kind.NO_SHOW, project, startDate));
        var response = new CreditPostingHandler(Api.runtime().functionEnvironment("CreditPostingFunction"))
                .handleRequest(event(completion("C-E8", "{\"teacherId\":\"CP-7\",\"outcome\":\"NO_SHOW\"}")), new LocalLambdaContext("e8", 30));
        assertTrue(response.getBatchItemFailures().isEmpty());
        var results = new org.teachertraining.adapters.dynamodb.DynamoDbProjectResults(table);
        var posted = results.find(project, "CP-7").orElseThrow();
        assertEquals("C-E8", posted.completionId());
        assertTrue(posted.posted(), "the no-show's result is posted, not left claimed behind the lifecycle's record");
        assertEquals(List.of(IntegrityRecord.of("CP-7", IntegrityRecord.Kind.NO_SHOW, project, startDate)), records.ofTeacher("CP-7"));

        // the teacher appeals the no-show (E4a): it waits on the province's list
        String teacher = api.send("POST", "/dev/tokens", null, "{\"sub\":\"cp-7\",\"role\":\"TEACHER\",\"jurisdiction\":\"411523\",\"teacherId\":\"CP-7\"}")
                .json().get("token").asText();
        String noShow = startDate + "_" + project;
        var appealed = api.send("POST", "/teachers/CP-7/integrity-records/" + noShow + "/appeal", teacher, "{\"reason\":\"开班当日因病住院\"}");
        assertEquals(200, appealed.status(), appealed.toString());
        assertTrue(api.send("GET", "/integrity-records?jurisdiction=411523", province, null).body().contains(noShow));

        // corrected by the province: to a dismissal (the record moves to the completion's day, and the no-show's appeal,
        // with no record left to decide on, leaves the province's list), then to a failure, whose record has the same
        // key as the dismissal's: one record stays, of the last outcome
        String path = "/projects/" + project + "/results/CP-7/correction";
        var dismissed = api.send("POST", path, province, "{\"outcome\":\"DISMISSED\",\"reason\":\"到班后违纪被劝退\"}");
        assertEquals(200, dismissed.status(), dismissed.toString());
        assertEquals(List.of(IntegrityRecord.Kind.DISMISSED), records.ofTeacher("CP-7").stream().map(IntegrityRecord::kind).toList());
        var queue = api.send("GET", "/integrity-records?jurisdiction=411523", province, null);
        assertEquals(200, queue.status(), queue.toString());
        assertFalse(queue.body().contains(noShow), queue.body());
        var failed = api.send("POST", path, province, "{\"outcome\":\"FAILED\",\"reason\":\"劝退有误，应为考核未通过\"}");
        assertEquals(200, failed.status(), failed.toString());
        assertEquals(List.of(IntegrityRecord.Kind.FAILED), records.ofTeacher("CP-7").stream().map(IntegrityRecord::kind).toList());
        var again = api.send("POST", path, province, "{\"outcome\":\"FAILED\",\"reason\":\"复核维持\"}");
        assertEquals(200, again.status(), again.toString());
        assertEquals(List.of(IntegrityRecord.Kind.FAILED), records.ofTeacher("CP-7").stream().map(IntegrityRecord::kind).toList());
        assertEquals("FAILED", results.find(project, "CP-7").orElseThrow().outcome().name());
    }

    /** A record written again with its notices (a retried task) is the same record, and its notices are not delivered twice. */
    @Test
    void e4_aRecordWrittenTwiceWithItsNoticesTellsEachRecipientOnce() {
        var records = new DynamoDbIntegrityRecords(table);
        var record = IntegrityRecord.of("CP-N1", IntegrityRecord.Kind.NO_SHOW, project, java.time.LocalDate.of(2030, 1, 7));
        var notices = org.teachertraining.core.integrity.IntegrityNotice.recorded(record, "教师N1", "乡村骨干教师素质提升培训项目", "411523", "lifecycle",
                java.time.Instant.now());
        records.add(record, notices);
        records.add(record, notices);
        assertEquals(List.of(record), records.ofTeacher("CP-N1"));
        var inboxes = new org.teachertraining.adapters.dynamodb.DynamoDbNotifications(table);
        assertEquals(1, inboxes.inbox("TEACHER#CP-N1", null, 100).items().size());
        assertEquals(1, inboxes.inbox("JURISDICTION#411523", null, 100).items().stream()
                .filter(n -> n.kind().equals("INTEGRITY_RECORDED") && n.body().zh().contains("CP-N1")).count());
    }

    @Test
    void c5_claimsRacingForOneTraineeLeaveOneOwner() throws Exception {
        var results = new org.teachertraining.adapters.dynamodb.DynamoDbProjectResults(table);
        var claims = new java.util.ArrayList<CompletableFuture<org.teachertraining.core.credit.ProjectResults.Claim>>();
        for (int i = 0; i < 8; i++) {
            var r = new org.teachertraining.core.credit.ProjectResult(project, "CP-6", "C-CLAIM-" + i, org.teachertraining.core.credit.Completion.Outcome.PASSED,
                    java.util.Map.of(org.teachertraining.core.credit.CreditCategory.ONLINE, 30), null, false, null, java.time.Instant.now());
            claims.add(CompletableFuture.supplyAsync(() -> results.claim(List.of(r))));
        }
        long claimed = 0;
        for (var c : claims) if (c.get() instanceof org.teachertraining.core.credit.ProjectResults.Claim.Claimed) claimed++;
        assertEquals(1, claimed);
        // the same completion repeating its claim is fine; its owner is the one that won
        var owner = results.find(project, "CP-6").orElseThrow();
        assertTrue(results.claim(List.of(owner)) instanceof org.teachertraining.core.credit.ProjectResults.Claim.Claimed);
    }

    @Test
    void schoolBasedHoursCountOnceTheCountyApproves() throws Exception {
        // CP-2 teaches at 新县's school 0003; only that school's admin records its hours
        String county = api.token("cp-county", "COUNTY_ADMIN", "411523");
        var moved = api.send("POST", "/teachers", county, "{\"id\":\"CP-2\",\"name\":\"教师2\",\"jurisdiction\":\"411523\",\"schoolId\":\"4115230003\","
                + "\"stage\":\"PRIMARY\",\"subjects\":[\"语文\"],\"role\":\"TEACHER\",\"schoolLocation\":\"RURAL\",\"teachingSince\":\"2010-09-01\"}");
        assertEquals(200, moved.status(), moved.toString());
        String school = api.token("cp-school", "SCHOOL_ADMIN", "4115230003");
        BadInputIT.problem(api.send("POST", "/teachers/CP-2/school-based-hours", api.token("cp-school-9", "SCHOOL_ADMIN", "4115230009"),
                "{\"recordId\":\"SB-IT-0\",\"year\":2026,\"hours\":6,\"activity\":\"x\"}"), 403, null);
        BadInputIT.problem(api.send("GET", "/teachers/CP-2", api.token("cp-school-c", "SCHOOL_ADMIN", "411523"), null), 401, null);   // a county code is no school
        int year = Year.now(java.time.ZoneId.of("Asia/Shanghai")).getValue();
        // a topic no requirement counts (a typo) is refused, the topics there are given as allowed; nothing is recorded
        var typo = BadInputIT.problem(api.send("POST", "/teachers/CP-2/school-based-hours", school,
                "{\"recordId\":\"SB-IT-T\",\"year\":" + year + ",\"hours\":6,\"activity\":\"班主任工作研讨\",\"topic\":\"HEAD_TEACHR\"}"), 400, "topic");
        assertTrue(typo.json().path("errors").get(0).path("allowed").toString().contains("\"HEAD_TEACHER\""), typo.toString());
        assertEquals(404, api.send("POST", "/teachers/CP-2/school-based-hours/SB-IT-T/decision", county, "{\"approved\":true}").status());
        var recorded = api.send("POST", "/teachers/CP-2/school-based-hours", school,
                "{\"recordId\":\"SB-IT-1\",\"year\":" + year + ",\"hours\":6,\"activity\":\"同课异构教研\"}");
        assertEquals(201, recorded.status(), recorded.toString());
        assertEquals("PENDING", recorded.json().get("status").asText());
        assertTrue(new DynamoDbLedger(table).find("CP-2", "SB:SB-IT-1").isEmpty());
        BadInputIT.problem(api.send("POST", "/teachers/CP-2/school-based-hours/SB-IT-1/decision", school, "{\"approved\":true}"), 403, null);
        var futures = new java.util.ArrayList<CompletableFuture<Api.Response>>();
        for (int i = 0; i < 5; i++) {
            futures.add(api.sendAsync("POST", "/teachers/CP-2/school-based-hours/SB-IT-1/decision", county, "{\"approved\":true}"));
        }
        for (var f : futures) assertEquals(200, f.get().status(), f.get().toString());
        assertEquals(6, new DynamoDbLedger(table).find("CP-2", "SB:SB-IT-1").orElseThrow().hours());
        assertEquals(1, new DynamoDbLedger(table).ofTeacher("CP-2").stream().filter(e -> e.id().equals("SB:SB-IT-1")).count());
        BadInputIT.problem(api.send("POST", "/teachers/CP-2/school-based-hours/SB-IT-1/decision", county, "{\"approved\":false}"), 409, null);
    }

    @Test
    void theComplianceListsShowWhoIsShortFromTheAggregates() throws Exception {
        String county = api.token("cp-county2", "COUNTY_ADMIN", "411523");
        var first = api.send("GET", "/jurisdictions/411523/compliance?requirement=HN-CYCLE&limit=1", county, null);
        assertEquals(200, first.status(), first.toString());
        assertEquals(1, first.json().get("items").size());
        String cursor = first.json().get("nextCursor").asText();
        var inCounty = shortBy("/jurisdictions/411523/compliance?requirement=HN-CYCLE", county);
        var hnCycle = Requirements.seeds().all().stream().filter(r -> r.id().equals("HN-CYCLE")).findFirst().orElseThrow();
        int[] cycle = Requirements.cycle(hnCycle, hnCycle.anchorYear(), Year.now(java.time.ZoneId.of("Asia/Shanghai")).getValue());
        int earned = new DynamoDbLedger(table).ofTeacher("CP-1").stream()
                .filter(e -> e.year() >= cycle[0] && e.year() <= cycle[1]).mapToInt(e -> e.hours()).sum();
        assertEquals(360 - earned, inCounty.get("CP-1"), inCounty.toString());
        assertTrue(inCounty.keySet().containsAll(List.of("CP-0", "CP-1", "CP-2")), inCounty.toString());
        // the same list as a sheet, every page of it
        var sheet = Sheets.xlsx(api.file("/jurisdictions/411523/compliance?requirement=HN-CYCLE&format=xlsx", county).bytes());
        assertEquals(List.of("教师编号", "姓名", "行政区划代码", "学校代码", "学时要求", "周期起", "周期止", "已修学时", "应修学时", "还差学时", "其中各类别还差"), sheet.get(0));
        assertEquals(inCounty, sheet.stream().skip(1).collect(java.util.stream.Collectors.toMap(r -> r.get(0), r -> Integer.parseInt(r.get(9)))));

        // the city's list covers its counties; a school filter narrows it, at the county and above
        String xinyang = api.token("cp-xinyang", "CITY_ADMIN", "411500");
        var inCity = shortBy("/jurisdictions/411500/compliance?requirement=HN-CYCLE", xinyang);
        assertTrue(inCity.entrySet().containsAll(inCounty.entrySet()), inCity.size() + " vs " + inCounty.size());
        String school = "CP-SCHOOL-" + java.util.UUID.randomUUID();
        var inSchoolTeacher = api.send("POST", "/teachers", xinyang, "{\"id\":\"CP-S1\",\"name\":\"李明\",\"jurisdiction\":\"411523\",\"schoolId\":\""
                + school + "\",\"stage\":\"PRIMARY\",\"subjects\":[\"数学\"],\"role\":\"TEACHER\",\"schoolLocation\":\"RURAL\",\"teachingSince\":\"2012-09-01\"}");
        assertEquals(201, inSchoolTeacher.status(), inSchoolTeacher.toString());
        for (String code : List.of("411523", "411500", "410000")) {
            var inSchool = shortBy("/jurisdictions/" + code + "/compliance?requirement=HN-CYCLE&school=" + school,
                    api.token("cp-p", "PROVINCE_ADMIN", "410000"));
            assertEquals(java.util.Map.of("CP-S1", 360), inSchool, code);
        }

        // a school's own list: its teachers are registered at the county, the school a field of theirs
        var atSchool = api.send("POST", "/teachers", xinyang, "{\"id\":\"CP-S2\",\"name\":\"孙丽\",\"jurisdiction\":\"411523\",\"schoolId\":\"4115239731\","
                + "\"stage\":\"PRIMARY\",\"subjects\":[\"数学\"],\"role\":\"TEACHER\",\"schoolLocation\":\"RURAL\",\"teachingSince\":\"2012-09-01\"}");
        assertEquals(201, atSchool.status(), atSchool.toString());
        String schoolAdmin = api.token("cp-school", "SCHOOL_ADMIN", "4115239731");
        assertEquals(java.util.Map.of("CP-S2", 360), shortBy("/jurisdictions/4115239731/compliance?requirement=HN-CYCLE", schoolAdmin));
        BadInputIT.problem(api.send("GET", "/jurisdictions/4115239731/compliance?requirement=HN-CYCLE&school=4115239732", schoolAdmin, null), 400, "school");
        BadInputIT.problem(api.send("GET", "/jurisdictions/411523/compliance?requirement=HN-CYCLE", schoolAdmin, null), 403, null);

        // new teachers' first-year requirement: the list of those who began this year (or last), each short by its 50 school-based hours too
        var thisYear = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).getYear();
        var newTeacher = api.send("POST", "/teachers", xinyang, "{\"id\":\"CP-N1\",\"name\":\"赵新\",\"jurisdiction\":\"411523\",\"stage\":\"PRIMARY\","
                + "\"subjects\":[\"数学\"],\"role\":\"TEACHER\",\"schoolLocation\":\"RURAL\",\"teachingSince\":\"" + thisYear + "-01-01\"}");
        assertEquals(201, newTeacher.status(), newTeacher.toString());
        var firstYear = api.send("GET", "/jurisdictions/411523/compliance?requirement=HN-NEW-TEACHER&limit=100", county, null);
        assertEquals(200, firstYear.status(), firstYear.toString());
        var n1 = java.util.stream.StreamSupport.stream(firstYear.json().get("items").spliterator(), false)
                .filter(r -> r.get("teacherId").asText().equals("CP-N1")).findFirst().orElseThrow(() -> new AssertionError(firstYear.toString()));
        assertEquals(List.of(thisYear, 100, 50), List.of(n1.get("cycleFrom").asInt(), n1.get("shortBy").asInt(), n1.get("shortByCategory").get("SCHOOL_BASED").asInt()));
        assertEquals(100, shortBy("/jurisdictions/411523/compliance?requirement=HN-NEW-TEACHER&firstYear=" + thisYear, county).get("CP-N1"));
        assertFalse(shortBy("/jurisdictions/411523/compliance?requirement=HN-NEW-TEACHER&firstYear=" + (thisYear - 1), county).containsKey("CP-N1"));
        var newSheet = Sheets.xlsx(api.file("/jurisdictions/411523/compliance?requirement=HN-NEW-TEACHER&format=xlsx", county).bytes());
        assertTrue(newSheet.stream().anyMatch(r -> r.get(0).equals("CP-N1") && r.get(10).equals("校本研修 50 学时")), newSheet.toString());
        BadInputIT.problem(api.send("GET", "/jurisdictions/411523/compliance?requirement=HN-NEW-TEACHER&firstYear=" + (thisYear - 2), county, null), 400, "firstYear");
        BadInputIT.problem(api.send("GET", "/jurisdictions/411523/compliance?requirement=HN-NEW-TEACHER&firstYear=abc", county, null), 400, "firstYear");
        BadInputIT.problem(api.send("GET", "/jurisdictions/411523/compliance?requirement=HN-CYCLE&firstYear=" + thisYear, county, null), 400, "firstYear");

        BadInputIT.problem(api.send("GET", "/jurisdictions/411523/compliance?requirement=HN-CYCLE&cursor=" + cursor.substring(1), county, null), 400, "cursor");
        BadInputIT.problem(api.send("GET", "/jurisdictions/411523/compliance?requirement=NOPE", county, null), 400, "requirement");
        BadInputIT.problem(api.send("GET", "/jurisdictions/411523/compliance?requirement=HN-CYCLE", api.token("gs2", "COUNTY_ADMIN", "411522"), null), 403, null);
    }

    /** Every page of a compliance list: teacher id to hours short. */
    static java.util.Map<String, Integer> shortBy(String path, String token) throws Exception {
        var all = new java.util.HashMap<String, Integer>();
        String next = null;
        do {
            var response = api.send("GET", path + "&limit=100" + (next == null ? "" : "&cursor=" + next), token, null);
            assertEquals(200, response.status(), response.toString());
            response.json().get("items").forEach(r -> all.put(r.get("teacherId").asText(), r.get("shortBy").asInt()));
            next = response.json().path("nextCursor").isTextual() ? response.json().get("nextCursor").asText() : null;
        } while (next != null);
        return all;
    }

    /**
     * A posting re-evaluates the teacher's requirements and removes the rows of those that no longer apply (here a
     * cycle that has ended): the credit-posting function deletes them, with the DeleteItem its role must have.
     */
    @Test
    void aPostingRemovesTheComplianceRowOfACycleThatNoLongerApplies() {
        var stale = java.util.Map.of("PK", AttributeValue.fromS("TEACHER#CP-4"), "SK", AttributeValue.fromS("COMPLIANCE#HN-CYCLE#1990"),
                "type", AttributeValue.fromS("COMPLIANCE"), "ledgerEntries", AttributeValue.fromN("0"));
        table.client().putItem(b -> b.tableName("TrainingTable").item(stale));
        var response = new CreditPostingHandler(Api.runtime().functionEnvironment("CreditPostingFunction"))
                .handleRequest(event(completion("C-STALE", passed("CP-4", "\"ONLINE\":6"))), new LocalLambdaContext("stale", 30));
        assertEquals(List.of(), response.getBatchItemFailures(), "the posting failed (a permission missing?)");
        var rows = table.client().query(b -> b.tableName("TrainingTable").keyConditionExpression("PK = :pk AND begins_with(SK, :c)")
                .expressionAttributeValues(java.util.Map.of(":pk", AttributeValue.fromS("TEACHER#CP-4"), ":c", AttributeValue.fromS("COMPLIANCE#"))))
                .items().stream().map(i -> i.get("SK").s()).toList();
        assertTrue(!rows.isEmpty() && !rows.contains("COMPLIANCE#HN-CYCLE#1990"), rows.toString());
    }

    /**
     * One trainee's posting through the function, every request its clients send counted (the local IAM check on each):
     * the check's three reads, the transaction, then the compliance refresh's one Query of the teacher's stored rows and
     * ledger together, the rows put and a row of an ended cycle deleted, then the certificate (its PDF, its registry entry).
     * An item of another kind that sorts between the rows and the ledger is read with them and left alone.
     */
    @Test
    void aPostingRefreshesComplianceOnOneQuery_theStoredRowsAndTheLedgerTogether() throws Exception {
        String xinyang = api.token("cp-xinyang", "CITY_ADMIN", "411500");
        api.importTeachers(xinyang, "CQ-", "411523", 2);
        for (String t : List.of("CQ-0", "CQ-1")) {
            assertEquals(201, api.send("POST", "/projects/" + project + "/enrollments", xinyang, "{\"teacherId\":\"" + t + "\"}").status());
        }
        var stale = java.util.Map.of("PK", AttributeValue.fromS("TEACHER#CQ-1"), "SK", AttributeValue.fromS("COMPLIANCE#HN-CYCLE#1990"),
                "type", AttributeValue.fromS("COMPLIANCE"), "ledgerEntries", AttributeValue.fromN("0"));
        var otherKind = java.util.Map.of("PK", AttributeValue.fromS("TEACHER#CQ-1"), "SK", AttributeValue.fromS("CONSENT#IT"),
                "type", AttributeValue.fromS("CONSENT"));
        table.client().putItem(b -> b.tableName("TrainingTable").item(stale));
        table.client().putItem(b -> b.tableName("TrainingTable").item(otherKind));

        var sent = new java.util.concurrent.CopyOnWriteArrayList<String>();
        var handler = new CreditPostingHandler(Api.runtime().functionEnvironment("CreditPostingFunction").with(counting(sent)));
        // the first posting reads the requirements once for the function's life; the second is counted
        var first = handler.handleRequest(event(completion("C-ONEQUERY-0", passed("CQ-0", "\"ONLINE\":6"))), new LocalLambdaContext("q0", 30));
        assertEquals(List.of(), first.getBatchItemFailures(), "the posting failed (a permission missing?)");
        sent.clear();
        var second = handler.handleRequest(event(completion("C-ONEQUERY-1", passed("CQ-1", "\"ONLINE\":6"))), new LocalLambdaContext("q1", 30));
        assertEquals(List.of(), second.getBatchItemFailures(), "the posting failed (a permission missing?)");

        var rows = table.client().query(b -> b.tableName("TrainingTable").keyConditionExpression("PK = :pk AND begins_with(SK, :c)")
                .expressionAttributeValues(java.util.Map.of(":pk", AttributeValue.fromS("TEACHER#CQ-1"), ":c", AttributeValue.fromS("COMPLIANCE#"))))
                .items().stream().map(i -> i.get("SK").s()).toList();
        assertTrue(!rows.isEmpty() && !rows.contains("COMPLIANCE#HN-CYCLE#1990"), rows.toString());
        var expected = new ArrayList<>(List.of("BatchGetItem(2)", "BatchGetItem(2)", "GetItem", "TransactWriteItems", "Query"));
        rows.forEach(r -> expected.add("PutItem"));
        expected.addAll(List.of("DeleteItem", "PutObject", "PutItem"));
        assertEquals(expected, List.copyOf(sent));
        assertTrue(table.client().getItem(b -> b.tableName("TrainingTable").key(java.util.Map.of("PK", otherKind.get("PK"), "SK", otherKind.get("SK"))))
                .hasItem(), "the item of another kind was left alone");

        // what the Query read: the ledger as the ledger's own reads it, and every stored row's requirement and cycle
        var standing = new DynamoDbComplianceAggregates(table).standing("CQ-1");
        assertEquals(new DynamoDbLedger(table).ofTeacher("CQ-1"), standing.ledger());
        assertEquals(1, standing.ledger().size());
        assertEquals(rows.stream().map(sk -> sk.split("#")).map(p -> new ComplianceRow.Key(p[1], Integer.parseInt(p[2])))
                .collect(java.util.stream.Collectors.toSet()), standing.stored());
    }

    @Test
    void racingRefreshesOfOneTeacherLeaveTheRowsOfTheLongestLedger() throws Exception {
        var aggregates = new DynamoDbComplianceAggregates(table);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(16);
        var futures = new java.util.ArrayList<java.util.concurrent.Future<?>>();
        for (int round = 0; round < 5; round++) {
            for (int n = 1; n <= 40; n++) {
                int entries = n;
                futures.add(pool.submit(() -> aggregates.replace("RACE-1", List.of(new ComplianceRow("RACE-1", "r", "411523", "S", "IT-RACE", 2000, 2004,
                        entries, 360, 360 - entries, null, false)), entries, java.util.Set.of())));
            }
        }
        for (var f : futures) f.get();
        pool.shutdown();
        var rows = aggregates.shortIn("411523", "IT-RACE", 2000, null, null, 10).items();
        assertEquals(1, rows.size());
        assertEquals(40, rows.get(0).earned());
    }

    /** An interceptor that names every request its client sends in {@code sent}: a BatchGetItem with its number of keys. */
    static software.amazon.awssdk.core.interceptor.ExecutionInterceptor counting(List<String> sent) {
        return new software.amazon.awssdk.core.interceptor.ExecutionInterceptor() {
            @Override
            public void beforeExecution(software.amazon.awssdk.core.interceptor.Context.BeforeExecution context,
                                        software.amazon.awssdk.core.interceptor.ExecutionAttributes attributes) {
                var r = context.request();
                sent.add(r instanceof software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest b
                        ? "BatchGetItem(" + b.requestItems().get("TrainingTable").keys().size() + ")" : r.getClass().getSimpleName().replace("Request", ""));
            }
        };
    }

    static SQSEvent event(String... bodies) {
        var records = new java.util.ArrayList<SQSEvent.SQSMessage>();
        for (int i = 0; i < bodies.length; i++) {
            var m = new SQSEvent.SQSMessage();
            m.setMessageId("m" + i);
            m.setBody(bodies[i]);
            m.setAttributes(java.util.Map.of("ApproximateReceiveCount", "1"));
            records.add(m);
        }
        var e = new SQSEvent();
        e.setRecords(records);
        return e;
    }
}
