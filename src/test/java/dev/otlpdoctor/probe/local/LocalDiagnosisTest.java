package dev.otlpdoctor.probe.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.otlpdoctor.Deadline;
import dev.otlpdoctor.check.CheckPlan;
import dev.otlpdoctor.check.Checker;
import dev.otlpdoctor.probe.LocalChecks;
import dev.otlpdoctor.probe.ProbeSettings;
import dev.otlpdoctor.report.Diagnosis;
import dev.otlpdoctor.report.Report;
import dev.otlpdoctor.target.Protocol;
import dev.otlpdoctor.target.Source;
import dev.otlpdoctor.target.TargetParser;
import dev.otlpdoctor.testing.Ports;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The whole chain with the local probes reading a fixture and the TCP probe connecting for real to a
 * loopback port nothing listens on: the refusal is read in the light of what the host shows.
 */
class LocalDiagnosisTest extends FixtureTest {
    private int closedPort;

    @BeforeEach
    void findAClosedPort() throws IOException {
        closedPort = Ports.closedPort();
    }

    private Diagnosis diagnose(String host, boolean local) throws InterruptedException {
        Report report = new Checker(Checker.standardChain(this.host.fs()), 1).run(CheckPlan.of(
                List.of(new TargetParser(Protocol.AUTO, "--protocol").parse(host + ":" + closedPort, Source.argument(1))),
                ProbeSettings.builder().local(local ? LocalChecks.ALWAYS : LocalChecks.AUTO).build()),
                Deadline.after(Duration.ofSeconds(10)));
        assertThat(report.findings()).as("the port is closed for real").anyMatch(f -> f.code().equals("tcp.refused"));
        return report.diagnosis();
    }

    @Test
    void refusedWithNoCollectorAndNothingListeningIsNotRunning() throws InterruptedException {
        host.process(1, "/sbin/init").uid(0).create();
        Diagnosis diagnosis = diagnose("127.0.0.1", false);
        assertThat(diagnosis.code()).isEqualTo("process.not-running");
        assertThat(diagnosis.summary()).startsWith("The connection to 127.0.0.1:" + closedPort + " was refused because no "
                + "collector process runs");
    }

    @Test
    void refusedWhileALoopbackListenerHoldsThePortIsLocalhostOnly() throws InterruptedException {
        long socket = host.listen("127.0.0.1", closedPort);
        host.process(812, "/otelcol-contrib", "--config=/etc/otelcol-contrib/config.yaml").holds(socket).create();
        // 127.0.0.2 is another address of this machine that the 127.0.0.1-only socket does not serve
        Diagnosis diagnosis = diagnose("127.0.0.2", true);
        assertThat(diagnosis.code()).isEqualTo("bind.localhost-only");
        assertThat(diagnosis.summary()).contains("127.0.0.1:" + closedPort + " pid 812 otelcol-contrib listens");
        assertThat(diagnosis.alsoCheck()).contains("tcp.refused");
    }

    @Test
    void refusedWhileAnotherProgramOwnsThePortIsAPortConflict() throws InterruptedException {
        long socket = host.listen("127.0.0.1", closedPort);
        host.process(4242, "/usr/bin/node", "server.js").holds(socket).create();
        Diagnosis diagnosis = diagnose("127.0.0.2", true);
        // binding 0.0.0.0 would not help: the program on the port is no collector
        assertThat(diagnosis.code()).isEqualTo("bind.port-conflict");
        assertThat(diagnosis.summary()).startsWith("127.0.0.1:" + closedPort + " is held by pid 4242: /usr/bin/node server.js.");
        assertThat(diagnosis.alsoCheck()).contains("bind.localhost-only", "tcp.refused");
    }

    @Test
    void refusedWhileTheCollectorListensElsewhereIsNoOtlpListener() throws InterruptedException {
        long metrics = host.listen("0.0.0.0", 8888);
        host.process(812, "/usr/bin/otelcol", "--config=/etc/otelcol/config.yaml").holds(metrics).create();
        assertThat(diagnose("127.0.0.1", false).code()).isEqualTo("process.no-otlp-listener");
    }

    @Test
    void theRunningCollectorsOwnConfigExplainsTheRefusal() throws InterruptedException {
        long metrics = host.listen("0.0.0.0", 8888);
        host.process(812, "/usr/bin/otelcol", "--config=/etc/otelcol/config.yaml").holds(metrics).create();
        // the file as the process sees it, read through /proc/812/root: the otlp receiver is in no pipeline
        host.write("proc/812/root/etc/otelcol/config.yaml", String.join("\n",
                "receivers:",
                "  otlp:",
                "    protocols:",
                "      grpc:",
                "        endpoint: 0.0.0.0:4317",
                "  prometheus:",
                "    config: {scrape_configs: []}",
                "exporters:",
                "  debug: {}",
                "service:",
                "  pipelines:",
                "    metrics:",
                "      receivers: [prometheus]",
                "      exporters: [debug]",
                ""));
        Diagnosis diagnosis = diagnose("127.0.0.1", false);
        assertThat(diagnosis.code()).isEqualTo("config.receiver-unused");
        assertThat(diagnosis.title()).contains("/etc/otelcol/config.yaml (pid 812)");
        assertThat(diagnosis.alsoCheck()).contains("tcp.refused");
    }
}
