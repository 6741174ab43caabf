package org.teachertraining.enrollment;

import org.teachertraining.core.common.NotFound;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Put;
import org.teachertraining.core.common.Outcome;
import org.teachertraining.core.project.Projects;
import org.teachertraining.core.quota.AllocateQuota;
import org.teachertraining.core.quota.ListQuotas;
import org.teachertraining.http.ForRoles;
import org.teachertraining.http.Callers;
import org.teachertraining.http.export.Export;
import org.teachertraining.http.Json;
import org.teachertraining.http.Responses;

import static org.teachertraining.core.identity.Role.CITY_ADMIN;
import static org.teachertraining.core.identity.Role.COUNTY_ADMIN;
import static org.teachertraining.core.identity.Role.PROVINCE_ADMIN;
import static org.teachertraining.core.identity.Role.SCHOOL_ADMIN;

/** A project and its quota allocations (E1). */
@Controller("/projects/{projectId}")
public class ProjectController {

    /** Body of {@code PUT /projects/{id}/quotas/{jurisdiction}}. */
    public record SeatsBody(Integer seats) {}

    private final Callers callers;
    private final Projects projects;
    private final AllocateQuota allocateQuota;
    private final ListQuotas listQuotas;

    public ProjectController(Callers callers, Projects projects, AllocateQuota allocateQuota, ListQuotas listQuotas) {
        this.callers = callers;
        this.projects = projects;
        this.allocateQuota = allocateQuota;
        this.listQuotas = listQuotas;
    }

    @Get
    public HttpResponse<String> get(HttpRequest<?> request, String projectId) {
        callers.of(request);
        return Responses.of(request, projects.find(projectId).<Outcome<Object>>map(Outcome::done)
                .orElseGet(() -> Outcome.refused(NotFound.project(projectId))), HttpStatus.OK);
    }

    @ForRoles(value = {PROVINCE_ADMIN, CITY_ADMIN, COUNTY_ADMIN}, jurisdiction = "jurisdiction")
    @Put("/quotas/{jurisdiction}")
    public HttpResponse<String> allocate(HttpRequest<?> request, String projectId, String jurisdiction, @Body String body) {
        var caller = callers.of(request);
        var seats = Json.read(body, SeatsBody.class).seats();
        return Responses.of(request, allocateQuota.execute(caller, projectId, jurisdiction, seats), HttpStatus.OK);
    }

    @ForRoles({PROVINCE_ADMIN, CITY_ADMIN, COUNTY_ADMIN, SCHOOL_ADMIN})
    @Get("/quotas")
    @io.micronaut.http.annotation.Produces({"application/json", Export.XLSX, "text/csv"})   // ?format= or Accept
    public HttpResponse<?> quotas(HttpRequest<?> request, String projectId) {
        var caller = callers.of(request);
        var export = Export.asked(request);
        if (export != null) return Export.response(request, export, "名额分配", ExportColumns.QUOTAS, Export.list(listQuotas.execute(caller, projectId)));
        return Responses.of(request, listQuotas.execute(caller, projectId), HttpStatus.OK);
    }
}
