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
import org.teachertraining.core.credit.Requirements;
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
 * Cost per operation: the read and write units DynamoDB reports (ConsumedCapacity) for an enrollment, a
 * credit posting (one trainee, two categories), a transcript read and a compliance-list page, each the use
 * case itself on the platform's adapters against DynamoDB Local, averaged over 50 operations. Certificates
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
            var client = DynamoDbClient.builder().endpointOverride(java.net.URI.create(System.getProperty("aws.dynamodb.endpoint")))
                    .region(Region.of("local")).credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                    .httpClient(UrlConnectionHttpClient.create())
                    .overrideConfiguration(c -> c.addExecutionInterceptor(meter)).build();
            var table = new TrainingTable(client, "TrainingTable");
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

            var tree = JurisdictionTree.henan();
            var access = new Access(tree);
            var clock = Clock.systemUTC();
            var projects = new DynamoDbProjects(table);
            var teachers = new DynamoDbTeachers(table);
            var enrollments = new DynamoDbEnrollments(table);
            var ledger = new DynamoDbLedger(table);
            var integrity = new DynamoDbIntegrityRecords(table);
            var aggregates = new DynamoDbComplianceAggregates(table);
            var county = new Caller("cost-xx", Role.COUNTY_ADMIN, "411523", null, null);
            var enroll = new EnrollTeacher(projects, teachers, new DynamoDbQuotas(table), enrollments, integrity, new DynamoDbTrainingHours(table), access, clock);
            var registry = new DynamoDbCertificateRegistry(table);
            Certificates registryOnly = new Certificates() {
                public void issue(Certificate c) { registry.add(c); }
                public java.util.Optional<Certificate> find(String code) { return registry.find(code); }
            };
            var post = new PostCompletion(new CheckCompletion(projects, enrollments, new DynamoDbInstitutions(table)), enrollments, ledger, integrity,
                    registryOnly, teachers, new RefreshCompliance(ledger, Requirements.seeds(), aggregates, clock));
            var transcript = new ReadTranscript(teachers, ledger, Requirements.seeds(), access, clock);
            var compliance = new ListCompliance(aggregates, Requirements.seeds(), access, clock);

            measure("enrollment", meter, figures, i -> enroll.execute(county, project, "C-" + i, null));
            measure("creditPosting", meter, figures, i -> post.execute(new Completion("COST-" + i, project, "HENU", List.of(new Completion.Result("C-" + i,
                    Completion.Outcome.PASSED, Map.of(CreditCategory.CENTRALIZED, 40, CreditCategory.ONLINE, 10), null)), "henu", Instant.now())));
            measure("transcriptRead", meter, figures, i -> transcript.execute(county, "C-" + i));
            measure("compliancePage50", meter, figures, i -> compliance.execute(county, "411523", "HN-CYCLE", null, null, 50));
        }
        figures.forEach((k, v) -> System.out.printf("cost %s: %.2f%n", k, v));
        figures.keySet().forEach(k -> better.put(k, false));
        Baseline.check("cost", figures, better);
    }

    interface Op {
        Outcome<?> run(int i);
    }

    static void measure(String name, CapacityMeter meter, Map<String, Double> figures, Op op) {
        var before = meter.snapshot();
        for (int i = 0; i < OPS; i++) {
            var outcome = op.run(i);
            assertTrue(outcome instanceof Outcome.Done, name + " " + i + ": " + outcome);
        }
        var units = CapacityMeter.since(before, meter.snapshot(), OPS);
        figures.put(name + ".readUnits", units.get(0));
        figures.put(name + ".writeUnits", units.get(1));
    }
}
