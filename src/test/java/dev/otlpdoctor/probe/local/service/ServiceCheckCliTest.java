package dev.otlpdoctor.probe.local.service;

import static dev.otlpdoctor.probe.local.service.CollectorLogSamples.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.otlpdoctor.testing.CliDriver;
import dev.otlpdoctor.testing.Ports;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code otlpdoctor check localhost:PORT} as a user runs it, on a host (OTLPDOCTOR_HOST_ROOT) whose collector
 * unit failed at start, with systemctl and journalctl stand-ins on PATH and a real closed loopback port.
 */
class ServiceCheckCliTest {
    private ServiceHost host;
    private int closedPort;

    @BeforeEach
    void setUp() throws IOException {
        host = new ServiceHost();
        closedPort = Ports.closedPort();
        host.proc.process(1, "/sbin/init").uid(0).create();
        host.proc.write("etc/otelcol-contrib/otelcol-contrib.conf",
                "OTELCOL_OPTIONS=\"--config=/etc/otelcol-contrib/config.yaml\"\n");
        host.proc.write("etc/otelcol-contrib/config.yaml", String.join("\n",
                "receivers:",
                "  otlp:",
                "    protocols:",
                "      grpc:",
                "        endpoint: 0.0.0.0:" + closedPort,
                "      htp:",
                "        endpoint: 0.0.0.0:4318",
                "exporters:",
                "  otlphttp/backend:",
                "    endpoint: https://ingest:S3cretPassw0rd@backend.example.com",
                ""));
        Instant started = Instant.now().minusSeconds(120);
        host.systemd().unit("otelcol-contrib.service", "failed", "failed", "Result=exit-code", "ExecMainCode=1",
                "ExecMainStatus=1", "NRestarts=5",
                "ExecStart={ path=/usr/bin/otelcol-contrib ; argv[]=/usr/bin/otelcol-contrib $OTELCOL_OPTIONS ; "
                        + "ignore_errors=no ; start_time=[n/a] ; stop_time=[n/a] ; pid=4242 ; code=exited ; status=1 }",
                "EnvironmentFiles=/etc/otelcol-contrib/otelcol-contrib.conf (ignore_errors=no)",
                "InactiveEnterTimestamp=" + ServiceHost.SYSTEMD_TIME.format(started.plusSeconds(1)),
                "ExecMainStartTimestamp=" + ServiceHost.SYSTEMD_TIME.format(started));
        List<String> journal = new ArrayList<>(INVALID_KEYS);
        journal.addAll(SYSTEMD_EXIT);
        host.journal("otelcol-contrib.service", started, journal);
    }

    @AfterEach
    void tearDown() throws IOException {
        host.delete();
    }

    private CliDriver.Result check(String timeout, String... extra) {
        CliDriver driver = CliDriver.create().host(host.root())
                .env("PATH", host.env().get("PATH"));
        List<String> args = new ArrayList<>(List.of("check", "localhost:" + closedPort, "--timeout", timeout, "--no-color"));
        args.addAll(List.of(extra));
        return driver.run(args.toArray(String[]::new));
    }

    @Test
    void theFailedUnitsLogLineAndConfigLocationAreTheDiagnosis() {
        CliDriver.Result result = check("10s", "--verbose");
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.out()).as(result.toString())
                .contains("the collector exited at start 2 minutes ago (systemd: failed/failed, Result=exit-code, "
                        + "exit status 1, 5 restarts): 'protocols' has invalid keys: htp — /etc/otelcol-contrib/config.yaml:6")
                .contains("collector-log.config-invalid")
                .contains("journalctl -u otelcol-contrib.service");
        SECRETS.forEach(secret -> assertThat(result.out() + result.err()).doesNotContain(secret));
    }

    @Test
    void theJsonReportCarriesTheRedactedEvidence() {
        CliDriver.Result result = check("10s", "--output", "json");
        JsonObject report = JsonParser.parseString(result.out()).getAsJsonObject();
        assertThat(report.getAsJsonObject("diagnosis").get("code").getAsString()).isEqualTo("collector-log.config-invalid");
        assertThat(result.out()).contains("'protocols' has invalid keys: htp", "/etc/otelcol-contrib/config.yaml:6",
                "\"service\"");
        SECRETS.forEach(secret -> assertThat(result.out() + result.err()).doesNotContain(secret));
    }

    @Test
    void secretsInTheCollectorsLogNeverReachTheReport() {
        // the collector runs under the unit now and its exporter fails with credentials in the errors
        host.proc.process(4242, "/usr/bin/otelcol-contrib", "--config=/etc/otelcol-contrib/config.yaml")
                .cgroup("0::/system.slice/otelcol-contrib.service\n").create();
        Instant started = Instant.now().minusSeconds(60);
        host.unit("otelcol-contrib.service", "active", "running", "Result=success", "NRestarts=0",
                "ActiveEnterTimestamp=" + ServiceHost.SYSTEMD_TIME.format(started),
                "ExecMainStartTimestamp=" + ServiceHost.SYSTEMD_TIME.format(started));
        host.journal("otelcol-contrib.service", started, List.of(STARTING, READY, RETRY_REFUSED, DROPPED_401, REJECTED_403));
        for (String format : new String[] {"text", "json"}) {
            CliDriver.Result result = check("10s", "--verbose", "--output", format);
            assertThat(result.out()).as(result.toString()).contains("collector-log.export-failed", "<redacted>");
            SECRETS.forEach(secret -> assertThat(result.out() + result.err()).doesNotContain(secret));
        }
    }

    @Test
    void aJournalctlThatHangsUsesOnlyItsPartOfTheDeadline() {
        host.proc.write("stand-ins/bin/journalctl", "#!/bin/sh\nexec /bin/sleep 60\n");
        CliDriver.Result result = check("4s", "--verbose");
        assertThat(result.out()).as(result.toString()).contains("did not finish within the run's deadline");
        // it used only its part of the deadline: the TCP probe after it still ran
        assertThat(result.out()).as(result.toString()).contains("tcp.refused");
    }
}
