package org.teachertraining.enrollment;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import org.teachertraining.core.evaluation.InstitutionPerformance;
import org.teachertraining.core.evaluation.PerformancePolicy;
import org.teachertraining.http.ForRoles;
import org.teachertraining.http.Callers;
import org.teachertraining.http.Json;
import org.teachertraining.http.Open;
import org.teachertraining.http.Responses;

import java.util.List;
import java.util.Map;

import static org.teachertraining.core.identity.Role.CITY_ADMIN;
import static org.teachertraining.core.identity.Role.COUNTY_ADMIN;
import static org.teachertraining.core.identity.Role.PROVINCE_ADMIN;
import static org.teachertraining.core.identity.Role.SCHOOL_ADMIN;

/**
 * P1, institution performance per program: the province's weights and elimination rule, the ranking (provisional
 * until confirmed), its confirmation and publication, the public read of a published ranking, and the previous
 * results the next program's assignments show.
 */
@Controller("/programs/{programId}")
public class PerformanceController {
    /** Body of {@code PUT /programs/{programId}/performance-policy}. */
    public record PolicyBody(Map<String, Integer> weights, PerformancePolicy.Elimination elimination) {}

    /** Body of {@code POST /programs/{programId}/institution-ranking/confirmation}: the flagged to eliminate. */
    public record ConfirmationBody(List<InstitutionPerformance.Flag> eliminate) {}

    private final Callers callers;
    private final InstitutionPerformance performance;

    public PerformanceController(Callers callers, InstitutionPerformance performance) {
        this.callers = callers;
        this.performance = performance;
    }

    @ForRoles({PROVINCE_ADMIN, CITY_ADMIN, COUNTY_ADMIN, SCHOOL_ADMIN})
    @Get("/performance-policy")
    public HttpResponse<String> policy(HttpRequest<?> request, String programId) {
        return Responses.of(request, performance.policy(callers.of(request), programId), HttpStatus.OK);
    }

    @ForRoles({PROVINCE_ADMIN, CITY_ADMIN, COUNTY_ADMIN, SCHOOL_ADMIN})
    @Put("/performance-policy")
    public HttpResponse<String> setPolicy(HttpRequest<?> request, String programId, @Body String body) {
        var caller = callers.of(request);
        var b = Json.read(body, PolicyBody.class);
        return Responses.of(request, performance.setPolicy(caller, programId, b.weights(), b.elimination()), HttpStatus.OK);
    }

    @ForRoles({PROVINCE_ADMIN, CITY_ADMIN, COUNTY_ADMIN, SCHOOL_ADMIN})
    @Get("/institution-ranking")
    public HttpResponse<String> ranking(HttpRequest<?> request, String programId) {
        return Responses.of(request, performance.ranking(callers.of(request), programId), HttpStatus.OK);
    }

    @ForRoles({PROVINCE_ADMIN, CITY_ADMIN, COUNTY_ADMIN, SCHOOL_ADMIN})
    @Post("/institution-ranking/confirmation")
    public HttpResponse<String> confirm(HttpRequest<?> request, String programId, @Body String body) {
        var caller = callers.of(request);
        return Responses.of(request, performance.confirm(caller, programId, Json.read(body, ConfirmationBody.class).eliminate()), HttpStatus.OK);
    }

    @ForRoles({PROVINCE_ADMIN, CITY_ADMIN, COUNTY_ADMIN, SCHOOL_ADMIN})
    @Post("/institution-ranking/publication")
    public HttpResponse<String> publish(HttpRequest<?> request, String programId) {
        return Responses.of(request, performance.publish(callers.of(request), programId), HttpStatus.OK);
    }

    /** Public (no token): the ranking the province published. */
    @Open
    @Get("/published-ranking")
    public HttpResponse<String> published(HttpRequest<?> request, String programId) {
        return Responses.of(request, performance.published(programId), HttpStatus.OK);
    }

    @ForRoles({PROVINCE_ADMIN, CITY_ADMIN, COUNTY_ADMIN, SCHOOL_ADMIN})
    @Get("/institution-standing")
    public HttpResponse<String> standing(HttpRequest<?> request, String programId) {
        return Responses.of(request, performance.standing(callers.of(request), programId), HttpStatus.OK);
    }
}
