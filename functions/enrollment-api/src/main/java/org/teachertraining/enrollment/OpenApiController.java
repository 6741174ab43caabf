package org.teachertraining.enrollment;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Serves the hand-maintained OpenAPI document of the public API (no authentication). */
@Controller
public class OpenApiController {
    private static final String DOCUMENT = load();

    @Get("/openapi.yaml")
    public HttpResponse<String> openApi() {
        return HttpResponse.ok(DOCUMENT).contentType("application/yaml");
    }

    private static String load() {
        try (var in = OpenApiController.class.getResourceAsStream("/openapi.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
