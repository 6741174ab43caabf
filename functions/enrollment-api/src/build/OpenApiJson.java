import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The OpenAPI document as JSON, for {@code GET /openapi.json}, made by the build (pom.xml, {@code process-resources})
 * from the hand-maintained {@code openapi.yaml} beside it, so that the two cannot differ. The YAML parser is a
 * build-time dependency only: the function's zip does not carry it.
 *
 * <p>Usage: {@code java OpenApiJson.java <openapi.yaml> <openapi.json>}. The file is written only when its content
 * changes, so that a build with nothing changed leaves the function's jar as it was.
 */
public class OpenApiJson {
    public static void main(String[] args) throws Exception {
        Path yaml = Path.of(args[0]), json = Path.of(args[1]);
        String document = new ObjectMapper().writeValueAsString(new ObjectMapper(new YAMLFactory()).readTree(yaml.toFile()));
        if (!Files.exists(json) || !Files.readString(json).equals(document)) {
            Files.writeString(json, document);
        }
    }
}
