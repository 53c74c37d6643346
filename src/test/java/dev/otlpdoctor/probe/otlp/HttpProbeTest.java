package dev.otlpdoctor.probe.otlp;

import static dev.otlpdoctor.testing.CliAssert.assertThatRun;
import static org.assertj.core.api.Assertions.assertThat;

import dev.otlpdoctor.Deadline;
import dev.otlpdoctor.check.CheckPlan;
import dev.otlpdoctor.check.Checker;
import dev.otlpdoctor.otlp.Signal;
import dev.otlpdoctor.probe.LocalChecks;
import dev.otlpdoctor.probe.ProbeSettings;
import dev.otlpdoctor.report.Report;
import dev.otlpdoctor.target.Endpoint;
import dev.otlpdoctor.target.Protocol;
import dev.otlpdoctor.target.Source;
import dev.otlpdoctor.target.Target;
import dev.otlpdoctor.target.Transport;
import dev.otlpdoctor.testing.CliDriver;
import dev.otlpdoctor.testing.FakeHttpCollector;
import dev.otlpdoctor.testing.Findings;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The http probe against an in-process server that answers as the collector's OTLP/HTTP receiver. */
class HttpProbeTest {
    private final CliDriver cli = CliDriver.create();

    @Test
    void healthyReceiverAcceptsProtobufAndJsonForEverySignal() throws Exception {
        try (FakeHttpCollector collector = FakeHttpCollector.start()) {
            CliDriver.Result result = cli.run("check", "http://" + collector.address(), "--protocol", "http/protobuf",
                    "-o", "json");
            assertThatRun(result).exitsWith(0);
            Findings findings = Findings.of(result);
            assertThat(findings.codes()).contains("protocol:protocol.identified", "http:http.receiver-found")
                    .noneMatch(code -> code.startsWith("grpc:"));
            assertThat(findings.withCode("otlp.ok")).hasSize(3)
                    .allSatisfy(f -> assertThat(f.getAsJsonObject("evidence").get("protocol").getAsString())
                            .isEqualTo("http/protobuf"));
            assertThat(findings.verdict()).isEqualTo("traces, metrics, logs accepted over http/protobuf at "
                    + collector.address());

            CliDriver.Result both = cli.run("check", "http://" + collector.address(), "-o", "json");
            assertThat(Findings.of(both).codes()).as("no port convention: gRPC is ruled out by what answered")
                    .contains("grpc:probe.skipped");
            assertThat(Findings.of(both).withCode("otlp.ok")).hasSize(3)
                    .allSatisfy(f -> assertThat(f.getAsJsonObject("evidence").get("protocol").getAsString())
                            .isEqualTo("http/protobuf, http/json"));
            assertThat(collector.posts(Signal.LOGS)).isEqualTo(3);
        }
    }

    @Test
    void anEndpointWithoutAClientProtocolTakesTheEncodingFromProtocolOption() throws Exception {
        // As a Kubernetes Service's port: the endpoint knows its transport, --protocol names the encoding.
        try (FakeHttpCollector collector = FakeHttpCollector.start()) {
            Endpoint port = new Endpoint("127.0.0.1", collector.port(), Transport.HTTP, false, "", "Service port otlp-http");
            Target target = new Target("otel-collector", "127.0.0.1", List.of(port), Source.argument(1));
            ProbeSettings settings = ProbeSettings.builder().protocol(Protocol.HTTP_JSON)
                    .local(LocalChecks.NEVER).build();

            Report report = new Checker(Checker.standardChain(), 1).run(CheckPlan.of(List.of(target), settings),
                    Deadline.after(Duration.ofSeconds(10)));

            assertThat(report.findings()).filteredOn(f -> f.code().equals("otlp.ok")).hasSize(3)
                    .allSatisfy(f -> assertThat(f.evidence().get("protocol")).isEqualTo("http/json"));
        }
    }

    @Test
    void signalWithoutPipelineGets404AndIsNotAccepted() throws Exception {
        try (FakeHttpCollector collector = FakeHttpCollector.builder().signals(Signal.TRACES).start()) {
            CliDriver.Result result = cli.run("check", "http://" + collector.address(), "--protocol", "http/json",
                    "-o", "json");
            assertThatRun(result).exitsWith(1);
            Findings findings = Findings.of(result);
            assertThat(findings.withCode("signal.not-accepted")).hasSize(2);
            assertThat(findings.withCode("signal.not-accepted").get(0).toString()).contains("404 page not found");
            assertThat(findings.withCode("otlp.ok")).hasSize(1);
        }
    }

    @Test
    void basePathIsKeptAndAWrongOneIsNamed() throws Exception {
        try (FakeHttpCollector collector = FakeHttpCollector.builder().basePath("/otlp").start()) {
            assertThatRun(cli.run("check", "http://" + collector.address() + "/otlp", "--protocol", "http/protobuf"))
                    .exitsWith(0);
            CliDriver.Result wrong = cli.run("check", "http://" + collector.address(), "--protocol", "http/protobuf",
                    "-o", "json");
            assertThatRun(wrong).exitsWith(1);
            assertThat(Findings.of(wrong).diagnosisCode()).isEqualTo("http.path-not-found");
        }
    }

    @Test
    void perSignalEndpointIsUsedAsIsWhileABaseEndpointWithASignalPathIsDoubled() throws Exception {
        try (FakeHttpCollector collector = FakeHttpCollector.start()) {
            String url = "http://" + collector.address() + "/v1/traces";
            CliDriver.Result perSignal = CliDriver.create().env("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", url)
                    .env("OTEL_EXPORTER_OTLP_TRACES_PROTOCOL", "http/protobuf").run("check", "-o", "json");
            assertThatRun(perSignal).exitsWith(0);
            assertThat(Findings.of(perSignal).withCode("otlp.ok")).singleElement()
                    .satisfies(f -> assertThat(f.toString()).contains("traces", url));

            CliDriver.Result doubled = CliDriver.create().env("OTEL_EXPORTER_OTLP_ENDPOINT", url)
                    .env("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf").run("check", "-o", "json");
            assertThatRun(doubled).exitsWith(1);
            assertThat(Findings.of(doubled).withCode("http.path-not-found")).singleElement()
                    .satisfies(f -> assertThat(f.toString()).contains("/v1/traces/v1/traces", "doubled"));
        }
    }

    @Test
    void http429OnEverySignalIsNotAPass() throws Exception {
        try (FakeHttpCollector collector = FakeHttpCollector.builder()
                .fail(Signal.TRACES, 429).fail(Signal.METRICS, 429).fail(Signal.LOGS, 429).start()) {
            CliDriver.Result result = cli.run("check", "http://" + collector.address(), "--protocol", "http/protobuf",
                    "-o", "json");
            assertThatRun(result).exitsWith(1);
            assertThat(Findings.of(result).withCode("otlp.throttled")).hasSize(3)
                    .allSatisfy(f -> assertThat(f.get("severity").getAsString()).isEqualTo("fail"));
        }
    }

    @Test
    void statusesMapToTheirFindingsWithRetryAfter() throws Exception {
        try (FakeHttpCollector collector = FakeHttpCollector.builder()
                .fail(Signal.TRACES, 503).fail(Signal.METRICS, 429).fail(Signal.LOGS, 413).start()) {
            CliDriver.Result result = cli.run("check", "http://" + collector.address(), "--protocol", "http/protobuf",
                    "-o", "json");
            Findings findings = Findings.of(result);
            assertThat(findings.codes()).contains("http:otlp.unavailable", "http:otlp.throttled",
                    "http:http.payload-too-large");
            assertThat(findings.withCode("otlp.throttled").get(0).getAsJsonObject("evidence").get("retryAfter")
                    .getAsString()).isEqualTo("30");
        }
        try (FakeHttpCollector collector = FakeHttpCollector.builder().fail(Signal.TRACES, 400)
                .rejectSome(Signal.LOGS, 3, "3 records too old").requireHeader("x-api-key", "k3y").start()) {
            CliDriver.Result result = cli.run("check", "http://" + collector.address(), "--protocol", "http/protobuf",
                    "-H", "x-api-key=k3y", "-o", "json");
            Findings findings = Findings.of(result);
            assertThat(findings.codes()).contains("http:http.bad-request", "http:otlp.partial-success", "http:otlp.ok");
            assertThat(result.out()).doesNotContain("k3y");
            assertThat(findings.withCode("http.bad-request").get(0).toString()).contains("export failed");
            CliDriver.Result noKey = cli.run("check", "http://" + collector.address(), "--protocol", "http/json",
                    "-o", "json");
            assertThat(Findings.of(noKey).diagnosisCode()).isEqualTo("auth.required");
        }
        try (FakeHttpCollector collector = FakeHttpCollector.builder()
                .fail(Signal.TRACES, 415).fail(Signal.METRICS, 405).fail(Signal.LOGS, 500).start()) {
            CliDriver.Result result = cli.run("check", "http://" + collector.address(), "--protocol", "http/protobuf",
                    "-o", "json");
            assertThat(Findings.of(result).codes()).contains("http:http.unsupported-media-type",
                    "http:http.method-not-allowed", "http:otlp.rejected");
        }
    }
}
