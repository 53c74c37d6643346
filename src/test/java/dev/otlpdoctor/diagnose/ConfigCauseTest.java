package dev.otlpdoctor.diagnose;

import static dev.otlpdoctor.testing.CliAssert.assertThatRun;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.otlpdoctor.testing.CliDriver;
import dev.otlpdoctor.testing.Ports;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** check --config against a loopback port where nothing listens: the config, not the network, is the cause. */
class ConfigCauseTest {

    /** A loopback port that was free a moment ago: connecting to it is refused. */
    private static JsonObject check(String target, String config, String protocol) {
        return assertThatRun(CliDriver.create().run("check", target, "--config", "src/test/resources/lint/" + config,
                "--protocol", protocol, "--timeout", "5s", "-o", "json")).exitsWith(1).json();
    }

    @Test
    void removedLoggingExporterExplainsEveryRefusedPort() throws IOException {
        JsonObject json = check("127.0.0.1:" + Ports.closedPort(), "production.yaml", "auto");
        JsonObject diagnosis = json.getAsJsonObject("diagnosis");
        assertThat(diagnosis.get("code").getAsString()).isEqualTo("config.deprecated-component");
        assertThat(diagnosis.get("title").getAsString()).startsWith("the collector will not start")
                .contains("production.yaml:24");
        assertThat(diagnosis.getAsJsonArray("alsoCheck").toString()).contains("tcp.refused");
        boolean configProbe = false;
        for (JsonElement probe : json.getAsJsonArray("probes")) {
            configProbe |= probe.getAsJsonObject().get("id").getAsString().equals("config");
        }
        assertThat(configProbe).isTrue();
    }

    @Test
    void refusedHttpPortWithoutHttpProtocol() throws IOException {
        JsonObject json = check("127.0.0.1:" + Ports.closedPort(), "receiver-unused.yaml", "http/protobuf");
        assertThat(json.getAsJsonObject("diagnosis").get("code").getAsString()).isEqualTo("config.protocol-missing");
    }

    @Test
    void withoutConfigTheNetworkRuleStillDecides() throws IOException {
        JsonObject json = assertThatRun(CliDriver.create().run("check", "127.0.0.1:" + Ports.closedPort(), "-o", "json"))
                .exitsWith(1).json();
        // 127.0.0.1 is this machine: the local probes, not the config, explain the refusal
        assertThat(json.getAsJsonObject("diagnosis").get("code").getAsString()).isEqualTo("process.not-running");
    }

    @Test
    void invalidConfigIsAnInputErrorBeforeAnyProbe() {
        assertThatRun(CliDriver.create().run("check", "127.0.0.1:4317", "--config", "src/test/resources/lint/tabs.yaml"))
                .exitsWith(2).stderrIsOneErrorLine().stderrContains("tabs.yaml:3:1");
    }

    @Test
    void textReportListsTheConfigFindingsWithTheirPlace() throws IOException {
        CliDriver.Result run = CliDriver.create().run("check", "127.0.0.1:" + Ports.closedPort(), "--config",
                "src/test/resources/lint/production.yaml", "--no-color");
        assertThatRun(run).exitsWith(1).stdoutContains("FAIL  the collector will not start",
                "config src/test/resources/lint/production.yaml",
                "src/test/resources/lint/production.yaml:24:3  exporter logging: removed since collector v0.111.0");
    }
}
