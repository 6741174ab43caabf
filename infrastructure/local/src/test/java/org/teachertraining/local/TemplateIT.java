package org.teachertraining.local;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.web.router.Router;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import org.junit.jupiter.api.Test;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.zip.ZipFile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * template.yaml against the code: every Handler names a real class with the right signature inside the
 * artifact its CodeUri names; every sample event parses into the type its function takes; the API's
 * routes (the OpenAPI document's) are exactly the controllers' routes; no ARN hard-codes the partition.
 */
class TemplateIT {
    static final Path ROOT = LocalRuntime.findRoot();
    static final CloudFormationTemplate TEMPLATE = CloudFormationTemplate.read(ROOT.resolve("template.yaml"));

    @Test
    void everyHandlerIsARealRequestHandlerInsideTheArtifactItsCodeUriNames() throws Exception {
        var functions = TEMPLATE.resources("AWS::Serverless::Function");
        assertFalse(functions.isEmpty());
        for (var f : functions) {
            String[] handler = ((String) f.properties().get("Handler")).split("::");
            Class<?> type = Class.forName(handler[0]);
            assertNotNull(type.getConstructor(), handler[0] + " needs a public no-argument constructor");
            if (com.amazonaws.services.lambda.runtime.RequestStreamHandler.class.isAssignableFrom(type)) {   // the event's bytes in, the response's out
                assertTrue(java.util.Arrays.stream(type.getMethods()).anyMatch(m -> m.getName().equals(handler[1])
                        && java.util.Arrays.equals(m.getParameterTypes(), new Class<?>[]{java.io.InputStream.class, java.io.OutputStream.class, Context.class})),
                        handler[0] + "::" + handler[1]);
            } else {
                assertTrue(RequestHandler.class.isAssignableFrom(type), handler[0] + " is neither a RequestHandler nor a RequestStreamHandler");
                assertTrue(java.util.Arrays.stream(type.getMethods()).anyMatch(m -> m.getName().equals(handler[1])
                        && m.getParameterCount() == 2 && m.getParameterTypes()[1] == Context.class), handler[0] + "::" + handler[1]);
            }
            Path zip = ROOT.resolve((String) f.properties().get("CodeUri"));
            assertTrue(Files.exists(zip), zip + " is not built");
            // every class in a jar under lib/ (Lambda's java25 runtime reads lib/*.jar; the AOT mode caches only jars):
            // the handler's class in one of them, the core among them, no class loose at the root
            try (var z = new ZipFile(zip.toFile())) {
                assertTrue(z.stream().anyMatch(e -> e.getName().startsWith("lib/core-")), "dependencies missing from " + zip);
                assertTrue(z.stream().noneMatch(e -> e.getName().endsWith(".class")), "classes outside jars in " + zip);
                boolean found = false;
                for (var e : java.util.Collections.list(z.entries())) {
                    if (!e.getName().startsWith("lib/") || !e.getName().endsWith(".jar")) continue;
                    try (var jar = new java.util.zip.ZipInputStream(z.getInputStream(e))) {
                        for (var inner = jar.getNextEntry(); inner != null && !found; inner = jar.getNextEntry()) {
                            found = inner.getName().equals(handler[0].replace('.', '/') + ".class");
                        }
                    }
                    if (found) break;
                }
                assertTrue(found, handler[0] + " missing from " + zip);
            }
            handlerLoadsFromItsPackageAlone(zip, handler[0]);
        }
    }

    /**
     * The handler's class and the types of all its public methods load from the jars of its package alone, as the Lambda
     * runtime looks the handler up ({@code getMethods}): a type from a jar only some packages carry fails it there.
     */
    static void handlerLoadsFromItsPackageAlone(Path zip, String handler) throws Exception {
        var dir = Files.createTempDirectory("package-alone");
        try {
            var urls = new java.util.ArrayList<java.net.URL>();
            try (var z = new ZipFile(zip.toFile())) {
                for (var e : java.util.Collections.list(z.entries())) {
                    if (!e.getName().startsWith("lib/") || !e.getName().endsWith(".jar")) continue;
                    var jar = dir.resolve(Path.of(e.getName()).getFileName());
                    try (var in = z.getInputStream(e)) {
                        Files.copy(in, jar);
                    }
                    urls.add(jar.toUri().toURL());
                }
            }
            try (var loader = new java.net.URLClassLoader(urls.toArray(java.net.URL[]::new), ClassLoader.getPlatformClassLoader())) {
                var type = Class.forName(handler, false, loader);
                assertTrue(type.getMethods().length > 0, handler);
            } catch (LinkageError | ClassNotFoundException e) {
                throw new AssertionError(handler + " does not load from " + zip + " alone: " + e, e);
            }
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void everySampleEventParsesIntoItsFunctionsEventType() throws Exception {
        int parsed = 0, entryPointEvents = 0;
        for (var f : TEMPLATE.resources("AWS::Serverless::Function")) {
            Class<?> type = Class.forName(((String) f.properties().get("Handler")).split("::")[0]);
            Class<?> eventType = eventType(type);
            Path dir = ROOT.resolve("events").resolve(f.logicalId());
            assertTrue(Files.isDirectory(dir), "no sample events for " + f.logicalId() + " in " + dir);
            try (var files = Files.list(dir)) {
                for (Path file : files.filter(p -> p.toString().endsWith(".json")).toList()) {
                    // the Lambda Java runtime's serializer for the event type, as Lambda reads the event
                    @SuppressWarnings("unchecked")
                    var serializer = (com.amazonaws.services.lambda.runtime.serialization.PojoSerializer<Object>)
                            LambdaEventSerializers.serializerFor((Class<Object>) eventType, getClass().getClassLoader());
                    Object event;
                    try (var in = Files.newInputStream(file)) {
                        event = serializer.fromJson(in);
                    }
                    assertNotNull(event, file.toString());
                    if (org.teachertraining.adapters.aws.StreamEntry.class.isAssignableFrom(type)) {
                        // an entry point that reads the event itself: into what the runtime's serializer reads it into
                        var json = new ObjectMapper().readTree(file.toFile());
                        Object ours = eventType == com.amazonaws.services.lambda.runtime.events.SQSEvent.class
                                ? org.teachertraining.adapters.aws.SqsEvents.read(json) : org.teachertraining.adapters.aws.StreamEntry.map(json);
                        assertEquals(new ObjectMapper().valueToTree(event), new ObjectMapper().valueToTree(ours),
                                file + ": " + type.getSimpleName() + " reads it otherwise than the Lambda runtime does");
                        entryPointEvents++;
                    }
                    // nothing dropped: every text value of the sample survives the round trip through the event type
                    var out = new java.io.ByteArrayOutputStream();
                    serializer.toJson(event, out);
                    String roundTrip = out.toString(java.nio.charset.StandardCharsets.UTF_8);
                    var values = new java.util.ArrayList<String>();
                    new ObjectMapper().readTree(file.toFile()).forEach(n -> collectText(n, values));
                    for (String v : values) assertTrue(roundTrip.contains(v) || roundTrip.contains(new ObjectMapper().writeValueAsString(v).replaceAll("^\"|\"$", "")),
                            file + ": " + v + " was lost reading it as " + eventType.getSimpleName());
                    parsed++;
                }
            }
        }
        assertTrue(parsed >= 2);
        assertTrue(entryPointEvents >= 5, entryPointEvents + " sample events of entry points that read their events themselves");
        try (var dirs = Files.list(ROOT.resolve("events"))) {
            var functionIds = TEMPLATE.resources("AWS::Serverless::Function").stream().map(CloudFormationTemplate.Resource::logicalId).collect(Collectors.toSet());
            dirs.forEach(d -> assertTrue(functionIds.contains(d.getFileName().toString()), d + " names no function of the template"));
        }
    }

    /**
     * The routes are the OpenAPI document's, exactly the controllers' routes; the template sends all of them
     * to the API function through one {@code $default} route (one Lambda permission), and lists explicitly
     * only the public routes, without the authorizer.
     */
    @Test
    @SuppressWarnings("unchecked")
    void theOpenApiRoutesAreExactlyTheControllersRoutes_andTheTemplateRoutesThemAllThroughDefault() throws Exception {
        var api = Api.shared();
        var router = Api.runtime().context().getBean(Router.class);
        Set<String> controllers = router.uriRoutes()
                .map(r -> r.getHttpMethodName() + " " + r.getUriMatchTemplate().toString().replaceAll("\\{[^}]+}", "{}"))
                .filter(r -> !r.contains(" /dev/") && !r.startsWith("HEAD "))   // Micronaut answers HEAD for every GET
                // the local runtime serves the console as CloudFront does in AWS: not the API's routes
                .filter(r -> !Set.of("GET /", "GET /assets/{}", "GET /console-config.json").contains(r))
                .collect(Collectors.toCollection(TreeSet::new));
        var response = api.send("GET", "/openapi.yaml", null, null);
        assertEquals(200, response.status());
        var doc = (Map<String, Object>) new org.yaml.snakeyaml.Yaml().load(response.body());
        Set<String> documented = new TreeSet<>();
        ((Map<String, Map<String, Object>>) doc.get("paths")).forEach((path, operations) -> operations.keySet().stream()
                .filter(m -> Set.of("get", "post", "put", "delete", "patch").contains(m))
                .forEach(m -> documented.add(m.toUpperCase() + " " + path.replaceAll("\\{[^}]+}", "{}"))));
        assertEquals(controllers, documented);

        int defaults = 0;
        Set<String> explicit = new TreeSet<>();
        for (var f : TEMPLATE.resources("AWS::Serverless::Function")) {
            var events = (Map<String, Map<String, Object>>) f.properties().getOrDefault("Events", Map.of());
            for (var e : events.values()) {
                if (!"HttpApi".equals(e.get("Type"))) continue;
                var p = (Map<String, Object>) e.get("Properties");
                assertEquals("EnrollmentApiFunction", f.logicalId());
                if (p.get("Path") == null) {
                    defaults++;
                    assertFalse(p.containsKey("Auth"), "the $default route keeps the JWT authorizer");
                    continue;
                }
                assertEquals(Map.of("Authorizer", "NONE"), p.get("Auth"), p + ": only public routes are listed");
                explicit.add(p.get("Method") + " " + p.get("Path"));
                assertTrue(documented.contains(p.get("Method") + " " + ((String) p.get("Path")).replaceAll("\\{[^}]+}", "{}")), p + " is not documented");
            }
        }
        assertEquals(1, defaults, "one $default route");
        assertEquals(AttackSurfaceIT.PUBLIC, explicit);
    }

    /** {@code GET /openapi.json} is the YAML document, every key and value, as a YAML reader other than the build's reads it. */
    @Test
    void theOpenApiDocumentIsServedAsJsonToo_sayingWhatTheYamlSays() throws Exception {
        var api = Api.shared();
        var yaml = api.send("GET", "/openapi.yaml", null, null);
        var json = api.send("GET", "/openapi.json", null, null);
        assertEquals(200, json.status());
        assertTrue(json.contentType().startsWith("application/json"), json.contentType());
        var mapper = new ObjectMapper();
        assertEquals(mapper.valueToTree(new org.yaml.snakeyaml.Yaml().load(yaml.body())), mapper.readTree(json.body()));
    }

    /** SnapStart applies to published versions only: every caller must reach the alias, never $LATEST. */
    @Test
    @SuppressWarnings("unchecked")
    void snapStartIsOnForEveryFunctionAndEveryCallerCallsTheAlias() throws Exception {
        var globals = TEMPLATE.globals("Function");
        // SnapStart as its parameter says, unless the AOT start-up mode is chosen (no SnapStart on a custom runtime)
        assertEquals(Map.of("Fn::If", List.of("UseAotCache", "None", Map.of("Ref", "SnapStart"))),
                ((Map<String, Object>) globals.get("SnapStart")).get("ApplyOn"));
        assertEquals(Map.of("Fn::If", List.of("UseAotCache", "provided.al2023", "java25")), globals.get("Runtime"));
        assertEquals("live", globals.get("AutoPublishAlias"));
        for (var f : TEMPLATE.resources("AWS::Serverless::Function")) {
            assertFalse(f.properties().containsKey("AutoPublishAlias"), f.logicalId() + " overrides the alias");
            // SnapStart does not support ephemeral storage above 512 MB: such a function must turn it off, and only such a one
            var storage = (Map<String, Object>) f.properties().get("EphemeralStorage");
            boolean large = storage != null && ((Number) storage.get("Size")).intValue() > 512;
            if (large) assertEquals(Map.of("ApplyOn", "None"), f.properties().get("SnapStart"), f.logicalId());
            else assertFalse(f.properties().containsKey("SnapStart"), f.logicalId() + " overrides the Globals' SnapStart");
        }
        String yaml = Files.readString(ROOT.resolve("template.yaml"));
        for (var f : TEMPLATE.resources("AWS::Serverless::Function")) {
            assertFalse(yaml.contains("!GetAtt " + f.logicalId() + ".Arn"), f.logicalId() + " is called without its alias");
        }
        for (var sm : TEMPLATE.resources("AWS::Serverless::StateMachine")) {
            var substitutions = (Map<String, Object>) sm.properties().get("DefinitionSubstitutions");
            substitutions.forEach((name, value) -> {
                if (name.endsWith("FunctionArn")) assertTrue(String.valueOf(value).endsWith(".Alias}"), sm.logicalId() + " " + name + ": " + value);
            });
        }
    }

    @Test
    void noArnHardCodesThePartition() throws Exception {
        String yaml = Files.readString(ROOT.resolve("template.yaml"));
        assertFalse(yaml.contains("arn:aws:"), "use ${AWS::Partition}");
        assertFalse(yaml.contains("amazonaws.com"), "use ${AWS::URLSuffix}");
        for (var sm : TEMPLATE.resources("AWS::Serverless::StateMachine")) {
            String definition = Files.readString(ROOT.resolve((String) sm.properties().get("DefinitionUri")));
            assertFalse(definition.contains("arn:aws:"), sm.logicalId() + ": use ${Partition} (DefinitionSubstitutions)");
            @SuppressWarnings("unchecked")
            var substitutions = (Map<String, Object>) sm.properties().get("DefinitionSubstitutions");
            assertEquals(Map.of("Ref", "AWS::Partition"), substitutions.get("Partition"), sm.logicalId());
        }
    }

    private static void collectText(com.fasterxml.jackson.databind.JsonNode node, java.util.List<String> into) {
        if (node.isTextual()) into.add(node.asText());
        node.forEach(child -> collectText(child, into));
    }

    private static Class<?> eventType(Class<?> handler) {
        if (handler.getGenericSuperclass() instanceof ParameterizedType p && p.getRawType() == org.teachertraining.adapters.aws.StreamEntry.class) {
            var arg = p.getActualTypeArguments()[0];   // StreamEntry<event, answer>
            return arg instanceof ParameterizedType generic ? (Class<?>) generic.getRawType() : (Class<?>) arg;
        }
        if (com.amazonaws.services.lambda.runtime.RequestStreamHandler.class.isAssignableFrom(handler)) {
            // an entry point that reads the event's bytes itself, around the RequestHandler it is given: that one's event type
            for (var c : handler.getConstructors()) {
                if (c.getParameterCount() == 1 && RequestHandler.class.isAssignableFrom(c.getParameterTypes()[0])) return eventType(c.getParameterTypes()[0]);
            }
            throw new AssertionError(handler + " reads the event's bytes around no RequestHandler: its event type cannot be told");
        }
        for (Class<?> c = handler; c != null; c = c.getSuperclass()) {
            for (Type t : c.getGenericInterfaces()) {
                if (t instanceof ParameterizedType p && p.getRawType() == RequestHandler.class) {
                    var arg = p.getActualTypeArguments()[0];   // Map<String, Object> for a Step Functions task
                    return arg instanceof ParameterizedType generic ? (Class<?>) generic.getRawType() : (Class<?>) arg;
                }
            }
            if (c.getGenericSuperclass() instanceof ParameterizedType p) {
                for (Type arg : p.getActualTypeArguments()) {
                    if (arg instanceof Class<?> k && k.getSimpleName().endsWith("Event")) return k;
                }
            }
        }
        throw new AssertionError("cannot tell the event type of " + handler);
    }
}
