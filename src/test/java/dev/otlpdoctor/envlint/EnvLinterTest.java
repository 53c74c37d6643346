package dev.otlpdoctor.envlint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.otlpdoctor.report.Finding;
import dev.otlpdoctor.report.Severity;
import dev.otlpdoctor.target.EnvSettings;
import dev.otlpdoctor.target.OtlpEnvironment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Table-driven: an environment, and the codes (with severity) the lint must report for it, and only those. */
class EnvLinterTest {
    @TempDir
    static Path dir;

    static List<Finding> lint(Map<String, String> env, ContainerContext where) {
        EnvInput input = new EnvInput("env", "test", "", "", EnvSettings.of(env), where, true);
        return new EnvLinter(input, new TlsFileCheck(dir)).lint(new OtlpEnvironment(input.settings()).signals());
    }

    static final ContainerContext HOST = new ContainerContext(true, false, "test host");

    static Map<String, String> env(String... pairs) {
        Map<String, String> env = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return env;
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("a correct gRPC set-up", env(
                        "OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4317", "OTEL_EXPORTER_OTLP_PROTOCOL", "grpc"),
                        List.of()),
                Arguments.of("grpc on the HTTP port", env(
                        "OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318", "OTEL_EXPORTER_OTLP_PROTOCOL", "grpc"),
                        List.of("env.protocol-port-mismatch:fail")),
                Arguments.of("default protocol on the gRPC port is a warning", env(
                        "OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4317"),
                        List.of("env.protocol-port-mismatch:warn")),
                Arguments.of("http/json on the legacy gRPC port", env(
                        "OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:55680", "OTEL_EXPORTER_OTLP_PROTOCOL", "http/json"),
                        List.of("env.protocol-port-mismatch:fail", "env.legacy-port:warn")),
                Arguments.of("invalid protocol", env("OTEL_EXPORTER_OTLP_PROTOCOL", "http"),
                        List.of("env.protocol-invalid:fail", "env.endpoint-default:info")),
                Arguments.of("base path doubled", env("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318/v1/traces"),
                        List.of("env.base-path-doubled:fail")),
                Arguments.of("per-signal endpoint without its path", env(
                        "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "http://collector:4318",
                        "OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318"),
                        List.of("env.signal-path-missing:warn")),
                Arguments.of("HTTP endpoint without scheme", env("OTEL_EXPORTER_OTLP_ENDPOINT", "collector:4318"),
                        List.of("env.endpoint-invalid:fail")),
                Arguments.of("gRPC endpoint without scheme", env(
                        "OTEL_EXPORTER_OTLP_ENDPOINT", "collector:4317", "OTEL_EXPORTER_OTLP_PROTOCOL", "grpc"),
                        List.of("env.scheme-missing:warn")),
                Arguments.of("unsupported scheme", env("OTEL_EXPORTER_OTLP_ENDPOINT", "grpc://collector:4317"),
                        List.of("env.endpoint-invalid:fail")),
                Arguments.of("insecure with https", env(
                        "OTEL_EXPORTER_OTLP_ENDPOINT", "https://collector:4317", "OTEL_EXPORTER_OTLP_PROTOCOL", "grpc",
                        "OTEL_EXPORTER_OTLP_INSECURE", "true"),
                        List.of("env.insecure-ignored:warn")),
                Arguments.of("insecure not a boolean", env(
                        "OTEL_EXPORTER_OTLP_ENDPOINT", "collector:4317", "OTEL_EXPORTER_OTLP_PROTOCOL", "grpc",
                        "OTEL_EXPORTER_OTLP_INSECURE", "1"),
                        List.of("env.scheme-missing:warn", "env.boolean-invalid:warn")),
                Arguments.of("certificate on plaintext, file missing", env(
                        "OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318",
                        "OTEL_EXPORTER_OTLP_CERTIFICATE", "missing-ca.pem"),
                        List.of("env.tls-settings-unused:warn", "env.file-unreadable:fail")),
                Arguments.of("client key without certificate", env(
                        "OTEL_EXPORTER_OTLP_ENDPOINT", "https://collector:4318",
                        "OTEL_EXPORTER_OTLP_CLIENT_KEY", "key.pem"),
                        List.of("env.mtls-incomplete:warn", "env.file-unreadable:fail")),
                Arguments.of("headers missing '='", env(
                        "OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318",
                        "OTEL_EXPORTER_OTLP_HEADERS", "api-key"),
                        List.of("env.headers-invalid:fail")),
                Arguments.of("headers with a raw space", env(
                        "OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318",
                        "OTEL_EXPORTER_OTLP_HEADERS", "authorization=Bearer abc"),
                        List.of("env.headers-invalid:warn")),
                Arguments.of("timeout with a unit, compression unknown", env(
                        "OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318",
                        "OTEL_EXPORTER_OTLP_TIMEOUT", "10s", "OTEL_EXPORTER_OTLP_COMPRESSION", "zstd"),
                        List.of("env.timeout-invalid:warn", "env.compression-invalid:warn")),
                Arguments.of("timeout meant as seconds", env(
                        "OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318", "OTEL_EXPORTER_OTLP_TRACES_TIMEOUT", "30"),
                        List.of("env.timeout-short:warn")),
                Arguments.of("sdk disabled and a signal off", env(
                        "OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318", "OTEL_SDK_DISABLED", "TRUE",
                        "OTEL_LOGS_EXPORTER", "none"),
                        List.of("env.sdk-disabled:fail", "env.signal-disabled:warn")),
                Arguments.of("declarative configuration file", env(
                        "OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318", "OTEL_CONFIG_FILE", "/etc/otel/sdk.yaml"),
                        List.of("env.config-file-overrides:warn")),
                Arguments.of("misspelt variable", env(
                        "OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318",
                        "OTEL_EXPORTER_OTLP_TRACE_ENDPOINT", "http://other:4318/v1/traces"),
                        List.of("env.unknown-variable:warn")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void reportsExactlyTheExpectedCodes(String name, Map<String, String> env, List<String> expected) {
        List<String> codes = lint(env, HOST).stream().map(f -> f.code() + ":" + f.severity().label()).toList();
        assertThat(codes).as(name).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void oneVariableIsReportedOnceNamingEverySignalItAffects() {
        List<Finding> findings = lint(env("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318",
                "OTEL_EXPORTER_OTLP_PROTOCOL", "grpc"), HOST);
        assertThat(findings).hasSize(1);
        Finding f = findings.get(0);
        assertThat(f.evidence().get("signals")).isEqualTo(List.of("traces", "metrics", "logs"));
        assertThat(f.title()).isEqualTo("grpc is used with port 4318, the OTLP/HTTP port (traces, metrics and logs)");
        assertThat(f.evidence().get("variable")).isEqualTo("OTEL_EXPORTER_OTLP_PROTOCOL");
        assertThat(String.join("\n", f.remediation())).contains("OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf",
                "OTEL_EXPORTER_OTLP_ENDPOINT=http://collector:4317");
    }

    @Test
    void localhostIsAFindingOnlyInAContainer() {
        Map<String, String> env = env("OTEL_EXPORTER_OTLP_ENDPOINT", "http://localhost:4318");
        assertThat(lint(env, HOST)).isEmpty();
        assertThat(lint(env, ContainerContext.unknown("test"))).isEmpty();
        List<Finding> inPod = lint(env, ContainerContext.yes("KUBERNETES_SERVICE_HOST is set"));
        assertThat(inPod).extracting(Finding::code).containsExactly("env.localhost-in-container");
        assertThat(inPod.get(0).severity()).isEqualTo(Severity.WARN);
        // The default endpoint is localhost too.
        assertThat(lint(env(), ContainerContext.yes("test"))).extracting(Finding::code)
                .containsExactlyInAnyOrder("env.endpoint-default", "env.localhost-in-container");
    }

    @Test
    void readablePemFilesPassAndNonPemIsReported() throws IOException {
        Files.writeString(dir.resolve("ca.pem"), "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n");
        Files.writeString(dir.resolve("key.der"), "\u0030\u0082binary");
        List<Finding> findings = lint(env("OTEL_EXPORTER_OTLP_ENDPOINT", "https://collector:4318",
                "OTEL_EXPORTER_OTLP_CERTIFICATE", "ca.pem",
                "OTEL_EXPORTER_OTLP_CLIENT_CERTIFICATE", "ca.pem",
                "OTEL_EXPORTER_OTLP_CLIENT_KEY", "key.der"), HOST);
        assertThat(findings).extracting(Finding::code).containsExactly("env.file-unreadable");
        assertThat(findings.get(0).title()).contains("key.der", "is not PEM");
    }
}
