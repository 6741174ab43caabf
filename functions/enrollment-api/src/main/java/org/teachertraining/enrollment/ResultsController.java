package org.teachertraining.enrollment;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import org.teachertraining.core.evaluation.JurisdictionResults;
import org.teachertraining.http.ForRoles;
import org.teachertraining.http.Callers;
import org.teachertraining.http.QueryValues;
import org.teachertraining.http.Responses;
import org.teachertraining.http.export.Export;

import java.util.ArrayList;

import static org.teachertraining.core.identity.Role.CITY_ADMIN;
import static org.teachertraining.core.identity.Role.COUNTY_ADMIN;
import static org.teachertraining.core.identity.Role.PROVINCE_ADMIN;

/** A unit's yearly results (E8) and those of the units one level below it, as JSON or a sheet ({@code ?format=}). */
@Controller("/jurisdictions/{code}/results")
public class ResultsController {
    private final Callers callers;
    private final JurisdictionResults results;

    public ResultsController(Callers callers, JurisdictionResults results) {
        this.callers = callers;
        this.results = results;
    }

    @ForRoles(value = {PROVINCE_ADMIN, CITY_ADMIN, COUNTY_ADMIN}, jurisdiction = "code")
    @Get
    @io.micronaut.http.annotation.Produces({"application/json", Export.XLSX, "text/csv"})   // ?format= or Accept
    public HttpResponse<?> ofYear(HttpRequest<?> request, String code, @Nullable @QueryValue String year) {
        var caller = callers.of(request);
        var export = Export.asked(request);
        var outcome = results.ofYear(caller, code, QueryValues.integer("year", year));
        if (export != null) {
            return Export.response(request, export, "年度考核", ExportColumns.RESULTS, Export.list(outcome.map(r -> {
                var rows = new ArrayList<JurisdictionResults.Figures>();
                rows.add(r.unit());
                rows.addAll(r.children());
                return rows;
            })));
        }
        return Responses.of(request, outcome, v -> HttpStatus.OK, r -> org.teachertraining.http.Json.with(r, "explanation", JurisdictionResults.explanation()));
    }
}
