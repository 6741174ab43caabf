package org.teachertraining.enrollment;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.core.annotation.Nullable;
import org.teachertraining.core.integrity.IntegrityRecourse;
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
import static org.teachertraining.core.identity.Role.TEACHER;

/** A teacher's integrity file and the recourse on its records (E4, E4a): {@link IntegrityRecourse}. */
@Controller
public class IntegrityController {
    private static final String RECORD = "/teachers/{teacherId}/integrity-records/{recordId}";

    public record Evidence(String fileName, String contentType, Long size) {}

    public record Excuse(String reason, String evidenceKey) {}

    public record Decision(Boolean lift, String reason) {}

    private final Callers callers;
    private final IntegrityRecourse recourse;

    public IntegrityController(Callers callers, IntegrityRecourse recourse) {
        this.callers = callers;
        this.recourse = recourse;
    }

    @ForRoles(value = {PROVINCE_ADMIN, CITY_ADMIN, COUNTY_ADMIN, SCHOOL_ADMIN, TEACHER}, teacher = "teacherId")
    @Get("/teachers/{teacherId}/integrity-records")
    public HttpResponse<String> file(HttpRequest<?> request, String teacherId) {
        var caller = callers.of(request);
        return Responses.of(request, recourse.file(caller, teacherId), v -> HttpStatus.OK,
                entries -> Map.of("items", entries.stream().map(IntegrityRecourse::view).toList()));
    }

    /** The records awaiting the province's decision in the caller's subtree (or {@code jurisdiction}'s), the longest waiting first. */
    @ForRoles(value = {PROVINCE_ADMIN, CITY_ADMIN, COUNTY_ADMIN, SCHOOL_ADMIN}, jurisdiction = "jurisdiction")
    @Get("/integrity-records")
    public HttpResponse<String> awaitingDecision(HttpRequest<?> request, @Nullable @QueryValue String jurisdiction, @Nullable @QueryValue String recourse,
                                                 @Nullable @QueryValue String cursor, @Nullable @QueryValue String limit) {
        var caller = callers.of(request);
        return Responses.of(request, this.recourse.awaitingDecision(caller, QueryValues.text(jurisdiction), QueryValues.text(recourse),
                QueryValues.text(cursor), QueryValues.integer("limit", limit)), v -> HttpStatus.OK, page -> {
                    var out = new LinkedHashMap<String, Object>();
                    out.put("items", page.items().stream().map(IntegrityRecourse::view).toList());
                    out.put("nextCursor", page.nextCursor());
                    return out;
                });
    }

    @ForRoles(value = {PROVINCE_ADMIN, CITY_ADMIN, COUNTY_ADMIN, TEACHER}, teacher = "teacherId")
    @Post(RECORD + "/evidence")
    public HttpResponse<String> evidence(HttpRequest<?> request, String teacherId, String recordId, @Body String body) {
        var caller = callers.of(request);
        var e = Json.read(body, Evidence.class);
        return Responses.of(request, recourse.evidenceUpload(caller, teacherId, recordId, e.fileName(), e.contentType(), e.size()),
                v -> HttpStatus.CREATED, u -> {
                    var out = new LinkedHashMap<String, Object>();
                    out.put("evidenceKey", u.evidenceKey());
                    out.put("upload", u.upload());
                    return out;
                });
    }

    /** A presigned link to a file of evidence a step of the record cites: {@code {url, expiresAt}}. */
    @ForRoles(value = {PROVINCE_ADMIN, CITY_ADMIN, COUNTY_ADMIN, TEACHER}, teacher = "teacherId")
    @Get(RECORD + "/evidence/{file}")
    public HttpResponse<String> evidenceLink(HttpRequest<?> request, String teacherId, String recordId, String file) {
        var caller = callers.of(request);
        return Responses.of(request, recourse.evidence(caller, teacherId, recordId, file), HttpStatus.OK);
    }

    @ForRoles({CITY_ADMIN, COUNTY_ADMIN})
    @Post(RECORD + "/excuse")
    public HttpResponse<String> excuse(HttpRequest<?> request, String teacherId, String recordId, @Body String body) {
        var caller = callers.of(request);
        var e = Json.read(body, Excuse.class);
        return Responses.of(request, recourse.excuse(caller, teacherId, recordId, e.reason(), e.evidenceKey()), v -> HttpStatus.OK, IntegrityRecourse::view);
    }

    @ForRoles(value = {TEACHER}, teacher = "teacherId")
    @Post(RECORD + "/appeal")
    public HttpResponse<String> appeal(HttpRequest<?> request, String teacherId, String recordId, @Body String body) {
        var caller = callers.of(request);
        var e = Json.read(body, Excuse.class);
        return Responses.of(request, recourse.appeal(caller, teacherId, recordId, e.reason(), e.evidenceKey()), v -> HttpStatus.OK, IntegrityRecourse::view);
    }

    @ForRoles({PROVINCE_ADMIN})
    @Post(RECORD + "/decision")
    public HttpResponse<String> decide(HttpRequest<?> request, String teacherId, String recordId, @Body String body) {
        var caller = callers.of(request);
        var d = Json.read(body, Decision.class);
        return Responses.of(request, recourse.decide(caller, teacherId, recordId, d.lift(), d.reason()), v -> HttpStatus.OK, IntegrityRecourse::view);
    }
}
