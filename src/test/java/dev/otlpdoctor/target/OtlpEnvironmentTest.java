package dev.otlpdoctor.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class OtlpEnvironmentTest {

    @Test
    void noVariablesMeansLocalhostOnBothPorts() {
        var targets = new OtlpEnvironment(Map.of()).targets(Protocol.AUTO);
        assertThat(targets).singleElement().satisfies(t -> {
            assertThat(t.host()).isEqualTo("localhost");
            assertThat(t.source().kind()).isEqualTo("default");
            assertThat(t.endpoints()).extracting(Endpoint::port).containsExactly(4317, 4318);
        });
    }

    @Test
    void generalEndpointWithItsProtocol() {
        var targets = new OtlpEnvironment(Map.of(
                "OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4317",
                "OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf")).targets(Protocol.AUTO);
        assertThat(targets).singleElement().satisfies(t -> {
            assertThat(t.source()).isEqualTo(Source.env("OTEL_EXPORTER_OTLP_ENDPOINT"));
            Endpoint e = t.endpoints().get(0);
            assertThat(e.port()).isEqualTo(4317);
            // the application would speak HTTP to 4317: that is what must be checked
            assertThat(e.transport()).isEqualTo(Transport.HTTP);
            assertThat(e.transportReason()).isEqualTo("OTEL_EXPORTER_OTLP_PROTOCOL http/protobuf");
        });
    }

    @Test
    void perSignalEndpointsAreTargetsTooAndDuplicatesCollapse() {
        var targets = new OtlpEnvironment(Map.of(
                "OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318",
                "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "http://collector:4318/v1/traces",
                "OTEL_EXPORTER_OTLP_METRICS_ENDPOINT", "http://collector:4318",
                "OTEL_EXPORTER_OTLP_LOGS_ENDPOINT", "http://logs-gw:4317",
                "OTEL_EXPORTER_OTLP_LOGS_PROTOCOL", "grpc")).targets(Protocol.AUTO);
        // the per-signal traces URL is used as is (its own path); the metrics one repeats the base endpoint
        assertThat(targets).extracting(t -> t.source().name()).containsExactly("OTEL_EXPORTER_OTLP_ENDPOINT",
                "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "OTEL_EXPORTER_OTLP_LOGS_ENDPOINT");
        assertThat(targets.get(1).endpoints().get(0).basePath()).isEqualTo("/v1/traces");
        assertThat(targets.get(2).endpoints().get(0).transportReason()).isEqualTo("OTEL_EXPORTER_OTLP_LOGS_PROTOCOL grpc");
    }

    @Test
    void aGrpcEndpointWithoutSchemeIsTlsUnlessInsecureIsTrue() {
        // specification/protocol/exporter.md: _INSECURE applies to OTLP/gRPC endpoints without scheme, default false
        Endpoint secure = new OtlpEnvironment(Map.of(
                "OTEL_EXPORTER_OTLP_ENDPOINT", "collector:4317",
                "OTEL_EXPORTER_OTLP_PROTOCOL", "grpc")).targets(Protocol.AUTO).get(0).endpoints().get(0);
        assertThat(secure.tls()).isTrue();
        assertThat(secure.tlsReason()).isEqualTo("no scheme and OTEL_EXPORTER_OTLP_INSECURE not true: gRPC defaults to TLS");

        Endpoint insecure = new OtlpEnvironment(Map.of(
                "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "collector:4317",
                "OTEL_EXPORTER_OTLP_TRACES_PROTOCOL", "grpc",
                "OTEL_EXPORTER_OTLP_TRACES_INSECURE", "TRUE",
                "OTEL_EXPORTER_OTLP_INSECURE", "false")).targets(Protocol.AUTO).get(0).endpoints().get(0);
        assertThat(insecure.tls()).isFalse();
        assertThat(insecure.tlsReason()).isEqualTo("no scheme, OTEL_EXPORTER_OTLP_TRACES_INSECURE=TRUE");
    }

    @Test
    void theSchemeOrAnUnknownProtocolLeavesTlsToTheUrl() {
        Endpoint http = new OtlpEnvironment(Map.of(
                "OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4317",
                "OTEL_EXPORTER_OTLP_PROTOCOL", "grpc")).targets(Protocol.AUTO).get(0).endpoints().get(0);
        assertThat(http.tls()).isFalse();
        assertThat(http.tlsReason()).isEmpty();
        // no protocol: check identifies what answers and does not guess what an SDK would default to
        Endpoint auto = new OtlpEnvironment(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "collector:4317"))
                .targets(Protocol.AUTO).get(0).endpoints().get(0);
        assertThat(auto.tls()).isFalse();
    }

    @Test
    void badProtocolValueNamesTheVariable() {
        assertThatThrownBy(() -> new OtlpEnvironment(Map.of(
                "OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318",
                "OTEL_EXPORTER_OTLP_PROTOCOL", "http")).targets(Protocol.AUTO))
                .hasMessage("OTEL_EXPORTER_OTLP_PROTOCOL: 'http' is not a protocol (expected one of: auto, grpc, http/protobuf, http/json)");
    }

    @Test
    void blankVariablesAreIgnored() {
        var targets = new OtlpEnvironment(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "  ")).targets(Protocol.AUTO);
        assertThat(targets.get(0).host()).isEqualTo("localhost");
    }
}
