package dev.otlpdoctor.probe.otlp;

import static dev.otlpdoctor.testing.CliAssert.assertThatRun;
import static org.assertj.core.api.Assertions.assertThat;

import dev.otlpdoctor.otlp.Signal;
import dev.otlpdoctor.testing.CliDriver;
import dev.otlpdoctor.testing.FakeGrpcCollector;
import dev.otlpdoctor.testing.Findings;
import io.grpc.Status;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/** The grpc probe against an in-process OTLP/gRPC receiver on loopback. */
class GrpcProbeTest {
    private final CliDriver cli = CliDriver.create();

    @Test
    void healthyReceiverAcceptsEverySignalAndHealthIsOnlyInformation() throws Exception {
        try (FakeGrpcCollector collector = FakeGrpcCollector.start()) {
            CliDriver.Result result = cli.run("check", collector.address(), "--protocol", "grpc", "-o", "json");
            assertThatRun(result).exitsWith(0);
            Findings findings = Findings.of(result);
            assertThat(findings.codes()).contains("tls:tls.plaintext", "protocol:protocol.identified",
                    "grpc:grpc.health-unimplemented").doesNotContain("http:http.receiver-found");
            assertThat(findings.withCode("otlp.ok")).extracting(f -> f.getAsJsonObject("evidence").get("signal").getAsString())
                    .containsExactly("traces", "metrics", "logs");
            assertThat(findings.verdict()).isEqualTo("traces, metrics, logs accepted over grpc at " + collector.address());
            assertThat(collector.exports(Signal.TRACES)).isEqualTo(1);
            assertThat(collector.itemsReceived(Signal.TRACES)).isZero();
        }
    }

    @Test
    void signalWithoutPipelineIsNotAcceptedWhileOthersPass() throws Exception {
        try (FakeGrpcCollector collector = FakeGrpcCollector.builder().signals(Signal.TRACES, Signal.METRICS).start()) {
            CliDriver.Result result = cli.run("check", collector.address(), "-o", "json");
            assertThatRun(result).exitsWith(1);
            Findings findings = Findings.of(result);
            assertThat(findings.withCode("signal.not-accepted")).singleElement()
                    .satisfies(f -> assertThat(f.toString()).contains("logs", "UNIMPLEMENTED",
                            "OTEL_LOGS_EXPORTER=none", "pipelines"));
            assertThat(findings.withCode("otlp.ok")).hasSize(2);
            assertThat(findings.diagnosisCode()).isEqualTo("signal.not-accepted");
        }
    }

    @Test
    void authRequiredUntilTheHeaderIsSentAndItsValueIsNeverShown() throws Exception {
        try (FakeGrpcCollector collector = FakeGrpcCollector.builder().requireHeader("authorization", "Bearer s3cr3t").start()) {
            CliDriver.Result refused = cli.run("check", collector.address(), "-o", "json");
            assertThatRun(refused).exitsWith(1);
            assertThat(Findings.of(refused).withCode("auth.required")).hasSize(3);

            CliDriver.Result accepted = cli.run("check", collector.address(), "-H", "authorization=Bearer s3cr3t",
                    "-o", "json", "-v");
            assertThatRun(accepted).exitsWith(0);
            assertThat(Findings.of(accepted).withCode("otlp.ok")).hasSize(3);
            assertThat(accepted.out()).contains("authorization (-H)").doesNotContain("s3cr3t");

            CliDriver.Result fromEnv = CliDriver.create()
                    .env("OTEL_EXPORTER_OTLP_HEADERS", "authorization=Bearer%20s3cr3t")
                    .run("check", collector.address(), "-v");
            assertThatRun(fromEnv).exitsWith(0).stdoutContains("OTEL_EXPORTER_OTLP_HEADERS");
            assertThat(fromEnv.out() + fromEnv.err()).doesNotContain("s3cr3t");
        }
    }

    @Test
    void everyFailureStatusHasItsOwnFinding() throws Exception {
        try (FakeGrpcCollector collector = FakeGrpcCollector.builder()
                .fail(Signal.TRACES, Status.UNAVAILABLE.withDescription("queue is full"))
                .fail(Signal.METRICS, Status.RESOURCE_EXHAUSTED.withDescription("memory limiter"))
                .rejectSome(Signal.LOGS, 2, "2 log records dropped")
                .health(ServingStatus.SERVING)
                .start()) {
            CliDriver.Result result = cli.run("check", collector.address(), "--send-sample", "-o", "json");
            assertThatRun(result).exitsWith(1);
            Findings findings = Findings.of(result);
            assertThat(findings.codes()).contains("grpc:grpc.health-serving", "grpc:otlp.unavailable",
                    "grpc:otlp.throttled", "grpc:otlp.partial-success");
            assertThat(findings.withCode("otlp.unavailable").get(0).toString()).contains("queue is full");
            assertThat(findings.withCode("otlp.partial-success").get(0).toString()).contains("2 log records dropped");
            assertThat(collector.itemsReceived(Signal.TRACES)).isEqualTo(1);
            assertThat(collector.itemsReceived(Signal.LOGS)).isEqualTo(1);
        }
    }

    @Test
    void throttledOnEverySignalIsNotAPass() throws Exception {
        // Nothing was accepted: a PASS would claim what the run did not prove (docs/reliability.md).
        try (FakeGrpcCollector collector = FakeGrpcCollector.builder()
                .fail(Signal.TRACES, Status.RESOURCE_EXHAUSTED.withDescription("rate limited"))
                .fail(Signal.METRICS, Status.RESOURCE_EXHAUSTED.withDescription("rate limited"))
                .fail(Signal.LOGS, Status.RESOURCE_EXHAUSTED.withDescription("rate limited"))
                .start()) {
            CliDriver.Result result = cli.run("check", collector.address(), "--protocol", "grpc", "-o", "json");
            assertThatRun(result).exitsWith(1);
            assertThat(Findings.of(result).withCode("otlp.throttled")).hasSize(3)
                    .allSatisfy(f -> assertThat(f.get("severity").getAsString()).isEqualTo("fail"));
        }
    }

    @Test
    void aServerReportingNotServingIsAWarning() throws Exception {
        try (FakeGrpcCollector collector = FakeGrpcCollector.builder().health(ServingStatus.NOT_SERVING).start()) {
            CliDriver.Result result = cli.run("check", collector.address(), "--protocol", "grpc", "--strict", "-o", "json");
            assertThatRun(result).exitsWith(1);
            assertThat(Findings.of(result).withCode("grpc.health-not-serving")).singleElement()
                    .satisfies(f -> assertThat(f.toString()).contains("NOT_SERVING", "\"warn\""));
        }
    }

    @Test
    void protocolProbesAreSkippedWithTheReasonWhenNothingListens() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        CliDriver.Result result = cli.run("check", "127.0.0.1:" + closedPort, "--protocol", "grpc", "-o", "json");
        assertThatRun(result).exitsWith(1);
        Findings findings = Findings.of(result);
        assertThat(findings.codes()).containsSubsequence("tcp:tcp.refused", "tls:probe.skipped",
                "protocol:probe.skipped", "grpc:probe.skipped");
        assertThat(findings.withCode("probe.skipped").get(0).toString()).contains("it needs tcp");
    }

    @Test
    void aStuckSignalEndsAtTheDeadlineWithoutHidingTheOthers() throws Exception {
        try (FakeGrpcCollector collector = FakeGrpcCollector.builder().slow(Signal.METRICS).start()) {
            CliDriver.Result result = cli.run("check", collector.address(), "--timeout", "2s", "-o", "json");
            assertThatRun(result).exitsWith(1);
            Findings findings = Findings.of(result);
            assertThat(findings.withCode("otlp.deadline")).singleElement()
                    .satisfies(f -> assertThat(f.getAsJsonObject("evidence").get("signal").getAsString()).isEqualTo("metrics"));
            assertThat(findings.withCode("otlp.ok")).hasSize(2);
        }
    }
}
