package org.teachertraining.enrollment;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import org.teachertraining.core.common.Labels;
import org.teachertraining.http.Open;
import org.teachertraining.http.Responses;

/**
 * The names of every code (roles, statuses, levels, categories, phases) in Chinese and English: the one
 * table the API's messages use, handed to the console. Public reference data, like the OpenAPI document.
 */
@Open
@Controller("/labels")
public class LabelsController {
    @Get
    public HttpResponse<String> all() {
        return Responses.json(HttpStatus.OK, Labels.all()).header("Cache-Control", "public, max-age=3600");
    }
}
