package dev.otlpdoctor.report;

import static dev.otlpdoctor.testing.CliAssert.assertThatRun;
import static dev.otlpdoctor.testing.JsonSchemaAssert.assertMatchesSchema;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import dev.otlpdoctor.testing.CliDriver;
import dev.otlpdoctor.testing.FakeGrpcCollector;
import dev.otlpdoctor.testing.Ports;
import org.junit.jupiter.api.Test;

/** check -o json: one document on stdout that matches docs/json-schema.json, field by field. */
class JsonOutputTest {
    private static final String SCHEMA = "docs/json-schema.json";
    private final CliDriver cli = CliDriver.create();

    @Test
    void refusedRunMatchesSchemaFieldByField() {
        int port = Ports.closedPort();
        // --no-local: what this machine runs (another collector, in any namespace) must not change this test
        var run = cli.run("check", "127.0.0.1:" + port, "--no-local", "-o", "json");
        assertMatchesSchema(SCHEMA, run);
        JsonObject json = assertThatRun(run).exitsWith(1).stderrIsEmpty().json();
        assertThat(json.get("schemaVersion").getAsInt()).isEqualTo(1);
        assertThat(json.getAsJsonObject("tool").get("name").getAsString()).isEqualTo("otlpdoctor");
        assertThat(json.get("command").getAsString()).isEqualTo("check");
        assertThat(json.get("status").getAsString()).isEqualTo("fail");
        assertThat(json.get("durationMs").getAsLong()).isNotNegative();

        JsonObject target = json.getAsJsonObject("target");
        assertThat(target.get("input").getAsString()).isEqualTo("127.0.0.1:" + port);
        assertThat(target.get("host").getAsString()).isEqualTo("127.0.0.1");
        assertThat(target.getAsJsonArray("addresses").get(0).getAsString()).isEqualTo("127.0.0.1");
        JsonObject endpoint = target.getAsJsonArray("endpoints").get(0).getAsJsonObject();
        assertThat(endpoint.get("port").getAsInt()).isEqualTo(port);
        assertThat(endpoint.get("protocol").getAsString()).isEqualTo("auto");

        JsonObject diagnosis = json.getAsJsonObject("diagnosis");
        assertThat(diagnosis.get("code").getAsString()).isEqualTo("tcp.refused");
        assertThat(diagnosis.get("hop").getAsString()).isEqualTo("socket");

        JsonObject tcp = byField(json.getAsJsonArray("probes"), "id", "tcp");
        assertThat(tcp.get("endpoint").getAsString()).isEqualTo("127.0.0.1:" + port);
        assertThat(tcp.get("status").getAsString()).isEqualTo("fail");

        JsonObject finding = byField(json.getAsJsonArray("findings"), "code", "tcp.refused");
        assertThat(finding.getAsJsonArray("remediation").get(1).getAsString()).contains("ss -tlnp | grep ':" + port + "'");
        assertThat(finding.get("severity").getAsString()).isEqualTo("fail");
        assertThat(finding.get("probe").getAsString()).isEqualTo("tcp");
        assertThat(finding.getAsJsonObject("evidence").get("address").getAsString()).isEqualTo("127.0.0.1");
        assertThat(finding.getAsJsonObject("evidence").get("port").getAsInt()).isEqualTo(port);
        assertThat(finding.getAsJsonObject("evidence").get("family").getAsString()).isEqualTo("IPv4");
    }

    private static JsonObject byField(com.google.gson.JsonArray array, String field, String value) {
        for (var element : array) {
            if (element.getAsJsonObject().get(field).getAsString().equals(value)) {
                return element.getAsJsonObject();
            }
        }
        throw new AssertionError("no element with " + field + "=" + value + " in " + array);
    }

    @Test
    void passingRunHasNullDiagnosisAndMatchesSchema() throws Exception {
        try (FakeGrpcCollector collector = FakeGrpcCollector.start()) {
            var run = cli.run("check", "127.0.0.1:" + collector.port(), "-o", "json");
            assertMatchesSchema(SCHEMA, run);
            JsonObject json = assertThatRun(run).exitsWith(0).json();
            assertThat(json.get("diagnosis").isJsonNull()).isTrue();
            assertThat(json.get("status").getAsString()).isEqualTo("pass");
            assertThat(json.get("verdict").getAsString())
                    .isEqualTo("traces, metrics, logs accepted over grpc at 127.0.0.1:" + collector.port());
        }
    }

    @Test
    void theSchemaRejectsDocumentsThatBreakIt() {
        assertThat(dev.otlpdoctor.testing.JsonSchemaAssert.errors(SCHEMA, "{\"schemaVersion\": 2}")).isNotEmpty();
    }

    @Test
    void skippedAndMultiTargetRunsMatchSchema() {
        var run = cli.run("check", "nowhere.test", "[::1]:" + Ports.closedPort(), "-o", "json");
        assertMatchesSchema(SCHEMA, run);
        JsonObject json = assertThatRun(run).exitsWith(1).json();
        assertThat(json.getAsJsonArray("targets")).hasSize(2);
    }
}
