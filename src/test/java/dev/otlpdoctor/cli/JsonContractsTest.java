package dev.otlpdoctor.cli;

import static dev.otlpdoctor.testing.CliAssert.assertThatRun;
import static dev.otlpdoctor.testing.JsonSchemaAssert.assertMatchesSchema;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import dev.otlpdoctor.testing.CliDriver;
import dev.otlpdoctor.testing.FakeGrpcCollector;
import dev.otlpdoctor.testing.JsonSchemaAssert;
import dev.otlpdoctor.testing.Ports;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command's {@code -o json} against its published schema (docs/json-schema*.json), in each state the
 * command reports: pass, warn, fail and skip, with and without its optional parts; and for bad input, that
 * stdout stays empty (the one error line goes to stderr), so a pipe into jq never reads half a document.
 */
class JsonContractsTest {
    private static final String CHECK = "docs/json-schema.json";
    private static final String LINT = "docs/json-schema-lint.json";
    private static final String ENV = "docs/json-schema-env.json";
    private static final String LISTEN = "docs/json-schema-listen.json";
    private static final String EXPLAIN = "docs/json-schema-explain.json";
    private static final Path LINT_FIXTURES = Path.of("src/test/resources/lint");

    @TempDir
    Path temp;

    private static CliDriver.Result valid(String schema, int exitCode, CliDriver driver, String... args) {
        CliDriver.Result run = driver.run(args);
        assertThatRun(run).exitsWith(exitCode);
        assertMatchesSchema(schema, run);
        return run;
    }

    private static String status(CliDriver.Result run) {
        return assertThatRun(run).json().get("status").getAsString();
    }

    @Test
    void lintInEachState() {
        CliDriver cli = CliDriver.create();
        assertThat(status(valid(LINT, 0, cli, "lint", LINT_FIXTURES.resolve("clean.yaml").toString(), "-o", "json")))
                .isEqualTo("pass");
        assertThat(status(valid(LINT, 0, cli, "lint", LINT_FIXTURES.resolve("practices.yaml").toString(), "-o", "json")))
                .isEqualTo("warn");
        assertThat(status(valid(LINT, 1, cli, "lint", LINT_FIXTURES.resolve("production.yaml").toString(),
                LINT_FIXTURES.resolve("k8s/collector-broken.yaml").toString(), "-o", "json"))).isEqualTo("fail");
    }

    @Test
    void envInEachStateAndInput() throws IOException {
        Path good = Files.writeString(temp.resolve("good.env"), "OTEL_EXPORTER_OTLP_ENDPOINT=http://collector:4318\n"
                + "OTEL_EXPORTER_OTLP_HEADERS=api-key=secret\nOTEL_EXPORTER_OTLP_TIMEOUT=5000\n");
        assertThat(status(valid(ENV, 0, CliDriver.create(), "env", "--env-file", good.toString(), "-o", "json")))
                .isEqualTo("pass");
        CliDriver.Result warn = valid(ENV, 0, CliDriver.create().env("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4317"),
                "env", "-o", "json");
        assertThat(status(warn)).isEqualTo("warn");
        CliDriver.Result fail = valid(ENV, 1, CliDriver.create().env("KUBERNETES_SERVICE_HOST", "10.96.0.1")
                .env("OTEL_EXPORTER_OTLP_ENDPOINT", "http://localhost:4317").env("OTEL_EXPORTER_OTLP_PROTOCOL", "grpc")
                .env("OTEL_TRACES_EXPORTER", "zipkin"), "env", "--strict", "-o", "json");
        assertThat(status(fail)).isIn("warn", "fail");
        assertThat(assertThatRun(fail).json().getAsJsonArray("signals").get(0).getAsJsonObject().get("otlpEnabled")
                .getAsBoolean()).isFalse();
        // A manifest whose endpoint comes from the node's IP, unknown offline.
        assertThat(status(valid(ENV, 1, CliDriver.create(), "env", "--manifest", "src/test/resources/manifests/checkout.yaml",
                "-o", "json"))).isEqualTo("fail");
    }

    @Test
    void envCheckEmbedsACheckReport() throws IOException {
        try (FakeGrpcCollector collector = FakeGrpcCollector.start()) {
            Path env = Files.writeString(temp.resolve("app.env"), "OTEL_EXPORTER_OTLP_ENDPOINT=http://" + collector.address()
                    + "\nOTEL_EXPORTER_OTLP_PROTOCOL=grpc\n");
            JsonObject doc = assertThatRun(valid(ENV, 0, CliDriver.create(), "env", "--env-file", env.toString(), "--check",
                    "-o", "json")).json();
            assertThat(doc.getAsJsonObject("check").get("command").getAsString()).isEqualTo("check");
        }
    }

    @Test
    void checkInEachState() throws IOException {
        try (FakeGrpcCollector collector = FakeGrpcCollector.start()) {
            assertThat(status(valid(CHECK, 0, CliDriver.create(), "check", collector.address(), "--no-local", "-o", "json")))
                    .isEqualTo("pass");
            // The collector's config adds its lint findings: a warning of the config, the probes passing.
            assertThat(status(valid(CHECK, 0, CliDriver.create(), "check", collector.address(), "--no-local", "--config",
                    LINT_FIXTURES.resolve("practices.yaml").toString(), "-o", "json"))).isEqualTo("warn");
        }
        assertThat(status(valid(CHECK, 1, CliDriver.create(), "check", "127.0.0.1:" + Ports.closedPort(), "--no-local",
                "-o", "json"))).isEqualTo("fail");
    }

    @Test
    void checkOfAKubernetesServiceNamesItsSource() throws IOException {
        Path fixtures = Path.of("src/test/resources/kubectl").toAbsolutePath();
        Path bin = Files.createDirectories(temp.resolve("bin"));
        Path kubectl = Files.copy(fixtures.resolve("fake-kubectl.sh"), bin.resolve("kubectl"), StandardCopyOption.REPLACE_EXISTING);
        assertThat(kubectl.toFile().setExecutable(true)).isTrue();
        CliDriver.Result run = valid(CHECK, 1, CliDriver.create().env("PATH", bin + ":/usr/bin:/bin")
                .env("KUBECTL_FIXTURES", fixtures.resolve("healthy").toString())
                .env("KUBECTL_CALLS", temp.resolve("calls.log").toString()),
                "check", "--timeout", "10s", "--k8s-service", "otel-collector.observability", "-o", "json");
        JsonObject source = assertThatRun(run).json().getAsJsonObject("target").getAsJsonObject("source");
        assertThat(source.get("kind").getAsString()).isEqualTo("k8s-service");
        assertThat(source.get("name").getAsString()).isEqualTo("otel-collector.observability");
    }

    @Test
    void listenWithUnmetExpectationsAndTheRecentItems() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        CliDriver.Result run = valid(LISTEN, 1, CliDriver.create(), "listen", "--grpc-port", "0", "--http-port", String.valueOf(port),
                "--expect", "logs=3", "--timeout", "300ms", "-v", "-o", "json");
        JsonObject doc = assertThatRun(run).json();
        assertThat(doc.get("status").getAsString()).isEqualTo("fail");
        assertThat(doc.getAsJsonArray("recent")).isEmpty();
    }

    @Test
    void explainOneCodeAndTheList() {
        valid(EXPLAIN, 0, CliDriver.create(), "explain", "tcp.refused", "-o", "json");
        valid(EXPLAIN, 0, CliDriver.create(), "explain", "--list", "-o", "json");
    }

    @Test
    void theSchemasRejectWhatTheyDoNotDescribe() {
        String lint = valid(LINT, 0, CliDriver.create(), "lint", LINT_FIXTURES.resolve("clean.yaml").toString(), "-o", "json").out();
        assertThat(JsonSchemaAssert.errors(LINT, lint.replace("\"pass\"", "\"passed\""))).isNotEmpty();
        assertThat(JsonSchemaAssert.errors(ENV, "{\"schemaVersion\": 1, \"command\": \"env\"}")).isNotEmpty();
        assertThat(JsonSchemaAssert.errors(LISTEN, "{\"schemaVersion\": 1, \"command\": \"lint\"}")).isNotEmpty();
        assertThat(JsonSchemaAssert.errors(EXPLAIN, "[{\"code\": \"Not A Code\"}]")).isNotEmpty();
    }

    @Test
    void badInputPrintsNoJsonAtAll() throws IOException {
        Path tabs = LINT_FIXTURES.resolve("tabs.yaml");
        for (String[] args : new String[][] {
                {"check", "collector:nope", "-o", "json"},
                {"lint", tabs.toString(), "-o", "json"},
                {"lint", tabs.toString(), "-o", "sarif"},
                {"env", "--manifest", tabs.toString(), "-o", "json"},
                {"listen", "--expect", "traces>>1", "-o", "json"},
                {"explain", "no.such-code", "-o", "json"}}) {
            CliDriver.Result run = CliDriver.create().run(args);
            assertThatRun(run).exitsWith(2).stderrIsOneErrorLine();
            assertThat(run.out()).as(String.join(" ", args)).isEmpty();
        }
    }
}
