package org.teachertraining.enrollment;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import org.teachertraining.core.credit.ReadTranscript;
import org.teachertraining.core.credit.ReverseCredit;
import org.teachertraining.http.Callers;
import org.teachertraining.http.Json;
import org.teachertraining.http.Responses;

/** A teacher's transcript (C3, C6) and corrections of the ledger by reversing entries (C5). */
@Controller("/teachers/{teacherId}")
public class CreditController {

    /** Body of a reversal: why. */
    public record ReversalBody(String reason) {}

    private final Callers callers;
    private final ReadTranscript readTranscript;
    private final ReverseCredit reverseCredit;

    public CreditController(Callers callers, ReadTranscript readTranscript, ReverseCredit reverseCredit) {
        this.callers = callers;
        this.readTranscript = readTranscript;
        this.reverseCredit = reverseCredit;
    }

    @Get("/transcript")
    public HttpResponse<String> transcript(HttpRequest<?> request, String teacherId) {
        return Responses.of(request, readTranscript.execute(callers.of(request), teacherId), HttpStatus.OK);
    }

    @Post("/credits/{entryId}/reversal")
    public HttpResponse<String> reverse(HttpRequest<?> request, String teacherId, String entryId, @Body String body) {
        var caller = callers.of(request);
        return Responses.of(request, reverseCredit.execute(caller, teacherId, entryId, Json.read(body, ReversalBody.class).reason()),
                HttpStatus.CREATED);
    }
}
