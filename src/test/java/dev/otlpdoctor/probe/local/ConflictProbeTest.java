package dev.otlpdoctor.probe.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.otlpdoctor.report.Finding;
import dev.otlpdoctor.report.Severity;
import org.junit.jupiter.api.Test;

class ConflictProbeTest extends FixtureTest {

    @Test
    void anotherProgramOnTheOtlpPortIsAConflict() {
        long socket = host.listen("0.0.0.0", 4318);
        host.process(300, "nginx: master process /usr/sbin/nginx", "-g", "daemon off;").uid(0).holds(socket).create();
        host.process(301, "nginx: worker process").uid(33).holds(socket).create();
        LocalRun run = LocalRun.of(host.fs(), "localhost");
        Finding conflict = run.one("bind.port-conflict");
        assertThat(conflict.endpoint()).isEqualTo("localhost:4318");
        assertThat(conflict.evidence()).containsEntry("pid", 300).containsEntry("address", "0.0.0.0:4318");
        // only the diagnosis, seeing the endpoint fail, makes it the cause: it may be an OTLP receiver
        assertThat(conflict.severity()).isEqualTo(Severity.INFO);
        assertThat(conflict.remediation()).anyMatch(s -> s.contains("kill 300"));
        // something holds the port, so "not running" is only information: it may be a collector under another name
        assertThat(run.one("process.not-running").severity()).isEqualTo(Severity.INFO);
    }

    @Test
    void aPortForwarderIsNotAConflict() {
        long socket = host.listen("::", 4317);
        host.process(640, "/usr/bin/rootlessport").holds(socket).create();
        LocalRun run = LocalRun.of(host.fs(), "localhost:4317");
        assertThat(run.one("bind.forwarded").title()).isEqualTo("port 4317 is forwarded by rootlessport (pid 640)");
        assertThat(run.all("bind.port-conflict")).isEmpty();
    }

    @Test
    void anUnknownOwnerIsReportedAsNotCheckedWithHowToCheck() {
        host.listen("0.0.0.0", 4317);
        host.process(1, "/sbin/init").uid(0).fdsUnreadable().create();
        Finding skip = LocalRun.of(host.fs(), "localhost:4317").one("local.unreadable");
        assertThat(skip.severity()).isEqualTo(Severity.SKIP);
        assertThat(skip.title()).contains("the owner of 0.0.0.0:4317");
        assertThat(skip.detail()).contains("sudo ss -tlnp 'sport = :4317'");
        assertThat(skip.remediation()).anyMatch(s -> s.contains("sudo otlpdoctor check --local"));
    }

    @Test
    void aSocketNoVisibleProcessHoldsBelongsToAnotherPidNamespace() {
        host.listen("0.0.0.0", 4317);
        host.process(1, "/pause").uid(65535).create();
        Finding skip = LocalRun.of(host.fs(), "localhost:4317").one("local.unreadable");
        assertThat(skip.title()).contains("the owner of 0.0.0.0:4317 (no process visible here holds it: it belongs to "
                + "another PID namespace");
    }
}
