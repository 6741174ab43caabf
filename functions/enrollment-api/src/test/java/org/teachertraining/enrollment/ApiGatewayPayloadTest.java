package org.teachertraining.enrollment;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The payload read field by field is the event Jackson's data binding makes of the same JSON (the event classes' own
 * mapping, which the Lambda runtime's serializer follows), for the sample events and for one with every field; the
 * response written is what data binding writes of it, null fields left out.
 */
class ApiGatewayPayloadTest {
    static final ObjectMapper BINDING = new ObjectMapper();

    /** Every field of the format, with what API Gateway may put in them: numbers and booleans among claims, a Lambda authorizer's typed context. */
    static final String EVERY_FIELD = """
            {"version":"2.0","routeKey":"GET /teachers","rawPath":"/teachers","rawQueryString":"a=1&b=%E6%96%B0",
             "cookies":["c1=v1","c2=v2"],"headers":{"accept":"application/json","x-empty":""},
             "queryStringParameters":{"a":"1","b":"新"},"pathParameters":{"id":"T-1"},"stageVariables":{"s":"v"},
             "body":"eyJ4IjoxfQ==","isBase64Encoded":true,
             "requestContext":{"accountId":"123456789012","apiId":"abc","domainName":"d.example","domainPrefix":"d",
               "http":{"method":"GET","path":"/teachers","protocol":"HTTP/1.1","sourceIp":"203.0.113.7","userAgent":"ua"},
               "requestId":"r-1","routeKey":"GET /teachers","stage":"$default","time":"22/Nov/2026:08:00:00 +0000","timeEpoch":1795334400000,
               "authorizer":{"jwt":{"claims":{"sub":"x","role":"COUNTY_ADMIN","iat":1600000000,"email_verified":true},"scopes":["a","b"]},
                 "lambda":{"n":5,"big":12345678901,"f":1.5,"t":true,"s":"x","list":[1,"a"],"obj":{"k":null}},
                 "iam":{"accessKey":"AK","accountId":"1","callerId":"C","principalOrgId":"o","userArn":"arn","userId":"U",
                   "cognitoIdentity":{"amr":["authenticated"],"identityId":"i","identityPoolId":"p"}}}}}
            """;

    @Test
    void theSampleEvents_readAsDataBindingReadsThem() throws Exception {
        try (var files = Files.list(Path.of("../../events/EnrollmentApiFunction"))) {
            var samples = files.filter(f -> f.toString().endsWith(".json")).toList();
            assertFalse(samples.isEmpty(), "no sample events found");
            for (var f : samples) {
                String json = Files.readString(f);
                assertEquals(BINDING.readValue(json, APIGatewayV2HTTPEvent.class), ApiGatewayPayload.event(BINDING.readTree(json)), f.toString());
            }
        }
    }

    @Test
    void everyField_readsAsDataBindingReadsIt() throws Exception {
        var read = ApiGatewayPayload.event(BINDING.readTree(EVERY_FIELD));
        assertEquals(BINDING.readValue(EVERY_FIELD, APIGatewayV2HTTPEvent.class), read);
        assertEquals("1600000000", read.getRequestContext().getAuthorizer().getJwt().getClaims().get("iat"));
        assertEquals("true", read.getRequestContext().getAuthorizer().getJwt().getClaims().get("email_verified"));
    }

    /** The JSON above fills every property the event classes have, so a property the library adds fails here until both know it. */
    @Test
    void everyFieldCoversEveryPropertyOfTheEventClasses() throws Exception {
        var unset = new java.util.ArrayList<String>();
        unsetProperties(BINDING.readValue(EVERY_FIELD, APIGatewayV2HTTPEvent.class), "event", unset);
        assertEquals(List.of(), unset);
    }

    static void unsetProperties(Object o, String path, List<String> unset) throws Exception {
        for (var m : o.getClass().getMethods()) {
            if (m.getParameterCount() != 0 || !m.getName().startsWith("get") || m.getDeclaringClass() == Object.class) continue;
            Object v = m.invoke(o);
            String at = path + "." + m.getName().substring(3);
            if (v == null) unset.add(at);
            else if (v.getClass().getName().startsWith("com.amazonaws.services.lambda.runtime.events.")) unsetProperties(v, at, unset);
        }
    }

    @Test
    void absentAndNullFields_stayNull() throws Exception {
        var read = ApiGatewayPayload.event(BINDING.readTree("{\"version\":\"2.0\",\"headers\":null,\"requestContext\":{\"authorizer\":{\"jwt\":null}}}"));
        assertNull(read.getHeaders());
        assertNull(read.getBody());
        assertNull(read.getRequestContext().getHttp());
        assertNull(read.getRequestContext().getAuthorizer().getJwt());
        assertFalse(read.getIsBase64Encoded());
    }

    @Test
    void aPayloadThatIsNotAnObject_isRefused() throws Exception {
        for (String json : List.of("[]", "\"x\"", "null", "3")) {
            assertThrows(IllegalArgumentException.class, () -> ApiGatewayPayload.event(BINDING.readTree(json)), json);
        }
    }

    @Test
    void theResponse_isWrittenAsDataBindingWritesIt_nullsLeftOut() {
        var full = APIGatewayV2HTTPResponse.builder().withStatusCode(201).withHeaders(Map.of("Content-Type", "application/json"))
                .withMultiValueHeaders(Map.of("Vary", List.of("Accept", "Accept-Language"))).withCookies(List.of("a=1"))
                .withBody("{\"id\":\"新\"}").withIsBase64Encoded(false).build();
        var bare = APIGatewayV2HTTPResponse.builder().withStatusCode(204).build();
        var binding = new ObjectMapper().setSerializationInclusion(JsonInclude.Include.NON_NULL);
        for (var r : List.of(full, bare)) {
            assertEquals(binding.valueToTree(r), ApiGatewayPayload.response(r));
        }
        assertEquals("{\"statusCode\":204,\"isBase64Encoded\":false}", ApiGatewayPayload.response(bare).toString());
    }
}
