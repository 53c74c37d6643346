package dev.otlpdoctor.probe.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.otlpdoctor.Deadline;
import dev.otlpdoctor.probe.Facts;
import dev.otlpdoctor.probe.LocalChecks;
import dev.otlpdoctor.probe.ProbeContext;
import dev.otlpdoctor.probe.ProbeSettings;
import dev.otlpdoctor.report.Finding;
import dev.otlpdoctor.report.Severity;
import dev.otlpdoctor.target.Protocol;
import dev.otlpdoctor.target.Source;
import dev.otlpdoctor.target.TargetParser;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The running collector's --config is linted with the same rules as otlpdoctor lint, the schema rules included. */
class ProcessConfigSchemaTest extends FixtureTest {
    /** The rest of a config whose receivers are written before it: one traces pipeline from otlp to debug. */
    private static final String TO_DEBUG = """
            exporters:
              debug: {}
            service:
              pipelines:
                traces:
                  receivers: [otlp]
                  exporters: [debug]
            """;

    @Test
    void aTypoInTheRunningCollectorsConfigIsNamedWithItsLine() throws InterruptedException {
        host.listen("0.0.0.0", 4317);
        host.process(812, "/otelcol-contrib", "--config", "/etc/otelcol-contrib/config.yaml").create();
        host.write("proc/812/root/etc/otelcol-contrib/config.yaml", """
                receivers:
                  otlp:
                    protocols:
                      grpc:
                        endpoint: 0.0.0.0:4317
                      htp:
                        endpoint: 0.0.0.0:4318
                """ + TO_DEBUG);
        List<Finding> findings = runProbes(host);

        Finding typo = findings.stream().filter(f -> f.code().equals("config.invalid-key")).findFirst().orElseThrow();
        // it runs, yet the file was written after it started: its next restart fails with this
        assertThat(typo.severity()).isEqualTo(Severity.WARN);
        assertThat(typo.detail()).contains("the file changed after it started", "next restart will fail");
        assertThat(typo.evidence()).containsEntry("file", "/etc/otelcol-contrib/config.yaml (pid 812)")
                .containsEntry("line", 6).containsEntry("column", 7).containsEntry("suggestion", "http");
    }

    /** The binary's build info selects the release: v0.131.0 still took confighttp's `middleware`, v0.132.0 renamed it. */
    @Test
    void theRunningBinarysReleaseSelectsTheSchemaRelease() throws Exception {
        String config = """
                receivers:
                  otlp:
                    protocols:
                      http:
                        endpoint: 0.0.0.0:4318
                        middleware:
                          - id: headers_check
                """ + TO_DEBUG;
        assertThat(configFindings(813, "v0.131.0", config)).noneMatch(f -> f.code().equals("config.invalid-key"));

        Finding renamed = configFindings(814, "v0.132.0", config).stream()
                .filter(f -> f.code().equals("config.invalid-key")).findFirst().orElseThrow();
        assertThat(renamed.evidence()).containsEntry("suggestion", "middlewares").containsEntry("removedIn", "v0.132.0")
                .containsEntry("collectorRelease", "v0.132.0 (build info of the running binary)");
        // it runs with this config, so its release still loads it (the file is older than the process)
        assertThat(renamed.severity()).isEqualTo(Severity.WARN);
        assertThat(renamed.detail()).contains("its release still loads it");

        // no build info (a wrapper script, or not readable): the newest release is assumed
        Finding unknown = configFindings(815, null, config).stream()
                .filter(f -> f.code().equals("config.invalid-key")).findFirst().orElseThrow();
        assertThat(unknown.evidence()).doesNotContainKey("collectorRelease").containsEntry("suggestion", "middlewares");
    }

    /** The config findings of a collector (pid) whose binary was built with that otelcol release (null: none). */
    private static List<Finding> configFindings(int pid, String release, String config) throws Exception {
        ProcFixture host = ProcFixture.inTempDir();
        try {
            return configFindings(host, pid, release, config);
        } finally {
            host.delete();
        }
    }

    private static List<Finding> configFindings(ProcFixture host, int pid, String release, String config) throws Exception {
        long socket = host.listen("0.0.0.0", 4318);
        String exe = "/usr/lib/otelcol-" + pid + "/otelcol-contrib";
        host.process(pid, exe, "--config", "/etc/otelcol-contrib/config.yaml").holds(socket).create();
        Path binary = host.root().resolve(exe.substring(1));
        GoBinaryFixture.write(binary, release == null ? "#!/bin/sh\n".getBytes(StandardCharsets.US_ASCII)
                : GoBinaryFixture.elf(".go.buildinfo", GoBinaryFixture.buildInfo("go1.24.4",
                        GoBinaryFixture.modules(release), true), true, ByteOrder.LITTLE_ENDIAN));
        Path link = host.root().resolve("proc/" + pid + "/exe");
        Files.delete(link);
        Files.createSymbolicLink(link, binary);
        Path file = host.root().resolve("proc/" + pid + "/root/etc/otelcol-contrib/config.yaml");
        host.write("proc/" + pid + "/root/etc/otelcol-contrib/config.yaml", config);
        Files.setLastModifiedTime(file, FileTime.from(Instant.EPOCH));
        return runProbes(host).stream().filter(f -> f.code().startsWith("config.")
                && String.valueOf(f.evidence().get("file")).endsWith("(pid " + pid + ")")).toList();
    }

    /** The process probe, then the config probe (which applies to a local target), as a check on localhost:4318 runs them. */
    private static List<Finding> runProbes(ProcFixture host) throws InterruptedException {
        Duration timeout = Duration.ofSeconds(20);
        ProbeContext context = new ProbeContext(new TargetParser(Protocol.AUTO, "--protocol")
                .parse("localhost:4318", Source.argument(1)), null,
                ProbeSettings.builder().local(LocalChecks.AUTO).build(), Deadline.after(timeout), new Facts(), null);
        List<Finding> findings = new ArrayList<>();
        new ProcessProbe(host.fs()).run(context, findings::add);
        ProcessConfigProbe probe = new ProcessConfigProbe(host.fs());
        assertThat(probe.appliesTo(context)).isTrue();
        probe.run(context, findings::add);
        return findings;
    }
}
