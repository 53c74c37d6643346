package dev.otlpdoctor.it;

import static dev.otlpdoctor.testing.CliAssert.assertThatRun;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.otlpdoctor.testing.CliDriver;
import dev.otlpdoctor.testing.JarRunner;
import dev.otlpdoctor.testing.Ports;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The GitHub Action (action.yml): its definition is consistent, and its scripts do what a workflow run
 * does, run here with the environment the runner gives them and the packaged otlpdoctor on PATH.
 */
class GitHubActionIT {
    private static final Path PROJECT = Path.of("").toAbsolutePath();

    @TempDir
    Path temp;
    private Path bin;
    private Path githubOutput;

    @BeforeEach
    void installOnPath() throws IOException {
        // The installed layout, as install.sh leaves a release archive, with its bin/ on PATH.
        Path home = Files.createDirectories(temp.resolve("tool/otlpdoctor"));
        bin = Files.createDirectories(home.resolve("bin"));
        Files.copy(Path.of("src/dist/bin/otlpdoctor"), bin.resolve("otlpdoctor"));
        Files.setPosixFilePermissions(bin.resolve("otlpdoctor"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.copy(Path.of(JarRunner.jar()), Files.createDirectories(home.resolve("lib")).resolve("otlpdoctor.jar"));
        githubOutput = temp.resolve("github-output");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theActionIsACompositeOfTheScriptsAndUploadsLintsSarif() throws IOException {
        Map<String, Object> action = (Map<String, Object>) new Load(LoadSettings.builder().build())
                .loadFromString(Files.readString(Path.of("action.yml")));
        Map<String, Object> runs = (Map<String, Object>) action.get("runs");
        assertThat(runs.get("using")).isEqualTo("composite");
        List<Map<String, Object>> steps = (List<Map<String, Object>>) runs.get("steps");
        assertThat(steps).extracting(step -> step.get("run")).contains("\"$ACTION_PATH/scripts/action/install.sh\"",
                "\"$ACTION_PATH/scripts/action/run.sh\"");
        assertThat(Path.of("scripts/action/install.sh")).isExecutable();
        assertThat(Path.of("scripts/action/run.sh")).isExecutable();
        Map<String, Object> upload = steps.get(2);
        assertThat(upload.get("uses").toString()).startsWith("github/codeql-action/upload-sarif@");
        assertThat(((Map<String, Object>) upload.get("with")).get("sarif_file")).isEqualTo("${{ steps.run.outputs.report }}");
        // Every input the steps use is declared, and inputs reach the scripts through env, never spliced into code.
        Map<String, Object> inputs = (Map<String, Object>) action.get("inputs");
        Matcher used = Pattern.compile("inputs\\.([a-z-]+)").matcher(Files.readString(Path.of("action.yml")));
        while (used.find()) {
            assertThat(inputs).containsKey(used.group(1));
        }
        steps.stream().filter(step -> step.containsKey("run"))
                .forEach(step -> assertThat(step.get("run").toString()).doesNotContain("${{"));
    }

    @Test
    void lintWritesTheLogAndSarifRelativeToTheWorkspaceAndReportsTheExitCode() throws Exception {
        Path sarif = temp.resolve("otlpdoctor.sarif");
        var run = runScript("run.sh", Map.of("OTLPDOCTOR_COMMAND", "lint",
                "OTLPDOCTOR_ARGS", "src/test/resources/lint/production.yaml src/test/resources/lint/k8s/collector-*.yaml",
                "OTLPDOCTOR_OUTPUT", sarif.toString(), "OTLPDOCTOR_FAIL", "false"));

        assertThatRun(run).exitsWith(0).stdoutContains("FAIL", "src/test/resources/lint/production.yaml:24:3");
        assertThat(Files.readString(githubOutput)).contains("exit-code=1\n", "report=" + sarif + "\n");
        JsonObject log = JsonParser.parseString(Files.readString(sarif)).getAsJsonObject();
        JsonObject runJson = log.getAsJsonArray("runs").get(0).getAsJsonObject();
        assertThat(runJson.getAsJsonObject("originalUriBaseIds").getAsJsonObject("%SRCROOT%").get("uri").getAsString())
                .isEqualTo(PROJECT.toUri().toString());
        // The glob was expanded: results for the manifests it matched, named from the workspace.
        assertThat(runJson.getAsJsonArray("results").toString()).contains("src/test/resources/lint/k8s/collector-broken.yaml");
    }

    @Test
    void aFailingLintFailsTheStepUnlessToldNotTo() throws Exception {
        var run = runScript("run.sh", Map.of("OTLPDOCTOR_COMMAND", "lint", "OTLPDOCTOR_ARGS",
                "src/test/resources/lint/production.yaml", "OTLPDOCTOR_OUTPUT", temp.resolve("out.sarif").toString()));
        assertThatRun(run).exitsWith(1).stdoutContains("::error::otlpdoctor lint exited 1");
    }

    @Test
    void checkWritesTheJsonReport() throws Exception {
        Path report = temp.resolve("report.json");
        var run = runScript("run.sh", Map.of("OTLPDOCTOR_COMMAND", "check", "OTLPDOCTOR_ARGS",
                "127.0.0.1:" + Ports.closedPort() + " --no-local --timeout 5s", "OTLPDOCTOR_OUTPUT", report.toString(),
                "OTLPDOCTOR_FAIL", "false"));
        assertThatRun(run).exitsWith(0);
        assertThat(Files.readString(githubOutput)).contains("exit-code=1\n");
        assertThat(JsonParser.parseString(Files.readString(report)).getAsJsonObject().get("status").getAsString()).isEqualTo("fail");
    }

    @Test
    void anUnknownCommandIsRefused() throws Exception {
        var run = runScript("run.sh", Map.of("OTLPDOCTOR_COMMAND", "listen", "OTLPDOCTOR_ARGS", ""));
        assertThatRun(run).exitsWith(2).stderrContains("command must be lint or check, not 'listen'");
    }

    @Test
    void installFromSourcePutsTheActionsLauncherOnPath() throws Exception {
        Path githubPath = temp.resolve("github-path");
        var run = runScript("install.sh", Map.of("OTLPDOCTOR_VERSION", "source", "ACTION_PATH", PROJECT.toString(),
                "GITHUB_PATH", githubPath.toString()));
        assertThatRun(run).exitsWith(0);
        assertThat(run.out()).startsWith("otlpdoctor ");
        assertThat(Files.readString(githubPath)).isEqualTo(PROJECT + "\n");
    }

    @Test
    void installOnARunnerWithoutAnArchiveSaysWhatToUse() throws Exception {
        var run = runScript("install.sh", Map.of("OTLPDOCTOR_VERSION", "0.1.0", "RUNNER_OS", "Windows", "RUNNER_ARCH", "X64",
                "ACTION_REPOSITORY", "otlpdoctor/otlpdoctor", "GITHUB_PATH", temp.resolve("github-path").toString()));
        assertThatRun(run).exitsWith(2).stderrContains("no release archive for Windows/X64; use version: source");
    }

    private CliDriver.Result runScript(String script, Map<String, String> env) throws Exception {
        Map<String, String> environment = new HashMap<>(env);
        environment.put("PATH", bin + ":/usr/bin:/bin");
        environment.put("GITHUB_OUTPUT", githubOutput.toString());
        environment.put("GITHUB_WORKSPACE", PROJECT.toString());
        environment.put("XDG_CACHE_HOME", temp.resolve("cache").toString());
        // A class-data archive per fresh install would cost a training run per test; InstalledLayoutIT covers it.
        environment.put("OTLPDOCTOR_CDS", "off");
        return JarRunner.run(List.of(PROJECT.resolve("scripts/action/" + script).toString()), 120, PROJECT, environment);
    }
}
