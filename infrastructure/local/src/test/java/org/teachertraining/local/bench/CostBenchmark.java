package org.teachertraining.local.bench;

import org.junit.jupiter.api.Test;
import org.teachertraining.adapters.dynamodb.DynamoDbCertificateRegistry;
import org.teachertraining.adapters.dynamodb.DynamoDbComplianceAggregates;
import org.teachertraining.adapters.dynamodb.DynamoDbEnrollments;
import org.teachertraining.adapters.dynamodb.DynamoDbInstitutions;
import org.teachertraining.adapters.dynamodb.DynamoDbIntegrityRecords;
import org.teachertraining.adapters.dynamodb.DynamoDbLedger;
import org.teachertraining.adapters.dynamodb.DynamoDbProjects;
import org.teachertraining.adapters.dynamodb.DynamoDbQuotas;
import org.teachertraining.adapters.dynamodb.DynamoDbTeachers;
import org.teachertraining.adapters.dynamodb.DynamoDbTrainingHours;
import org.teachertraining.adapters.dynamodb.TrainingTable;
import org.teachertraining.core.certificate.Certificate;
import org.teachertraining.core.certificate.Certificates;
import org.teachertraining.core.common.Outcome;
import org.teachertraining.core.credit.CheckCompletion;
import org.teachertraining.core.credit.Completion;
import org.teachertraining.core.credit.CreditCategory;
import org.teachertraining.core.credit.ListCompliance;
import org.teachertraining.core.credit.PostCompletion;
import org.teachertraining.core.credit.ReadTranscript;
import org.teachertraining.core.credit.RefreshCompliance;
import org.teachertraining.core.enrollment.EnrollTeacher;
import org.teachertraining.core.identity.Access;
import org.teachertraining.core.identity.Caller;
import org.teachertraining.core.identity.Role;
import org.teachertraining.core.jurisdiction.JurisdictionTree;
import org.teachertraining.local.LocalRuntime;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Cost per operation: the read and write units for an enrollment, a credit posting (one trainee, two
 * categories), a transcript read and a compliance-list page, each the use case itself on the platform's
 * adapters against DynamoDB Local, averaged over 50 operations — both as DynamoDB Local reports them
 * (ConsumedCapacity) and as DynamoDB's published rules bill the same requests ({@link BilledCapacity}). Certificates
 * are recorded in the registry but their PDFs are not written (S3 is no DynamoDB cost).
 */
class CostBenchmark {
    static final int OPS = 50;

    @Test
    void costPerOperation() throws Exception {
        var figures = new LinkedHashMap<String, Double>();
        var better = new LinkedHashMap<String, Boolean>();
        try (var runtime = LocalRuntime.start(new LocalRuntime.Options(LocalRuntime.findRoot(), 0, false, false, true))) {
            var meter = new CapacityMeter();
            var billed = new BilledCapacity();
            var endpoint = runtime.dynamoDbEndpoint();
            var client = DynamoDbClient.builder().endpointOverride(endpoint)
                    .region(Region.of("local")).credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                    .httpClient(UrlConnectionHttpClient.create())
                    .overrideConfiguration(c -> c.addExecutionInterceptor(meter).addExecutionInterceptor(billed)).build();
            var raw = DynamoDbClient.builder().endpointOverride(endpoint).region(Region.of("local"))
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"))).httpClient(UrlConnectionHttpClient.create()).build();
            billed.raw = () -> raw;
            billed.table = "TrainingTable";
            var table = new TrainingTable(client, "TrainingTable");
            // the requirements as the functions read them: the seeds and the versions in the table (C3)
            var requirements = new org.teachertraining.core.credit.RequirementBook(org.teachertraining.core.credit.Requirements.seeds(),
                    new org.teachertraining.adapters.dynamodb.DynamoDbRequirementVersions(table), org.teachertraining.core.credit.RequirementBook.KEEP);
            var api = new RushBenchmark.Client(runtime.api());
            String province = api.token("{\"sub\":\"cost\",\"role\":\"PROVINCE_ADMIN\",\"jurisdiction\":\"410000\"}");
            String xinyang = api.token("{\"sub\":\"cost-xy\",\"role\":\"CITY_ADMIN\",\"jurisdiction\":\"411500\"}");
            String program = api.id(api.send("POST", "/programs", province, "{\"year\":2027,\"level\":\"PROVINCIAL\",\"name\":\"cost\",\"jurisdiction\":\"410000\"}"));
            var now = java.time.OffsetDateTime.now(java.time.ZoneOffset.ofHours(8));
            String project = api.id(api.send("POST", "/programs/" + program + "/projects", province, "{\"code\":\"COST-1\",\"name\":\"cost\","
                    + "\"category\":\"c\",\"phases\":[{\"kind\":\"CENTRALIZED\",\"days\":5},{\"kind\":\"ONLINE\",\"hours\":10}],\"totalHours\":50,\"classSize\":50,"
                    + "\"institutionId\":\"HENU\",\"selectionCutoff\":\"" + now.plusDays(30).withNano(0) + "\",\"startDate\":\"" + now.plusDays(40).toLocalDate()
                    + "\",\"endDate\":\"" + now.plusDays(45).toLocalDate() + "\"}"));
            api.send("PUT", "/projects/" + project + "/quotas/411500", province, "{\"seats\":100}");
            api.send("PUT", "/institutions/HENU", province, "{\"name\":\"河南大学\",\"categories\":[\"CENTRALIZED\",\"ONLINE\"],\"validFrom\":\""
                    + now.minusYears(1).toLocalDate() + "\",\"validUntil\":\"" + now.plusYears(1).toLocalDate() + "\"}");
            var csv = new StringBuilder("id,name,jurisdiction,stage,subjects,role,schoolLocation,teachingSince\n");
            for (int i = 0; i < OPS; i++) csv.append("C-").append(i).append(",教师,411523,PRIMARY,语文,TEACHER,RURAL,2010-09-01\n");
            api.send("POST", "/teachers:import", xinyang, csv.toString(), "text/csv");

            var tree = JurisdictionTree.china();
            var access = new Access(tree);
            var clock = Clock.systemUTC();
            var projects = new DynamoDbProjects(table);
            var teachers = new DynamoDbTeachers(table);
            var enrollments = new DynamoDbEnrollments(table);
            var ledger = new DynamoDbLedger(table);
            var integrity = new DynamoDbIntegrityRecords(table);
            var aggregates = new DynamoDbComplianceAggregates(table);
            var county = new Caller("cost-xx", Role.COUNTY_ADMIN, "411523", null, null);
            var enroll = new EnrollTeacher(new org.teachertraining.adapters.dynamodb.DynamoDbSelectionRecords(table), new DynamoDbQuotas(table), enrollments, integrity, new DynamoDbTrainingHours(table),
                    new org.teachertraining.core.credit.RequirementCycles(requirements), access, clock);
            var registry = new DynamoDbCertificateRegistry(table);
            Certificates registryOnly = new Certificates() {
                public void issue(Certificate c) { registry.add(c); }
                public java.util.Optional<Certificate> find(String code) { return registry.find(code); }
            };
            var post = new PostCompletion(new CheckCompletion(new org.teachertraining.adapters.dynamodb.DynamoDbCompletionRecords(table),
                    new org.teachertraining.adapters.dynamodb.DynamoDbPrograms(table), requirements), new org.teachertraining.adapters.dynamodb.DynamoDbProjectResults(table),
                    registryOnly, new RefreshCompliance(requirements, aggregates, clock),
                    org.teachertraining.adapters.dynamodb.StoredSelection.releaseBannedSeats(table, tree, clock));
            var transcript = new ReadTranscript(teachers, ledger, requirements, access, clock);
            var compliance = new ListCompliance(aggregates, requirements, access, clock);

            measure("enrollment", meter, billed, figures, i -> enroll.execute(county, project, "C-" + i, null));
            measure("creditPosting", meter, billed, figures, i -> post.execute(new Completion("COST-" + i, project, "HENU", List.of(new Completion.Result("C-" + i,
                    Completion.Outcome.PASSED, Map.of(CreditCategory.CENTRALIZED, 40, CreditCategory.ONLINE, 10), null)), "henu", Instant.now())));
            measure("transcriptRead", meter, billed, figures, i -> transcript.execute(county, "C-" + i));
            measure("compliancePage50", meter, billed, figures, i -> compliance.execute(county, new ListCompliance.Query("411523", "HN-CYCLE", null), null, 50));
        }
        prices(figures);
        figures.forEach((k, v) -> System.out.printf("cost %s: %.2f%n", k, v));
        // gated: the units, which are deterministic; times and prices vary with the machine
        figures.keySet().stream().filter(k -> k.endsWith("Units")).forEach(k -> better.put(k, false));
        Baseline.check("cost", figures, better);
    }

    static double median(double[] values) {
        var sorted = values.clone();
        java.util.Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /**
     * List prices, US East (N. Virginia), as published in November 2026: DynamoDB on-demand (after the
     * November 2024 reduction), Lambda x86 requests and duration, HTTP API requests, SQS standard requests.
     * China regions price in CNY on their own price list, not reproduced here.
     */
    static final double PER_RRU = 0.125e-6, PER_WRU = 0.625e-6, PER_LAMBDA_REQUEST = 0.20e-6, PER_GB_SECOND = 0.0000166667,
            PER_HTTP_API_REQUEST = 1.00e-6, PER_SQS_REQUEST = 0.40e-6, LAMBDA_GB = 1.0;   // MemorySize 1024 in template.yaml

    /**
     * Dollars per 100,000 operations: DynamoDB from the billed units; Lambda from one invocation per HTTP
     * operation (a tenth per posting, which arrives in batches of 10) and the operation's median time here as
     * its duration; the HTTP API per request; SQS for a posting's send, and its share of the batch's
     * receive and delete.
     */
    static void prices(Map<String, Double> figures) {
        System.out.println("cost per 100,000 operations, us-east-1 list prices (USD): DynamoDB | Lambda | API Gateway | SQS | total");
        for (var op : List.of("enrollment", "creditPosting", "transcriptRead", "compliancePage50")) {
            boolean queued = op.equals("creditPosting");
            double dynamo = figures.get(op + ".billedReadUnits") * PER_RRU + figures.get(op + ".billedWriteUnits") * PER_WRU;
            double lambda = (queued ? 0.1 : 1) * PER_LAMBDA_REQUEST + figures.get(op + ".medianMs") / 1000 * LAMBDA_GB * PER_GB_SECOND;
            double api = queued ? 0 : PER_HTTP_API_REQUEST;
            double sqs = queued ? 1.2 * PER_SQS_REQUEST : 0;
            double total = dynamo + lambda + api + sqs;
            System.out.printf("cost %s: %.4f | %.4f | %.4f | %.4f | %.4f%n", op, dynamo * 1e5, lambda * 1e5, api * 1e5, sqs * 1e5, total * 1e5);
            figures.put(op + ".usdPer100k", total * 1e5);
        }
    }

    interface Op {
        Outcome<?> run(int i);
    }

    /** Runs {@code op} OPS times; the units per operation as DynamoDB Local reports them and as DynamoDB's rules bill them (the middle one traced). */
    static void measure(String name, CapacityMeter meter, BilledCapacity billed, Map<String, Double> figures, Op op) {
        var before = meter.snapshot();
        var billedBefore = billed.snapshot();
        var millis = new double[OPS];
        for (int i = 0; i < OPS; i++) {
            billed.tracing = i == OPS / 2;
            billed.trace.clear();
            long t0 = System.nanoTime();
            var outcome = op.run(i);
            millis[i] = (System.nanoTime() - t0) / 1e6;
            assertTrue(outcome instanceof Outcome.Done, name + " " + i + ": " + outcome);
            if (billed.tracing) billed.trace.forEach(t -> System.out.println("cost " + name + ": " + t));
        }
        var units = CapacityMeter.since(before, meter.snapshot(), OPS);
        figures.put(name + ".medianMs", median(millis));
        var billedUnits = CapacityMeter.since(billedBefore, billed.snapshot(), OPS);
        figures.put(name + ".readUnits", units.get(0));
        figures.put(name + ".writeUnits", units.get(1));
        figures.put(name + ".billedReadUnits", billedUnits.get(0));
        figures.put(name + ".billedWriteUnits", billedUnits.get(1));
    }
}
