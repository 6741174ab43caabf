package org.teachertraining.enrollment;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.teachertraining.http.Open;

/**
 * Serves the hand-maintained OpenAPI document of the public API (no authentication), as written ({@code /openapi.yaml})
 * and as JSON ({@code /openapi.json}, which the build makes from the YAML: src/build/OpenApiJson.java).
 */
@Open
@Controller
public class OpenApiController {
    private static final String YAML = load("/openapi.yaml");

    @Get("/openapi.yaml")
    public HttpResponse<String> openApi() {
        return HttpResponse.ok(YAML).contentType("application/yaml");
    }

    @Get("/openapi.json")
    public HttpResponse<String> openApiAsJson() {
        return HttpResponse.ok(AsJson.DOCUMENT).contentType("application/json");
    }

    /** Read at its first request, not at every start. */
    private static final class AsJson {
        static final String DOCUMENT = load("/openapi.json");
    }

    private static String load(String resource) {
        try (var in = OpenApiController.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException(resource + " is missing from the build");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
