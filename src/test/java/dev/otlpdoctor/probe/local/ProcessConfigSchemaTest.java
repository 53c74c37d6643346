package dev.otlpdoctor.probe.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.otlpdoctor.probe.Deadline;
import dev.otlpdoctor.probe.Facts;
import dev.otlpdoctor.probe.LocalChecks;
import dev.otlpdoctor.probe.ProbeContext;
import dev.otlpdoctor.probe.ProbeSettings;
import dev.otlpdoctor.report.Finding;
import dev.otlpdoctor.report.Severity;
import dev.otlpdoctor.target.Protocol;
import dev.otlpdoctor.target.Source;
import dev.otlpdoctor.target.TargetParser;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The running collector's --config is linted with the same rules as otlpdoctor lint, the schema rules included. */
class ProcessConfigSchemaTest extends FixtureTest {

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
                exporters:
                  debug: {}
                service:
                  pipelines:
                    traces:
                      receivers: [otlp]
                      exporters: [debug]
                """);
        Duration timeout = Duration.ofSeconds(20);
        ProbeContext context = new ProbeContext(new TargetParser(Protocol.AUTO, "--protocol")
                .parse("localhost:4318", Source.argument(1)), null,
                ProbeSettings.builder().local(LocalChecks.AUTO).build(), Deadline.after(timeout), new Facts(), null);
        List<Finding> findings = new ArrayList<>();
        new ProcessProbe(host.fs()).run(context, findings::add);
        ProcessConfigProbe probe = new ProcessConfigProbe(host.fs());
        assertThat(probe.appliesTo(context)).isTrue();
        probe.run(context, findings::add);

        Finding typo = findings.stream().filter(f -> f.code().equals("config.invalid-key")).findFirst().orElseThrow();
        // it runs, yet the file was written after it started: its next restart fails with this
        assertThat(typo.severity()).isEqualTo(Severity.WARN);
        assertThat(typo.detail()).contains("the file changed after it started", "next restart will fail");
        assertThat(typo.evidence()).containsEntry("file", "/etc/otelcol-contrib/config.yaml (pid 812)")
                .containsEntry("line", 6).containsEntry("column", 7).containsEntry("suggestion", "http");
    }
}
