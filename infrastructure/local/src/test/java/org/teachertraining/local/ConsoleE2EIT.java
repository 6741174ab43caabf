package org.teachertraining.local;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The console in a real browser: console/e2e/run.mjs drives Debian's headless Chromium (playwright-core) against
 * this test run's local runtime, as the people do: a city admin allocates seats to a county, the county
 * enrolls an eligible teacher, is refused an ineligible one with the criterion named, and exports the
 * enrollments (the XLSX read back); an institution uploads a PDF and sees it accepted; a teacher opens the
 * transcript; a county and a city see a provincial project without the tabs only the admins over its owner read; the province approves a budget, the institution spends with a receipt (once), records attendance,
 * applies and the province approves; the province publishes a program with its standards and a project; the
 * institution registers a trainee at the class start; the first load stays under 500 KB; no errors in the browser's
 * console (docs/console.md lists every flow). Screenshots land in
 * target/console-screenshots (docs/console.md shows a run's). `.ci/run` installs chromium when it is missing.
 */
class ConsoleE2EIT {
    @Test
    void theConsoleWorksInABrowser() throws Exception {
        var api = Api.shared();
        var root = LocalRuntime.findRoot();
        assertTrue(Files.isRegularFile(root.resolve("console/dist/index.html")), "console/dist is built by the console module before this one");
        assertTrue(Files.isExecutable(Path.of("/usr/bin/chromium")), "Debian's chromium is needed: apt-get install chromium (.ci/run does)");
        var shots = root.resolve("infrastructure/local/target/console-screenshots");
        Files.createDirectories(shots);
        var log = shots.resolve("run.log");
        var process = new ProcessBuilder("node", "e2e/run.mjs", api.base.toString().replaceAll("/$", ""), shots.toString())
                .directory(root.resolve("console").toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean ended = process.waitFor(5, TimeUnit.MINUTES);
        if (!ended) process.destroyForcibly();
        var output = Files.readString(log);
        System.out.println(output);
        assertTrue(ended, "the browser flows ended within 5 minutes: " + output);
        assertEquals(0, process.exitValue(), output);
        assertTrue(output.contains("ok   county-admin-enrolls-refuses-and-exports"), output);
    }
}
