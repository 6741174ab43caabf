package org.teachertraining.local.bench;

import org.junit.jupiter.api.Test;
import org.teachertraining.local.LocalRuntime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Enrollment API's deployment package carries Micronaut AOT's build-time analysis of its application context
 * ({@code lib/enrollment-api-micronaut-aot.jar}, made by functions/enrollment-api/src/build/MicronautAotOptimization.java).
 * Started as Lambda's java25 runtime starts it, the function must take it — its context loads the generated service
 * lists instead of scanning the jars — and answer every sample event exactly as the same package without that jar does;
 * and every class those lists name must be in the package.
 */
class MicronautAotPackageIT {
    static final String FUNCTION = "EnrollmentApiFunction";
    static final String JAR = "lib/enrollment-api-micronaut-aot.jar";
    static final String GENERATED = "org.teachertraining.enrollment.micronautaot.";
    static final String WORK = "infrastructure/local/target/micronaut-aot-it";

    @Test
    void theApiAnswersAsWithoutItsBuildTimeAnalysis_andTakesIt() throws Exception {
        var root = LocalRuntime.findRoot();
        var function = ColdStartBenchmark.functions(root).stream().filter(f -> f.get("id").equals(FUNCTION)).findFirst().orElseThrow();
        var zip = root.resolve(function.get("CodeUri"));
        var work = root.resolve(WORK);
        AotRuntime.deleteTree(work.resolve("without"));   // its jar was removed: unpacked anew each time
        for (String log : new String[] {"with.classes.log", "without.classes.log"}) Files.deleteIfExists(work.resolve(log));
        var with = ColdStartBenchmark.unpack(zip, work.resolve("with"));
        var without = ColdStartBenchmark.unpack(zip, work.resolve("without"));
        assertTrue(Files.exists(with.resolve(JAR)), "the package carries " + JAR);
        Files.delete(without.resolve(JAR));

        var events = AotRuntime.events(root, FUNCTION);
        try (var runtime = LocalRuntime.start(new LocalRuntime.Options(root, 0, false, false, true))) {
            var env = ColdStartBenchmark.environment(runtime);
            var withAnswers = answers(with, function.get("Handler"), events, env, work.resolve("with.classes.log"));
            var withoutAnswers = answers(without, function.get("Handler"), events, env, work.resolve("without.classes.log"));
            assertEquals(events.size(), withAnswers.size());
            for (int i = 0; i < events.size(); i++) {
                assertTrue(withAnswers.get(i).startsWith("{\"statusCode\":"), withAnswers.get(i));
                assertEquals(comparable(withoutAnswers.get(i)), comparable(withAnswers.get(i)), "sample event " + i);
            }
        }
        String loaded = Files.readString(work.resolve("with.classes.log"));
        for (String generated : List.of("AOTApplicationContextConfigurer", "BeanDefinitionReferenceFactory", "StaticServicesLoader")) {
            assertTrue(loaded.contains(GENERATED + generated + " "), "the context took " + generated);
        }
        assertFalse(Files.readString(work.resolve("without.classes.log")).contains(GENERATED), "without the jar, nothing generated is loaded");
    }

    @Test
    void everyClassTheGeneratedListsNameIsInThePackage() throws Exception {
        var root = LocalRuntime.findRoot();
        var sources = root.resolve("functions/enrollment-api/target/micronaut-aot-work/sources/" + GENERATED.replace('.', '/'));
        var with = ColdStartBenchmark.unpack(root.resolve(ColdStartBenchmark.functions(root).stream()
                .filter(f -> f.get("id").equals(FUNCTION)).findFirst().orElseThrow().get("CodeUri")), root.resolve(WORK).resolve("with"));
        var urls = new ArrayList<URL>();
        try (var jars = Files.list(with.resolve("lib"))) {
            for (var jar : jars.toList()) urls.add(jar.toUri().toURL());
        }
        int named = 0;
        try (var loader = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
             var files = Files.list(sources)) {
            for (var source : files.filter(p -> p.toString().endsWith("Factory.java")).toList()) {
                var m = Pattern.compile("^\\s+\"([\\w.$]+)\",?$", Pattern.MULTILINE).matcher(Files.readString(source));
                while (m.find()) {
                    Class.forName(m.group(1), false, loader);   // throws if the package lacks it
                    named++;
                }
            }
        }
        assertTrue(named > 100, "service implementations named by the generated lists: " + named);
    }

    /** Every event answered by one JVM started as Lambda's java25 runtime starts it (the RIC, tiered 1), its classes logged. */
    static List<String> answers(Path task, String handler, List<String> events, Map<String, String> env, Path classesLog) throws Exception {
        var pb = ColdStartBenchmark.underTheRic(ColdStartBenchmark.classpath(task), handler,
                ColdStartBenchmark.TIERED + " -Xlog:class+load=info:file=" + classesLog, env, task.resolveSibling(task.getFileName() + ".log"));
        try (var api = new LambdaRuntimeApi(events)) {
            pb.environment().put("AWS_LAMBDA_RUNTIME_API", "127.0.0.1:" + api.port());
            var process = pb.start();
            try {
                api.answered.get(120, TimeUnit.SECONDS);
                return List.copyOf(api.responses);
            } finally {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    /**
     * An answer as a JSON tree (so that the order of a map's keys, which Java varies from one JVM to the next, does not
     * count), without what differs between any two answers to the same event: IDs and times, and a binary body's bytes
     * (a spreadsheet holds the time it was written), of which its length is kept.
     */
    static JsonNode comparable(String answer) throws Exception {
        var json = new ObjectMapper();
        var tree = (ObjectNode) json.readTree(masked(answer));
        String body = tree.path("body").asText();
        if (tree.path("isBase64Encoded").asBoolean()) tree.put("body", "<" + Base64.getDecoder().decode(body).length + " bytes>");
        else if (body.startsWith("{") || body.startsWith("[")) tree.set("body", json.readTree(body));
        return tree;
    }

    static String masked(String text) {
        return text.replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "<id>")
                .replaceAll("\\w{3}, \\d{1,2} \\w{3} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT", "<date>")
                .replaceAll("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})?", "<time>");
    }
}
