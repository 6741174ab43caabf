package org.teachertraining.enrollment;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Put;
import org.teachertraining.core.common.Outcome;
import org.teachertraining.core.common.Refusal;
import org.teachertraining.core.common.Text;
import org.teachertraining.core.institution.AccreditInstitution;
import org.teachertraining.core.institution.Institution;
import org.teachertraining.core.institution.Institutions;
import org.teachertraining.http.ForRoles;
import org.teachertraining.http.Callers;
import org.teachertraining.http.Json;
import org.teachertraining.http.Responses;

import static org.teachertraining.core.identity.Role.PROVINCE_ADMIN;

/** The institution registry and accreditation (C1). */
@Controller("/institutions/{institutionId}")
public class InstitutionController {
    private final Callers callers;
    private final AccreditInstitution accredit;
    private final Institutions institutions;

    public InstitutionController(Callers callers, AccreditInstitution accredit, Institutions institutions) {
        this.callers = callers;
        this.accredit = accredit;
        this.institutions = institutions;
    }

    @ForRoles({PROVINCE_ADMIN})
    @Put
    public HttpResponse<String> save(HttpRequest<?> request, String institutionId, @Body String body) {
        var caller = callers.of(request);
        return Responses.of(request, accredit.execute(caller, institutionId, Json.read(body, AccreditInstitution.Command.class)), HttpStatus.OK);
    }

    @Get
    public HttpResponse<String> get(HttpRequest<?> request, String institutionId) {
        callers.of(request);
        Outcome<Institution> outcome = institutions.find(institutionId).map(Outcome::done)
                .orElseGet(() -> Outcome.refused(Refusal.notFound(Text.of("承训单位不存在：" + institutionId, "No institution " + institutionId))));
        return Responses.of(request, outcome, HttpStatus.OK);
    }
}
