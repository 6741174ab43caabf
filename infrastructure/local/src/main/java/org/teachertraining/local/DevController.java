package org.teachertraining.local;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import org.teachertraining.core.common.Violations;
import org.teachertraining.core.identity.Role;
import org.teachertraining.http.HmacJwt;
import org.teachertraining.http.Json;
import org.teachertraining.http.Open;
import org.teachertraining.http.ProblemException;
import org.teachertraining.http.Responses;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** Local-only endpoints: mint tokens, read and set the clock. This module is never deployed. */
@Open
@Controller("/dev")
@Requires(property = "local.runtime", value = "true")
public class DevController {
    static final long TOKEN_LIFETIME_SECONDS = 12 * 3600;

    public record TokenRequest(String sub, String role, String jurisdiction, String institutionId, String teacherId) {}

    public record ClockRequest(OffsetDateTime now) {}

    private final HmacJwt jwt;
    private final LocalClock clock;

    public DevController(@Value("${auth.hmac-secret}") String secret, LocalClock clock) {
        this.jwt = new HmacJwt(secret.getBytes(StandardCharsets.UTF_8));
        this.clock = clock;
    }

    @Post("/tokens")
    public HttpResponse<String> token(@Body String body) {
        var r = Json.read(body, TokenRequest.class);
        var v = new Violations();
        v.identifier("sub", r.sub());
        if (v.required("role", r.role()) && Arrays.stream(Role.values()).noneMatch(x -> x.name().equals(r.role()))) {
            v.notOneOf("role", org.teachertraining.core.common.Text.of("未知角色", "unknown role"), Role.class);
        }
        if (!v.isEmpty()) throw new ProblemException(400, v.refusal());
        var claims = new LinkedHashMap<String, Object>();
        claims.put("sub", r.sub());
        claims.put("role", r.role());
        if (r.jurisdiction() != null) claims.put("jurisdiction", r.jurisdiction());
        if (r.institutionId() != null) claims.put("institutionId", r.institutionId());
        if (r.teacherId() != null) claims.put("teacherId", r.teacherId());
        long now = clock.instant().getEpochSecond();
        claims.put("iat", now);
        claims.put("exp", now + TOKEN_LIFETIME_SECONDS);
        return Responses.json(HttpStatus.OK, Map.of("token", jwt.sign(claims)));
    }

    @Get("/clock")
    public HttpResponse<String> now() {
        return Responses.json(HttpStatus.OK, Map.of("now", clock.instant().toString(), "offsetSeconds", clock.offset().toSeconds()));
    }

    @Post("/clock")
    public HttpResponse<String> set(@Body String body) {
        var r = Json.read(body, ClockRequest.class);
        if (r.now() == null) throw new ProblemException(400, new Violations().add("now", "必填", "is required").refusal());
        clock.set(r.now().toInstant());
        return now();
    }
}
