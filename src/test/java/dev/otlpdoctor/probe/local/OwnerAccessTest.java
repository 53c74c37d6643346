package dev.otlpdoctor.probe.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.otlpdoctor.probe.LocalChecks;
import dev.otlpdoctor.probe.ProbeContext;
import dev.otlpdoctor.probe.ProbeSettings;
import dev.otlpdoctor.report.Finding;
import dev.otlpdoctor.testing.ProbeHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Run as root, otlpdoctor reads a collector's --config through /proc/PID/root; it must never show what the
 * collector's own user could not read (a collector run as nobody pointing at a root-only file).
 */
class OwnerAccessTest extends FixtureTest {
    private static final String SECRET_CONFIG = "receivers:\n  otlp:\n    protocols:\n      grpc:\n"
            + "        endpoint: 0.0.0.0:4317\nexporters:\n  otlphttp:\n    endpoint: https://vendor.example\n"
            + "    headers: {api-key: s3cr3t-value}\n";

    @Test
    void aFileItsUserCannotReadIsNotReadOnItsBehalf() throws Exception {
        List<Finding> findings = lint(0600);
        assertThat(findings).noneMatch(f -> f.code().startsWith("config."));
        assertThat(findings).anySatisfy(f -> {
            assertThat(f.code()).isEqualTo("local.unreadable");
            assertThat(f.detail()).contains("its user (uid 65534) cannot read it");
        });
        assertThat(findings.toString()).doesNotContain("s3cr3t").doesNotContain("vendor.example");
    }

    @Test
    void aFileItsUserCanReadIsLinted() throws Exception {
        List<Finding> findings = lint(0644);
        assertThat(findings).noneMatch(f -> f.code().equals("local.unreadable"));
        assertThat(findings).anyMatch(f -> f.code().startsWith("config."));
    }

    private List<Finding> lint(int mode) throws Exception {
        host.listen("0.0.0.0", 4317);
        host.process(812, "/otelcol-contrib", "--config", "/etc/otelcol-contrib/config.yaml").uid(65534).create();
        host.write("proc/812/root/etc/otelcol-contrib/config.yaml", SECRET_CONFIG);
        Path file = host.root().resolve("proc/812/root/etc/otelcol-contrib/config.yaml");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions(mode)));
        Duration timeout = Duration.ofSeconds(20);
        ProbeContext context = ProbeHarness.context("localhost:4317", ProbeSettings.builder().local(LocalChecks.AUTO).build(),
                timeout);
        return ProbeHarness.run(context, new ProcessProbe(host.fs()), new ProcessConfigProbe(host.fs()));
    }

    private static String permissions(int mode) {
        StringBuilder text = new StringBuilder();
        for (int shift = 6; shift >= 0; shift -= 3) {
            int bits = (mode >> shift) & 7;
            text.append((bits & 4) != 0 ? 'r' : '-').append((bits & 2) != 0 ? 'w' : '-').append((bits & 1) != 0 ? 'x' : '-');
        }
        return text.toString();
    }
}
