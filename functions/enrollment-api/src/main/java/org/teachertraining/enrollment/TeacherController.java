package org.teachertraining.enrollment;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import org.teachertraining.core.common.Outcome;
import org.teachertraining.core.common.Violations;
import org.teachertraining.core.enrollment.ListEnrollments;
import org.teachertraining.core.enrollment.OpenProjects;
import org.teachertraining.core.identity.Access;
import org.teachertraining.core.identity.Role;
import org.teachertraining.core.teacher.ImportTeachers;
import org.teachertraining.core.teacher.SaveTeacher;
import org.teachertraining.core.teacher.Teachers;
import org.teachertraining.http.ForRoles;
import org.teachertraining.http.Callers;
import org.teachertraining.http.QueryValues;
import org.teachertraining.http.export.Export;
import org.teachertraining.core.teacher.ListTeachers;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.QueryValue;
import org.teachertraining.http.Json;
import org.teachertraining.http.ProblemException;
import org.teachertraining.http.Responses;

import java.util.Map;

import static org.teachertraining.core.identity.Role.CITY_ADMIN;
import static org.teachertraining.core.identity.Role.COUNTY_ADMIN;
import static org.teachertraining.core.identity.Role.PROVINCE_ADMIN;
import static org.teachertraining.core.identity.Role.SCHOOL_ADMIN;
import static org.teachertraining.core.identity.Role.TEACHER;

/** Teachers: single create/update, CSV import, reading one, and a teacher's enrollments. */
@Controller
public class TeacherController {
    /** CSV uploads larger than this are refused (about 40,000 rows of typical width). */
    static final int MAX_LIST_BYTES = 5 * 1024 * 1024;

    private final Callers callers;
    private final SaveTeacher saveTeacher;
    private final ImportTeachers importTeachers;
    private final Teachers teachers;
    private final ListEnrollments listEnrollments;
    private final OpenProjects openProjects;
    private final Access access;
    private final ListTeachers listTeachers;

    public TeacherController(Callers callers, SaveTeacher saveTeacher, ImportTeachers importTeachers, Teachers teachers,
                             ListEnrollments listEnrollments, OpenProjects openProjects, Access access, ListTeachers listTeachers) {
        this.listTeachers = listTeachers;
        this.callers = callers;
        this.saveTeacher = saveTeacher;
        this.importTeachers = importTeachers;
        this.teachers = teachers;
        this.listEnrollments = listEnrollments;
        this.openProjects = openProjects;
        this.access = access;
    }

    /**
     * The projects in selection now that apply to the teacher, each {@code open} or with the rule that keeps
     * the teacher out ({@code rule}, {@code reason} in the request's language, {@code details}).
     */
    @ForRoles(value = {PROVINCE_ADMIN, CITY_ADMIN, COUNTY_ADMIN, SCHOOL_ADMIN, TEACHER}, teacher = "teacherId")
    @Get("/teachers/{teacherId}/open-projects")
    public HttpResponse<String> openProjects(HttpRequest<?> request, String teacherId) {
        var caller = callers.of(request);
        boolean english = org.teachertraining.http.Problems.english(request);
        return Responses.of(request, openProjects.forTeacher(caller, teacherId), v -> HttpStatus.OK, offers -> Map.of("items", offers.stream().map(o -> {
            var item = summary(o.project());
            item.put("open", o.refusal().isEmpty());
            o.refusal().ifPresent(r -> {
                item.put("rule", r.rule());
                item.put("reason", r.message().in(english));
                if (r.details() != null && !r.details().isEmpty()) item.put("details", r.details());
            });
            return item;
        }).toList()));
    }

    /** What a list shows of a project in selection. */
    static java.util.LinkedHashMap<String, Object> summary(org.teachertraining.core.project.Project p) {
        var item = new java.util.LinkedHashMap<String, Object>();
        item.put("projectId", p.id());
        item.put("programId", p.programId());
        item.put("code", p.code());
        item.put("name", p.name());
        item.put("category", p.category());
        item.put("level", p.level());
        item.put("institutionId", p.institutionId());
        item.put("selectionCutoff", p.selectionCutoff().atZone(org.teachertraining.core.common.ChinaTime.ZONE).toOffsetDateTime().toString());
        item.put("startDate", p.startDate().toString());
        item.put("endDate", p.endDate().toString());
        return item;
    }

    /** A county's or a school's teachers: JSON pages, or whole as XLSX/CSV ({@code ?format=}). */
    @ForRoles(value = {PROVINCE_ADMIN, CITY_ADMIN, COUNTY_ADMIN, SCHOOL_ADMIN}, jurisdiction = "jurisdiction")
    @Get("/teachers")
    @io.micronaut.http.annotation.Produces({"application/json", Export.XLSX, "text/csv"})   // ?format= or Accept
    public HttpResponse<?> list(HttpRequest<?> request, @Nullable @QueryValue String jurisdiction, @Nullable @QueryValue String q,
                                @Nullable @QueryValue String cursor, @Nullable @QueryValue String limit) {
        var caller = callers.of(request);
        var unit = QueryValues.text(jurisdiction);
        var query = QueryValues.text(q);
        var export = Export.asked(request);
        if (export != null) {
            return Export.response(request, export, "教师名单", ExportColumns.TEACHERS,
                    Export.pages(next -> listTeachers.export(caller, unit, query, next)));
        }
        return Responses.of(request, listTeachers.execute(caller, unit, query, QueryValues.text(cursor), QueryValues.integer("limit", limit)), HttpStatus.OK);
    }

    @ForRoles({CITY_ADMIN, COUNTY_ADMIN, SCHOOL_ADMIN})
    @Post("/teachers")
    public HttpResponse<String> save(HttpRequest<?> request, @Body String body) {
        var caller = callers.of(request);
        var outcome = saveTeacher.execute(caller, Json.read(body, SaveTeacher.Command.class));
        return Responses.of(request, outcome, s -> s.created() ? HttpStatus.CREATED : HttpStatus.OK, SaveTeacher.Saved::teacher);
    }

    @ForRoles({CITY_ADMIN, COUNTY_ADMIN, SCHOOL_ADMIN})
    @Post("/teachers:import")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"})
    public HttpResponse<String> importList(HttpRequest<?> request, @Body byte[] body) {
        var caller = callers.of(request);
        if (body == null || body.length == 0) {
            throw new ProblemException(400, new Violations().add("file", "请求体为空，需要 CSV 或 Excel 文件", "the body is empty; send the list as CSV or XLSX").refusal());
        }
        if (body.length > MAX_LIST_BYTES) {
            throw new ProblemException(400, new Violations().add("file", "文件超过 5 MB", "the file exceeds 5 MB").refusal());
        }
        return Responses.of(request, importTeachers.execute(caller, body), HttpStatus.OK);
    }

    @ForRoles(value = {PROVINCE_ADMIN, CITY_ADMIN, COUNTY_ADMIN, SCHOOL_ADMIN, TEACHER}, teacher = "teacherId")
    @Get("/teachers/{teacherId}")
    public HttpResponse<String> get(HttpRequest<?> request, String teacherId) {
        var caller = callers.of(request);
        var teacher = teachers.find(teacherId);
        boolean self = caller.role() == Role.TEACHER && teacherId.equals(caller.teacherId());
        Outcome<Object> outcome = teacher.isEmpty()
                ? Outcome.refused(teachers.notFound(teacherId))
                : self ? Outcome.done(teacher.get())
                : access.require(caller, teacher.get().jurisdiction(), Role.PROVINCE_ADMIN, Role.CITY_ADMIN, Role.COUNTY_ADMIN, Role.SCHOOL_ADMIN)
                        .<Outcome<Object>>map(Outcome::refused).orElseGet(() -> Outcome.done(teacher.get()));
        return Responses.of(request, outcome, HttpStatus.OK);
    }

    @ForRoles(value = {PROVINCE_ADMIN, CITY_ADMIN, COUNTY_ADMIN, SCHOOL_ADMIN, TEACHER}, teacher = "teacherId")
    @Get("/teachers/{teacherId}/enrollments")
    public HttpResponse<String> enrollments(HttpRequest<?> request, String teacherId) {
        var caller = callers.of(request);
        return Responses.of(request, listEnrollments.ofTeacher(caller, teacherId), v -> HttpStatus.OK, items -> Map.of("items", items));
    }
}
