package org.teachertraining.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.function.aws.proxy.MockLambdaContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.teachertraining.enrollment.EnrollmentApiHandler;
import org.teachertraining.enrollment.EnrollmentApiStreamHandler;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The function as Lambda runs it: the handler class of template.yaml, invoked with the sample API
 * Gateway events, in gateway auth mode (claims of an already-verified token), against DynamoDB Local.
 */
class LambdaHandlerIT {
    static EnrollmentApiHandler handler;
    static final java.util.Map<String, String> before = new java.util.HashMap<>();

    @BeforeAll
    static void start() throws Exception {
        Api.shared();
        // the Lambda handler builds its own Micronaut context, which reads system properties: the API function's
        // environment, as the runtime gives it, set as such for this test only
        Api.runtime().functionEnvironment("EnrollmentApiFunction").variables().forEach((name, value) -> {
            if (!name.startsWith("AWS_")) set(name.toLowerCase(java.util.Locale.ROOT).replace('_', '.'), value);
        });
        set("aws.lambda.function.name", "EnrollmentApiFunction");
        set("training.table", "TrainingTable");
        set("auth.mode", "gateway");
        set("aws.dynamodb.endpoint", Api.runtime().dynamoDbEndpoint().toString());
        set("aws.region", "cn-north-1");
        handler = new EnrollmentApiHandler();
    }

    static void set(String key, String value) {
        before.put(key, System.setProperty(key, value));
    }

    @AfterAll
    static void stop() {
        handler.close();
        before.forEach((k, old) -> {
            if (old == null) System.clearProperty(k);
            else System.setProperty(k, old);
        });
    }

    static APIGatewayV2HTTPEvent event(String name) throws Exception {
        return new ObjectMapper().readValue(Path.of(LocalRuntime.findRoot().toString(), "events", "EnrollmentApiFunction", name).toFile(),
                APIGatewayV2HTTPEvent.class);
    }

    @Test
    void theBeansBesideTheRouterAreMadeByTheTimeTheHandlerIs_andNoOthersBeyondTheRouters() {
        try (var fresh = new EnrollmentApiHandler()) {   // as Lambda makes it: no request yet
            var context = fresh.getApplicationContext();
            assertEquals(1, context.getActiveBeanRegistrations(org.teachertraining.adapters.dynamodb.TrainingTable.class).size(), "the table");
            assertEquals(1, context.getActiveBeanRegistrations(org.teachertraining.http.Callers.class).size(), "the callers");
            // still made when a request first needs them: the SDK clients of routes that only some requests take
            assertEquals(0, context.getActiveBeanRegistrations(software.amazon.awssdk.services.sqs.SqsClient.class).size(), "the SQS client");
            assertEquals(0, context.getActiveBeanRegistrations(software.amazon.awssdk.services.sfn.SfnClient.class).size(), "the Step Functions client");
        }
    }

    @Test
    void aGetAnswersFromTheReferenceData() throws Exception {
        var response = handler.handleRequest(event("get-jurisdiction.json"), new MockLambdaContext());
        assertEquals(200, response.getStatusCode(), response.getBody());
        assertTrue(response.getBody().contains("\"name\":\"新县\""), response.getBody());
    }

    /** A spreadsheet answers API Gateway base64-encoded, as binary bodies must, and decodes to the workbook. */
    @Test
    void anExportAnswersAsABase64EncodedWorkbook() throws Exception {
        var response = handler.handleRequest(event("export-teachers.json"), new MockLambdaContext());
        assertEquals(200, response.getStatusCode(), response.getBody());
        assertEquals("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.getHeaders().get("Content-Type"));
        assertTrue(response.getIsBase64Encoded(), "binary bodies are base64 for API Gateway");
        var rows = Sheets.xlsx(java.util.Base64.getDecoder().decode(response.getBody()));
        assertEquals("教师编号", rows.get(0).get(0));

        // GB18030 bytes survive only as bytes
        var csv = event("export-teachers.json");
        csv.setRawQueryString("jurisdiction=411523&format=csv&charset=gb18030");
        csv.setQueryStringParameters(java.util.Map.of("jurisdiction", "411523", "format", "csv", "charset", "gb18030"));
        var gb = handler.handleRequest(csv, new MockLambdaContext());
        assertEquals(200, gb.getStatusCode(), gb.getBody());
        assertTrue(gb.getIsBase64Encoded());
        var text = new String(java.util.Base64.getDecoder().decode(gb.getBody()), java.nio.charset.Charset.forName("GB18030"));
        assertTrue(text.startsWith("教师编号,姓名,"), text.substring(0, Math.min(40, text.length())));
    }

    @Test
    void anEnrollmentReachesDynamoDbAndAnswersInProblemJson() throws Exception {
        var response = handler.handleRequest(event("enroll-teacher.json"), new MockLambdaContext());
        assertEquals(404, response.getStatusCode(), response.getBody());
        assertTrue(response.getBody().contains("项目不存在"), response.getBody());
        assertTrue(response.getHeaders().get("Content-Type").startsWith("application/problem+json"), response.getHeaders().toString());
    }

    /**
     * The entry point template.yaml names: the sample events' bytes in, API Gateway's response JSON out — the enrollment's
     * problem through the claims of the authorizer, the workbook base64-encoded.
     */
    @Test
    void theTemplatesEntryPoint_readsTheEventsBytes_andWritesTheResponsesJson() throws Exception {
        var template = java.nio.file.Files.readString(LocalRuntime.findRoot().resolve("template.yaml"));
        assertTrue(template.contains("Handler: " + EnrollmentApiStreamHandler.class.getName() + "::handleRequest"), "template.yaml names another handler");
        var entry = new EnrollmentApiStreamHandler(handler);
        var json = new ObjectMapper();

        var enrolled = json.readTree(invoke(entry, "enroll-teacher.json"));
        assertEquals(404, enrolled.get("statusCode").asInt(), enrolled.toString());
        assertTrue(enrolled.get("body").asText().contains("项目不存在"), enrolled.toString());
        assertTrue(enrolled.get("headers").get("Content-Type").asText().startsWith("application/problem+json"), enrolled.toString());
        assertTrue(enrolled.has("isBase64Encoded") && !enrolled.get("isBase64Encoded").asBoolean(), enrolled.toString());

        var exported = json.readTree(invoke(entry, "export-teachers.json"));
        assertEquals(200, exported.get("statusCode").asInt(), exported.toString());
        assertTrue(exported.get("isBase64Encoded").asBoolean(), exported.toString());
        var rows = Sheets.xlsx(java.util.Base64.getDecoder().decode(exported.get("body").asText()));
        assertEquals("教师编号", rows.get(0).get(0));
    }

    static byte[] invoke(EnrollmentApiStreamHandler entry, String event) throws Exception {
        var out = new java.io.ByteArrayOutputStream();
        try (var in = java.nio.file.Files.newInputStream(Path.of(LocalRuntime.findRoot().toString(), "events", "EnrollmentApiFunction", event))) {
            entry.handleRequest(in, out, new MockLambdaContext());
        }
        return out.toByteArray();
    }

    /** The route's roles are checked before the body is read on Lambda too (the route match the gate reads is the proxy's). */
    @Test
    void aCallerOutsideTheRoutesRolesIsRefusedBeforeItsBodyIsRead() throws Exception {
        var event = event("enroll-teacher.json");
        event.getRequestContext().getAuthorizer().getJwt().setClaims(java.util.Map.of("sub", "t", "role", "TEACHER", "teacherId", "T-1"));
        event.setBody("{\"teacherId\":");
        var response = handler.handleRequest(event, new MockLambdaContext());
        assertEquals(403, response.getStatusCode(), response.getBody());
        assertTrue(response.getBody().contains("此操作仅限以下角色"), response.getBody());
        // and with no body at all, which the route would refuse 400 before its controller ran (CallerGate)
        event.setBody(null);
        var bodiless = handler.handleRequest(event, new MockLambdaContext());
        assertEquals(403, bodiless.getStatusCode(), bodiless.getBody());
    }

    @Test
    void aRequestWithoutTheAuthorizersVerifiedClaimsIsRefused_whateverItsHeaderSays() throws Exception {
        // the header's token is not verified again in gateway mode, so without the authorizer's context it counts for nothing
        var event = event("get-jurisdiction.json");
        event.getRequestContext().setAuthorizer(null);
        var response = handler.handleRequest(event, new MockLambdaContext());
        assertEquals(401, response.getStatusCode(), response.getBody());
        // and claims the authorizer verified are still checked against the tree: a county admin claiming "4115" is nobody
        var prefix = event("get-jurisdiction.json");
        prefix.getRequestContext().getAuthorizer().getJwt().setClaims(java.util.Map.of("sub", "x", "role", "COUNTY_ADMIN", "jurisdiction", "4115"));
        assertEquals(401, handler.handleRequest(prefix, new MockLambdaContext()).getStatusCode());
    }
}
