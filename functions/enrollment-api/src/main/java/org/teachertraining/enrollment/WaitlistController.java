package org.teachertraining.enrollment;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import org.teachertraining.core.enrollment.Waitlist;
import org.teachertraining.http.ForRoles;
import org.teachertraining.http.Callers;
import org.teachertraining.http.Json;
import org.teachertraining.http.QueryValues;
import org.teachertraining.http.Responses;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.teachertraining.core.identity.Role.CITY_ADMIN;
import static org.teachertraining.core.identity.Role.COUNTY_ADMIN;
import static org.teachertraining.core.identity.Role.PROVINCE_ADMIN;
import static org.teachertraining.core.identity.Role.SCHOOL_ADMIN;

/** A project's waitlist (储备库, E7): {@link Waitlist}; promotion happens on withdrawal ({@code DELETE …/enrollments/{teacherId}}). */
@Controller("/projects/{projectId}/waitlist")
public class WaitlistController {
    public record Add(String teacherId) {}

    private final Callers callers;
    private final Waitlist waitlist;

    public WaitlistController(Callers callers, Waitlist waitlist) {
        this.callers = callers;
        this.waitlist = waitlist;
    }

    @ForRoles({CITY_ADMIN, COUNTY_ADMIN, SCHOOL_ADMIN})
    @Post
    public HttpResponse<String> add(HttpRequest<?> request, String projectId, @Body String body) {
        var caller = callers.of(request);
        var outcome = waitlist.add(caller, projectId, Json.read(body, Add.class).teacherId());
        return Responses.of(request, outcome, l -> l.created() ? HttpStatus.CREATED : HttpStatus.OK, l -> view(l.place()));
    }

    @ForRoles(value = {PROVINCE_ADMIN, CITY_ADMIN, COUNTY_ADMIN, SCHOOL_ADMIN}, jurisdiction = "jurisdiction")
    @Get
    public HttpResponse<String> list(HttpRequest<?> request, String projectId, @Nullable @QueryValue String jurisdiction) {
        var caller = callers.of(request);
        return Responses.of(request, waitlist.list(caller, projectId, QueryValues.text(jurisdiction)), v -> HttpStatus.OK,
                places -> Map.of("items", places.stream().map(WaitlistController::view).toList()));
    }

    @ForRoles({CITY_ADMIN, COUNTY_ADMIN, SCHOOL_ADMIN})
    @Delete("/{teacherId}")
    public HttpResponse<String> remove(HttpRequest<?> request, String projectId, String teacherId) {
        var caller = callers.of(request);
        return Responses.of(request, waitlist.remove(caller, projectId, teacherId), HttpStatus.OK);
    }

    private static Map<String, Object> view(Waitlist.Place p) {
        var e = p.entry();
        var out = new LinkedHashMap<String, Object>();
        out.put("teacherId", e.teacherId());
        out.put("position", p.position());
        out.put("teacherName", e.teacherName());
        out.put("jurisdiction", e.jurisdiction());
        out.put("quotaJurisdiction", e.quotaJurisdiction());
        out.put("addedBy", e.addedBy());
        out.put("addedAt", e.addedAt().toString());
        return out;
    }
}
