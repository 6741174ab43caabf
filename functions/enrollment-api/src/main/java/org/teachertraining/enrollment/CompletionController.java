package org.teachertraining.enrollment;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import org.teachertraining.core.credit.Completion;
import org.teachertraining.core.credit.RecordCompletion;
import org.teachertraining.http.ForRoles;
import org.teachertraining.http.Callers;
import org.teachertraining.http.Json;
import org.teachertraining.http.Responses;

import java.util.List;
import java.util.Map;

import static org.teachertraining.core.identity.Role.INSTITUTION;

/** The project's institution records completion results; credits are posted from the queue (202). */
@Controller("/projects/{projectId}/completions")
public class CompletionController {

    /** Body of {@code POST /projects/{id}/completions}. */
    public record CompletionBody(String completionId, List<Completion.Result> results) {}

    private final Callers callers;
    private final RecordCompletion recordCompletion;

    public CompletionController(Callers callers, RecordCompletion recordCompletion) {
        this.callers = callers;
        this.recordCompletion = recordCompletion;
    }

    @ForRoles({INSTITUTION})
    @Post
    public HttpResponse<String> record(HttpRequest<?> request, String projectId, @Body String body) {
        var caller = callers.of(request);
        var b = Json.read(body, CompletionBody.class);
        return Responses.of(request, recordCompletion.execute(caller, projectId, b.completionId(), b.results()),
                c -> HttpStatus.ACCEPTED, c -> Map.of("completionId", c.completionId(), "projectId", c.projectId(),
                        "results", c.results().size(), "status", "QUEUED"));
    }
}
