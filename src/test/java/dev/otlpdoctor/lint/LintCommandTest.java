package dev.otlpdoctor.lint;

import static dev.otlpdoctor.testing.CliAssert.assertThatRun;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.otlpdoctor.lint.yaml.Location;
import dev.otlpdoctor.report.catalog.Catalog;
import dev.otlpdoctor.testing.CliDriver;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LintCommandTest {
    private static final String PRODUCTION = Fixtures.path("production.yaml").toString();

    private static CliDriver.Result run(String... args) {
        return CliDriver.create().run(args);
    }

    @Test
    void exitCodesFollowTheSpec() {
        assertThatRun(run("lint", Fixtures.path("clean.yaml").toString())).exitsWith(0).stderrIsEmpty()
                .stdoutContains("PASS  no problem found in 1 file");
        assertThatRun(run("lint", PRODUCTION)).exitsWith(1)
                .stdoutContains("FAIL  1 failure", PRODUCTION + ":24:3  FAIL  config.deprecated-component");
        assertThatRun(run("lint", PRODUCTION, "--collector-version", "0.110.0")).exitsWith(0);
        assertThatRun(run("lint", PRODUCTION, "--collector-version", "0.110.0", "--strict")).exitsWith(1);
        assertThatRun(run("lint", PRODUCTION, "--collector-version", "banana")).exitsWith(2).stderrIsOneErrorLine();
        assertThatRun(run("lint")).exitsWith(2);
    }

    @Test
    void textGroupsByFileVerdictFirst() {
        CliDriver.Result result = run("lint", PRODUCTION, Fixtures.path("k8s/collector-broken.yaml").toString(), "-v");
        String out = result.out();
        assertThat(out.lines().findFirst().orElseThrow()).startsWith("FAIL");
        assertThat(out.indexOf(PRODUCTION)).isLessThan(out.indexOf("collector-broken.yaml"));
        assertThat(out).contains("verbosity: detailed");
    }

    @Test
    void jsonSharesTheCheckFindingSchemaWithLocations() {
        JsonObject json = assertThatRun(run("lint", PRODUCTION, "-o", "json")).exitsWith(1).json();
        assertThat(json.get("schemaVersion").getAsInt()).isEqualTo(1);
        assertThat(json.getAsJsonObject("tool").get("name").getAsString()).isEqualTo("otlpdoctor");
        assertThat(json.get("command").getAsString()).isEqualTo("lint");
        assertThat(json.get("status").getAsString()).isEqualTo("fail");
        JsonObject logging = null;
        for (JsonElement f : json.getAsJsonArray("findings")) {
            if (f.getAsJsonObject().get("code").getAsString().equals("config.deprecated-component")) {
                logging = f.getAsJsonObject();
            }
        }
        assertThat(logging).isNotNull();
        assertThat(logging.keySet()).contains("code", "severity", "probe", "endpoint", "title", "detail", "evidence",
                "remediation");
        assertThat(logging.get("probe").getAsString()).isEqualTo("lint");
        JsonObject evidence = logging.getAsJsonObject("evidence");
        Location expected = Fixtures.positionOf("production.yaml", "logging:");
        assertThat(evidence.get("file").getAsString()).isEqualTo(PRODUCTION);
        assertThat(evidence.get("line").getAsInt()).isEqualTo(expected.line());
        assertThat(evidence.get("column").getAsInt()).isEqualTo(expected.column());
    }

    /**
     * No copy of the official SARIF 2.1.0 schema ships in a Maven Central artifact we use, so the
     * properties that schema requires, and the ones GitHub code scanning reads, are asserted one by one.
     */
    @Test
    void sarifHasTheRequiredStructure() {
        JsonObject sarif = assertThatRun(run("lint", PRODUCTION, Fixtures.path("k8s/collector-broken.yaml").toString(),
                "-o", "sarif")).exitsWith(1).json();
        assertThat(sarif.get("version").getAsString()).isEqualTo("2.1.0");
        assertThat(sarif.get("$schema").getAsString()).endsWith("sarif-schema-2.1.0.json");
        JsonArray runs = sarif.getAsJsonArray("runs");
        assertThat(runs).hasSize(1);
        JsonObject run = runs.get(0).getAsJsonObject();
        JsonObject driver = run.getAsJsonObject("tool").getAsJsonObject("driver");
        assertThat(driver.get("name").getAsString()).isEqualTo("otlpdoctor");
        JsonArray rules = driver.getAsJsonArray("rules");
        Set<String> ruleIds = new HashSet<>();
        for (JsonElement r : rules) {
            JsonObject rule = r.getAsJsonObject();
            ruleIds.add(rule.get("id").getAsString());
            assertThat(Catalog.find(rule.get("id").getAsString())).isPresent();
            assertThat(rule.getAsJsonObject("shortDescription").get("text").getAsString()).isNotBlank();
            assertThat(rule.getAsJsonObject("defaultConfiguration").get("level").getAsString())
                    .isIn("none", "note", "warning", "error");
        }
        assertThat(ruleIds).contains("config.deprecated-component", "k8s.selector-mismatch");
        JsonArray results = run.getAsJsonArray("results");
        assertThat(results).isNotEmpty();
        for (JsonElement r : results) {
            JsonObject result = r.getAsJsonObject();
            String ruleId = result.get("ruleId").getAsString();
            assertThat(ruleIds).contains(ruleId);
            int index = result.get("ruleIndex").getAsInt();
            assertThat(rules.get(index).getAsJsonObject().get("id").getAsString()).isEqualTo(ruleId);
            assertThat(result.get("level").getAsString()).isIn("none", "note", "warning", "error");
            assertThat(result.getAsJsonObject("message").get("text").getAsString()).isNotBlank();
            JsonObject physical = result.getAsJsonArray("locations").get(0).getAsJsonObject()
                    .getAsJsonObject("physicalLocation");
            assertThat(physical.getAsJsonObject("artifactLocation").get("uri").getAsString())
                    .startsWith("src/test/resources/lint/").doesNotContain("\\", " ");
            JsonObject region = physical.getAsJsonObject("region");
            assertThat(region.get("startLine").getAsInt()).isPositive();
            assertThat(region.get("startColumn").getAsInt()).isPositive();
        }
        JsonObject logging = null;
        for (JsonElement r : results) {
            if (r.getAsJsonObject().get("ruleId").getAsString().equals("config.deprecated-component")) {
                logging = r.getAsJsonObject();
            }
        }
        assertThat(logging.get("level").getAsString()).isEqualTo("error");
        JsonObject region = logging.getAsJsonArray("locations").get(0).getAsJsonObject()
                .getAsJsonObject("physicalLocation").getAsJsonObject("region");
        assertThat(region.get("startLine").getAsInt()).isEqualTo(24);
        assertThat(region.get("startColumn").getAsInt()).isEqualTo(3);
    }

    @Test
    void dashReadsStandardInput() throws Exception {
        InputStream saved = System.in;
        try {
            System.setIn(new ByteArrayInputStream(Files.readAllBytes(Fixtures.path("production.yaml"))));
            assertThatRun(run("lint", "-")).exitsWith(1).stdoutContains("stdin:24:3  FAIL  config.deprecated-component");
        } finally {
            System.setIn(saved);
        }
    }

    @Test
    void helpShowsTheVariableSyntaxLiterally() {
        assertThatRun(run("lint", "--help")).exitsWith(0).stdoutContains("${env:NAME}");
    }
}
