package dev.otlpdoctor.probe.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.otlpdoctor.report.Finding;
import dev.otlpdoctor.report.Severity;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProcessProbeTest extends FixtureTest {
    private static final String DOCKER_CGROUP =
            "0::/system.slice/docker-3f2a1b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708.scope\n";

    @Test
    void reportsEachCollectorWithEverythingTheDiagnosisNeeds() {
        long grpc = host.listen("0.0.0.0", 4317);
        host.process(1, "/sbin/init").uid(0).create();
        host.process(812, "/otelcol-contrib", "--config", "/etc/otelcol-contrib/config.yaml", "--config=env:OTEL_EXTRA",
                        "--config=yaml:exporters::otlp::headers::authorization: Bearer s3cr3t")
                .cgroup(DOCKER_CGROUP).startTicks(4_200).holds(grpc).create();
        LocalRun run = LocalRun.of(host.fs(), "localhost:4317");

        Finding running = run.one("process.running");
        assertThat(running.severity()).isEqualTo(Severity.PASS);
        assertThat(running.title()).isEqualTo("otelcol-contrib runs as pid 812");
        assertThat(running.evidence())
                .containsEntry("pid", 812)
                .containsEntry("distribution", "OpenTelemetry Collector Contrib")
                .containsEntry("exe", "/otelcol-contrib")
                .containsEntry("user", "otel (uid 10001)")
                .containsEntry("container", "docker container 3f2a1b4c5d6e")
                .containsEntry("started", Instant.ofEpochSecond(ProcFixture.BOOT_TIME + 42).toString())
                .containsEntry("listening", List.of("0.0.0.0:4317 pid 812 otelcol-contrib"))
                .containsEntry("configs", List.of("/etc/otelcol-contrib/config.yaml", "env:OTEL_EXTRA",
                        "yaml:exporters::otlp::headers::authorization: <redacted>"));
        assertThat(running.toString()).doesNotContain("s3cr3t");

        CollectorProcess collector = run.facts().get(ProcessProbe.COLLECTORS).orElseThrow().get(0);
        assertThat(collector.configs()).extracting(ConfigArgument::scheme).containsExactly("file", "env", "yaml");
        assertThat(collector.hostPathOf(collector.configs().get(0).filePath()))
                .isEqualTo("/proc/812/root/etc/otelcol-contrib/config.yaml");
        assertThat(run.all("process.no-otlp-listener")).isEmpty();
    }

    @Test
    void aCollectorWithoutAnOtlpPortPointsAtTheConfigLint() {
        long metrics = host.listen("127.0.0.1", 8888);
        host.process(900, "/usr/bin/otelcol", "--config=/etc/otelcol/config.yaml").holds(metrics).create();
        Finding finding = LocalRun.of(host.fs(), "localhost").one("process.no-otlp-listener");
        assertThat(finding.severity()).isEqualTo(Severity.FAIL);
        assertThat(finding.evidence()).containsEntry("listening", List.of("127.0.0.1:8888"));
        assertThat(finding.remediation()).first().isEqualTo("Lint the configuration it runs with: otlpdoctor lint /etc/otelcol/config.yaml");
    }

    @Test
    void noCollectorAndNothingListeningIsNotRunning() {
        host.listen("0.0.0.0", 22);
        host.process(1, "/sbin/init").uid(0).create();
        host.process(77, "/usr/sbin/sshd", "-D").uid(0).create();
        Finding finding = LocalRun.of(host.fs(), "localhost").one("process.not-running");
        assertThat(finding.severity()).isEqualTo(Severity.FAIL);
        assertThat(finding.evidence()).containsEntry("processesScanned", 2).containsEntry("listening", List.of());
    }

    @Test
    void aCollectorInItsOwnNetworkNamespaceIsReadThroughItsProcNet() throws Exception {
        // docker run -p 4317:4317 with a collector bound to its container's loopback
        long proxy = host.listen("0.0.0.0", 4317);
        host.process(500, "/usr/bin/docker-proxy", "-proto", "tcp", "-host-ip", "0.0.0.0", "-host-port", "4317",
                "-container-ip", "172.17.0.2", "-container-port", "4317").uid(0).holds(proxy).create();
        host.process(812, "/otelcol-contrib", "--config", "/etc/otelcol-contrib/config.yaml").cgroup(DOCKER_CGROUP)
                .holds(7001).create();
        host.write("proc/812/net/tcp", "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n"
                + "   0: 0100007F:10DD 00000000:0000 0A 00000000:00000000 00:00000000 00000000 10001        0 7001 1 0000000000000000 100 0 0 10 0\n");
        java.nio.file.Files.createDirectories(host.root().resolve("proc/self/ns"));
        java.nio.file.Files.createDirectories(host.root().resolve("proc/812/ns"));
        java.nio.file.Files.createSymbolicLink(host.root().resolve("proc/self/ns/net"), java.nio.file.Path.of("net:[4026531840]"));
        java.nio.file.Files.createSymbolicLink(host.root().resolve("proc/812/ns/net"), java.nio.file.Path.of("net:[4026532301]"));

        LocalRun run = LocalRun.of(host.fs(), "localhost:4317");
        assertThat(run.one("process.running").evidence().get("listening"))
                .isEqualTo(List.of("127.0.0.1:4317 pid 812 otelcol-contrib (inside the network namespace of pid 812)"));
        assertThat(run.one("bind.forwarded").evidence()).containsEntry("program", "docker-proxy");
        assertThat(run.one("bind.localhost-only")).satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.FAIL);
            assertThat(f.detail()).contains("forwarded into a container, where the collector listens on 127.0.0.1:4317")
                    .contains("the forwarded connections are refused");
        });
        assertThat(run.all("bind.port-conflict")).isEmpty();
    }

    @Test
    void withHiddenProcessesNotSeeingACollectorIsNotChecked() {
        host.process(4000, "/bin/bash").create();
        host.write("proc/self/mountinfo", "22 27 0:21 / /proc rw,nosuid,nodev,noexec,relatime shared:12 - proc proc rw,hidepid=2\n");
        LocalRun run = LocalRun.of(host.fs(), "localhost");
        assertThat(run.all("process.not-running")).isEmpty();
        assertThat(run.one("local.unreadable").title()).contains("hidepid");
    }

    @Test
    void anotherUsersCollectorWithoutRootHasItsSocketsMarkedUnreadable() {
        host.listen("0.0.0.0", 4317);
        host.process(812, "/otelcol-contrib", "--config=/etc/otelcol-contrib/config.yaml").fdsUnreadable().create();
        LocalRun run = LocalRun.of(host.fs(), "localhost:4317");
        assertThat(run.one("process.running").evidence().get("listening"))
                .isEqualTo(List.of("not readable: it runs as another user (run as root to see its sockets)"));
        assertThat(run.all("process.no-otlp-listener")).isEmpty();
        assertThat(run.one("local.unreadable").title()).contains("the owner of 0.0.0.0:4317");
    }
}
