package org.teachertraining.enrollment;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import org.teachertraining.core.lifecycle.ProjectLifecycleRequests;
import org.teachertraining.http.ForRoles;
import org.teachertraining.http.Callers;
import org.teachertraining.http.Json;
import org.teachertraining.http.Responses;

import static org.teachertraining.core.identity.Role.CITY_ADMIN;
import static org.teachertraining.core.identity.Role.COUNTY_ADMIN;
import static org.teachertraining.core.identity.Role.EXPERT;
import static org.teachertraining.core.identity.Role.INSTITUTION;
import static org.teachertraining.core.identity.Role.PROVINCE_ADMIN;
import static org.teachertraining.core.identity.Role.TEACHER;

/** A project's life on Step Functions: the application, the province's decision, where it stands; ratings and expert scores (P1). */
@Controller("/projects/{projectId}")
public class LifecycleController {

    public record DecisionBody(Boolean approved, String reason) {}

    public record CancellationBody(String reason) {}

    public record ScoreBody(Integer score, String comment) {}

    private final Callers callers;
    private final ProjectLifecycleRequests lifecycle;

    public LifecycleController(Callers callers, ProjectLifecycleRequests lifecycle) {
        this.callers = callers;
        this.lifecycle = lifecycle;
    }

    /** 202: the project's execution runs (the same one when asked again). */
    @ForRoles({INSTITUTION})
    @Post("/application")
    public HttpResponse<String> apply(HttpRequest<?> request, String projectId) {
        return Responses.of(request, lifecycle.apply(callers.of(request), projectId), HttpStatus.ACCEPTED);
    }

    @ForRoles({PROVINCE_ADMIN, CITY_ADMIN, COUNTY_ADMIN})
    @Post("/application/decision")
    public HttpResponse<String> decide(HttpRequest<?> request, String projectId, @Body String body) {
        var caller = callers.of(request);
        var b = Json.read(body, DecisionBody.class);
        return Responses.of(request, lifecycle.decide(caller, projectId, b.approved(), b.reason()), HttpStatus.OK);
    }

    @ForRoles({PROVINCE_ADMIN, CITY_ADMIN, COUNTY_ADMIN})
    @Post("/application/heartbeat")
    public HttpResponse<String> stillReviewing(HttpRequest<?> request, String projectId) {
        return Responses.of(request, lifecycle.stillReviewing(callers.of(request), projectId), HttpStatus.OK);
    }

    @ForRoles({PROVINCE_ADMIN, CITY_ADMIN, COUNTY_ADMIN})
    @Post("/cancellation")
    public HttpResponse<String> cancel(HttpRequest<?> request, String projectId, @Body String body) {
        var caller = callers.of(request);
        return Responses.of(request, lifecycle.cancel(caller, projectId, Json.read(body, CancellationBody.class).reason()), HttpStatus.OK);
    }

    @ForRoles({PROVINCE_ADMIN, CITY_ADMIN, COUNTY_ADMIN, INSTITUTION})
    @Get("/lifecycle")
    public HttpResponse<String> read(HttpRequest<?> request, String projectId) {
        return Responses.of(request, lifecycle.read(callers.of(request), projectId), HttpStatus.OK);
    }

    @ForRoles({TEACHER})
    @Post("/ratings")
    public HttpResponse<String> rate(HttpRequest<?> request, String projectId, @Body String body) {
        var caller = callers.of(request);
        var b = Json.read(body, ScoreBody.class);
        return Responses.of(request, lifecycle.rate(caller, projectId, b.score(), b.comment()), HttpStatus.CREATED);
    }

    @ForRoles({PROVINCE_ADMIN, CITY_ADMIN, COUNTY_ADMIN})
    @io.micronaut.http.annotation.Put("/experts/{expertId}")
    public HttpResponse<String> assignExpert(HttpRequest<?> request, String projectId, String expertId) {
        var caller = callers.of(request);
        return Responses.of(request, lifecycle.assignExpert(caller, projectId, expertId), HttpStatus.OK);
    }

    @ForRoles({EXPERT})
    @Post("/expert-scores")
    public HttpResponse<String> score(HttpRequest<?> request, String projectId, @Body String body) {
        var caller = callers.of(request);
        var b = Json.read(body, ScoreBody.class);
        return Responses.of(request, lifecycle.score(caller, projectId, b.score(), b.comment()), HttpStatus.CREATED);
    }

    /** P1: a sending bureau rates the project, 0–100, once training has ended (a repeat replaces its rating). */
    @ForRoles({CITY_ADMIN, COUNTY_ADMIN})
    @Post("/stakeholder-ratings")
    public HttpResponse<String> rateAsBureau(HttpRequest<?> request, String projectId, @Body String body) {
        var caller = callers.of(request);
        var b = Json.read(body, ScoreBody.class);
        return Responses.of(request, lifecycle.rateAsBureau(caller, projectId, b.score(), b.comment()), HttpStatus.OK);
    }
}
