package org.teachertraining.enrollment;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import io.micronaut.http.HttpRequest;
import io.micronaut.servlet.http.ServletHttpRequest;
import jakarta.inject.Singleton;
import org.teachertraining.http.AuthorizerClaims;

import java.util.Map;
import java.util.Optional;

/**
 * In Lambda: the claims API Gateway's JWT authorizer verified, from the HTTP API event's request context
 * (payload format 2.0). Requests served otherwise (the local runtime's Netty server) carry no such event.
 */
@Singleton
public class ApiGatewayAuthorizerClaims implements AuthorizerClaims {

    @Override
    public Optional<Map<String, String>> of(HttpRequest<?> request) {
        if (!(request instanceof ServletHttpRequest<?, ?> servlet) || !(servlet.getNativeRequest() instanceof APIGatewayV2HTTPEvent event)) {
            return Optional.empty();
        }
        var context = event.getRequestContext();
        if (context == null || context.getAuthorizer() == null || context.getAuthorizer().getJwt() == null) return Optional.empty();
        var claims = context.getAuthorizer().getJwt().getClaims();
        return claims == null || claims.isEmpty() ? Optional.empty() : Optional.of(claims);
    }
}
