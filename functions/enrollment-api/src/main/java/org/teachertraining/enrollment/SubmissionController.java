package org.teachertraining.enrollment;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import org.teachertraining.core.submission.ListDeliverables;
import org.teachertraining.core.submission.RecordSchedule;
import org.teachertraining.core.submission.ReportClasses;
import org.teachertraining.core.submission.RequestUpload;
import org.teachertraining.core.submission.TrainingClass;
import org.teachertraining.http.ForRoles;
import org.teachertraining.http.Callers;
import org.teachertraining.http.export.Export;
import org.teachertraining.http.Json;
import org.teachertraining.http.Responses;

import java.util.LinkedHashMap;
import java.util.List;

import static org.teachertraining.core.identity.Role.CITY_ADMIN;
import static org.teachertraining.core.identity.Role.COUNTY_ADMIN;
import static org.teachertraining.core.identity.Role.INSTITUTION;
import static org.teachertraining.core.identity.Role.PROVINCE_ADMIN;

/**
 * An institution's deliverables (S1–S5): what is due and its standing, upload requests answered with a
 * presigned URL (the file itself goes to S3, and its processing decides it), class dates and structured
 * course schedules.
 */
@Controller("/projects/{projectId}")
public class SubmissionController {

    /** Body of {@code PUT /projects/{id}/classes}. */
    public record ClassesBody(List<TrainingClass> classes) {}

    /** Body of {@code PUT /projects/{id}/classes/{no}/schedule}. */
    public record ScheduleBody(List<RecordSchedule.Session> sessions) {}

    private final Callers callers;
    private final RequestUpload requestUpload;
    private final ListDeliverables listDeliverables;
    private final ReportClasses reportClasses;
    private final RecordSchedule recordSchedule;

    public SubmissionController(Callers callers, RequestUpload requestUpload, ListDeliverables listDeliverables,
                                ReportClasses reportClasses, RecordSchedule recordSchedule) {
        this.callers = callers;
        this.requestUpload = requestUpload;
        this.listDeliverables = listDeliverables;
        this.reportClasses = reportClasses;
        this.recordSchedule = recordSchedule;
    }

    @ForRoles({PROVINCE_ADMIN, CITY_ADMIN, COUNTY_ADMIN, INSTITUTION})
    @Get("/deliverables")
    @io.micronaut.http.annotation.Produces({"application/json", Export.XLSX, "text/csv"})   // ?format= or Accept
    public HttpResponse<?> deliverables(HttpRequest<?> request, String projectId) {
        var caller = callers.of(request);
        var export = Export.asked(request);
        if (export != null) {
            return Export.response(request, export, "材料提交", ExportColumns.DELIVERABLES,
                    Export.list(listDeliverables.execute(caller, projectId).map(o -> o.deliverables())));
        }
        return Responses.of(request, listDeliverables.execute(caller, projectId), HttpStatus.OK);
    }

    /** 201 with the new submission and its upload URL; 200 with the standing one when the same file was submitted before. */
    @ForRoles({INSTITUTION})
    @Post("/submissions")
    public HttpResponse<String> requestUpload(HttpRequest<?> request, String projectId, @Body String body) {
        var caller = callers.of(request);
        var command = Json.read(body, RequestUpload.Command.class);
        return Responses.of(request, requestUpload.execute(caller, projectId, command),
                r -> r.created() ? HttpStatus.CREATED : HttpStatus.OK, r -> {
                    var out = new LinkedHashMap<String, Object>();
                    out.put("submission", r.submission());
                    out.put("upload", r.uploadUrl());
                    return out;
                });
    }

    @ForRoles({PROVINCE_ADMIN, CITY_ADMIN, COUNTY_ADMIN, INSTITUTION})
    @Get("/submissions/{submissionId}")
    public HttpResponse<String> submission(HttpRequest<?> request, String projectId, String submissionId) {
        return Responses.of(request, listDeliverables.submission(callers.of(request), projectId, submissionId), HttpStatus.OK);
    }

    @ForRoles({INSTITUTION})
    @Put("/classes")
    public HttpResponse<String> reportClasses(HttpRequest<?> request, String projectId, @Body String body) {
        var caller = callers.of(request);
        return Responses.of(request, reportClasses.execute(caller, projectId, Json.read(body, ClassesBody.class).classes()), HttpStatus.OK);
    }

    @ForRoles({INSTITUTION})
    @Put("/classes/{classNo}/schedule")
    public HttpResponse<String> recordSchedule(HttpRequest<?> request, String projectId, int classNo, @Body String body) {
        var caller = callers.of(request);
        return Responses.of(request, recordSchedule.execute(caller, projectId, classNo, Json.read(body, ScheduleBody.class).sessions()),
                HttpStatus.CREATED);
    }
}
