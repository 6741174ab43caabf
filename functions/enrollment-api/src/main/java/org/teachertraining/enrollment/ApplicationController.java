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
import org.teachertraining.core.application.SelfSelection;
import org.teachertraining.core.application.TeacherApplication;
import org.teachertraining.http.Callers;
import org.teachertraining.http.Json;
import org.teachertraining.http.QueryValues;
import org.teachertraining.http.Responses;

import java.util.List;
import java.util.Map;

/** Teachers' own applications (自主选学, E9): {@link SelfSelection}. */
@Controller
public class ApplicationController {
    public record Window(Boolean open) {}

    public record Application(String statement) {}

    public record Decision(Boolean approved, String reason) {}

    public record Bulk(List<String> teacherIds) {}

    private final Callers callers;
    private final SelfSelection selection;

    public ApplicationController(Callers callers, SelfSelection selection) {
        this.callers = callers;
        this.selection = selection;
    }

    @Put("/projects/{projectId}/teacher-applications")
    public HttpResponse<String> open(HttpRequest<?> request, String projectId, @Body String body) {
        var caller = callers.of(request);
        return Responses.of(request, selection.setOpen(caller, projectId, Json.read(body, Window.class).open()), HttpStatus.OK);
    }

    @Post("/projects/{projectId}/teacher-applications")
    public HttpResponse<String> apply(HttpRequest<?> request, String projectId, @Nullable @Body String body) {
        var caller = callers.of(request);
        String statement = body == null || body.isBlank() ? null : Json.read(body, Application.class).statement();
        return Responses.of(request, selection.apply(caller, projectId, statement),
                a -> a.created() ? HttpStatus.CREATED : HttpStatus.OK, SelfSelection.Applied::application);
    }

    @Get("/projects/{projectId}/teacher-applications")
    public HttpResponse<String> list(HttpRequest<?> request, String projectId, @Nullable @QueryValue String status) {
        var caller = callers.of(request);
        return Responses.of(request, selection.ofProject(caller, projectId, QueryValues.constant("status", status, TeacherApplication.Status.class)), v -> HttpStatus.OK, items -> Map.of("items", items));
    }

    @Post("/projects/{projectId}/teacher-applications/{teacherId}/decision")
    public HttpResponse<String> decide(HttpRequest<?> request, String projectId, String teacherId, @Body String body) {
        var caller = callers.of(request);
        var d = Json.read(body, Decision.class);
        return Responses.of(request, selection.decide(caller, projectId, teacherId, d.approved(), d.reason()), HttpStatus.OK);
    }

    @Post("/projects/{projectId}/teacher-applications:approve")
    public HttpResponse<String> approveAll(HttpRequest<?> request, String projectId, @Body String body) {
        var caller = callers.of(request);
        return Responses.of(request, selection.approveAll(caller, projectId, Json.read(body, Bulk.class).teacherIds()), v -> HttpStatus.OK,
                items -> Map.of("items", items));
    }

    @Get("/teachers/{teacherId}/teacher-applications")
    public HttpResponse<String> ofTeacher(HttpRequest<?> request, String teacherId) {
        var caller = callers.of(request);
        return Responses.of(request, selection.ofTeacher(caller, teacherId), v -> HttpStatus.OK, items -> Map.of("items", items));
    }
}
