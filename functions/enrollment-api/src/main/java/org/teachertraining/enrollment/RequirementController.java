package org.teachertraining.enrollment;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import org.teachertraining.core.credit.SetRequirement;
import org.teachertraining.http.ForRoles;
import org.teachertraining.http.Callers;
import org.teachertraining.http.Json;
import org.teachertraining.http.QueryValues;
import org.teachertraining.http.Responses;

import static org.teachertraining.core.identity.Role.CITY_ADMIN;
import static org.teachertraining.core.identity.Role.COUNTY_ADMIN;
import static org.teachertraining.core.identity.Role.PROVINCE_ADMIN;

/** C3 as the bureaus' data: the cycle requirements in force for a unit, a requirement's versions, a new version. */
@Controller("/requirements")
public class RequirementController {
    private final Callers callers;
    private final SetRequirement requirements;

    public RequirementController(Callers callers, SetRequirement requirements) {
        this.callers = callers;
        this.requirements = requirements;
    }

    @Get
    public HttpResponse<String> applicable(HttpRequest<?> request, @Nullable @QueryValue String jurisdiction, @Nullable @QueryValue String year) {
        callers.of(request);
        return Responses.of(request, requirements.applicable(jurisdiction, QueryValues.integer("year", year)), HttpStatus.OK);
    }

    @Get("/{requirementId}")
    public HttpResponse<String> history(HttpRequest<?> request, String requirementId) {
        callers.of(request);
        return Responses.of(request, requirements.history(requirementId), HttpStatus.OK);
    }

    @ForRoles({PROVINCE_ADMIN, CITY_ADMIN, COUNTY_ADMIN})
    @Put("/{requirementId}")
    public HttpResponse<String> set(HttpRequest<?> request, String requirementId, @Body String body) {
        var caller = callers.of(request);
        return Responses.of(request, requirements.execute(caller, requirementId, Json.read(body, SetRequirement.Command.class)), HttpStatus.CREATED);
    }
}
