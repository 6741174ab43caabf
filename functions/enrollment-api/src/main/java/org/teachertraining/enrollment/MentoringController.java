package org.teachertraining.enrollment;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import org.teachertraining.core.mentoring.MentoringActivities;
import org.teachertraining.core.mentoring.MentoringCommunities;
import org.teachertraining.core.mentoring.MentoringCoverage;
import org.teachertraining.http.ForRoles;
import org.teachertraining.http.Callers;
import org.teachertraining.http.Json;
import org.teachertraining.http.QueryValues;
import org.teachertraining.http.Responses;

import java.util.Map;

import static org.teachertraining.core.identity.Role.CITY_ADMIN;
import static org.teachertraining.core.identity.Role.COUNTY_ADMIN;
import static org.teachertraining.core.identity.Role.PROVINCE_ADMIN;
import static org.teachertraining.core.identity.Role.TEACHER;

/** T2, the "1+10+100" mentoring communities: members, activities and the county's approval of their hours, coverage against targets. */
@Controller
public class MentoringController {
    /** Body naming one teacher. */
    public record TeacherBody(String teacherId) {}

    /** Body of {@code PUT /jurisdictions/{code}/mentoring-targets/{year}}. */
    public record TargetBody(Integer masters, Integer backbones, Integer newTeachers) {}

    private final Callers callers;
    private final MentoringCommunities communities;
    private final MentoringActivities activities;
    private final MentoringCoverage coverage;

    public MentoringController(Callers callers, MentoringCommunities communities, MentoringActivities activities, MentoringCoverage coverage) {
        this.callers = callers;
        this.communities = communities;
        this.activities = activities;
        this.coverage = coverage;
    }

    @ForRoles({PROVINCE_ADMIN, CITY_ADMIN, COUNTY_ADMIN})
    @Post("/mentoring-communities")
    public HttpResponse<String> create(HttpRequest<?> request, @Body String body) {
        var caller = callers.of(request);
        return Responses.of(request, communities.create(caller, Json.read(body, MentoringCommunities.Create.class)), HttpStatus.CREATED);
    }

    @ForRoles(value = {PROVINCE_ADMIN, CITY_ADMIN, COUNTY_ADMIN}, jurisdiction = "jurisdiction")
    @Get("/mentoring-communities")
    public HttpResponse<String> list(HttpRequest<?> request, @Nullable @QueryValue String jurisdiction, @Nullable @QueryValue String year) {
        var caller = callers.of(request);
        return Responses.of(request, communities.list(caller, jurisdiction, QueryValues.integer("year", year)).map(items -> Map.of("items", items)), HttpStatus.OK);
    }

    @ForRoles({PROVINCE_ADMIN, CITY_ADMIN, COUNTY_ADMIN, TEACHER})
    @Get("/mentoring-communities/{communityId}")
    public HttpResponse<String> read(HttpRequest<?> request, String communityId) {
        var caller = callers.of(request);
        return Responses.of(request, communities.read(caller, communityId), HttpStatus.OK);
    }

    @ForRoles({PROVINCE_ADMIN, CITY_ADMIN, COUNTY_ADMIN})
    @Post("/mentoring-communities/{communityId}/backbones")
    public HttpResponse<String> addBackbone(HttpRequest<?> request, String communityId, @Body String body) {
        var caller = callers.of(request);
        return Responses.of(request, communities.addBackbone(caller, communityId, Json.read(body, TeacherBody.class).teacherId()), HttpStatus.CREATED);
    }

    @ForRoles({PROVINCE_ADMIN, CITY_ADMIN, COUNTY_ADMIN})
    @Post("/mentoring-communities/{communityId}/backbones/{teacherId}/new-teachers")
    public HttpResponse<String> addNewTeacher(HttpRequest<?> request, String communityId, String teacherId, @Body String body) {
        var caller = callers.of(request);
        return Responses.of(request, communities.addNewTeacher(caller, communityId, teacherId, Json.read(body, TeacherBody.class).teacherId()),
                HttpStatus.CREATED);
    }

    @ForRoles({PROVINCE_ADMIN, CITY_ADMIN, COUNTY_ADMIN, TEACHER})
    @Post("/mentoring-communities/{communityId}/activities")
    public HttpResponse<String> record(HttpRequest<?> request, String communityId, @Body String body) {
        var caller = callers.of(request);
        return Responses.of(request, activities.record(caller, communityId, Json.read(body, MentoringActivities.Record.class)),
                r -> r.created() ? HttpStatus.CREATED : HttpStatus.OK, MentoringActivities.Recorded::activity);
    }

    @ForRoles({COUNTY_ADMIN})
    @Post("/mentoring-communities/{communityId}/activities/{activityId}/decision")
    public HttpResponse<String> decide(HttpRequest<?> request, String communityId, String activityId, @Body String body) {
        var caller = callers.of(request);
        return Responses.of(request, activities.decide(caller, communityId, activityId, Json.read(body, MentoringActivities.Decide.class))
                .map(items -> Map.of("items", items)), HttpStatus.OK);
    }

    @ForRoles(value = {COUNTY_ADMIN}, jurisdiction = "code")
    @Get("/jurisdictions/{code}/mentoring-approvals")
    public HttpResponse<String> pending(HttpRequest<?> request, String code, @Nullable @QueryValue String cursor, @Nullable @QueryValue String limit) {
        var caller = callers.of(request);
        return Responses.of(request, activities.pending(caller, code, QueryValues.text(cursor), QueryValues.integer("limit", limit)), HttpStatus.OK);
    }

    @ForRoles(value = {PROVINCE_ADMIN, CITY_ADMIN, COUNTY_ADMIN}, jurisdiction = "code")
    @Get("/jurisdictions/{code}/mentoring-coverage")
    public HttpResponse<String> coverage(HttpRequest<?> request, String code, @Nullable @QueryValue String year) {
        var caller = callers.of(request);
        return Responses.of(request, coverage.of(caller, code, QueryValues.integer("year", year)), HttpStatus.OK);
    }

    @ForRoles(value = {PROVINCE_ADMIN, CITY_ADMIN, COUNTY_ADMIN}, jurisdiction = "code")
    @Put("/jurisdictions/{code}/mentoring-targets/{year}")
    public HttpResponse<String> setTarget(HttpRequest<?> request, String code, String year, @Body String body) {
        var caller = callers.of(request);
        var b = Json.read(body, TargetBody.class);
        return Responses.of(request, coverage.setTarget(caller, code, QueryValues.integer("year", year), b.masters(), b.backbones(), b.newTeachers()),
                HttpStatus.OK);
    }
}
