package dev.otlpdoctor.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.otlpdoctor.otlp.Signal;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OtlpEnvironmentTest {

    @Test
    void noVariablesMeansLocalhostOnBothPorts() {
        var targets = new OtlpEnvironment(Map.of()).targets(Protocol.AUTO).targets();
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
                "OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf")).targets(Protocol.AUTO).targets();
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
                "OTEL_EXPORTER_OTLP_LOGS_PROTOCOL", "grpc")).targets(Protocol.AUTO).targets();
        // Every signal has its own endpoint, so no exporter sends to OTEL_EXPORTER_OTLP_ENDPOINT: it is not probed.
        // Each per-signal URL is used as is (the metrics one posts to "/", which env reports as signal-path-missing).
        assertThat(targets).extracting(t -> t.source().name()).containsExactly("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT",
                "OTEL_EXPORTER_OTLP_METRICS_ENDPOINT", "OTEL_EXPORTER_OTLP_LOGS_ENDPOINT");
        assertThat(targets.get(0).endpoints().get(0).basePath()).isEqualTo("/v1/traces");
        assertThat(targets.get(2).endpoints().get(0).transportReason()).isEqualTo("OTEL_EXPORTER_OTLP_LOGS_PROTOCOL grpc");
    }

    @Test
    void signalsSentTheSameRequestsShareOneTarget() {
        var targets = new OtlpEnvironment(Map.of(
                "OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318/otlp",
                "OTEL_EXPORTER_OTLP_LOGS_ENDPOINT", "http://collector:4318/otlp/v1/logs")).targets(Protocol.AUTO).targets();
        assertThat(targets).hasSize(2);
        assertThat(targets.get(0).signals()).containsExactly(Signal.TRACES, Signal.METRICS);
        assertThat(targets.get(0).signalUrl()).isFalse();
        assertThat(targets.get(0).endpoints().get(0).basePath()).isEqualTo("/otlp");
        assertThat(targets.get(1).signals()).containsExactly(Signal.LOGS);
        assertThat(targets.get(1).signalUrl()).isTrue();
    }

    @Test
    void withoutProtocolThePortConventionDecidesAndOtherwiseTheProbesIdentify() {
        // The specification's default is http/protobuf but SDKs differ: the probes follow the port, as for a TARGET.
        Endpoint grpcPort = new OtlpEnvironment(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4317"))
                .targets(Protocol.AUTO).targets().get(0).endpoints().get(0);
        assertThat(grpcPort.transport()).isEqualTo(Transport.GRPC);
        assertThat(grpcPort.protocol()).isEqualTo(Protocol.AUTO);
        Endpoint otherPort = new OtlpEnvironment(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:9000"))
                .targets(Protocol.AUTO).targets().get(0).endpoints().get(0);
        assertThat(otherPort.transport()).isEqualTo(Transport.UNKNOWN);
    }

    @Test
    void theDefaultEndpointIsProbedOnlyWhenNoSignalSetsOne() {
        var onlyTraces = new OtlpEnvironment(Map.of("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "http://collector:4318/v1/traces"))
                .targets(Protocol.AUTO).targets();
        assertThat(onlyTraces).extracting(Target::host).containsExactly("collector");
        var grpcDefault = new OtlpEnvironment(Map.of("OTEL_EXPORTER_OTLP_PROTOCOL", "grpc")).targets(Protocol.AUTO).targets();
        assertThat(grpcDefault).singleElement().satisfies(t -> {
            assertThat(t.source().kind()).isEqualTo("default");
            assertThat(t.endpoints()).extracting(Endpoint::port).containsExactly(4317);
        });
    }

    @Test
    void disabledSignalsUnusableSettingsAndRunTimeValuesAreNotProbed() {
        var env = new OtlpEnvironment(EnvSettings.builder()
                .set(new Setting("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "ftp://x", Source.env("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT")))
                .set(new Setting("OTEL_METRICS_EXPORTER", "none", Source.env("OTEL_METRICS_EXPORTER")))
                .set(new Setting("OTEL_EXPORTER_OTLP_METRICS_ENDPOINT", "http://m:4318", Source.env("OTEL_EXPORTER_OTLP_METRICS_ENDPOINT")))
                .partlyResolved(new Setting("OTEL_EXPORTER_OTLP_LOGS_ENDPOINT", "http://HOST_IP:4318", Source.env("OTEL_EXPORTER_OTLP_LOGS_ENDPOINT")),
                        new Setting("OTEL_EXPORTER_OTLP_LOGS_ENDPOINT", "valueFrom fieldRef status.hostIP", Source.env("OTEL_EXPORTER_OTLP_LOGS_ENDPOINT")))
                .build());
        ExporterTargets targets = env.targets(Protocol.AUTO);
        assertThat(targets.targets()).isEmpty();
        assertThat(targets.notProbed()).containsExactly(
                "logs: OTEL_EXPORTER_OTLP_LOGS_ENDPOINT is resolved only at run time, so it is not probed");
        assertThat(env.signals().get(0).problems()).extracting(ExporterProblem::option).containsExactly(ExporterOption.ENDPOINT);
    }

    @Test
    void checkRefusesTheFirstUnusableSettingButProtocolOnlyWithoutTheFlag() {
        var env = new OtlpEnvironment(Map.of("OTEL_EXPORTER_OTLP_PROTOCOL", "auto"));
        assertThatThrownBy(() -> env.requireUsable(Protocol.AUTO))
                .hasMessageStartingWith("OTEL_EXPORTER_OTLP_PROTOCOL: 'auto' is otlpdoctor's --protocol value");
        env.requireUsable(Protocol.GRPC);
        assertThat(env.targets(Protocol.GRPC).targets().get(0).endpoints()).extracting(Endpoint::port).containsExactly(4317);
    }

    @Test
    void aGrpcEndpointWithoutSchemeIsTlsUnlessInsecureIsTrue() {
        // specification/protocol/exporter.md: _INSECURE applies to OTLP/gRPC endpoints without scheme, default false
        Endpoint secure = new OtlpEnvironment(Map.of(
                "OTEL_EXPORTER_OTLP_ENDPOINT", "collector:4317",
                "OTEL_EXPORTER_OTLP_PROTOCOL", "grpc")).targets(Protocol.AUTO).targets().get(0).endpoints().get(0);
        assertThat(secure.tls()).isTrue();
        assertThat(secure.tlsReason()).isEqualTo("no scheme and OTEL_EXPORTER_OTLP_INSECURE not true: gRPC defaults to TLS");

        Endpoint insecure = new OtlpEnvironment(Map.of(
                "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "collector:4317",
                "OTEL_EXPORTER_OTLP_TRACES_PROTOCOL", "grpc",
                "OTEL_EXPORTER_OTLP_TRACES_INSECURE", "TRUE",
                "OTEL_EXPORTER_OTLP_INSECURE", "false")).targets(Protocol.AUTO).targets().get(0).endpoints().get(0);
        assertThat(insecure.tls()).isFalse();
        assertThat(insecure.tlsReason()).isEqualTo("no scheme, OTEL_EXPORTER_OTLP_TRACES_INSECURE=TRUE");
    }

    @Test
    void theSchemeOrAnUnknownProtocolLeavesTlsToTheUrl() {
        Endpoint http = new OtlpEnvironment(Map.of(
                "OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4317",
                "OTEL_EXPORTER_OTLP_PROTOCOL", "grpc")).targets(Protocol.AUTO).targets().get(0).endpoints().get(0);
        assertThat(http.tls()).isFalse();
        assertThat(http.tlsReason()).isEmpty();
        // no protocol: check identifies what answers and does not guess what an SDK would default to
        Endpoint auto = new OtlpEnvironment(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "collector:4317"))
                .targets(Protocol.AUTO).targets().get(0).endpoints().get(0);
        assertThat(auto.tls()).isFalse();
    }

    @Test
    void badProtocolValueNamesTheVariable() {
        assertThatThrownBy(() -> new OtlpEnvironment(Map.of(
                "OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318",
                "OTEL_EXPORTER_OTLP_PROTOCOL", "http")).requireUsable(Protocol.AUTO))
                .hasMessage("OTEL_EXPORTER_OTLP_PROTOCOL: 'http' is not a protocol (expected one of: auto, grpc, http/protobuf, http/json)");
    }

    @Test
    void blankVariablesAreIgnored() {
        var targets = new OtlpEnvironment(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "  ")).targets(Protocol.AUTO).targets();
        assertThat(targets.get(0).host()).isEqualTo("localhost");
    }
}
