package dev.otlpdoctor.cli;

import static dev.otlpdoctor.testing.CliAssert.assertThatRun;
import static dev.otlpdoctor.testing.JsonSchemaAssert.assertMatchesSchema;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import dev.otlpdoctor.testing.CliDriver;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code otlpdoctor listen} through the CLI: argument errors, port conflicts, --expect. */
class ListenCommandTest {
    private static final String TWO_SPANS = "{\"resourceSpans\":[{\"resource\":{\"attributes\":[{\"key\":"
            + "\"service.name\",\"value\":{\"stringValue\":\"checkout\"}}]},\"scopeSpans\":[{\"spans\":"
            + "[{\"name\":\"GET /\"},{\"name\":\"GET /cart\"}]}]}]}";

    private static final String PROD_SPAN = "{\"resourceSpans\":[{\"resource\":{\"attributes\":[{\"key\":"
            + "\"service.name\",\"value\":{\"stringValue\":\"checkout\"}},{\"key\":\"deployment.environment.name\","
            + "\"value\":{\"stringValue\":\"prod\"}}]},\"scopeSpans\":[{\"spans\":[{\"name\":\"GET /\"}]}]}]}";

    private final CliDriver cli = CliDriver.create();

    @Test
    void badExpectationIsAUsageError() {
        assertThatRun(cli.run("listen", "--expect", "traces>>1"))
                .exitsWith(2).stderrIsOneErrorLine().stderrContains("--expect 'traces>>1'");
    }

    @Test
    void durationWithExpectIsAUsageError() {
        assertThatRun(cli.run("listen", "--expect", "traces>0", "--duration", "5s"))
                .exitsWith(2).stderrIsOneErrorLine().stderrContains("--duration and --expect");
    }

    @Test
    void turningBothServersOffIsAUsageError() {
        assertThatRun(cli.run("listen", "--grpc-port", "0", "--http-port", "0"))
                .exitsWith(2).stderrIsOneErrorLine().stderrContains("nothing left to listen on");
    }

    @Test
    void aBindAddressThatIsNotAnIpIsAUsageError() {
        assertThatRun(cli.run("listen", "--bind", "collector.example"))
                .exitsWith(2).stderrIsOneErrorLine().stderrContains("--bind 'collector.example'");
    }

    @Test
    void tlsCertWithoutKeyIsAUsageError() {
        assertThatRun(cli.run("listen", "--tls-cert", "cert.pem"))
                .exitsWith(2).stderrIsOneErrorLine().stderrContains("--tls-cert and --tls-key");
    }

    @Test
    void aTakenPortIsNamedWithTheProcessHoldingIt() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            CliDriver.Result result = cli.run("listen", "--grpc-port", String.valueOf(port), "--http-port", "0");
            assertThatRun(result).exitsWith(2).stderrIsOneErrorLine()
                    .stderrContains("port " + port + " (OTLP/gRPC)", "already in use", "--grpc-port");
            if (java.nio.file.Files.isDirectory(java.nio.file.Path.of("/proc/self/fd"))) {
                assertThatRun(result).stderrContains("pid " + ProcessHandle.current().pid());
            }
        }
    }

    @Test
    void expectationsMetEndTheRunWithExitZeroAndTheJsonSummary() throws Exception {
        int port = freePort();
        CompletableFuture<CliDriver.Result> run = CompletableFuture.supplyAsync(() -> cli.run("listen",
                "--grpc-port", "0", "--http-port", String.valueOf(port), "--expect", "traces>=2",
                "--expect", "service.name=checkout", "--expect", "span.name=GET /cart", "--timeout", "60s", "-o", "json"));
        awaitListening(port, run);
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest
                .newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/traces"))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(TWO_SPANS)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);

        CliDriver.Result result = run.get(60, TimeUnit.SECONDS);
        JsonObject json = assertThatRun(result).exitsWith(0).json();
        assertMatchesSchema("docs/json-schema-listen.json", result);
        assertThat(json.get("command").getAsString()).isEqualTo("listen");
        assertThat(json.get("status").getAsString()).isEqualTo("pass");
        JsonObject traces = json.getAsJsonObject("signals").getAsJsonObject("traces");
        assertThat(traces.get("items").getAsLong()).isEqualTo(2);
        assertThat(traces.getAsJsonObject("services").getAsJsonObject("checkout").get("items").getAsLong()).isEqualTo(2);
        assertThat(json.getAsJsonObject("endpoints").get("http").getAsString()).isEqualTo("http://127.0.0.1:" + port);
        assertThat(json.getAsJsonArray("expectations")).hasSize(3)
                .allSatisfy(e -> assertThat(e.getAsJsonObject().get("met").getAsBoolean()).isTrue());
    }

    @Test
    void expectationsUnmetWhenTheTimeoutRunsOutExitOneNamingThem() {
        int port = freePort();
        CliDriver.Result result = cli.run("listen", "--grpc-port", "0", "--http-port", String.valueOf(port),
                "--expect", "logs=3", "--expect", "traces>=0", "--timeout", "300ms");
        assertThatRun(result).exitsWith(1)
                .stdoutContains("OTEL_EXPORTER_OTLP_ENDPOINT=http://127.0.0.1:" + port, "NOT MET", "logs=3")
                .stderrContains("expectation not met: logs=3 (0 log records)");
        assertThat(result.err()).doesNotContain("traces>=0");
    }

    @Test
    void serviceResourceAndProtocolExpectationsAndTheRejectedRequestsFixInJson() throws Exception {
        int port = freePort();
        CompletableFuture<CliDriver.Result> run = CompletableFuture.supplyAsync(() -> cli.run("listen",
                "--grpc-port", "0", "--http-port", String.valueOf(port), "--expect", "service=checkout",
                "--expect", "resource.deployment.environment.name=prod", "--expect", "protocol=http/json",
                "--timeout", "60s", "-o", "json"));
        awaitListening(port, run);
        HttpClient client = HttpClient.newHttpClient();
        // first the doubled path an exporter makes of OTEL_EXPORTER_OTLP_ENDPOINT=http://host:4318/v1/traces
        assertThat(client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/traces/v1/traces"))
                .header("Content-Type", "application/json").header("User-Agent", "OTel-OTLP-Exporter-Python/1.29.0")
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(PROD_SPAN)).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(404);
        assertThat(client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/traces"))
                .header("Content-Type", "application/json").header("User-Agent", "OTel-OTLP-Exporter-Python/1.29.0")
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(PROD_SPAN)).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);

        CliDriver.Result result = run.get(60, TimeUnit.SECONDS);
        JsonObject json = assertThatRun(result).exitsWith(0).json();
        assertMatchesSchema("docs/json-schema-listen.json", result);
        assertThat(json.getAsJsonArray("expectations")).hasSize(3)
                .allSatisfy(e -> assertThat(e.getAsJsonObject().get("met").getAsBoolean()).isTrue());
        JsonObject app = json.getAsJsonArray("applications").get(0).getAsJsonObject();
        assertThat(app.get("sdk").getAsString()).isEqualTo("Python SDK 1.29.0");
        assertThat(app.getAsJsonObject("resource").get("deployment.environment.name").getAsString()).isEqualTo("prod");
        JsonObject rejection = json.getAsJsonArray("rejections").get(0).getAsJsonObject();
        assertThat(rejection.get("path").getAsString()).isEqualTo("/v1/traces/v1/traces");
        assertThat(rejection.get("fix").getAsString())
                .startsWith("the exporter appends /v1/traces itself: drop it from OTEL_EXPORTER_OTLP_ENDPOINT");
    }

    @Test
    void badLimitsAndProtocolExpectationsAreUsageErrors() {
        assertThatRun(cli.run("listen", "--expect", "protocol=thrift")).exitsWith(2).stderrIsOneErrorLine()
                .stderrContains("protocol is one of grpc");
        assertThatRun(cli.run("listen", "--max-in-flight", "1000")).exitsWith(2).stderrIsOneErrorLine()
                .stderrContains("--max-in-flight 1000");
        assertThatRun(cli.run("listen", "--max-connections", "0")).exitsWith(2).stderrIsOneErrorLine()
                .stderrContains("--max-connections 0");
        assertThatRun(cli.run("listen", "--idle-timeout", "10ms")).exitsWith(2).stderrIsOneErrorLine()
                .stderrContains("--idle-timeout");
    }

    @Test
    void bindingAllInterfacesWarnsAndStillPrintsAConnectableAddress() {
        int port = freePort();
        CliDriver.Result result = cli.run("listen", "--bind", "0.0.0.0", "--grpc-port", String.valueOf(port),
                "--http-port", "0", "--duration", "100ms", "--require-header", "authorization=Bearer s3cret");
        assertThatRun(result).exitsWith(0)
                .stderrContains("warning: listening on all interfaces")
                .stdoutContains("export OTEL_EXPORTER_OTLP_ENDPOINT=http://127.0.0.1:" + port,
                        "export OTEL_EXPORTER_OTLP_PROTOCOL=grpc", "Summary after");
        assertThat(result.out()).doesNotContain("http://0.0.0.0", "s3cret", "OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf");
        assertThat(result.err()).doesNotContain("s3cret");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Polls until the command's HTTP port accepts connections, or fails with what the run printed. */
    private static void awaitListening(int port, CompletableFuture<CliDriver.Result> run) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (run.isDone()) {
                throw new AssertionError("listen ended before it listened:\n" + run.get());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
                return;
            } catch (IOException notYet) {
                Thread.onSpinWait();
            }
        }
        throw new AssertionError("listen did not open port " + port + " within 30s");
    }
}
