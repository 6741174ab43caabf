package org.teachertraining.enrollment;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import org.teachertraining.core.integrity.IntegrityRecourse;
import org.teachertraining.http.Callers;
import org.teachertraining.http.Json;
import org.teachertraining.http.Responses;

import java.util.LinkedHashMap;
import java.util.Map;

/** A teacher's integrity file and the recourse on its records (E4, E4a): {@link IntegrityRecourse}. */
@Controller("/teachers/{teacherId}/integrity-records")
public class IntegrityController {
    public record Evidence(String fileName, String contentType, Long size) {}

    public record Excuse(String reason, String evidenceKey) {}

    public record Decision(Boolean lift, String reason) {}

    private final Callers callers;
    private final IntegrityRecourse recourse;

    public IntegrityController(Callers callers, IntegrityRecourse recourse) {
        this.callers = callers;
        this.recourse = recourse;
    }

    @Get
    public HttpResponse<String> file(HttpRequest<?> request, String teacherId) {
        var caller = callers.of(request);
        return Responses.of(request, recourse.file(caller, teacherId), v -> HttpStatus.OK,
                entries -> Map.of("items", entries.stream().map(IntegrityRecourse::view).toList()));
    }

    @Post("/{recordId}/evidence")
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

    @Post("/{recordId}/excuse")
    public HttpResponse<String> excuse(HttpRequest<?> request, String teacherId, String recordId, @Body String body) {
        var caller = callers.of(request);
        var e = Json.read(body, Excuse.class);
        return Responses.of(request, recourse.excuse(caller, teacherId, recordId, e.reason(), e.evidenceKey()), v -> HttpStatus.OK, IntegrityRecourse::view);
    }

    @Post("/{recordId}/appeal")
    public HttpResponse<String> appeal(HttpRequest<?> request, String teacherId, String recordId, @Body String body) {
        var caller = callers.of(request);
        var e = Json.read(body, Excuse.class);
        return Responses.of(request, recourse.appeal(caller, teacherId, recordId, e.reason(), e.evidenceKey()), v -> HttpStatus.OK, IntegrityRecourse::view);
    }

    @Post("/{recordId}/decision")
    public HttpResponse<String> decide(HttpRequest<?> request, String teacherId, String recordId, @Body String body) {
        var caller = callers.of(request);
        var d = Json.read(body, Decision.class);
        return Responses.of(request, recourse.decide(caller, teacherId, recordId, d.lift(), d.reason()), v -> HttpStatus.OK, IntegrityRecourse::view);
    }
}
