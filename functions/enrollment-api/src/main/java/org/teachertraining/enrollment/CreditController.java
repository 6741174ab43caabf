package org.teachertraining.enrollment;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import org.teachertraining.core.certificate.TeacherCertificates;
import org.teachertraining.core.credit.ReadTranscript;
import org.teachertraining.core.credit.RecordSchoolBasedHours;
import org.teachertraining.core.credit.ReverseCredit;
import org.teachertraining.http.ForRoles;
import org.teachertraining.http.Callers;
import org.teachertraining.http.Json;
import org.teachertraining.http.QueryValues;
import org.teachertraining.http.Responses;

import static org.teachertraining.core.identity.Role.CITY_ADMIN;
import static org.teachertraining.core.identity.Role.COUNTY_ADMIN;
import static org.teachertraining.core.identity.Role.PROVINCE_ADMIN;
import static org.teachertraining.core.identity.Role.SCHOOL_ADMIN;
import static org.teachertraining.core.identity.Role.TEACHER;

/** A teacher's transcript (C3, C6), corrections by reversing entries (C5), and school-based hours with the county's approval (C2). */
@Controller("/teachers/{teacherId}")
public class CreditController {

    /** Body of a reversal: why. */
    public record ReversalBody(String reason) {}

    /** Body of a county's decision on school-based hours. */
    public record DecisionBody(Boolean approved, String note) {}

    private final Callers callers;
    private final ReadTranscript readTranscript;
    private final ReverseCredit reverseCredit;
    private final RecordSchoolBasedHours schoolBased;

    private final TeacherCertificates certificates;

    public CreditController(Callers callers, ReadTranscript readTranscript, ReverseCredit reverseCredit, RecordSchoolBasedHours schoolBased,
                            TeacherCertificates certificates) {
        this.certificates = certificates;
        this.callers = callers;
        this.readTranscript = readTranscript;
        this.reverseCredit = reverseCredit;
        this.schoolBased = schoolBased;
    }

    @ForRoles({SCHOOL_ADMIN})
    @Post("/school-based-hours")
    public HttpResponse<String> recordSchoolBased(HttpRequest<?> request, String teacherId, @Body String body) {
        var caller = callers.of(request);
        return Responses.of(request, schoolBased.record(caller, teacherId, Json.read(body, RecordSchoolBasedHours.Command.class)), HttpStatus.CREATED);
    }

    @ForRoles({COUNTY_ADMIN})
    @Post("/school-based-hours/{recordId}/decision")
    public HttpResponse<String> decide(HttpRequest<?> request, String teacherId, String recordId, @Body String body) {
        var caller = callers.of(request);
        var b = Json.read(body, DecisionBody.class);
        return Responses.of(request, schoolBased.decide(caller, teacherId, recordId, b.approved(), b.note()), HttpStatus.OK);
    }

    /** The teacher's certificates, newest first, each with a link to its PDF valid for a few minutes. */
    @ForRoles(value = {PROVINCE_ADMIN, CITY_ADMIN, COUNTY_ADMIN, SCHOOL_ADMIN, TEACHER}, teacher = "teacherId")
    @Get("/certificates")
    public HttpResponse<String> certificates(HttpRequest<?> request, String teacherId) {
        return Responses.of(request, certificates.of(callers.of(request), teacherId), v -> HttpStatus.OK, items -> java.util.Map.of("items", items.stream().map(i -> {
            var c = i.certificate();
            var item = new java.util.LinkedHashMap<String, Object>();
            item.put("code", c.code());
            item.put("projectId", c.projectId());
            item.put("projectName", c.projectName());
            item.put("institutionId", c.institutionId());
            item.put("hours", c.hours());
            item.put("issuedOn", c.issuedOn().toString());
            item.put("download", i.download());
            return item;
        }).toList()));
    }

    @ForRoles(value = {PROVINCE_ADMIN, CITY_ADMIN, COUNTY_ADMIN, SCHOOL_ADMIN, TEACHER}, teacher = "teacherId")
    @Get("/transcript")
    public HttpResponse<String> transcript(HttpRequest<?> request, String teacherId, @Nullable @QueryValue String year) {
        var caller = callers.of(request);
        return Responses.of(request, readTranscript.execute(caller, teacherId, QueryValues.integer("year", year)), HttpStatus.OK);
    }

    @ForRoles({PROVINCE_ADMIN, CITY_ADMIN, COUNTY_ADMIN})
    @Post("/credits/{entryId}/reversal")
    public HttpResponse<String> reverse(HttpRequest<?> request, String teacherId, String entryId, @Body String body) {
        var caller = callers.of(request);
        return Responses.of(request, reverseCredit.execute(caller, teacherId, entryId, Json.read(body, ReversalBody.class).reason()),
                HttpStatus.CREATED);
    }
}
