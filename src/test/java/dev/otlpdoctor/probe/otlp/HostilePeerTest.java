package dev.otlpdoctor.probe.otlp;

import static dev.otlpdoctor.testing.CliAssert.assertThatRun;
import static org.assertj.core.api.Assertions.assertThat;

import dev.otlpdoctor.testing.CliDriver;
import dev.otlpdoctor.testing.Findings;
import dev.otlpdoctor.testing.HostileServer;
import org.junit.jupiter.api.Test;

/** Peers that are not OTLP receivers: the run says what answered, stays bounded and ends. */
class HostilePeerTest {
    private final CliDriver cli = CliDriver.create();

    @Test
    void garbageIsSomethingElseAndShownPrintably() throws Exception {
        try (HostileServer server = HostileServer.garbage()) {
            CliDriver.Result result = cli.run("check", "--no-local", server.address(), "--protocol", "grpc", "-o", "json");
            assertThatRun(result).exitsWith(1);
            Findings findings = Findings.of(result);
            assertThat(findings.diagnosisCode()).isEqualTo("protocol.unknown");
            assertThat(findings.withCode("protocol.unknown").get(0).toString()).contains("\\\\x00\\\\xff", "garbage");
            assertThat(findings.codes()).contains("grpc:probe.skipped");
        }
    }

    @Test
    void aPeerThatNeverAnswersEndsAtTheDeadline() throws Exception {
        try (HostileServer server = HostileServer.silent()) {
            long start = System.nanoTime();
            CliDriver.Result result = cli.run("check", "--no-local", server.address(), "--protocol", "http/protobuf",
                    "--timeout", "2s", "-o", "json");
            long elapsedMs = (System.nanoTime() - start) / 1_000_000;
            assertThatRun(result).exitsWith(1);
            Findings findings = Findings.of(result);
            assertThat(findings.codes()).contains("tls:tls.no-answer", "protocol:protocol.silent");
            assertThat(findings.diagnosisCode()).isEqualTo("protocol.silent");
            // Bounded by the deadline, not probes x timeout (generous margin for a loaded machine).
            assertThat(elapsedMs).isLessThan(20_000);
        }
    }

    @Test
    void anEndlessBodyIsCappedAndNamed() throws Exception {
        try (HostileServer server = HostileServer.endlessBody()) {
            CliDriver.Result result = cli.run("check", "--no-local", "http://" + server.address(), "--protocol", "http/protobuf",
                    "--signals", "traces", "-o", "json");
            assertThatRun(result).exitsWith(1);
            Findings findings = Findings.of(result);
            assertThat(findings.diagnosisCode()).isEqualTo("protocol.not-otlp");
            assertThat(findings.withCode("protocol.not-otlp").get(0).toString())
                    .contains("endless", "text/html", "stopped reading after 65536 bytes");
        }
    }
}
