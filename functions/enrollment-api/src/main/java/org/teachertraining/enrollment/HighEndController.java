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
import org.teachertraining.core.evaluation.HighEndShares;
import org.teachertraining.http.ForRoles;
import org.teachertraining.http.Callers;
import org.teachertraining.http.Json;
import org.teachertraining.http.QueryValues;
import org.teachertraining.http.Responses;

import static org.teachertraining.core.identity.Role.CITY_ADMIN;
import static org.teachertraining.core.identity.Role.COUNTY_ADMIN;
import static org.teachertraining.core.identity.Role.PROVINCE_ADMIN;

/** T1: full-time teacher counts as the bureaus' data, and each unit's high-end training share against them. */
@Controller("/jurisdictions/{code}")
public class HighEndController {
    /** Body of {@code PUT /jurisdictions/{code}/teacher-counts/{year}}. */
    public record CountBody(Integer fullTime) {}

    private final Callers callers;
    private final HighEndShares shares;

    public HighEndController(Callers callers, HighEndShares shares) {
        this.callers = callers;
        this.shares = shares;
    }

    @ForRoles(value = {PROVINCE_ADMIN, CITY_ADMIN, COUNTY_ADMIN}, jurisdiction = "code")
    @Put("/teacher-counts/{year}")
    public HttpResponse<String> setCount(HttpRequest<?> request, String code, String year, @Body String body) {
        var caller = callers.of(request);
        return Responses.of(request, shares.setCount(caller, code, QueryValues.integer("year", year), Json.read(body, CountBody.class).fullTime()), HttpStatus.OK);
    }

    @ForRoles(value = {PROVINCE_ADMIN, CITY_ADMIN, COUNTY_ADMIN}, jurisdiction = "code")
    @Get("/high-end-shares")
    public HttpResponse<String> shares(HttpRequest<?> request, String code, @Nullable @QueryValue String year) {
        var caller = callers.of(request);
        return Responses.of(request, shares.of(caller, code, QueryValues.integer("year", year)), HttpStatus.OK);
    }
}
