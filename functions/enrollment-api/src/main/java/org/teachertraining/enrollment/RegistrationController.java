package org.teachertraining.enrollment;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import org.teachertraining.core.common.Violations;
import org.teachertraining.core.enrollment.Registration;
import org.teachertraining.core.enrollment.ReportRates;
import org.teachertraining.http.ForRoles;
import org.teachertraining.http.Callers;
import org.teachertraining.http.export.Export;
import org.teachertraining.http.Json;
import org.teachertraining.http.ProblemException;
import org.teachertraining.http.QueryValues;
import org.teachertraining.http.Responses;

import java.util.Map;

import static org.teachertraining.core.identity.Role.CITY_ADMIN;
import static org.teachertraining.core.identity.Role.COUNTY_ADMIN;
import static org.teachertraining.core.identity.Role.INSTITUTION;
import static org.teachertraining.core.identity.Role.PROVINCE_ADMIN;

/** 报到 and the report rate (E8): {@link Registration}, {@link ReportRates}. */
@Controller
public class RegistrationController {
    /** A class roster: at most 2,000 rows of an ID and a name or two fit well below this. */
    static final int MAX_ROSTER_BYTES = 512 * 1024;

    public record Register(String teacherId) {}

    private final Callers callers;
    private final Registration registration;
    private final ReportRates rates;

    public RegistrationController(Callers callers, Registration registration, ReportRates rates) {
        this.callers = callers;
        this.registration = registration;
        this.rates = rates;
    }

    @ForRoles({INSTITUTION})
    @Post("/projects/{projectId}/registrations")
    public HttpResponse<String> register(HttpRequest<?> request, String projectId, @Body String body) {
        var caller = callers.of(request);
        return Responses.of(request, registration.register(caller, projectId, Json.read(body, Register.class).teacherId()), HttpStatus.OK);
    }

    @ForRoles({INSTITUTION})
    @Post("/projects/{projectId}/registrations:import")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"})
    public HttpResponse<String> roster(HttpRequest<?> request, String projectId, @Body byte[] body) {
        var caller = callers.of(request);
        if (body == null || body.length == 0) {
            throw new ProblemException(400, new Violations().add("file", "请求体为空，需要 CSV 或 Excel 名单", "the body is empty; send the roster as CSV or XLSX").refusal());
        }
        if (body.length > MAX_ROSTER_BYTES) {
            throw new ProblemException(400, new Violations().add("file", "名单文件超过 512 KB", "the roster exceeds 512 KB").refusal());
        }
        return Responses.of(request, registration.roster(caller, projectId, body), v -> HttpStatus.OK, items -> Map.of("items", items));
    }

    @ForRoles({PROVINCE_ADMIN, CITY_ADMIN, COUNTY_ADMIN})
    @Get("/projects/{projectId}/report-rates")
    @io.micronaut.http.annotation.Produces({"application/json", Export.XLSX, "text/csv"})   // ?format= or Accept
    public HttpResponse<?> ofProject(HttpRequest<?> request, String projectId) {
        var caller = callers.of(request);
        var export = Export.asked(request);
        if (export != null) return Export.response(request, export, "报到率", ExportColumns.REPORT_RATES, Export.list(rates.ofProject(caller, projectId)));
        return Responses.of(request, rates.ofProject(caller, projectId), HttpStatus.OK);
    }

    @ForRoles(value = {PROVINCE_ADMIN, CITY_ADMIN, COUNTY_ADMIN}, jurisdiction = "code")
    @Get("/jurisdictions/{code}/report-rates")
    @io.micronaut.http.annotation.Produces({"application/json", Export.XLSX, "text/csv"})   // ?format= or Accept
    public HttpResponse<?> ofYear(HttpRequest<?> request, String code, @Nullable @QueryValue String year) {
        var caller = callers.of(request);
        var export = Export.asked(request);
        if (export != null) {
            return Export.response(request, export, "年度报到率", ExportColumns.YEAR_RATES, Export.list(rates.ofYear(caller, code, QueryValues.integer("year", year))));
        }
        return Responses.of(request, rates.ofYear(caller, code, QueryValues.integer("year", year)), v -> HttpStatus.OK, items -> Map.of("items", items));
    }
}
