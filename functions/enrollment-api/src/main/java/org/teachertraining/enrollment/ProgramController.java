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
import org.teachertraining.core.program.CreateProgram;
import org.teachertraining.core.program.Programs;
import org.teachertraining.core.project.CreateProject;
import org.teachertraining.core.project.Projects;
import org.teachertraining.http.Callers;
import org.teachertraining.http.Json;
import org.teachertraining.http.Responses;

/** Programs (计划) and the projects inside them. */
@Controller("/programs")
public class ProgramController {
    private final Callers callers;
    private final CreateProgram createProgram;
    private final CreateProject createProject;
    private final Programs programs;
    private final Projects projects;

    public ProgramController(Callers callers, CreateProgram createProgram, CreateProject createProject,
                             Programs programs, Projects projects) {
        this.callers = callers;
        this.createProgram = createProgram;
        this.createProject = createProject;
        this.programs = programs;
        this.projects = projects;
    }

    @Post
    public HttpResponse<String> create(HttpRequest<?> request, @Body String body) {
        var caller = callers.of(request);
        return Responses.of(request, createProgram.execute(caller, Json.read(body, CreateProgram.Command.class)), HttpStatus.CREATED);
    }

    @Get("/{programId}")
    public HttpResponse<String> get(HttpRequest<?> request, String programId) {
        callers.of(request);
        return Responses.of(request, programs.find(programId).<Outcome<Object>>map(Outcome::done)
                .orElseGet(() -> Outcome.refused(NotFound.program(programId))), HttpStatus.OK);
    }

    @Post("/{programId}/projects")
    public HttpResponse<String> createProject(HttpRequest<?> request, String programId, @Body String body) {
        var caller = callers.of(request);
        return Responses.of(request, createProject.execute(caller, programId, Json.read(body, CreateProject.Command.class)), HttpStatus.CREATED);
    }

    @Get("/{programId}/projects")
    public HttpResponse<String> listProjects(HttpRequest<?> request, String programId) {
        callers.of(request);
        if (programs.find(programId).isEmpty()) {
            return Responses.of(request, Outcome.refused(NotFound.program(programId)), HttpStatus.OK);
        }
        return Responses.json(HttpStatus.OK, java.util.Map.of("items", projects.ofProgram(programId)));
    }
}
