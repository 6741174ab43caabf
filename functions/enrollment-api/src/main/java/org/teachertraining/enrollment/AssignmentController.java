package org.teachertraining.enrollment;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import org.teachertraining.core.lifecycle.ProjectLifecycleRequests;
import org.teachertraining.http.ForRoles;
import org.teachertraining.http.Callers;
import org.teachertraining.http.Responses;

import java.util.Map;

import static org.teachertraining.core.identity.Role.EXPERT;

/** The projects the signed-in expert was assigned to score (P1), as a list shows them. */
@Controller("/me/assignments")
public class AssignmentController {
    private final Callers callers;
    private final ProjectLifecycleRequests lifecycle;

    public AssignmentController(Callers callers, ProjectLifecycleRequests lifecycle) {
        this.callers = callers;
        this.lifecycle = lifecycle;
    }

    @ForRoles({EXPERT})
    @Get
    public HttpResponse<String> mine(HttpRequest<?> request) {
        return Responses.of(request, lifecycle.assignments(callers.of(request)), v -> HttpStatus.OK,
                projects -> Map.of("items", projects.stream().map(TeacherController::summary).toList()));
    }
}
