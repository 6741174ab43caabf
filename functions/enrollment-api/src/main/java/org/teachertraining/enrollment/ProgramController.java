package org.teachertraining.enrollment;

import org.teachertraining.core.common.NotFound;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import org.teachertraining.core.common.Outcome;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.QueryValue;
import org.teachertraining.core.program.CreateProgram;
import org.teachertraining.core.program.ListPrograms;
import org.teachertraining.core.program.ProgramLevel;
import org.teachertraining.core.project.ListProjects;
import org.teachertraining.http.ForRoles;
import org.teachertraining.http.QueryValues;
import org.teachertraining.core.program.Programs;
import org.teachertraining.core.project.CreateProject;
import org.teachertraining.http.Callers;
import org.teachertraining.http.Json;
import org.teachertraining.http.Responses;

import static org.teachertraining.core.identity.Role.CITY_ADMIN;
import static org.teachertraining.core.identity.Role.COUNTY_ADMIN;
import static org.teachertraining.core.identity.Role.PROVINCE_ADMIN;
import static org.teachertraining.core.identity.Role.SCHOOL_ADMIN;

/** Programs (计划) and the projects inside them. */
@Controller("/programs")
public class ProgramController {
    private final Callers callers;
    private final CreateProgram createProgram;
    private final CreateProject createProject;
    private final Programs programs;
    private final ListPrograms listPrograms;
    private final ListProjects listProjects;
    private final org.teachertraining.core.application.SelfSelection selection;

    public ProgramController(Callers callers, CreateProgram createProgram, CreateProject createProject,
                             Programs programs, ListPrograms listPrograms, ListProjects listProjects,
                             org.teachertraining.core.application.SelfSelection selection) {
        this.callers = callers;
        this.selection = selection;
        this.createProgram = createProgram;
        this.createProject = createProject;
        this.programs = programs;
        this.listPrograms = listPrograms;
        this.listProjects = listProjects;
    }

    /** A year's programs (this year by default), of a level, that apply to a unit: {@link ListPrograms}. */
    @Get
    public HttpResponse<String> list(HttpRequest<?> request, @Nullable @QueryValue String year, @Nullable @QueryValue String level,
                                     @Nullable @QueryValue String jurisdiction, @Nullable @QueryValue String cursor,
                                     @Nullable @QueryValue String limit) {
        callers.of(request);
        return Responses.of(request, listPrograms.execute(new ListPrograms.Query(QueryValues.integer("year", year), QueryValues.constant("level", level, ProgramLevel.class),
                QueryValues.text(jurisdiction), QueryValues.text(cursor), QueryValues.integer("limit", limit))), HttpStatus.OK);
    }


    @ForRoles({PROVINCE_ADMIN, CITY_ADMIN, COUNTY_ADMIN, SCHOOL_ADMIN})
    @Post
    public HttpResponse<String> create(HttpRequest<?> request, @Body String body) {
        var caller = callers.of(request);
        // Idempotency-Key optional, its form checked by RequestGuard: the same request again answers the program it created
        var outcome = createProgram.execute(caller, Json.read(body, CreateProgram.Command.class), request.getHeaders().get("Idempotency-Key"));
        return Responses.of(request, outcome, c -> c.created() ? HttpStatus.CREATED : HttpStatus.OK, CreateProgram.Created::program);
    }

    @Get("/{programId}")
    public HttpResponse<String> get(HttpRequest<?> request, String programId) {
        callers.of(request);
        return Responses.of(request, programs.find(programId).<Outcome<Object>>map(Outcome::done)
                .orElseGet(() -> Outcome.refused(NotFound.program(programId))), HttpStatus.OK);
    }

    @ForRoles({PROVINCE_ADMIN, CITY_ADMIN, COUNTY_ADMIN, SCHOOL_ADMIN})
    @Post("/{programId}/projects")
    public HttpResponse<String> createProject(HttpRequest<?> request, String programId, @Body String body) {
        var caller = callers.of(request);
        var command = Json.read(body, CreateProject.Command.class);
        var created = createProject.execute(caller, programId, command);
        // "openToApplications": the new project's owner opens it to teachers' applications (E9) at once
        if (created instanceof Outcome.Done<org.teachertraining.core.project.Project> d && Boolean.TRUE.equals(command.openToApplications())) {
            var opened = selection.setOpen(caller, d.value().id(), true);
            if (opened instanceof Outcome.Refused<?> r) return Responses.of(request, Outcome.refused(r.refusal()), HttpStatus.CREATED);
        }
        return Responses.of(request, created, HttpStatus.CREATED);
    }

    /** A program's projects, optionally of one category, institution or lifecycle phase: {@link ListProjects}. */
    @Get("/{programId}/projects")
    public HttpResponse<String> listProjects(HttpRequest<?> request, String programId, @Nullable @QueryValue String category,
                                             @Nullable @QueryValue String institutionId, @Nullable @QueryValue String phase) {
        callers.of(request);
        var listed = listProjects.execute(programId, new ListProjects.Query(QueryValues.text(category), QueryValues.text(institutionId),
                QueryValues.text(phase)));
        if (listed instanceof Outcome.Refused<java.util.List<ListProjects.Listed>> r) return Responses.of(request, Outcome.refused(r.refusal()), HttpStatus.OK);
        var items = ((Outcome.Done<java.util.List<ListProjects.Listed>>) listed).value().stream().map(l -> {
            com.fasterxml.jackson.databind.node.ObjectNode item = Json.MAPPER.valueToTree(l.project());
            item.put("phase", l.phase());
            return item;
        }).toList();
        return Responses.json(HttpStatus.OK, java.util.Map.of("items", items));
    }
}
