package org.teachertraining.local;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs the README's walkthrough block, as written, with bash and curl against the running local runtime. */
class ReadmeWalkthroughIT {

    @Test
    void theWalkthroughWorksAsWritten() throws Exception {
        var api = Api.shared();
        String readme = Files.readString(LocalRuntime.findRoot().resolve("README.md"));
        String block = readme.substring(readme.indexOf("<!-- walkthrough:start -->"), readme.indexOf("<!-- walkthrough:end -->"));
        String script = block.substring(block.indexOf("```bash") + 7, block.lastIndexOf("```"))
                .replace("http://localhost:8080", api.base.toString().replaceAll("/$", ""));
        var process = new ProcessBuilder("bash", "-euo", "pipefail", "-c", script).redirectErrorStream(true).start();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "walkthrough did not finish");
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), out);

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
