package org.teachertraining.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import org.teachertraining.core.common.Refusal;
import org.teachertraining.core.common.Text;
import org.teachertraining.core.identity.Caller;
import org.teachertraining.core.identity.Role;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;

/**
 * The caller of a request, from {@code Authorization: Bearer <JWT>}.
 * <ul>
 *   <li>{@code auth.mode=gateway} (AWS): API Gateway's JWT authorizer has verified the Cognito token before
 *   the function runs; the claims are read from it. Cognito custom attributes ({@code custom:role}) work too.</li>
 *   <li>{@code auth.mode=hmac} (local runtime, the default): the token must carry a valid HS256 signature
 *   with {@code auth.hmac-secret}; without a secret every request is unauthenticated.</li>
 * </ul>
 */
@Singleton
public final class Callers {
    private final boolean gateway;
    private final HmacJwt hmac;
    private final Clock clock;

    public Callers(@Value("${auth.mode:hmac}") String mode, @Value("${auth.hmac-secret:}") String secret, Clock clock) {
        this.gateway = "gateway".equals(mode);
        this.hmac = secret.length() >= 32 ? new HmacJwt(secret.getBytes(StandardCharsets.UTF_8)) : null;
        this.clock = clock;
    }

    public Caller of(HttpRequest<?> request) {
        String header = request.getHeaders().get("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw unauthenticated("缺少 Authorization: Bearer 令牌", "Missing Authorization: Bearer token");
        }
        String token = header.substring(7).strip();
        Optional<JsonNode> claims = gateway ? HmacJwt.decodePayload(token)
                : hmac == null ? Optional.empty() : hmac.verify(token, clock.instant().getEpochSecond());
        var c = claims.orElseThrow(() -> unauthenticated("令牌无效或已过期", "Invalid or expired token"));
        String roleName = claim(c, "role");
        Role role;
        try {
            role = Role.valueOf(roleName == null ? "" : roleName);
        } catch (IllegalArgumentException e) {
            throw unauthenticated("令牌中的角色无效：" + roleName, "The token's role claim is not a known role: " + roleName);
        }
        String sub = claim(c, "sub");
        if (sub == null) throw unauthenticated("令牌缺少 sub", "The token has no sub claim");
        request.setAttribute(RequestLog.CALLER, sub);
        return new Caller(sub, role, claim(c, "jurisdiction"), claim(c, "institutionId"), claim(c, "teacherId"));
    }

    private static String claim(JsonNode claims, String name) {
        var v = claims.hasNonNull(name) ? claims.get(name) : claims.get("custom:" + name);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static ProblemException unauthenticated(String zh, String en) {
        return new ProblemException(401, new Refusal(Refusal.Kind.UNAUTHENTICATED, null, Text.of(zh, en), null, null));
    }
}
