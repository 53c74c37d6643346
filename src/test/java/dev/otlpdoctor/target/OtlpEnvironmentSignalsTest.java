package dev.otlpdoctor.target;

import static org.assertj.core.api.Assertions.assertThat;

import dev.otlpdoctor.otlp.Signal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The endpoint URL rules of specification/protocol/exporter.md, "Endpoint URLs for OTLP/HTTP", examples 1-3. */
class OtlpEnvironmentSignalsTest {

    private static List<SignalExporter> signals(Map<String, String> env) {
        return new OtlpEnvironment(env).signals();
    }

    private static List<String> urls(Map<String, String> env) {
        return signals(env).stream().map(s -> s.endpoint().url()).toList();
    }

    @Test
    void baseEndpointGetsTheSignalPathAppended() {
        assertThat(urls(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318")))
                .containsExactly("http://collector:4318/v1/traces", "http://collector:4318/v1/metrics",
                        "http://collector:4318/v1/logs");
    }

    @Test
    void perSignalEndpointIsUsedAsIsAndAnEmptyPathBecomesRoot() {
        List<SignalExporter> s = signals(Map.of(
                "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "http://collector:4318",
                "OTEL_EXPORTER_OTLP_METRICS_ENDPOINT", "https://collector.example.com/v1/metrics"));
        assertThat(s.get(0).endpoint().url()).isEqualTo("http://collector:4318/");
        assertThat(s.get(0).endpoint().perSignal()).isTrue();
        assertThat(s.get(1).endpoint().url()).isEqualTo("https://collector.example.com:443/v1/metrics");
        assertThat(s.get(2).endpoint().setting()).as("logs fall back to the default").isNull();
        assertThat(s.get(2).endpoint().url()).isEqualTo("http://localhost:4318/v1/logs");
    }

    @Test
    void baseWithPrefixAndTrailingSlash() {
        List<String> urls = urls(Map.of(
                "OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318/mycollector/",
                "OTEL_EXPORTER_OTLP_METRICS_ENDPOINT", "https://collector.example.com/v1/metrics/"));
        assertThat(urls).containsExactly("http://collector:4318/mycollector/v1/traces",
                "https://collector.example.com:443/v1/metrics/", "http://collector:4318/mycollector/v1/logs");
    }

    @Test
    void perSignalOptionsOverrideTheGeneralOnes() {
        SignalExporter logs = signals(Map.of(
                "OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf",
                "OTEL_EXPORTER_OTLP_LOGS_PROTOCOL", "grpc",
                "OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4317")).get(2);
        assertThat(logs.protocol()).isEqualTo(Protocol.GRPC);
        assertThat(logs.option(ExporterOption.PROTOCOL).orElseThrow().variable())
                .isEqualTo("OTEL_EXPORTER_OTLP_LOGS_PROTOCOL");
        assertThat(logs.endpoint().url()).as("gRPC ignores the path rules").isEqualTo("http://collector:4317");
    }

    @Test
    void defaultEndpointFollowsTheProtocol() {
        assertThat(urls(Map.of("OTEL_EXPORTER_OTLP_PROTOCOL", "grpc")))
                .containsOnly("http://localhost:4317");
    }

    @Test
    void unparsableEndpointIsReportedNotThrown() {
        SignalExporter traces = signals(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "ftp://collector:4318")).get(0);
        assertThat(traces.endpoint()).isNull();
        assertThat(traces.problem(ExporterOption.ENDPOINT).orElseThrow().message()).contains("unsupported scheme 'ftp'");
    }

    @Test
    void checkWithoutTargetKeepsAPerSignalUrlAsIs() {
        // a per-signal endpoint is used as is: the HTTP probe posts that signal to exactly this path
        Target only = new OtlpEnvironment(Map.of("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT",
                "http://collector:4318/otlp/v1/traces")).targets(Protocol.AUTO).targets().get(0);
        assertThat(only.endpoints().get(0).basePath()).isEqualTo("/otlp/v1/traces");
        assertThat(only.source().name()).isEqualTo("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT");
        assertThat(only.signals()).containsExactly(Signal.TRACES);
        assertThat(only.signalUrl()).as("the path is the signal's whole URL path, nothing appended").isTrue();
    }
}
