package org.teachertraining.local;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs the README's walkthrough block, as written, with bash and curl against the running local runtime. */
class ReadmeWalkthroughIT {

    /** Runs the README block between {@code <!-- name:start -->} and {@code <!-- name:end -->}; answers its output. */
    static String run(Api api, String name) throws Exception {
        String readme = Files.readString(LocalRuntime.findRoot().resolve("README.md"));
        String block = readme.substring(readme.indexOf("<!-- " + name + ":start -->"), readme.indexOf("<!-- " + name + ":end -->"));
        String script = block.substring(block.indexOf("```bash") + 7, block.lastIndexOf("```"))
                .replace("http://localhost:8080", api.base.toString().replaceAll("/$", ""));
        var process = new ProcessBuilder("bash", "-euo", "pipefail", "-c", script).redirectErrorStream(true).start();
        var output = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (java.io.IOException e) {
                return e.toString();
            }
        });
        if (!process.waitFor(180, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(name + " did not finish: " + output.get(5, TimeUnit.SECONDS));
        }
        String out = output.get();
        assertEquals(0, process.exitValue(), out);
        return out;
    }

    @Test
    void theLifecycleWalkthroughWorksAsWritten() throws Exception {
        var api = Api.shared();
        try {
            String out = run(api, "lifecycle-walkthrough");
            // the application's answer names the execution RUNNING; its phase then may already be past APPLIED
            assertEquals(List.of("true", "\"status\":\"RUNNING\"", "waiting for the province's approval", "selection open until 2027-09-25", "SELECTED",
                    "selection closed", "REGISTERED", "waiting for the completion assessment", "QUEUED", "credits posted; deliverables window open", "closed"),
                    out.lines().toList().subList(0, 11), out);
            assertTrue(out.contains("\"evaluation\":{\"fillRate\":2.0"), out);
        } finally {
            api.send("POST", "/dev/clock", null, "{\"now\":\"" + java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC) + "\"}");
        }
    }

    @Test
    void theAccountabilityWalkthroughWorksAsWritten() throws Exception {
        var api = Api.shared();
        String out = run(api, "accountability-walkthrough");
        var lines = out.lines().toList();
        assertEquals(9, lines.size(), out);
        int year = Integer.parseInt(api.send("GET", "/dev/clock", null, null).json().get("now").asText().substring(0, 4));
        assertEquals(String.valueOf(year + 1), lines.get(0), out);
        assertEquals("\"id\":\"LK-CYCLE\"", lines.get(1), out);   // the district's plan, and not the province's
        assertEquals("\"status\":\"BELOW_MINIMUM\"", lines.get(2), out);
        assertEquals(List.of("BACKBONE", "NEW_TEACHER", "\"status\":\"PENDING\"", "\"status\":\"APPROVED\"", "\"ONLINE\":6"), lines.subList(3, 8), out);
        assertTrue(lines.get(8).matches("\"newTeachers\":[1-9][0-9]*"), out);
    }

    @Test
    void theSelectionWalkthroughWorksAsWritten() throws Exception {
        String out = run(Api.shared(), "selection-walkthrough");
        var lines = out.lines().toList();
        assertEquals(8, lines.size(), out);
        assertEquals("1", lines.get(0), out);               // the school's seats
        assertEquals("4115230001", lines.get(1), out);      // the nominee's seat came from them
        assertTrue(lines.get(2).startsWith("\"code\":\"HN2027-ZX1\"") && lines.get(2).endsWith("\"canApply\":true"), out);
        assertEquals("PENDING", lines.get(3), out);
        assertEquals("enrollment status:\"SELECTED\"", lines.get(4), out);
        assertEquals("1", lines.get(5), out);
        assertTrue(lines.get(6).startsWith("\"promoted\":{\"teacherId\":\"XS-0002\",\"enrollmentId\":"), out);
        assertTrue(lines.get(7).startsWith("\"title\":{\"zh\":\"递补入选："), out);
    }

    @Test
    void theWalkthroughWorksAsWritten() throws Exception {
        var api = Api.shared();
        String out = run(api, "walkthrough");

        String[] lines = out.strip().split("\n");
        assertTrue(lines[0].matches("project [0-9a-f-]{36}"), out);
        assertTrue(out.contains("\"jurisdiction\":\"411523\",\"seats\":1,\"allocated\":0,\"used\":0}"), out);
        assertTrue(out.contains("{\"imported\":2,\"rejected\":[]}"), out);
        assertTrue(out.contains("\"teacherId\":\"XX-0001\"") && out.contains("\"status\":\"SELECTED\""), out);
        assertTrue(out.contains("\"status\":422") && out.contains("\"rule\":\"E3\"") && out.contains("\"criterion\":\"schoolLocation\""), out);
        assertTrue(out.contains("\"status\":409") && out.contains("\"rule\":\"E1\"") && out.contains("Quota full"), out);
        assertTrue(out.contains("{\"jurisdiction\":\"411523\",\"name\":\"新县\",\"seats\":1,\"allocated\":0,\"used\":1,\"enrolled\":1,\"available\":0}"), out);
    }
}
