package dev.otlpdoctor.lint;

import static dev.otlpdoctor.testing.CliAssert.assertThatRun;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.otlpdoctor.testing.CliDriver;
import dev.otlpdoctor.testing.Ports;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The schema findings through the commands: lint's three outputs, explain, and check --config. */
class SchemaCommandTest {
    private static final String TYPO = Fixtures.path("schema/issue-htp.yaml").toString();

    @Test
    void lintFailsTheIssuesExampleWithThePlaceToFix() {
        assertThatRun(CliDriver.create().run("lint", TYPO)).exitsWith(1)
                .stdoutContains(TYPO + ":6:7  FAIL  config.invalid-key  'htp' is not a setting of "
                        + "receivers.otlp.protocols: did you mean 'http'?");
        assertThatRun(CliDriver.create().run("lint", TYPO, "-v")).exitsWith(1)
                .stdoutContains("collectorMessage: 'protocols' has invalid keys: htp", "1. Rename 'htp' to 'http'.");
    }

    @Test
    void jsonCarriesTheEvidence() {
        JsonObject json = assertThatRun(CliDriver.create().run("lint", TYPO, "-o", "json")).exitsWith(1).json();
        JsonObject finding = findings(json.getAsJsonArray("findings"), "config.invalid-key").get(0);
        JsonObject evidence = finding.getAsJsonObject("evidence");
        assertThat(evidence.get("line").getAsInt()).isEqualTo(6);
        assertThat(evidence.get("column").getAsInt()).isEqualTo(7);
        assertThat(evidence.get("suggestion").getAsString()).isEqualTo("http");
        assertThat(finding.get("severity").getAsString()).isEqualTo("fail");
    }

    @Test
    void sarifCarriesTheNewCodesAsRulesAndResults() {
        JsonObject sarif = assertThatRun(CliDriver.create().run("lint", TYPO,
                Fixtures.path("schema/contrib-components.yaml").toString(), "-o", "sarif")).exitsWith(1).json();
        JsonObject run = sarif.getAsJsonArray("runs").get(0).getAsJsonObject();
        List<String> ruleIds = new ArrayList<>();
        run.getAsJsonObject("tool").getAsJsonObject("driver").getAsJsonArray("rules")
                .forEach(r -> ruleIds.add(r.getAsJsonObject().get("id").getAsString()));
        assertThat(ruleIds).contains("config.invalid-key", "config.wrong-type", "config.duration-unit",
                "config.enum-value", "config.required-missing", "config.component-unchecked");
        JsonObject typo = null;
        int unchecked = 0;
        for (JsonElement r : run.getAsJsonArray("results")) {
            JsonObject result = r.getAsJsonObject();
            if (result.get("ruleId").getAsString().equals("config.invalid-key")) {
                typo = result;
            }
            if (result.get("ruleId").getAsString().equals("config.component-unchecked")) {
                unchecked++;
                assertThat(result.get("level").getAsString()).isEqualTo("note");
            }
        }
        assertThat(unchecked).isEqualTo(3);
        assertThat(typo).isNotNull();
        assertThat(typo.get("level").getAsString()).isEqualTo("error");
        assertThat(ruleIds.get(typo.get("ruleIndex").getAsInt())).isEqualTo("config.invalid-key");
        JsonObject location = typo.getAsJsonArray("locations").get(0).getAsJsonObject().getAsJsonObject("physicalLocation");
        assertThat(location.getAsJsonObject("artifactLocation").get("uri").getAsString()).endsWith("schema/issue-htp.yaml");
        assertThat(location.getAsJsonObject("region").get("startLine").getAsInt()).isEqualTo(6);
        assertThat(location.getAsJsonObject("region").get("startColumn").getAsInt()).isEqualTo(7);
    }

    @Test
    void explainPrintsEachNewCode() {
        for (String code : List.of("config.invalid-key", "config.wrong-type", "config.duration-unit",
                "config.enum-value", "config.required-missing", "config.component-unchecked", "config.invalid-value")) {
            assertThatRun(CliDriver.create().run("explain", code)).exitsWith(0).stdoutContains(code);
        }
    }

    /** check --config runs the same Linter: the schema finding is in the config probe's findings. */
    @Test
    void checkWithConfigReportsTheSchemaFinding() {
        JsonObject json = assertThatRun(CliDriver.create().run("check", "127.0.0.1:" + Ports.closedPort(),
                "--config", TYPO, "--protocol", "grpc", "--timeout", "5s", "-o", "json")).exitsWith(1).json();
        JsonObject config = null;
        for (JsonElement probe : json.getAsJsonArray("probes")) {
            if (probe.getAsJsonObject().get("id").getAsString().equals("config")) {
                config = probe.getAsJsonObject();
            }
        }
        assertThat(config).isNotNull();
        List<JsonObject> typos = findings(config.getAsJsonArray("findings"), "config.invalid-key");
        assertThat(typos).hasSize(1);
        assertThat(typos.get(0).getAsJsonObject("evidence").get("line").getAsInt()).isEqualTo(6);
    }

    private static List<JsonObject> findings(JsonArray array, String code) {
        List<JsonObject> out = new ArrayList<>();
        array.forEach(f -> {
            if (f.getAsJsonObject().get("code").getAsString().equals(code)) {
                out.add(f.getAsJsonObject());
            }
        });
        return out;
    }
}
