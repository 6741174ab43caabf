package org.teachertraining.enrollment;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import org.teachertraining.core.credit.CorrectResult;
import org.teachertraining.core.credit.ProjectResult;
import org.teachertraining.http.ForRoles;
import org.teachertraining.http.Callers;
import org.teachertraining.http.Json;
import org.teachertraining.http.Responses;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.teachertraining.core.identity.Role.CITY_ADMIN;
import static org.teachertraining.core.identity.Role.COUNTY_ADMIN;
import static org.teachertraining.core.identity.Role.PROVINCE_ADMIN;

/** A trainee's one result in a project, and its correction (C5): reversal and new result in one step. */
@Controller("/projects/{projectId}/results/{teacherId}/correction")
public class ResultController {
    private final Callers callers;
    private final CorrectResult correctResult;

    public ResultController(Callers callers, CorrectResult correctResult) {
        this.callers = callers;
        this.correctResult = correctResult;
    }

    @ForRoles({PROVINCE_ADMIN, CITY_ADMIN, COUNTY_ADMIN})
    @Post
    public HttpResponse<String> correct(HttpRequest<?> request, String projectId, String teacherId, @Body String body) {
        var caller = callers.of(request);
        var command = Json.read(body, CorrectResult.Command.class);
        return Responses.of(request, correctResult.execute(caller, projectId, teacherId, command), r -> HttpStatus.OK, ResultController::view);
    }

    static Map<String, Object> view(ProjectResult r) {
        var body = new LinkedHashMap<String, Object>();
        body.put("projectId", r.projectId());
        body.put("teacherId", r.teacherId());
        body.put("completionId", r.completionId());
        body.put("outcome", r.outcome().name());
        body.put("hours", r.hours());
        if (r.certificateCode() != null) body.put("certificateCode", r.certificateCode());
        return body;
    }
}
