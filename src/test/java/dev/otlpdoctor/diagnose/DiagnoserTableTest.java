package dev.otlpdoctor.diagnose;

import static org.assertj.core.api.Assertions.assertThat;

import dev.otlpdoctor.report.Diagnosis;
import dev.otlpdoctor.report.Finding;
import dev.otlpdoctor.report.ProbeRun;
import dev.otlpdoctor.report.Severity;
import dev.otlpdoctor.report.catalog.CollectorCodes;
import dev.otlpdoctor.report.catalog.ConfigCodes;
import dev.otlpdoctor.report.catalog.LocalCodes;
import dev.otlpdoctor.report.catalog.NetworkCodes;
import dev.otlpdoctor.report.catalog.OtlpCodes;
import dev.otlpdoctor.report.catalog.ProtocolCodes;
import dev.otlpdoctor.report.catalog.RunCodes;
import dev.otlpdoctor.report.catalog.TlsCodes;
import dev.otlpdoctor.target.Protocol;
import dev.otlpdoctor.target.Source;
import dev.otlpdoctor.target.Target;
import dev.otlpdoctor.target.TargetParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The diagnosis over recorded finding sets: each row is the findings a run produced (as the probes
 * record them: code, endpoint, evidence) and the one root cause a user must be told.
 */
class DiagnoserTableTest {
    private static final Target COLLECTOR = new TargetParser(Protocol.AUTO, "--protocol")
            .parse("collector", Source.argument(1));
    private static final String GRPC = "collector:4317";
    private static final String HTTP = "collector:4318";

    static Stream<Arguments> table() {
        return Stream.of(
                row("nothing listens on either port", "tcp.refused", "nothing listens on collector:4317",
                        () -> runs(tcp(GRPC, refused(4317)), tcp(HTTP, refused(4318)))),
                row("refused, collector bound to 127.0.0.1", "bind.localhost-only", "collector:4317",
                        () -> runs(local(LocalCodes.BIND_LOCALHOST_ONLY.finding().severity(Severity.WARN)
                                        .evidence("port", 4317).evidence("listeners", List.of("otelcol-contrib on 127.0.0.1:4317"))
                                        .build(), GRPC),
                                tcp(GRPC, refused(4317)), tcp(HTTP, open(4318)))),
                row("refused, no collector process", "process.not-running", "no known collector process",
                        () -> runs(local(LocalCodes.PROCESS_NOT_RUNNING.finding().severity(Severity.FAIL).build(), "collector"),
                                tcp(GRPC, refused(4317)), tcp(HTTP, refused(4318)))),
                row("every SYN dropped", "tcp.timeout", "no answer (packets dropped) from collector:4317",
                        () -> runs(tcp(GRPC, timeout(4317)), tcp(HTTP, timeout(4318)))),
                row("dropped, and a host firewall", "tcp.timeout", "collector:4317",
                        () -> runs(local(LocalCodes.FIREWALL_PRESENT.finding().evidence("firewalls", "ufw").build(), "collector"),
                                tcp(GRPC, timeout(4317)), tcp(HTTP, open(4318)))),
                row("gRPC client on the HTTP port", "protocol.mismatch", "port 4318 speaks HTTP/1.1",
                        () -> runs(tcp(HTTP, open(4318)),
                                new ProbeRun("protocol", HTTP, Severity.FAIL, 1, List.of(at("protocol", HTTP,
                                        ProtocolCodes.PROTOCOL_MISMATCH.finding().evidence("port", 4318)
                                                .evidence("found", "HTTP/1.1").evidence("expected", "OTLP/gRPC").build()))),
                                skipped("grpc", HTTP))),
                row("TLS client on a plaintext port", "tls.mismatch", "",
                        () -> runs(tcp(GRPC, open(4317)), new ProbeRun("tls", GRPC, Severity.FAIL, 1, List.of(at("tls", GRPC,
                                TlsCodes.TLS_MISMATCH.finding().evidence("port", 4317).build()))),
                                new ProbeRun("grpc", GRPC, Severity.FAIL, 1, List.of(at("grpc", GRPC,
                                        OtlpCodes.OTLP_UNAVAILABLE.finding().evidence("signal", "traces").build()))))),
                row("logs and metrics without a pipeline", "signal.not-accepted",
                        "no pipeline for metrics, logs at collector:4317",
                        () -> runs(tcp(GRPC, open(4317)), new ProbeRun("grpc", GRPC, Severity.FAIL, 1, List.of(
                                at("grpc", GRPC, ok("traces")), at("grpc", GRPC, notAccepted("metrics")),
                                at("grpc", GRPC, notAccepted("logs")))))),
                row("config drops the http protocol, 4318 refused", "config.protocol-missing", "",
                        () -> {
                            List<ProbeRun> runs = runs(tcp(GRPC, open(4317)), tcp(HTTP, refused(4318)));
                            runs.add(0, new ProbeRun("config", "config.yaml", Severity.FAIL, 1, List.of(at("config",
                                    "config.yaml", ConfigCodes.PROTOCOL_MISSING.finding().severity(Severity.FAIL)
                                            .evidence("missing", "http").evidence("file", "config.yaml")
                                            .evidence("line", 3).build()))));
                            return runs;
                        }),
                row("exporter failing, queue full", "collector.exporter-failing", "otlphttp/vendor",
                        () -> runs(tcp(GRPC, open(4317)), new ProbeRun("grpc", GRPC, Severity.PASS, 1, List.of(at("grpc", GRPC, ok("traces")))),
                                new ProbeRun("collector-metrics", "collector", Severity.FAIL, 1, List.of(
                                        at("collector-metrics", "collector", CollectorCodes.EXPORTER_FAILING.finding()
                                                .severity(Severity.FAIL).evidence("exporter", "otlphttp/vendor")
                                                .evidence("failed", 12).evidence("signal", "traces").build()),
                                        at("collector-metrics", "collector", CollectorCodes.QUEUE_FULL.finding()
                                                .severity(Severity.FAIL).build()))))),
                row("name does not resolve", "dns.unresolved", "collector does not resolve",
                        () -> runs(new ProbeRun("dns", "collector", Severity.FAIL, 1, List.of(at("dns", "collector",
                                        NetworkCodes.DNS_UNRESOLVED.finding().evidence("host", "collector").build()))),
                                skipped("tcp", GRPC), skipped("tcp", HTTP))));
    }

    @ParameterizedTest(name = "{0} => {1}")
    @MethodSource("table")
    void namesTheRootCause(String situation, String code, String titlePart, Supplier<List<ProbeRun>> recorded) {
        Optional<Diagnosis> diagnosis = new Diagnoser().diagnose(List.of(COLLECTOR), recorded.get());
        assertThat(diagnosis).as(situation).isPresent();
        assertThat(diagnosis.get().code()).as(situation).isEqualTo(code);
        assertThat(diagnosis.get().title()).as(situation).contains(titlePart);
        assertThat(diagnosis.get().remediation()).as(situation + ": the fix").isNotEmpty();
        assertThat(diagnosis.get().alsoCheck()).as(situation).doesNotContain(code);
    }

    @org.junit.jupiter.api.Test
    void allAcceptedIsNoDiagnosisAndSaysWhatWasProven() {
        List<ProbeRun> runs = runs(tcp(GRPC, open(4317)), new ProbeRun("grpc", GRPC, Severity.PASS, 1,
                List.of(at("grpc", GRPC, ok("traces")), at("grpc", GRPC, ok("metrics")), at("grpc", GRPC, ok("logs")))));
        Diagnoser diagnoser = new Diagnoser();
        assertThat(diagnoser.diagnose(List.of(COLLECTOR), runs)).isEmpty();
        assertThat(diagnoser.passVerdict(runs)).isEqualTo("traces, metrics, logs accepted over grpc at collector:4317");
    }

    private static Arguments row(String situation, String code, String titlePart, Supplier<List<ProbeRun>> runs) {
        return Arguments.of(situation, code, titlePart, runs);
    }

    private static List<ProbeRun> runs(ProbeRun... runs) {
        return new ArrayList<>(List.of(runs));
    }

    private static Finding at(String probe, String endpoint, Finding finding) {
        return finding.attributedTo(probe, endpoint);
    }

    private static ProbeRun tcp(String endpoint, Finding finding) {
        return ProbeRun.of("tcp", endpoint, 1, List.of(at("tcp", endpoint, finding)));
    }

    private static ProbeRun local(Finding finding, String endpoint) {
        return ProbeRun.of("local", endpoint, 1, List.of(at("local", endpoint, finding)));
    }

    private static ProbeRun skipped(String probe, String endpoint) {
        return ProbeRun.of(probe, endpoint, 0, List.of(at(probe, endpoint, RunCodes.PROBE_SKIPPED.finding()
                .param("probe", probe).evidence("reason", "it needs an earlier probe, which failed").build())));
    }

    private static Finding refused(int port) {
        return NetworkCodes.TCP_REFUSED.finding().evidence("address", "10.0.0.5").evidence("port", port).build();
    }

    private static Finding timeout(int port) {
        return NetworkCodes.TCP_TIMEOUT.finding().evidence("address", "10.0.0.5").evidence("port", port)
                .evidence("waitedMs", 5000).build();
    }

    private static Finding open(int port) {
        return NetworkCodes.TCP_OPEN.finding().evidence("address", "10.0.0.5").evidence("port", port)
                .evidence("latencyMs", 1).build();
    }

    private static Finding ok(String signal) {
        return OtlpCodes.OTLP_OK.finding().evidence("signal", signal).evidence("protocol", "grpc").build();
    }

    private static Finding notAccepted(String signal) {
        return OtlpCodes.SIGNAL_NOT_ACCEPTED.finding().evidence("signal", signal).evidence("answer", "UNIMPLEMENTED")
                .build();
    }
}
