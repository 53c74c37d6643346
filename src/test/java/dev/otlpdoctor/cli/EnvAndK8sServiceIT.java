package dev.otlpdoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.otlpdoctor.testing.JarRunner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar run as a user runs it: {@code env} on a dotenv file, and {@code check --k8s-service}
 * with a stand-in kubectl first on the PATH of the child process.
 */
class EnvAndK8sServiceIT {
    private static final Path FIXTURES = Path.of("src/test/resources/kubectl").toAbsolutePath();

    @TempDir
    Path dir;

    private record Run(int exitCode, String out, String err) {
    }

    private Run run(Map<String, String> env, String... args) throws IOException, InterruptedException {
        // With its own environment (cleared), which JarRunner.run does not offer.
        ProcessBuilder builder = new ProcessBuilder(JarRunner.javaJar(args))
                .redirectOutput(dir.resolve("out").toFile())
                .redirectError(dir.resolve("err").toFile());
        builder.environment().clear();
        builder.environment().putAll(env);
        Process process = builder.start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the jar finished").isTrue();
        return new Run(process.exitValue(), Files.readString(dir.resolve("out"), StandardCharsets.UTF_8),
                Files.readString(dir.resolve("err"), StandardCharsets.UTF_8));
    }

    @Test
    void envFileThroughTheJar() throws Exception {
        Path env = dir.resolve("app.env");
        Files.writeString(env, "export OTEL_EXPORTER_OTLP_ENDPOINT=http://collector:4318/v1/traces\n"
                + "OTEL_EXPORTER_OTLP_HEADERS=api-key=top-s3cret\n");
        Run run = run(Map.of(), "env", "--env-file", env.toString(), "-o", "json");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.out()).doesNotContain("top-s3cret");
        JsonObject doc = JsonParser.parseString(run.out()).getAsJsonObject();
        assertThat(doc.getAsJsonArray("findings").get(0).getAsJsonObject().get("code").getAsString())
                .isEqualTo("env.base-path-doubled");
    }

    @Test
    void k8sServiceWithKubectlOnThePath() throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path kubectl = Files.copy(FIXTURES.resolve("fake-kubectl.sh"), bin.resolve("kubectl"),
                StandardCopyOption.REPLACE_EXISTING);
        assertThat(kubectl.toFile().setExecutable(true)).isTrue();
        Run run = run(Map.of("PATH", bin + ":/usr/bin:/bin",
                        "KUBECTL_FIXTURES", FIXTURES.resolve("selector-mismatch").toString(),
                        "KUBECTL_CALLS", dir.resolve("calls.log").toString()),
                "check", "--k8s-service", "otel-collector.observability", "--no-color");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.out()).contains("Service otel-collector selects no collector pod (app=otel-collector)",
                "Fix (k8s.selector-mismatch)", "otel-collector.observability.svc.cluster.local does not resolve");
        assertThat(run.err()).isEmpty();
    }
}
