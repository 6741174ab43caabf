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
import org.teachertraining.core.common.Violations;
import org.teachertraining.core.enrollment.EnrollTeacher;
import org.teachertraining.core.enrollment.EnrollmentStatus;
import org.teachertraining.core.enrollment.ListEnrollments;
import org.teachertraining.core.enrollment.WithdrawEnrollment;
import org.teachertraining.http.ForRoles;
import org.teachertraining.http.Callers;
import org.teachertraining.http.export.Export;
import org.teachertraining.http.Json;
import org.teachertraining.http.ProblemException;
import org.teachertraining.http.QueryValues;
import org.teachertraining.http.Responses;

import static org.teachertraining.core.identity.Role.CITY_ADMIN;
import static org.teachertraining.core.identity.Role.COUNTY_ADMIN;
import static org.teachertraining.core.identity.Role.INSTITUTION;
import static org.teachertraining.core.identity.Role.PROVINCE_ADMIN;
import static org.teachertraining.core.identity.Role.SCHOOL_ADMIN;


/** Selection (遴选) of teachers into a project, withdrawal (E7) and the project's enrollment list. */
@Controller("/projects/{projectId}/enrollments")
public class EnrollmentController {

    /** Body of {@code POST /projects/{id}/enrollments}. */
    public record EnrollBody(String teacherId) {}

    private final Callers callers;
    private final EnrollTeacher enrollTeacher;
    private final WithdrawEnrollment withdraw;
    private final ListEnrollments list;

    public EnrollmentController(Callers callers, EnrollTeacher enrollTeacher, WithdrawEnrollment withdraw, ListEnrollments list) {
        this.callers = callers;
        this.enrollTeacher = enrollTeacher;
        this.withdraw = withdraw;
        this.list = list;
    }

    @ForRoles({CITY_ADMIN, COUNTY_ADMIN, SCHOOL_ADMIN})
    @Post
    public HttpResponse<String> enroll(HttpRequest<?> request, String projectId, @Body String body) {
        var caller = callers.of(request);
        String key = request.getHeaders().get("Idempotency-Key");
        if (key != null && (key.isBlank() || key.length() > 128)) {
            throw new ProblemException(400, new Violations().add("Idempotency-Key", "幂等键须为 1–128 个字符", "must be 1-128 characters").refusal());
        }
        var outcome = enrollTeacher.execute(caller, projectId, Json.read(body, EnrollBody.class).teacherId(), key);
        return Responses.of(request, outcome, e -> e.created() ? HttpStatus.CREATED : HttpStatus.OK, EnrollTeacher.Enrolled::enrollment);
    }

    @ForRoles({CITY_ADMIN, COUNTY_ADMIN})
    @Delete("/{teacherId}")
    public HttpResponse<String> withdraw(HttpRequest<?> request, String projectId, String teacherId) {
        var caller = callers.of(request);
        // the waitlisted teacher who took the seat (E7), if any
        return Responses.of(request, withdraw.execute(caller, projectId, teacherId), w -> HttpStatus.OK, w -> Json.with(w.enrollment(), "promoted",
                w.promoted() == null ? null : new Promoted(w.promoted().teacherId(), w.promoted().id())));
    }

    /** Who took a withdrawn seat. */
    record Promoted(String teacherId, String enrollmentId) {}

    /** The list as JSON pages, or whole as XLSX/CSV ({@code ?format=}). */
    @ForRoles(value = {PROVINCE_ADMIN, CITY_ADMIN, COUNTY_ADMIN, SCHOOL_ADMIN, INSTITUTION}, jurisdiction = "jurisdiction")
    @Get
    @io.micronaut.http.annotation.Produces({"application/json", Export.XLSX, "text/csv"})   // ?format= or Accept
    public HttpResponse<?> list(HttpRequest<?> request, String projectId, @Nullable @QueryValue String jurisdiction,
                                @Nullable @QueryValue String status, @Nullable @QueryValue String cursor,
                                @Nullable @QueryValue String limit) {
        var caller = callers.of(request);
        var unit = QueryValues.text(jurisdiction);
        var wanted = QueryValues.constant("status", status, EnrollmentStatus.class);
        var export = Export.asked(request);
        if (export != null) {
            return Export.response(request, export, "入选名单", ExportColumns.ENROLLMENTS,
                    Export.pages(next -> list.export(caller, projectId, unit, wanted, next)));
        }
        return Responses.of(request, list.ofProject(caller, projectId, unit, wanted, QueryValues.text(cursor), QueryValues.integer("limit", limit)), HttpStatus.OK);
    }
}
