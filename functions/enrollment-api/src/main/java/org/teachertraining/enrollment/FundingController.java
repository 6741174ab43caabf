package org.teachertraining.enrollment;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import org.teachertraining.core.funding.Attendance;
import org.teachertraining.core.funding.CheckTrainingBudget;
import org.teachertraining.core.funding.ProjectBudget;
import org.teachertraining.core.funding.ProjectSettlement;
import org.teachertraining.core.funding.ProjectSpending;
import org.teachertraining.core.funding.SetFundingStandards;
import org.teachertraining.core.funding.TrainingBudgets;
import org.teachertraining.http.ForRoles;
import org.teachertraining.http.Callers;
import org.teachertraining.http.export.Export;
import org.teachertraining.http.Json;
import org.teachertraining.http.Responses;

import java.math.BigDecimal;
import java.util.List;

import static org.teachertraining.core.identity.Role.CITY_ADMIN;
import static org.teachertraining.core.identity.Role.COUNTY_ADMIN;
import static org.teachertraining.core.identity.Role.INSTITUTION;
import static org.teachertraining.core.identity.Role.PROVINCE_ADMIN;
import static org.teachertraining.core.identity.Role.SCHOOL_ADMIN;

/** Funding (F1–F3): standards per program, a project's budget and its check, spending, attendance and settlement, training budgets. */
@Controller
public class FundingController {

    public record StandardsBody(List<SetFundingStandards.StandardInput> standards) {}

    public record BudgetBody(List<ProjectBudget.LineInput> lines) {}

    public record AttendanceBody(List<Attendance> records) {}

    public record ClaimBody(BigDecimal claim) {}

    private final Callers callers;
    private final SetFundingStandards standards;
    private final ProjectBudget budgets;
    private final ProjectSpending spending;
    private final ProjectSettlement settlement;
    private final CheckTrainingBudget trainingBudget;
    private final TrainingBudgets trainingBudgets;

    /** Body of {@code PUT /jurisdictions/{code}/training-budgets/{year}}: yuan. */
    public record TrainingBudgetBody(BigDecimal basis, BigDecimal trainingBudget) {}

    public FundingController(Callers callers, SetFundingStandards standards, ProjectBudget budgets, ProjectSpending spending,
                             ProjectSettlement settlement, CheckTrainingBudget trainingBudget, TrainingBudgets trainingBudgets) {
        this.trainingBudgets = trainingBudgets;
        this.callers = callers;
        this.standards = standards;
        this.budgets = budgets;
        this.spending = spending;
        this.settlement = settlement;
        this.trainingBudget = trainingBudget;
    }

    @ForRoles({PROVINCE_ADMIN, CITY_ADMIN, COUNTY_ADMIN})
    @Put("/programs/{programId}/funding-standards")
    public HttpResponse<String> setStandards(HttpRequest<?> request, String programId, @Body String body) {
        var caller = callers.of(request);
        return Responses.of(request, standards.execute(caller, programId, Json.read(body, StandardsBody.class).standards()), HttpStatus.OK);
    }

    @Get("/programs/{programId}/funding-standards")
    public HttpResponse<String> getStandards(HttpRequest<?> request, String programId) {
        callers.of(request);
        return Responses.of(request, standards.read(programId), HttpStatus.OK);
    }

    @ForRoles({INSTITUTION})
    @Put("/projects/{projectId}/budget")
    public HttpResponse<String> submitBudget(HttpRequest<?> request, String projectId, @Body String body) {
        var caller = callers.of(request);
        return Responses.of(request, budgets.submit(caller, projectId, Json.read(body, BudgetBody.class).lines()), HttpStatus.OK);
    }

    @ForRoles({PROVINCE_ADMIN, CITY_ADMIN, COUNTY_ADMIN, INSTITUTION})
    @Get("/projects/{projectId}/budget-check")
    public HttpResponse<String> checkBudget(HttpRequest<?> request, String projectId) {
        return Responses.of(request, budgets.check(callers.of(request), projectId), HttpStatus.OK);
    }

    @ForRoles({PROVINCE_ADMIN, CITY_ADMIN, COUNTY_ADMIN})
    @Post("/projects/{projectId}/budget/approval")
    public HttpResponse<String> approveBudget(HttpRequest<?> request, String projectId) {
        return Responses.of(request, budgets.approve(callers.of(request), projectId), HttpStatus.OK);
    }

    @ForRoles({INSTITUTION})
    @Post("/projects/{projectId}/expenses")
    public HttpResponse<String> recordExpense(HttpRequest<?> request, String projectId, @Body String body) {
        var caller = callers.of(request);
        return Responses.of(request, spending.record(caller, projectId, Json.read(body, ProjectSpending.Command.class)),
                r -> r.created() ? HttpStatus.CREATED : HttpStatus.OK, ProjectSpending.Recorded::expense);
    }

    @ForRoles({PROVINCE_ADMIN, CITY_ADMIN, COUNTY_ADMIN, INSTITUTION})
    @Get("/projects/{projectId}/spending")
    public HttpResponse<String> spending(HttpRequest<?> request, String projectId) {
        return Responses.of(request, spending.overview(callers.of(request), projectId), HttpStatus.OK);
    }

    @ForRoles({INSTITUTION})
    @Put("/projects/{projectId}/attendance")
    public HttpResponse<String> recordAttendance(HttpRequest<?> request, String projectId, @Body String body) {
        var caller = callers.of(request);
        return Responses.of(request, settlement.recordAttendance(caller, projectId, Json.read(body, AttendanceBody.class).records()), HttpStatus.OK);
    }

    @ForRoles({PROVINCE_ADMIN, CITY_ADMIN, COUNTY_ADMIN, INSTITUTION})
    @Get("/projects/{projectId}/attendance")
    public HttpResponse<String> attendance(HttpRequest<?> request, String projectId) {
        return Responses.of(request, settlement.attendance(callers.of(request), projectId), HttpStatus.OK);
    }

    @ForRoles({INSTITUTION})
    @Post("/projects/{projectId}/settlement")
    public HttpResponse<String> settle(HttpRequest<?> request, String projectId, @Body String body) {
        var caller = callers.of(request);
        return Responses.of(request, settlement.settle(caller, projectId, Json.read(body, ClaimBody.class).claim()), HttpStatus.CREATED);
    }

    @ForRoles({PROVINCE_ADMIN, CITY_ADMIN, COUNTY_ADMIN, INSTITUTION})
    @Get("/projects/{projectId}/settlement")
    @io.micronaut.http.annotation.Produces({"application/json", Export.XLSX, "text/csv"})   // ?format= or Accept
    public HttpResponse<?> readSettlement(HttpRequest<?> request, String projectId) {
        var caller = callers.of(request);
        var export = Export.asked(request);
        if (export != null) {
            return Export.response(request, export, "结算", ExportColumns.SETTLEMENT, Export.list(settlement.read(caller, projectId).map(s -> s.lines())));
        }
        return Responses.of(request, settlement.read(caller, projectId), HttpStatus.OK);
    }

    @ForRoles(value = {PROVINCE_ADMIN, CITY_ADMIN, COUNTY_ADMIN, SCHOOL_ADMIN}, jurisdiction = "code")
    @Put("/jurisdictions/{code}/training-budgets/{year}")
    public HttpResponse<String> recordTrainingBudget(HttpRequest<?> request, String code, String year, @Body String body) {
        var caller = callers.of(request);
        var b = Json.read(body, TrainingBudgetBody.class);
        return Responses.of(request, trainingBudgets.record(caller, code, org.teachertraining.http.QueryValues.integer("year", year), b.basis(), b.trainingBudget()),
                HttpStatus.OK);
    }

    @ForRoles(value = {PROVINCE_ADMIN, CITY_ADMIN, COUNTY_ADMIN, SCHOOL_ADMIN}, jurisdiction = "code")
    @Get("/jurisdictions/{code}/training-budgets")
    public HttpResponse<String> trainingBudgets(HttpRequest<?> request, String code, @io.micronaut.core.annotation.Nullable @io.micronaut.http.annotation.QueryValue String year) {
        var caller = callers.of(request);
        return Responses.of(request, trainingBudgets.overview(caller, code, org.teachertraining.http.QueryValues.integer("year", year)), HttpStatus.OK);
    }

    @ForRoles({PROVINCE_ADMIN, CITY_ADMIN, COUNTY_ADMIN, SCHOOL_ADMIN})
    @Post("/training-budget-checks")
    public HttpResponse<String> checkTrainingBudget(HttpRequest<?> request, @Body String body) {
        var caller = callers.of(request);
        return Responses.of(request, trainingBudget.execute(caller, Json.read(body, CheckTrainingBudget.Command.class)), HttpStatus.OK);
    }
}
