package org.teachertraining.local;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.teachertraining.adapters.aws.AwsClients;
import org.teachertraining.adapters.dynamodb.DynamoDbEnrollments;
import org.teachertraining.adapters.dynamodb.TrainingTable;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.time.LocalDate;
import java.time.ZoneId;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * T1 over HTTP: a county (罗山县, no other test's) records its full-time teachers, runs a high-end project of its own,
 * and its share follows the posted results: behind pace before, on pace after two trainees passed (the one who
 * failed does not count), a 1 July reminder only while behind; a unit without a count has no target.
 */
class HighEndSharesIT {
    static final String COUNTY = "411521";

    @Test
    void aCountysShareFollowsItsPassedTrainees() throws Exception {
        var api = Api.shared();
        String county = api.token("he-county", "COUNTY_ADMIN", COUNTY);
        int year = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
        api.importTeachers(county, "HE-", COUNTY, 3);

        // no count yet: no target, nothing to be behind
        var before = api.send("GET", "/jurisdictions/" + COUNTY + "/high-end-shares", county, null);
        assertEquals(200, before.status(), before.toString());
        assertEquals(20, before.json().get("unit").get("percent").asInt());
        assertTrue(before.json().get("unit").path("target").isMissingNode(), before.body());
        assertTrue(before.json().get("unit").path("behindPace").isMissingNode(), before.body());

        BadInputIT.problem(api.send("PUT", "/jurisdictions/" + COUNTY + "/teacher-counts/" + year, county, "{\"fullTime\":-1}"), 400, "fullTime");
        BadInputIT.problem(api.send("PUT", "/jurisdictions/4115210001/teacher-counts/" + year, county, "{\"fullTime\":10}"), 400, "code");
        assertEquals(403, api.send("PUT", "/jurisdictions/411523/teacher-counts/" + year, county, "{\"fullTime\":10}").status(), "another county's count");
        var set = api.send("PUT", "/jurisdictions/" + COUNTY + "/teacher-counts/" + year, county, "{\"fullTime\":40}");
        assertEquals(200, set.status(), set.toString());

        // a high-end project of the county's own program; three trainees
        var program = api.send("POST", "/programs", county, "{\"year\":" + year + ",\"level\":\"COUNTY\",\"name\":\"罗山县骨干教师培训\",\"jurisdiction\":\"" + COUNTY + "\"}");
        assertEquals(201, program.status(), program.toString());
        var project = api.send("POST", "/programs/" + program.json().get("id").asText() + "/projects", county, Api.projectBody("HE-1", "\"highEnd\":true"));
        assertEquals(201, project.status(), project.toString());
        String projectId = project.json().get("id").asText();
        assertTrue(project.json().get("highEnd").asBoolean());
        for (int i = 0; i < 3; i++) assertEquals(201, api.send("POST", "/projects/" + projectId + "/enrollments", county, "{\"teacherId\":\"HE-" + i + "\"}").status());

        // target ⌈20% × 40⌉ = 8 over the 5-year cycle; by now (its first year gone by, at most) on pace means ⌈8 × elapsed / 5⌉
        JsonNode behind = api.send("GET", "/jurisdictions/" + COUNTY + "/high-end-shares", county, null).json().get("unit");
        assertEquals(40, behind.get("fullTimeTeachers").asInt());
        assertEquals(8, behind.get("target").asInt());
        assertEquals(0, behind.get("trained").asInt(), "enrolled is not trained");
        int expected = behind.get("expectedByNow").asInt();
        assertTrue(expected >= 2, behind.toString());
        assertTrue(behind.get("behindPace").asBoolean());
        var shares = shares(county);
        var july = shares.on(LocalDate.of(year, 7, 1), java.time.Instant.now());
        assertTrue(july.stream().anyMatch(n -> n.recipient().equals(org.teachertraining.core.notification.Notification.jurisdiction(COUNTY))
                && n.title().zh().startsWith("骨干培训进度落后")), july.toString());
        assertTrue(shares.on(LocalDate.of(year, 7, 2), java.time.Instant.now()).isEmpty(), "the reminder is on 1 July only");

        // two pass, one fails: the posted results count, once per teacher (the institution accredited for the hours, C1)
        var henu = api.send("PUT", "/institutions/HENU", api.token("he-province", "PROVINCE_ADMIN", "410000"),
                "{\"name\":\"河南大学\",\"categories\":[\"CENTRALIZED\",\"ONLINE\",\"SCHOOL_BASED\",\"PRACTICE\"],"
                + "\"validFrom\":\"" + (year - 1) + "-01-01\",\"validUntil\":\"" + (year + 1) + "-12-31\"}");
        assertEquals(200, henu.status(), henu.toString());
        var sqs = SqsClient.builder().endpointOverride(Api.runtime().sqsEndpoint()).region(Region.of("local"))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create()).build();
        String queue = sqs.getQueueUrl(b -> b.queueName("CreditPostingQueue")).queueUrl();
        String results = "{\"teacherId\":\"HE-0\",\"outcome\":\"PASSED\",\"hours\":{\"CENTRALIZED\":8}},"
                + "{\"teacherId\":\"HE-1\",\"outcome\":\"PASSED\",\"hours\":{\"CENTRALIZED\":8}},{\"teacherId\":\"HE-2\",\"outcome\":\"FAILED\"}";
        String message = "{\"completionId\":\"HE-C1\",\"projectId\":\"" + projectId + "\",\"institutionId\":\"HENU\",\"results\":[" + results
                + "],\"recordedBy\":\"henu\",\"recordedAt\":\"" + java.time.Instant.now() + "\"}";
        for (int i = 0; i < 2; i++) sqs.sendMessage(b -> b.queueUrl(queue).messageBody(message));
        long deadline = System.currentTimeMillis() + 30_000;
        JsonNode after;
        do {
            Thread.sleep(200);
            after = api.send("GET", "/jurisdictions/" + COUNTY + "/high-end-shares", county, null).json().get("unit");
        } while (after.get("trained").asInt() < 2 && System.currentTimeMillis() < deadline);
        assertEquals(2, after.get("trained").asInt(), after.toString());
        assertEquals(6, after.get("shortfall").asInt());
        assertEquals(expected > 2, after.get("behindPace").asBoolean(), after.toString());

        // the city reads its counties' shares; the county does not read the city's
        var city = api.send("GET", "/jurisdictions/411500/high-end-shares?year=" + year, api.token("he-city", "CITY_ADMIN", "411500"), null);
        assertEquals(200, city.status(), city.toString());
        assertEquals(7, city.json().get("unit").get("percent").asInt());
        boolean found = false;
        for (var c : city.json().get("children")) if (c.get("jurisdiction").asText().equals(COUNTY)) found = c.get("trained").asInt() == 2;
        assertTrue(found, city.body());
        assertEquals(403, api.send("GET", "/jurisdictions/411500/high-end-shares", county, null).status());
        assertFalse(city.body().contains("4115210"), "schools are not units with a share");
    }

    /** The use case on the runtime's own tables, for the day's reminders (the reminder function builds the same). */
    private static org.teachertraining.core.evaluation.HighEndShares shares(String token) {
        var table = new TrainingTable(AwsClients.dynamoDb("local", Api.runtime().dynamoDbEndpoint().toString()), "TrainingTable");
        var tree = org.teachertraining.core.jurisdiction.JurisdictionTree.china();
        return new org.teachertraining.core.evaluation.HighEndShares(new org.teachertraining.adapters.dynamodb.DynamoDbTeacherCounts(table),
                new org.teachertraining.adapters.dynamodb.DynamoDbPrograms(table), new org.teachertraining.adapters.dynamodb.DynamoDbProjects(table),
                new DynamoDbEnrollments(table), new org.teachertraining.adapters.dynamodb.DynamoDbProjectResults(table),
                new org.teachertraining.core.credit.RequirementBook(org.teachertraining.core.credit.Requirements.seeds(), new org.teachertraining.adapters.dynamodb.DynamoDbRequirementVersions(table)), new org.teachertraining.core.identity.Access(tree), java.time.Clock.systemUTC());
    }
}
