package dev.otlpdoctor.probe.local.service;

import static dev.otlpdoctor.probe.local.service.CollectorLogSamples.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.otlpdoctor.Deadline;
import dev.otlpdoctor.check.CheckPlan;
import dev.otlpdoctor.check.Checker;
import dev.otlpdoctor.probe.LocalChecks;
import dev.otlpdoctor.probe.ProbeSettings;
import dev.otlpdoctor.probe.local.GoBinaryFixture;
import dev.otlpdoctor.report.Diagnosis;
import dev.otlpdoctor.report.Finding;
import dev.otlpdoctor.report.Report;
import dev.otlpdoctor.report.Severity;
import dev.otlpdoctor.target.Protocol;
import dev.otlpdoctor.target.Source;
import dev.otlpdoctor.target.TargetParser;
import dev.otlpdoctor.testing.Ports;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The whole chain on a fixture host whose collector unit failed, with the TCP probe connecting for real to a
 * loopback port nothing listens on: the collector's own last error, not "not running", is the diagnosis.
 */
class ServiceDiagnosisTest {
    private ServiceHost host;
    private int closedPort;

    @BeforeEach
    void setUp() throws IOException {
        host = new ServiceHost();
        closedPort = Ports.closedPort();
    }

    @AfterEach
    void tearDown() throws IOException {
        host.delete();
    }

    private Report check() throws InterruptedException {
        return new Checker(Checker.standardChain(host.fs(), host.env()), 1).run(CheckPlan.of(
                List.of(new TargetParser(Protocol.AUTO, "--protocol").parse("127.0.0.1:" + closedPort, Source.argument(1))),
                ProbeSettings.builder().local(LocalChecks.AUTO).build()), Deadline.after(Duration.ofSeconds(10)));
    }

    private void failedUnit(Instant started, List<String> journal) {
        String config = String.join("\n",
                "receivers:",
                "  otlp:",
                "    protocols:",
                "      grpc:",
                "        endpoint: 0.0.0.0:" + closedPort,
                "      htp:",
                "        endpoint: 0.0.0.0:4318",
                "");
        host.proc.write("etc/otelcol-contrib/config.yaml", config);
        host.systemd().unit("otelcol-contrib.service", "failed", "failed", "Result=exit-code", "ExecMainCode=1",
                "ExecMainStatus=1", "NRestarts=5",
                "ExecStart={ path=/usr/bin/otelcol-contrib ; argv[]=/usr/bin/otelcol-contrib "
                        + "--config=/etc/otelcol-contrib/config.yaml ; ignore_errors=no }",
                "InactiveEnterTimestamp=" + ServiceHost.SYSTEMD_TIME.format(started),
                "ExecMainStartTimestamp=" + ServiceHost.SYSTEMD_TIME.format(started));
        host.journal("otelcol-contrib.service", started, journal);
    }

    @Test
    void theStartupErrorOutranksNotRunning() throws InterruptedException {
        host.proc.process(1, "/sbin/init").uid(0).create();
        List<String> journal = new ArrayList<>(INVALID_KEYS);
        journal.addAll(SYSTEMD_EXIT);
        failedUnit(Instant.now().minusSeconds(120), journal);

        Report report = check();

        Diagnosis diagnosis = report.diagnosis();
        assertThat(diagnosis.code()).isEqualTo("collector-log.config-invalid");
        assertThat(diagnosis.title()).isEqualTo("the collector exited at start 2 minutes ago (systemd: failed/failed, "
                + "Result=exit-code, exit status 1, 5 restarts): 'protocols' has invalid keys: htp — "
                + "/etc/otelcol-contrib/config.yaml:6");
        assertThat(diagnosis.remediation().get(0)).isEqualTo("Fix the configuration at /etc/otelcol-contrib/config.yaml:6");
        assertThat(diagnosis.alsoCheck()).contains("process.not-running", "tcp.refused", "service.down");
    }

    @Test
    void aStoppedUnitsConfigIsLintedWithTheLineToFixWhenItsLogSaysNothing() throws InterruptedException {
        host.proc.process(1, "/sbin/init").uid(0).create();
        failedUnit(Instant.now().minusSeconds(120), SYSTEMD_EXIT);

        Report report = check();

        Finding typo = report.findings().stream().filter(f -> f.code().equals("config.invalid-key")).findFirst()
                .orElseThrow(() -> new AssertionError(report.findings()));
        assertThat(typo.probe()).isEqualTo("service");
        assertThat(typo.severity()).isEqualTo(Severity.FAIL);
        assertThat(typo.evidence()).containsEntry("service", "otelcol-contrib.service")
                .containsEntry("file", "/etc/otelcol-contrib/config.yaml").containsEntry("line", 6)
                .containsEntry("column", 7).containsEntry("suggestion", "http");
        assertThat(report.diagnosis().code()).isEqualTo("config.invalid-key");
        assertThat(report.diagnosis().title()).contains("/etc/otelcol-contrib/config.yaml:6");
        assertThat(report.diagnosis().summary()).contains("htp");
    }

    @Test
    void aStoppedUnitsConfigIsJudgedByTheReleaseItsBinaryWasBuiltFrom() throws InterruptedException {
        host.proc.process(1, "/sbin/init").uid(0).create();
        failedUnit(Instant.now().minusSeconds(120), SYSTEMD_EXIT);
        // memory_limiter's ballast_size_mib was removed in v0.40.0: a v0.38.0 binary still reads it
        host.proc.write("etc/otelcol-contrib/config.yaml", String.join("\n",
                "receivers:", "  otlp:", "    protocols:", "      grpc:", "        endpoint: 0.0.0.0:" + closedPort,
                "processors:", "  memory_limiter:", "    check_interval: 1s", "    limit_mib: 400",
                "    ballast_size_mib: 100", "exporters:", "  debug: {}", "service:", "  pipelines:", "    traces:",
                "      receivers: [otlp]", "      processors: [memory_limiter]", "      exporters: [debug]", ""));

        GoBinaryFixture.collector(host.proc.root().resolve("usr/bin/otelcol-contrib"), "v0.38.0");
        assertThat(check().findings()).noneMatch(f -> f.code().equals("config.invalid-key"));

        GoBinaryFixture.collector(host.proc.root().resolve("usr/bin/otelcol-contrib"), "v0.131.0");
        Finding removed = check().findings().stream().filter(f -> f.code().equals("config.invalid-key")).findFirst()
                .orElseThrow();
        assertThat(removed.evidence()).containsEntry("service", "otelcol-contrib.service")
                .containsEntry("collectorRelease", "v0.131.0 (build info of otelcol-contrib)");
    }

    @Test
    void anAddressInUseThatTheConflictProbeSeesToo() throws InterruptedException {
        long socket = host.proc.listen("0.0.0.0", closedPort);
        // the program on the port answers nothing on 127.0.0.1 here: a fixture socket, the real port is closed
        host.proc.process(4242, "/usr/local/bin/jaeger-all-in-one").holds(socket).create();
        failedUnit(Instant.now().minusSeconds(30), List.of(FAILED_TO_START_COMPONENT.replace("4317", "" + closedPort),
                ADDRESS_IN_USE.replace("4317", "" + closedPort), SYSTEMD_EXIT.get(0)));

        Diagnosis diagnosis = check().diagnosis();

        // the port conflict rule names the other program first; the log agrees with it
        assertThat(diagnosis.code()).isEqualTo("bind.port-conflict");
        assertThat(diagnosis.alsoCheck()).contains("collector-log.address-in-use", "service.down");
    }

    @Test
    void anAddressInUseThatNoProgramHoldsNowIsADisagreementSaidAloud() throws InterruptedException {
        host.proc.process(1, "/sbin/init").uid(0).create();
        failedUnit(Instant.now().minusSeconds(30), List.of(ADDRESS_IN_USE.replace("4317", "" + closedPort),
                SYSTEMD_EXIT.get(0)));

        Diagnosis diagnosis = check().diagnosis();

        assertThat(diagnosis.code()).isEqualTo("collector-log.address-in-use");
        assertThat(diagnosis.title()).endsWith("cannot start pipelines: failed to start \"otlp\" receiver: listen tcp 0.0.0.0:"
                + closedPort + ": bind: address already in use — /etc/otelcol-contrib/config.yaml:5");
        assertThat(diagnosis.summary()).contains("The conflict probe disagrees: nothing listens on port " + closedPort + " now");
    }
}
