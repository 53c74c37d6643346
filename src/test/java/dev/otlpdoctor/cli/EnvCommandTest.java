package dev.otlpdoctor.cli;

import static dev.otlpdoctor.testing.CliAssert.assertThatRun;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.otlpdoctor.testing.CliDriver;
import dev.otlpdoctor.testing.FakeGrpcCollector;
import dev.otlpdoctor.testing.FakeHttpCollector;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnvCommandTest {
    @TempDir
    Path dir;

    private Path file(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    @Test
    void envFileFindingsNameTheLineAndNeverPrintHeaderValues() throws IOException {
        Path env = file("app.env", """
                # checkout service
                OTEL_EXPORTER_OTLP_ENDPOINT=http://otel-collector:4318
                OTEL_EXPORTER_OTLP_PROTOCOL=grpc
                OTEL_EXPORTER_OTLP_HEADERS=authorization=Bearer%20tok-s3cret,x-tenant=acme-s3cret
                """);
        CliDriver.Result text = CliDriver.create().run("env", "--env-file", env.toString());
        assertThatRun(text).exitsWith(1)
                .stdoutContains("FAIL  grpc is used with port 4318, the OTLP/HTTP port (traces, metrics and logs)",
                        "traces   http://otel-collector:4318\n", "OTEL_EXPORTER_OTLP_PROTOCOL (" + env + ":3)",
                        "authorization, x-tenant", "env.protocol-port-mismatch", "OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf");
        assertThat(text.out()).doesNotContain("s3cret");

        CliDriver.Result json = CliDriver.create().run("env", "--env-file", env.toString(), "-o", "json");
        assertThat(json.out()).doesNotContain("s3cret");
        JsonObject doc = assertThatRun(json).exitsWith(1).json();
        assertThat(doc.get("command").getAsString()).isEqualTo("env");
        assertThat(doc.get("status").getAsString()).isEqualTo("fail");
        assertThat(doc.getAsJsonObject("input").get("kind").getAsString()).isEqualTo("file");
        JsonObject traces = doc.getAsJsonArray("signals").get(0).getAsJsonObject();
        assertThat(traces.getAsJsonObject("endpoint").get("url").getAsString())
                .as("gRPC: the base URL is not extended with /v1/traces").isEqualTo("http://otel-collector:4318");
        assertThat(traces.getAsJsonObject("endpoint").getAsJsonObject("source").get("location").getAsString())
                .isEqualTo(env + ":2");
        assertThat(traces.getAsJsonObject("protocol").get("value").getAsString()).isEqualTo("grpc");
        assertThat(traces.getAsJsonObject("headers").getAsJsonArray("names").toString())
                .isEqualTo("[\"authorization\",\"x-tenant\"]");
        JsonArray findings = doc.getAsJsonArray("findings");
        assertThat(findings.get(0).getAsJsonObject().get("code").getAsString()).isEqualTo("env.protocol-port-mismatch");
        assertThat(findings.get(0).getAsJsonObject().get("probe").getAsString()).isEqualTo("env");
    }

    @Test
    void processEnvironmentInAPodFlagsLocalhost() {
        CliDriver.Result result = CliDriver.create()
                .env("KUBERNETES_SERVICE_HOST", "10.96.0.1")
                .env("OTEL_EXPORTER_OTLP_ENDPOINT", "http://localhost:4317")
                .env("OTEL_EXPORTER_OTLP_PROTOCOL", "grpc")
                .run("env");
        assertThatRun(result).exitsWith(0)
                .stdoutContains("WARN  the endpoint host localhost is the container itself",
                        "KUBERNETES_SERVICE_HOST is set", "otel-collector.observability.svc.cluster.local:4317");
        assertThatRun(CliDriver.create().env("KUBERNETES_SERVICE_HOST", "10.96.0.1")
                .env("OTEL_EXPORTER_OTLP_ENDPOINT", "http://localhost:4317")
                .env("OTEL_EXPORTER_OTLP_PROTOCOL", "grpc").run("env", "--strict")).exitsWith(1);
    }

    @Test
    void checkWithNothingToProbeProvesNothingAndFails() throws IOException {
        Path env = file("off.env", "OTEL_TRACES_EXPORTER=none\nOTEL_METRICS_EXPORTER=none\nOTEL_LOGS_EXPORTER=none\n");
        CliDriver.Result result = CliDriver.create().run("env", "--env-file", env.toString(), "--check", "-o", "json");
        assertThatRun(result).exitsWith(1);
        assertThat(result.out()).contains("run.not-proven").contains("nothing to probe");
        // Without --check, the same settings are only linted: warnings, exit 0.
        assertThatRun(CliDriver.create().run("env", "--env-file", env.toString())).exitsWith(0);
    }

    @Test
    void badInputIsExitTwoWithOneLine() throws IOException {
        Path bad = file("bad.env", "OTEL_EXPORTER_OTLP_ENDPOINT http://x\n");
        assertThatRun(CliDriver.create().run("env", "--env-file", bad.toString()))
                .exitsWith(2).stderrIsOneErrorLine().stderrContains(bad + ":1: expected NAME=VALUE");
        assertThatRun(CliDriver.create().run("env", "--env-file", bad.toString(), "--manifest", bad.toString()))
                .exitsWith(2).stderrContains("mutually exclusive");
        Path yaml = file("broken.yaml", "kind: Pod\nspec: [unclosed\n");
        assertThatRun(CliDriver.create().run("env", "--manifest", yaml.toString()))
                .exitsWith(2).stderrIsOneErrorLine().stderrContains(yaml + ":3:1: not valid YAML");
    }

    @Test
    void checkProbesExactlyTheEffectiveEndpoints() throws IOException {
        try (FakeHttpCollector collector = FakeHttpCollector.builder().requireHeader("authorization", "Bearer x").start()) {
            int open = collector.port();
            Path env = file("ok.env", "OTEL_EXPORTER_OTLP_ENDPOINT=http://127.0.0.1:" + open + "\n"
                    + "OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf\n"
                    + "OTEL_EXPORTER_OTLP_HEADERS=authorization=Bearer%20x\n");
            CliDriver.Result result = CliDriver.create().run("env", "--env-file", env.toString(), "--check", "-o", "json");
            JsonObject doc = assertThatRun(result).exitsWith(0).json();
            JsonObject check = doc.getAsJsonObject("check");
            assertThat(check.getAsJsonArray("targets")).as("three signals, one endpoint").hasSize(1);
            JsonObject endpoint = check.getAsJsonArray("targets").get(0).getAsJsonObject()
                    .getAsJsonArray("endpoints").get(0).getAsJsonObject();
            assertThat(endpoint.get("port").getAsInt()).isEqualTo(open);
            assertThat(endpoint.get("protocol").getAsString()).isEqualTo("http");
            assertThat(check.toString()).contains("\"code\":\"tcp.open\"", "\"code\":\"otlp.ok\"");
            // the collector requires the header: otlp.ok proves env --check sent OTEL_EXPORTER_OTLP_HEADERS
            assertThat(doc.getAsJsonArray("checkNotReproduced")).isEmpty();
            assertThat(result.out()).doesNotContain("Bearer x");
        }
    }

    @Test
    void aGrpcEndpointWithoutSchemeIsCheckedWithTheTlsTheExporterWouldUse() throws IOException {
        // No scheme and no _INSECURE: an OTLP/gRPC exporter speaks TLS, so a plaintext collector refuses it.
        try (FakeGrpcCollector collector = FakeGrpcCollector.start()) {
            String endpoint = "OTEL_EXPORTER_OTLP_ENDPOINT=" + collector.address() + "\nOTEL_EXPORTER_OTLP_PROTOCOL=grpc\n";
            Path secure = file("secure.env", endpoint);
            CliDriver.Result mismatch = CliDriver.create().run("env", "--env-file", secure.toString(), "--check");
            assertThatRun(mismatch).exitsWith(1).stdoutContains("tls.mismatch",
                    "TLS (no scheme and OTEL_EXPORTER_OTLP_INSECURE not true: gRPC defaults to TLS)");

            Path insecure = file("insecure.env", endpoint + "OTEL_EXPORTER_OTLP_INSECURE=true\n");
            CliDriver.Result ok = CliDriver.create().run("env", "--env-file", insecure.toString(), "--check", "-o", "json");
            assertThat(assertThatRun(ok).exitsWith(0).json().getAsJsonObject("check").toString())
                    .contains("\"code\":\"otlp.ok\"").doesNotContain("tls.mismatch");
        }
    }

    @Test
    void checkWithoutTargetFollowsTheSameRule() {
        try (FakeGrpcCollector collector = FakeGrpcCollector.start()) {
            CliDriver.Result result = CliDriver.create()
                    .env("OTEL_EXPORTER_OTLP_ENDPOINT", collector.address())
                    .env("OTEL_EXPORTER_OTLP_PROTOCOL", "grpc")
                    .run("check", "--no-local");
            assertThatRun(result).exitsWith(1).stdoutContains("tls.mismatch",
                    "TLS (no scheme and OTEL_EXPORTER_OTLP_INSECURE not true: gRPC defaults to TLS)");
            JsonObject endpoint = assertThatRun(CliDriver.create()
                    .env("OTEL_EXPORTER_OTLP_ENDPOINT", collector.address())
                    .env("OTEL_EXPORTER_OTLP_PROTOCOL", "grpc")
                    .run("check", "--no-local", "-o", "json")).exitsWith(1).json()
                    .getAsJsonArray("targets").get(0).getAsJsonObject().getAsJsonArray("endpoints").get(0).getAsJsonObject();
            assertThat(endpoint.get("tls").getAsBoolean()).isTrue();
            assertThat(endpoint.get("tlsReason").getAsString()).startsWith("no scheme and OTEL_EXPORTER_OTLP_INSECURE");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void checkWithoutTargetSendsOnlyTheEncodingTheExporterUses() throws IOException {
        try (FakeHttpCollector collector = FakeHttpCollector.start()) {
            CliDriver.Result result = CliDriver.create()
                    .env("OTEL_EXPORTER_OTLP_ENDPOINT", "http://" + collector.address())
                    .env("OTEL_EXPORTER_OTLP_PROTOCOL", "http/json")
                    .run("check", "--no-local");
            assertThatRun(result).exitsWith(0).stdoutContains("traces, metrics, logs accepted over http/json");
            assertThat(result.out()).doesNotContain("http/protobuf");
        }
    }

    @Test
    void checkFailureFailsTheRun() throws IOException {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        Path env = file("refused.env", "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT=http://127.0.0.1:" + closed + "/v1/traces\n"
                + "OTEL_METRICS_EXPORTER=none\nOTEL_LOGS_EXPORTER=none\n");
        CliDriver.Result result = CliDriver.create().run("env", "--env-file", env.toString(), "--check");
        assertThatRun(result).exitsWith(1).stdoutContains("Check of the effective endpoints", "127.0.0.1:" + closed);
        assertThat(result.out()).contains("connection refused");
    }
}
