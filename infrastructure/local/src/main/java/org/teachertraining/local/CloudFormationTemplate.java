package org.teachertraining.local;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * template.yaml as data: CloudFormation short-form tags ({@code !Ref}, {@code !Sub}, {@code !GetAtt} ...)
 * become their long form ({@code {"Ref": ...}}, {@code {"Fn::Sub": ...}}), so the local runtime can read
 * resources, properties and references the way CloudFormation does.
 */
public final class CloudFormationTemplate {
    private final Map<String, Object> root;

    private CloudFormationTemplate(Map<String, Object> root) {
        this.root = root;
    }

    public static CloudFormationTemplate read(Path file) {
        try {
            return parse(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    public static CloudFormationTemplate parse(String yaml) {
        return new CloudFormationTemplate((Map<String, Object>) new Yaml(new ShortFormConstructor()).load(yaml));
    }

    /** A resource of the template: its logical ID, type and properties. */
    public record Resource(String logicalId, String type, Map<String, Object> properties) {}

    @SuppressWarnings("unchecked")
    public List<Resource> resources(String type) {
        var resources = (Map<String, Map<String, Object>>) root.getOrDefault("Resources", Map.of());
        return resources.entrySet().stream()
                .filter(e -> type.equals(e.getValue().get("Type")))
                .map(e -> new Resource(e.getKey(), type, (Map<String, Object>) e.getValue().getOrDefault("Properties", Map.of())))
                .toList();
    }

    @SuppressWarnings("unchecked")
    /** One {@code Events} entry of a SAM function: its type's properties, the handler class and the timeout that apply. */
    public record FunctionEvent(String functionId, String handlerClass, int timeoutSeconds, Map<String, Object> properties) {}

    /** The functions' {@code Events} entries of one type ({@code SQS}, {@code S3}, …). */
    @SuppressWarnings("unchecked")
    public List<FunctionEvent> functionEvents(String type) {
        var out = new java.util.ArrayList<FunctionEvent>();
        for (var f : resources("AWS::Serverless::Function")) {
            var events = (Map<String, Map<String, Object>>) f.properties().getOrDefault("Events", Map.of());
            for (var e : events.values()) {
                if (!type.equals(e.get("Type"))) continue;
                out.add(new FunctionEvent(f.logicalId(), ((String) f.properties().get("Handler")).split("::")[0],
                        timeoutSeconds(f),
                        (Map<String, Object>) e.getOrDefault("Properties", Map.of())));
            }
        }
        return out;
    }

    /** A function's {@code Timeout}: its own, else the Globals', else Lambda's default of 3 seconds. */
    public int timeoutSeconds(Resource function) {
        Object own = function.properties().getOrDefault("Timeout", globals("Function").getOrDefault("Timeout", 3));
        return ((Number) own).intValue();
    }

    public Map<String, Object> globals(String section) {
        var globals = (Map<String, Object>) root.getOrDefault("Globals", Map.of());
        return (Map<String, Object>) globals.getOrDefault(section, Map.of());
    }

    /** A function's {@code AutoPublishAlias}, its own or the Globals'; {@code !Ref Fn.Alias} needs one. */
    public String functionAlias(Resource function) {
        Object alias = function.properties().getOrDefault("AutoPublishAlias", globals("Function").get("AutoPublishAlias"));
        return alias instanceof String s ? s : "";
    }

    /** Environment variables of a function: Globals first, the function's own on top. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> environment(Resource function) {
        var merged = new LinkedHashMap<String, Object>();
        for (var source : List.of(globals("Function"), function.properties())) {
            var env = (Map<String, Object>) source.getOrDefault("Environment", Map.of());
            merged.putAll((Map<String, Object>) env.getOrDefault("Variables", Map.of()));
        }
        return merged;
    }

    private static final class ShortFormConstructor extends SafeConstructor {
        ShortFormConstructor() {
            super(new LoaderOptions());
            this.yamlMultiConstructors.put("!", new AbstractConstruct() {
                @Override
                public Object construct(Node node) {
                    String tag = node.getTag().getValue().substring(1);
                    String key = tag.equals("Ref") || tag.equals("Condition") ? tag : "Fn::" + tag;
                    Object value;
                    if (node instanceof ScalarNode s) {
                        value = constructScalar(s);
                        if (tag.equals("GetAtt")) value = List.of(((String) value).split("\\.", 2));
                    } else if (node instanceof SequenceNode s) {
                        value = constructSequence(s);
                    } else {
                        value = constructMapping((MappingNode) node);
                    }
                    return Map.of(key, value);
                }
            });
        }
    }
}
