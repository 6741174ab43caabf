package org.teachertraining.enrollment;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.RequestContext;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * API Gateway's HTTP API payload (format 2.0) read from and written to JSON trees, field by field, every field the event
 * and response classes have. The Lambda runtime's own serializer makes the same objects by introspecting those classes
 * on the first request, which a cold start pays for (BENCHMARKS.md, "Without SnapStart"); a tree costs little.
 *
 * <p>As API Gateway sends them, and as the runtime's serializer reads them: a map's values and a list's items are
 * strings (a number or a boolean as its text; a nested object or array as its JSON), an absent or null field stays
 * null, and a Lambda authorizer's context keeps its JSON types.
 */
final class ApiGatewayPayload {
    private ApiGatewayPayload() {}

    static APIGatewayV2HTTPEvent event(JsonNode n) {
        if (n == null || !n.isObject()) throw new IllegalArgumentException("an API Gateway event is a JSON object");
        var e = new APIGatewayV2HTTPEvent();
        e.setVersion(text(n, "version"));
        e.setRouteKey(text(n, "routeKey"));
        e.setRawPath(text(n, "rawPath"));
        e.setRawQueryString(text(n, "rawQueryString"));
        e.setCookies(strings(n.get("cookies")));
        e.setHeaders(stringMap(n.get("headers")));
        e.setQueryStringParameters(stringMap(n.get("queryStringParameters")));
        e.setPathParameters(stringMap(n.get("pathParameters")));
        e.setStageVariables(stringMap(n.get("stageVariables")));
        e.setBody(text(n, "body"));
        e.setIsBase64Encoded(n.path("isBase64Encoded").asBoolean(false));
        e.setRequestContext(requestContext(n.get("requestContext")));
        return e;
    }

    private static RequestContext requestContext(JsonNode n) {
        if (!present(n)) return null;
        var c = new RequestContext();
        c.setRouteKey(text(n, "routeKey"));
        c.setAccountId(text(n, "accountId"));
        c.setStage(text(n, "stage"));
        c.setApiId(text(n, "apiId"));
        c.setDomainName(text(n, "domainName"));
        c.setDomainPrefix(text(n, "domainPrefix"));
        c.setTime(text(n, "time"));
        c.setTimeEpoch(n.path("timeEpoch").asLong(0));
        c.setRequestId(text(n, "requestId"));
        JsonNode h = n.get("http");
        if (present(h)) {
            var http = new RequestContext.Http();
            http.setMethod(text(h, "method"));
            http.setPath(text(h, "path"));
            http.setProtocol(text(h, "protocol"));
            http.setSourceIp(text(h, "sourceIp"));
            http.setUserAgent(text(h, "userAgent"));
            c.setHttp(http);
        }
        JsonNode a = n.get("authorizer");
        if (present(a)) {
            var authorizer = new RequestContext.Authorizer();
            JsonNode jwt = a.get("jwt");
            if (present(jwt)) {
                var j = new RequestContext.Authorizer.JWT();
                j.setClaims(stringMap(jwt.get("claims")));
                j.setScopes(strings(jwt.get("scopes")));
                authorizer.setJwt(j);
            }
            JsonNode lambda = a.get("lambda");
            if (present(lambda) && lambda.isObject()) {
                var context = new LinkedHashMap<String, Object>();
                lambda.properties().forEach(f -> context.put(f.getKey(), value(f.getValue())));
                authorizer.setLambda(context);
            }
            authorizer.setIam(iam(a.get("iam")));
            c.setAuthorizer(authorizer);
        }
        return c;
    }

    private static RequestContext.IAM iam(JsonNode n) {
        if (!present(n)) return null;
        var iam = new RequestContext.IAM();
        iam.setAccessKey(text(n, "accessKey"));
        iam.setAccountId(text(n, "accountId"));
        iam.setCallerId(text(n, "callerId"));
        iam.setPrincipalOrgId(text(n, "principalOrgId"));
        iam.setUserArn(text(n, "userArn"));
        iam.setUserId(text(n, "userId"));
        JsonNode c = n.get("cognitoIdentity");
        if (present(c)) {
            var identity = new RequestContext.CognitoIdentity();
            identity.setAmr(strings(c.get("amr")));
            identity.setIdentityId(text(c, "identityId"));
            identity.setIdentityPoolId(text(c, "identityPoolId"));
            iam.setCognitoIdentity(identity);
        }
        return iam;
    }

    /** The response as API Gateway reads it; fields the function left null are left out. */
    static ObjectNode response(APIGatewayV2HTTPResponse r) {
        var out = JsonNodeFactory.instance.objectNode();
        out.put("statusCode", r.getStatusCode());
        if (r.getHeaders() != null) {
            var headers = out.putObject("headers");
            r.getHeaders().forEach(headers::put);
        }
        if (r.getMultiValueHeaders() != null) {
            var headers = out.putObject("multiValueHeaders");
            r.getMultiValueHeaders().forEach((name, values) -> {
                var list = headers.putArray(name);
                if (values != null) values.forEach(list::add);
            });
        }
        if (r.getCookies() != null) {
            var cookies = out.putArray("cookies");
            r.getCookies().forEach(cookies::add);
        }
        if (r.getBody() != null) out.put("body", r.getBody());
        out.put("isBase64Encoded", r.getIsBase64Encoded());
        return out;
    }

    private static boolean present(JsonNode n) {
        return n != null && !n.isNull() && !n.isMissingNode();
    }

    private static String text(JsonNode n, String field) {
        return string(n.get(field));
    }

    private static String string(JsonNode v) {
        if (!present(v)) return null;
        return v.isValueNode() ? v.asText() : v.toString();
    }

    private static List<String> strings(JsonNode n) {
        if (!present(n)) return null;
        var out = new ArrayList<String>();
        if (n.isArray()) n.forEach(v -> out.add(string(v)));
        else out.add(string(n));
        return out;
    }

    private static Map<String, String> stringMap(JsonNode n) {
        if (!present(n) || !n.isObject()) return null;
        var out = new LinkedHashMap<String, String>();
        n.properties().forEach(f -> out.put(f.getKey(), string(f.getValue())));
        return out;
    }

    private static Object value(JsonNode v) {
        if (v == null || v.isNull()) return null;
        if (v.isTextual()) return v.asText();
        if (v.isBoolean()) return v.asBoolean();
        if (v.isNumber()) return v.numberValue();   // Integer, Long, BigInteger or Double, as Jackson reads an untyped value
        if (v.isArray()) {
            var list = new ArrayList<Object>();
            v.forEach(x -> list.add(value(x)));
            return list;
        }
        var map = new LinkedHashMap<String, Object>();
        v.properties().forEach(f -> map.put(f.getKey(), value(f.getValue())));
        return map;
    }
}
