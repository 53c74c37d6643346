package dev.otlpdoctor.probe.local.service;

import static dev.otlpdoctor.probe.local.service.CollectorLogSamples.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.otlpdoctor.Deadline;
import dev.otlpdoctor.probe.Facts;
import dev.otlpdoctor.probe.LocalChecks;
import dev.otlpdoctor.probe.Probe;
import dev.otlpdoctor.probe.ProbeContext;
import dev.otlpdoctor.probe.ProbeSettings;
import dev.otlpdoctor.probe.local.ProcessProbe;
import dev.otlpdoctor.report.Finding;
import dev.otlpdoctor.report.Severity;
import dev.otlpdoctor.target.Protocol;
import dev.otlpdoctor.target.Source;
import dev.otlpdoctor.target.TargetParser;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The process and service probes against a fixture host with systemctl and journalctl stand-ins on PATH. */
class ServiceProbeTest {
    private static final String CONTRIB = "otelcol-contrib.service";
    private static final String CONFIG = String.join("\n",
            "receivers:",
            "  otlp:",
            "    protocols:",
            "      grpc:",
            "        endpoint: 0.0.0.0:4317",
            "      htp:",
            "        endpoint: 0.0.0.0:4318",
            "exporters:",
            "  debug: {}",
            "service:",
            "  pipelines:",
            "    traces:",
            "      receivers: [otlp]",
            "      exporters: [debug, otlphttp/backend]",
            "");

    private ServiceHost host;
    private Facts facts;

    @BeforeEach
    void createHost() {
        host = new ServiceHost();
    }

    @AfterEach
    void deleteHost() throws IOException {
        host.delete();
    }

    private List<Finding> run() {
        ProbeContext context = new ProbeContext(new TargetParser(Protocol.AUTO, "--protocol").parse("localhost:4317",
                Source.argument(1)), null, ProbeSettings.builder().local(LocalChecks.AUTO).build(),
                Deadline.after(Duration.ofSeconds(20)), new Facts(), null);
        facts = context.facts();
        List<Finding> findings = new ArrayList<>();
        for (Probe probe : List.<Probe>of(new ProcessProbe(host.fs()), new ServiceProbe(host.fs(), host.env()))) {
            try {
                probe.run(context, f -> findings.add(f.attributedTo(probe.id(), context.label())));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
        return findings;
    }

    private static Finding one(List<Finding> findings, String code) {
        List<Finding> found = findings.stream().filter(f -> f.code().equals(code)).toList();
        assertThat(found).as("%s in %s", code, findings).hasSize(1);
        return found.get(0);
    }

    /** The package's unit: ExecStart through $OTELCOL_OPTIONS from its environment file, as the .deb installs it. */
    private void failedContribUnit(Instant started, int restarts) {
        host.proc.write("etc/otelcol-contrib/otelcol-contrib.conf",
                "# Systemd environment file for the otelcol-contrib service\n"
                        + "OTELCOL_OPTIONS=\"--config=/etc/otelcol-contrib/config.yaml\"\n");
        host.proc.write("etc/otelcol-contrib/config.yaml", CONFIG);
        host.systemd().unit(CONTRIB, "failed", "failed",
                "Result=exit-code", "ExecMainCode=1", "ExecMainStatus=1", "NRestarts=" + restarts,
                "ExecStart={ path=/usr/bin/otelcol-contrib ; argv[]=/usr/bin/otelcol-contrib $OTELCOL_OPTIONS ; "
                        + "ignore_errors=no ; start_time=[n/a] ; stop_time=[n/a] ; pid=4242 ; code=exited ; status=1 }",
                "EnvironmentFiles=/etc/otelcol-contrib/otelcol-contrib.conf (ignore_errors=no)",
                "ActiveEnterTimestamp=",
                "InactiveEnterTimestamp=" + ServiceHost.SYSTEMD_TIME.format(started.plusSeconds(1)),
                "ExecMainStartTimestamp=" + ServiceHost.SYSTEMD_TIME.format(started));
    }

    @Test
    void aUnitThatFailedAtStartNamesTheInvalidKeyAndItsConfigLine() {
        host.proc.process(1, "/sbin/init").uid(0).create();
        Instant started = Instant.now().minusSeconds(120);
        failedContribUnit(started, 5);
        List<String> journal = new ArrayList<>();
        journal.add(STARTING); // an earlier, healthy run: before the last start, so not read as this run's
        journal.addAll(INVALID_KEYS);
        journal.addAll(SYSTEMD_EXIT);
        host.journal(CONTRIB, started.minusSeconds(600), List.of(STARTING, READY));
        host.journal(CONTRIB, started, journal);

        List<Finding> findings = run();

        Finding down = one(findings, "service.down");
        assertThat(down.severity()).isEqualTo(Severity.FAIL);
        assertThat(down.evidence()).containsEntry("manager", "systemd").containsEntry("name", CONTRIB)
                .containsEntry("restarts", 5).containsEntry("configs", List.of("--config=/etc/otelcol-contrib/config.yaml".substring(9)))
                .containsEntry("error", "'protocols' has invalid keys: htp")
                .containsEntry("location", "/etc/otelcol-contrib/config.yaml:6");
        assertThat(down.detail()).startsWith("The collector exited at start 2 minutes ago (systemd: failed/failed, "
                + "Result=exit-code, exit status 1, 5 restarts): 'protocols' has invalid keys: htp — "
                + "/etc/otelcol-contrib/config.yaml:6");
        Finding invalid = one(findings, "collector-log.config-invalid");
        assertThat(invalid.severity()).isEqualTo(Severity.FAIL);
        assertThat(invalid.evidence()).containsEntry("source", "journalctl -u " + CONTRIB)
                .containsEntry("location", "/etc/otelcol-contrib/config.yaml:6").containsEntry("componentId", "otlp");
        assertThat(String.valueOf(invalid.evidence().get("written"))).endsWith("(2 minutes ago)");
        assertThat(invalid.remediation()).contains("Fix the configuration at /etc/otelcol-contrib/config.yaml:6",
                "Start it again: sudo systemctl restart otelcol-contrib.service");

        List<ServiceStatus> status = facts.get(ServiceProbe.STATUS).orElseThrow();
        assertThat(status).hasSize(1);
        assertThat(status.get(0).down()).isTrue();
        assertThat(status.get(0).restarts()).isEqualTo(5);
        assertThat(status.get(0).startupError().kind()).isEqualTo(MessageKind.CONFIG_INVALID);
        assertThat(host.calls()).contains("journalctl -u " + CONTRIB + " -o json -n 200 --no-pager")
                .contains("systemctl show -p Id,LoadState,ActiveState");
    }

    @Test
    void aComponentUsedButNotConfiguredPointsAtThePipelineEntry() {
        Instant started = Instant.now().minusSeconds(30);
        failedContribUnit(started, 0);
        host.journal(CONTRIB, started, List.of(NOT_CONFIGURED, SYSTEMD_EXIT.get(0)));
        Finding invalid = one(run(), "collector-log.config-invalid");
        assertThat(invalid.evidence()).containsEntry("location", "/etc/otelcol-contrib/config.yaml:14")
                .containsEntry("pipeline", "traces");
    }

    @Test
    void theRunningCollectorsUnitIsFoundThroughItsCgroupAndRuntimeTroubleIsAWarning() {
        // a unit name no matcher knows: only the collector's cgroup ties it to the collector
        host.proc.process(700, "/opt/otel/otelcol-contrib", "--config=/etc/otel/collector.yaml")
                .cgroup("0::/system.slice/telemetry-agent.service\n").create();
        Instant started = Instant.now().minusSeconds(3600);
        host.systemd().unit("telemetry-agent.service", "active", "running", "Result=success", "NRestarts=0",
                "ExecMainCode=0", "ActiveEnterTimestamp=" + ServiceHost.SYSTEMD_TIME.format(started),
                "ExecMainStartTimestamp=" + ServiceHost.SYSTEMD_TIME.format(started));
        host.journal("telemetry-agent.service", started, List.of(STARTING, READY, SOFT_LIMIT, HARD_LIMIT, RETRY_REFUSED,
                RETRY_REFUSED, DROPPED_401, REJECTED_403, QUEUE_FULL));

        List<Finding> findings = run();

        assertThat(one(findings, "service.active").severity()).isEqualTo(Severity.PASS);
        Finding memory = one(findings, "collector-log.memory-limited");
        assertThat(memory.severity()).isEqualTo(Severity.WARN);
        assertThat(memory.evidence()).containsEntry("occurrences", 2);
        Finding export = one(findings, "collector-log.export-failed");
        assertThat(export.severity()).isEqualTo(Severity.WARN);
        assertThat(export.evidence()).containsEntry("occurrences", 5);
        assertThat(export.title()).isEqualTo("the collector fails to export: the backend's sending queue is full".replace(
                "the backend's sending queue is full", "the sending queue is full: the backend is slower than the data coming in"));
        assertThat(facts.get(ServiceProbe.STATUS).orElseThrow().get(0).down()).isFalse();
        String all = findings.toString();
        SECRETS.forEach(secret -> assertThat(all).doesNotContain(secret));
    }

    @Test
    void anOomKillIsNamedFromSystemdsOwnResult() {
        Instant started = Instant.now().minusSeconds(300);
        host.systemd().unit("otelcol.service", "activating", "auto-restart", "Result=oom-kill", "ExecMainCode=2",
                "ExecMainStatus=9", "NRestarts=3",
                "ExecStart={ path=/usr/bin/otelcol ; argv[]=/usr/bin/otelcol --config=/etc/otelcol/config.yaml ; ignore_errors=no }",
                "InactiveEnterTimestamp=" + ServiceHost.SYSTEMD_TIME.format(started.plusSeconds(200)),
                "ExecMainStartTimestamp=" + ServiceHost.SYSTEMD_TIME.format(started));
        host.journal("otelcol.service", started, List.of(STARTING, READY, SOFT_LIMIT,
                SYSTEMD_OOM.get(0).replace("otelcol-contrib", "otelcol"), SYSTEMD_OOM.get(1).replace("otelcol-contrib", "otelcol"),
                SYSTEMD_OOM.get(2).replace("otelcol-contrib", "otelcol")));

        List<Finding> findings = run();

        Finding down = one(findings, "service.down");
        assertThat(String.valueOf(down.evidence().get("state"))).contains("Result=oom-kill", "killed by signal 9 (SIGKILL)");
        assertThat(down.evidence()).containsEntry("errorCode", "collector-log.oom-killed");
        assertThat(String.valueOf(down.evidence().get("summary"))).startsWith("stopped after it had started ");
        assertThat(one(findings, "collector-log.oom-killed").evidence().get("line"))
                .isEqualTo("otelcol.service: Failed with result 'oom-kill'.");
    }

    @Test
    void aJournalThisUserMayNotReadIsASkipWithTheReason() {
        failedContribUnit(Instant.now().minusSeconds(60), 1);
        host.journal(CONTRIB, Instant.now().minusSeconds(60), INVALID_KEYS);
        host.journalDenied();
        List<Finding> findings = run();
        assertThat(one(findings, "service.down").detail()).contains("shows no error otlpdoctor recognises");
        Finding skip = one(findings, "service.unreadable");
        assertThat(skip.severity()).isEqualTo(Severity.SKIP);
        assertThat(String.valueOf(skip.evidence().get("reason"))).contains("may not read the system journal",
                "systemd-journal or adm group");
        assertThat(findings).noneMatch(f -> f.code().startsWith("collector-log."));
    }

    @Test
    void withoutSystemdNothingIsGuessed() {
        host.proc.process(1, "/sbin/init").uid(0).create();
        List<Finding> findings = run();
        Finding skip = one(findings, "service.unreadable");
        assertThat(skip.evidence()).containsEntry("reason", "this machine does not run systemd (no /run/systemd/system)");
        assertThat(facts.get(ServiceProbe.STATUS).orElseThrow()).isEmpty();
    }

    @Test
    void withoutSystemctlOnPathTheUnitsAreNotChecked() {
        host.proc.write("run/systemd/system/.keep", "");
        Finding skip = one(run(), "service.unreadable");
        assertThat(skip.evidence()).containsEntry("reason", "systemctl is not on PATH");
    }

    @Test
    void aStoppedDockerCollectorKilledForMemoryAndItsJsonFileLog() {
        String id = "4f1c2e9b8a7d6c5b4a39281706f5e4d3c2b1a09f8e7d6c5b4a3928170615e4d3";
        Instant started = Instant.now().minusSeconds(900);
        host.proc.write("home/ops/otel/config.yaml", CONFIG);
        host.dockerContainer(id, "{\"Running\":false,\"Restarting\":false,\"OOMKilled\":true,\"Dead\":false,\"Pid\":0,"
                        + "\"ExitCode\":137,\"Error\":\"\",\"StartedAt\":\"" + started + "\",\"FinishedAt\":\""
                        + started.plusSeconds(600) + "\"}",
                "[\"--config=/etc/otelcol-contrib/config.yaml\"]", "otel/opentelemetry-collector-contrib:0.159.0", 2,
                "{\"/etc/otelcol-contrib/config.yaml\":{\"Source\":\"/home/ops/otel/config.yaml\","
                        + "\"Destination\":\"/etc/otelcol-contrib/config.yaml\",\"RW\":false}}",
                started, List.of(STARTING, READY, SOFT_LIMIT, HARD_LIMIT, DROPPED_401));

        List<Finding> findings = run();

        Finding down = one(findings, "service.down");
        assertThat(down.evidence()).containsEntry("manager", "docker").containsEntry("name", "otel-collector")
                .containsEntry("state", "exited (137), OOMKilled").containsEntry("restarts", 2)
                .containsEntry("errorCode", "collector-log.oom-killed");
        assertThat(down.remediation()).contains("Validate the config before restarting: docker run --rm -v "
                + "/home/ops/otel/config.yaml:/etc/otelcol-contrib/config.yaml:ro otel/opentelemetry-collector-contrib:0.159.0 "
                + "validate --config=/etc/otelcol-contrib/config.yaml");
        Finding memory = one(findings, "collector-log.memory-limited");
        assertThat(memory.evidence()).containsEntry("source", "/var/lib/docker/containers/" + id + "/" + id + "-json.log");
        String all = findings.toString();
        SECRETS.forEach(secret -> assertThat(all).doesNotContain(secret));
    }

    @Test
    void aStoppedDockerCollectorsMountedConfigIsLintedWithItsImagesRelease() {
        String id = "1f1c2e9b8a7d6c5b4a39281706f5e4d3c2b1a09f8e7d6c5b4a3928170615e4d3";
        Instant started = Instant.now().minusSeconds(300);
        host.proc.write("home/ops/otel/config.yaml", CONFIG);
        host.dockerContainer(id, "{\"Running\":false,\"Restarting\":false,\"OOMKilled\":false,\"Dead\":false,\"Pid\":0,"
                        + "\"ExitCode\":1,\"Error\":\"\",\"StartedAt\":\"" + started + "\",\"FinishedAt\":\""
                        + started.plusSeconds(1) + "\"}",
                "[\"--config=/etc/otelcol-contrib/config.yaml\"]", "otel/opentelemetry-collector-contrib:0.131.0", 3,
                "{\"/etc/otelcol-contrib/config.yaml\":{\"Source\":\"/home/ops/otel/config.yaml\","
                        + "\"Destination\":\"/etc/otelcol-contrib/config.yaml\",\"RW\":false}}",
                started, List.of(STARTING));

        Finding typo = one(run(), "config.invalid-key");

        assertThat(typo.evidence()).containsEntry("service", "otel-collector")
                .containsEntry("file", "/home/ops/otel/config.yaml").containsEntry("suggestion", "http")
                .containsEntry("collectorRelease", "v0.131.0 (image otel/opentelemetry-collector-contrib:0.131.0)");
    }

    @Test
    void aRunningDockerCollectorThatCouldNotBindBeforeIsHistoryNotTheCause() {
        String id = "9a8b7c6d5e4f30211223344556677889900aabbccddeeff0011223344556677";
        Instant started = Instant.now().minusSeconds(60);
        host.proc.process(900, "/otelcol-contrib", "--config=/etc/otelcol-contrib/config.yaml")
                .cgroup("0::/system.slice/docker-" + id + ".scope\n").create();
        host.dockerContainer(id, "{\"Running\":true,\"OOMKilled\":false,\"Pid\":900,\"ExitCode\":0,\"StartedAt\":\""
                        + started + "\",\"FinishedAt\":\"0001-01-01T00:00:00Z\"}",
                "[\"--config=/etc/otelcol-contrib/config.yaml\"]", "otel/opentelemetry-collector-contrib:0.159.0", 0, "{}",
                started.minusSeconds(30), List.of(FAILED_TO_START_COMPONENT, ADDRESS_IN_USE, STARTING, READY));
        List<Finding> findings = run();
        assertThat(one(findings, "service.active").evidence()).containsEntry("manager", "docker");
        // written before this run started: not read as this run's
        assertThat(findings).noneMatch(f -> f.code().equals("collector-log.address-in-use"));
    }

    @Test
    void aCrashLoopingPodsPreviousRunFromTheKubeletsCriLog() {
        String id = "c0ffee00112233445566778899aabbccddeeff00112233445566778899aabbcc";
        String uid = "6f0e4c1a-2b3d-4e5f-8a9b-0c1d2e3f4a5b";
        host.proc.process(1200, "/otelcol-k8s", "--config=/conf/relay.yaml")
                .cgroup("0::/kubepods.slice/kubepods-burstable.slice/kubepods-burstable-pod" + uid.replace('-', '_')
                        + ".slice/cri-containerd-" + id + ".scope\n").create();
        host.proc.write("proc/1200/root/conf/relay.yaml", CONFIG);
        Instant before = Instant.now().minusSeconds(200);
        host.criLog("observability", "otel-collector-6d9f7b5c4-x2v8q", uid, "otel-collector", id, 3, before,
                List.of(FAILED_TO_START_COMPONENT, ADDRESS_IN_USE));
        host.criLog("observability", "otel-collector-6d9f7b5c4-x2v8q", uid, "otel-collector", id, 4,
                before.plusSeconds(100), List.of(STARTING, READY, RETRY_REFUSED));

        List<Finding> findings = run();

        Finding restarted = one(findings, "service.restarted");
        assertThat(restarted.evidence()).containsEntry("manager", "kubernetes").containsEntry("restarts", 4)
                .containsEntry("name", "observability/otel-collector-6d9f7b5c4-x2v8q container otel-collector");
        Finding inUse = one(findings, "collector-log.address-in-use");
        assertThat(inUse.severity()).isEqualTo(Severity.INFO);
        assertThat(inUse.evidence()).containsEntry("location", "/conf/relay.yaml:5")
                .containsEntry("source", "/var/log/pods/observability_otel-collector-6d9f7b5c4-x2v8q_" + uid
                        + "/otel-collector/3.log");
        // the CRI line was split by the runtime (P then F) and is read whole
        assertThat(inUse.evidence().get("line")).isEqualTo(ADDRESS_IN_USE);
        assertThat(one(findings, "collector-log.export-failed").severity()).isEqualTo(Severity.WARN);
        assertThat(restarted.remediation()).contains("Look for the reason in its log before the last start: kubectl logs "
                + "--previous -n observability otel-collector-6d9f7b5c4-x2v8q -c otel-collector");
    }

    @Test
    void aUnitStoppedOnPurposeIsTheCauseOnlyWhenNoCollectorRuns() {
        host.systemd().unit("otelcol.service", "inactive", "dead", "Result=success", "NRestarts=0", "ExecMainCode=1",
                "ExecMainStatus=0",
                "ExecStart={ path=/usr/bin/otelcol ; argv[]=/usr/bin/otelcol --config=/etc/otelcol/config.yaml ; ignore_errors=no }");
        Finding stopped = one(run(), "service.down");
        assertThat(stopped.severity()).isEqualTo(Severity.FAIL);
        assertThat(stopped.detail()).isEqualTo("otelcol.service is stopped, not crashed (systemd: inactive/dead, "
                + "Result=success, exit status 0): nothing starts the collector. Start it: sudo systemctl restart otelcol.service");

        // the same spare unit while a collector runs in a container: information only
        host.proc.process(900, "/otelcol-contrib", "--config=/etc/otelcol-contrib/config.yaml")
                .cgroup("0::/system.slice/docker-" + "ab".repeat(32) + ".scope\n").create();
        assertThat(one(run(), "service.down").severity()).isEqualTo(Severity.INFO);
    }
}
