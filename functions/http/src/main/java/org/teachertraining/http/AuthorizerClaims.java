package org.teachertraining.http;

import io.micronaut.http.HttpRequest;

import java.util.Map;
import java.util.Optional;

/**
 * The claims of a token that API Gateway's JWT authorizer has verified, as the request context carries
 * them ({@code requestContext.authorizer.jwt.claims}). Empty when the request has none: such a request
 * did not come through the authorizer, and its {@code Authorization} header is not to be trusted.
 */
public interface AuthorizerClaims {
    Optional<Map<String, String>> of(HttpRequest<?> request);
}
