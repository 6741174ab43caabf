package org.teachertraining.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.micronaut.web.router.RouteAttributes;
import io.micronaut.web.router.RouteMatch;
import jakarta.inject.Singleton;
import org.teachertraining.core.common.Refusal;
import org.teachertraining.core.common.Text;
import io.micronaut.core.annotation.Nullable;
import org.teachertraining.core.identity.Access;
import org.teachertraining.core.identity.Caller;
import org.teachertraining.core.identity.Role;
import org.teachertraining.core.teacher.TeacherAccess;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * The caller of a request, from {@code Authorization: Bearer <JWT>}.
 * <ul>
 *   <li>{@code auth.mode=gateway} (AWS): API Gateway's JWT authorizer has verified the token before the
 *   function runs; the claims are read from the request context it fills ({@link AuthorizerClaims}), never
 *   from the {@code Authorization} header, which is not verified again here. A request without such a
 *   context is refused. Cognito custom attributes ({@code custom:role}) work too.</li>
 *   <li>{@code auth.mode=hmac} (local runtime, the default): the token must carry a valid HS256 signature
 *   with {@code auth.hmac-secret}; without a secret every request is unauthenticated.</li>
 * </ul>
 * Either way the claims must then identify someone who may act ({@link Access#claimProblem}): a
 * jurisdiction code of the tree at the role's level, an institution's or a teacher's ID.
 */
@Singleton
public final class Callers {
    private final boolean gateway;
    private final HmacJwt hmac;
    private final Clock clock;
    private final Access access;
    private final AuthorizerClaims authorizer;

    public Callers(@Value("${auth.mode:hmac}") String mode, @Value("${auth.hmac-secret:}") String secret, Clock clock,
                   Access access, @Nullable AuthorizerClaims authorizer) {
        this.gateway = "gateway".equals(mode);
        this.hmac = secret.length() >= 32 ? new HmacJwt(secret.getBytes(StandardCharsets.UTF_8)) : null;
        this.clock = clock;
        this.access = access;
        this.authorizer = authorizer;
    }

    /** The request's attribute holding the caller once verified and admitted ({@link CallerGate}). */
    private static final String ADMITTED = "callers.admitted";

    /**
     * The verified caller, refused 403 at once if the route's {@link ForRoles} does not name its role. On a closed route
     * {@link CallerGate} has found it before the route's arguments were bound; this hands the controller the same caller.
     */
    public Caller of(HttpRequest<?> request) {
        return of(request, RouteAttributes.getRouteMatch(request).orElse(null));
    }

    /** The caller {@link CallerGate} verified and admitted for this request, if it did. */
    Optional<Caller> admitted(HttpRequest<?> request) {
        return request.getAttribute(ADMITTED, Caller.class);
    }

    /** The verified caller, held to {@code route}'s {@link ForRoles} if a route is given. */
    Caller of(HttpRequest<?> request, @Nullable RouteMatch<?> route) {
        var admitted = admitted(request);
        if (admitted.isPresent()) return admitted.get();
        String header = request.getHeaders().get("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw unauthenticated("缺少 Authorization: Bearer 令牌", "Missing Authorization: Bearer token");
        }
        String token = header.substring(7).strip();
        Optional<JsonNode> claims = gateway
                ? (authorizer == null ? Optional.<Map<String, String>>empty() : authorizer.of(request)).map(m -> Json.MAPPER.valueToTree(m))
                : hmac == null ? Optional.empty() : hmac.verify(token, clock.instant().getEpochSecond());
        var c = claims.orElseThrow(() -> unauthenticated("令牌无效或已过期", "Invalid or expired token"));
        String roleName = claim(c, "role");
        Role role;
        try {
            role = Role.valueOf(roleName == null ? "" : roleName);
        } catch (IllegalArgumentException e) {
            throw unauthenticated("令牌中的角色无效", "The token's role claim is not a known role");
        }
        String sub = claim(c, "sub");
        if (sub == null) throw unauthenticated("令牌缺少 sub", "The token has no sub claim");
        var caller = new Caller(sub, role, claim(c, "jurisdiction"), claim(c, "institutionId"), claim(c, "teacherId"));
        var problem = access.claimProblem(caller);
        if (problem.isPresent()) {
            throw new ProblemException(401, new Refusal(Refusal.Kind.UNAUTHENTICATED, null, problem.get(), null, null));
        }
        request.setAttribute(RequestLog.CALLER, sub);
        if (route != null) admit(caller, route, request);
        request.setAttribute(ADMITTED, caller);
        return caller;
    }

    /** Refuses the caller at once (403) if the route's {@link ForRoles} rules it out, before anything of the request is read. */
    private void admit(Caller caller, RouteMatch<?> route, HttpRequest<?> request) {
        var rule = route.getAnnotationMetadata();
        if (!rule.hasAnnotation(ForRoles.class)) return;
        Role[] allowed = rule.enumValues(ForRoles.class, Role.class);
        if (!caller.hasRole(allowed)) throw new ProblemException(403, Access.roleRefusal(allowed));
        String unit = named(route, request, rule.stringValue(ForRoles.class, "jurisdiction"));
        if (unit != null && caller.role().isAdmin() && access.tree().exists(unit)) {   // an unknown code: the use case's 400 names it
            access.require(caller, unit, allowed).ifPresent(refusal -> { throw new ProblemException(Problems.status(refusal.kind()), refusal); });
        }
        String teacher = named(route, request, rule.stringValue(ForRoles.class, "teacher"));
        if (teacher != null && caller.role() == Role.TEACHER && !teacher.equals(caller.teacherId())) {
            throw new ProblemException(403, TeacherAccess.notSelf());
        }
    }

    /** The path variable {@code name}, or else the query parameter; null if neither is given (or no name). */
    private static String named(RouteMatch<?> route, HttpRequest<?> request, Optional<String> name) {
        if (name.isEmpty() || name.get().isEmpty()) return null;
        var inPath = route.getVariableValues().get(name.get());
        return inPath != null ? inPath.toString() : request.getParameters().get(name.get());
    }

    private static String claim(JsonNode claims, String name) {
        var v = claims.hasNonNull(name) ? claims.get(name) : claims.get("custom:" + name);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static ProblemException unauthenticated(String zh, String en) {
        return new ProblemException(401, new Refusal(Refusal.Kind.UNAUTHENTICATED, null, Text.of(zh, en), null, null));
    }
}
