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
import org.teachertraining.http.ForRoles;
import org.teachertraining.http.Callers;
import org.teachertraining.http.Json;
import org.teachertraining.http.QueryValues;
import org.teachertraining.http.Responses;

import java.util.List;
import java.util.Map;

import static org.teachertraining.core.identity.Role.CITY_ADMIN;
import static org.teachertraining.core.identity.Role.COUNTY_ADMIN;
import static org.teachertraining.core.identity.Role.PROVINCE_ADMIN;
import static org.teachertraining.core.identity.Role.SCHOOL_ADMIN;
import static org.teachertraining.core.identity.Role.TEACHER;

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

    @ForRoles({PROVINCE_ADMIN, CITY_ADMIN, COUNTY_ADMIN})
    @Put("/projects/{projectId}/applications")
    public HttpResponse<String> open(HttpRequest<?> request, String projectId, @Body String body) {
        var caller = callers.of(request);
        return Responses.of(request, selection.setOpen(caller, projectId, Json.read(body, Window.class).open()), HttpStatus.OK);
    }

    @ForRoles({TEACHER})
    @Post("/projects/{projectId}/applications")
    public HttpResponse<String> apply(HttpRequest<?> request, String projectId, @Nullable @Body String body) {
        var caller = callers.of(request);
        String statement = body == null || body.isBlank() ? null : Json.read(body, Application.class).statement();
        return Responses.of(request, selection.apply(caller, projectId, statement),
                a -> a.created() ? HttpStatus.CREATED : HttpStatus.OK, SelfSelection.Applied::application);
    }

    @ForRoles({PROVINCE_ADMIN, CITY_ADMIN, COUNTY_ADMIN, SCHOOL_ADMIN})
    @Get("/projects/{projectId}/applications")
    public HttpResponse<String> list(HttpRequest<?> request, String projectId, @Nullable @QueryValue String status) {
        var caller = callers.of(request);
        return Responses.of(request, selection.ofProject(caller, projectId, QueryValues.constant("status", status, TeacherApplication.Status.class)), v -> HttpStatus.OK, items -> Map.of("items", items));
    }

    @ForRoles({CITY_ADMIN, COUNTY_ADMIN, SCHOOL_ADMIN})
    @Post("/projects/{projectId}/applications/{teacherId}/decision")
    public HttpResponse<String> decide(HttpRequest<?> request, String projectId, String teacherId, @Body String body) {
        var caller = callers.of(request);
        var d = Json.read(body, Decision.class);
        return Responses.of(request, selection.decide(caller, projectId, teacherId, d.approved(), d.reason()), v -> HttpStatus.OK,
                decided -> Json.with(decided.application(), "enrollment", decided.enrollment()));
    }

    @ForRoles({CITY_ADMIN, COUNTY_ADMIN, SCHOOL_ADMIN})
    @Post("/projects/{projectId}/applications:approve")
    public HttpResponse<String> approveAll(HttpRequest<?> request, String projectId, @Body String body) {
        var caller = callers.of(request);
        return Responses.of(request, selection.approveAll(caller, projectId, Json.read(body, Bulk.class).teacherIds()), v -> HttpStatus.OK,
                items -> Map.of("items", items));
    }

    /**
     * The signed-in teacher's choice (自主选学): the projects in selection now, each {@code canApply} or with the
     * {@code refusal} ({@code rule}, {@code detail} in the request's language, {@code details}). {@code open=true}
     * is the only listing there is (the projects open now); any other value is a 400.
     */
    @ForRoles({TEACHER})
    @Get("/me/projects")
    public HttpResponse<String> myProjects(HttpRequest<?> request, @Nullable @QueryValue String open) {
        var caller = callers.of(request);
        if (QueryValues.text(open) != null && !open.equals("true")) {
            throw new org.teachertraining.http.ProblemException(400, new org.teachertraining.core.common.Violations()
                    .add("open", "只能为 true（列出当前可报名的项目）", "may only be true (the projects in selection now)").refusal());
        }
        boolean english = org.teachertraining.http.Problems.english(request);
        return Responses.of(request, selection.choicesOf(caller), v -> HttpStatus.OK, choices -> {
            var items = choices.stream().map(c -> {
                var item = new java.util.LinkedHashMap<String, Object>();
                item.put("project", TeacherController.summary(c.project()));
                item.put("canApply", c.canApply());
                c.refusal().ifPresent(r -> {
                    var refusal = new java.util.LinkedHashMap<String, Object>();
                    refusal.put("rule", r.rule());
                    refusal.put("detail", r.message().in(english));
                    if (r.details() != null && !r.details().isEmpty()) refusal.put("details", r.details());
                    item.put("refusal", refusal);
                });
                return item;
            }).toList();
            return Map.of("items", items);   // one page: no nextCursor
        });
    }

    @ForRoles(value = {PROVINCE_ADMIN, CITY_ADMIN, COUNTY_ADMIN, SCHOOL_ADMIN, TEACHER}, teacher = "teacherId")
    @Get("/teachers/{teacherId}/applications")
    public HttpResponse<String> ofTeacher(HttpRequest<?> request, String teacherId) {
        var caller = callers.of(request);
        return Responses.of(request, selection.ofTeacher(caller, teacherId), v -> HttpStatus.OK, items -> Map.of("items", items));
    }
}
