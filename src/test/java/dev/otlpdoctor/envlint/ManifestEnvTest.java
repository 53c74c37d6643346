package dev.otlpdoctor.envlint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.otlpdoctor.InvalidInputException;
import dev.otlpdoctor.report.Finding;
import dev.otlpdoctor.target.OtlpEnvironment;
import dev.otlpdoctor.target.Setting;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestEnvTest {
    private static final Path CHECKOUT = Path.of("src/test/resources/manifests/checkout.yaml");
    private static final Path TWO_APPS = Path.of("src/test/resources/manifests/two-apps.yaml");

    @TempDir
    Path dir;

    @Test
    void containerEnvIsBuiltAsTheKubeletDoes() {
        EnvInput input = ManifestEnv.load(CHECKOUT, null);
        assertThat(input.container()).as("the only container that sets OTEL_*").isEqualTo("app");
        assertThat(input.description()).endsWith("Deployment/checkout, container app");
        Setting protocol = input.settings().get("OTEL_EXPORTER_OTLP_PROTOCOL").orElseThrow();
        assertThat(protocol.value()).as("from the ConfigMap in the same file").isEqualTo("grpc");
        assertThat(protocol.source().name()).isEqualTo(CHECKOUT + ":6 container app");
        Setting endpoint = input.settings().get("OTEL_EXPORTER_OTLP_ENDPOINT").orElseThrow();
        assertThat(endpoint.value()).isEqualTo("http://HOST_IP:4318");
        assertThat(endpoint.source().name()).isEqualTo(CHECKOUT + ":28 container app");
        assertThat(input.settings().unresolved()).containsKeys("OTEL_EXPORTER_OTLP_ENDPOINT",
                "OTEL_EXPORTER_OTLP_HEADERS");
        assertThat(input.settings().unresolved().get("OTEL_EXPORTER_OTLP_ENDPOINT").value())
                .contains("$(HOST_IP) = valueFrom fieldRef status.hostIP");
        assertThat(input.settings().unresolved().get("OTEL_EXPORTER_OTLP_HEADERS").value())
                .isEqualTo("valueFrom secretKeyRef otel-auth/headers");
        assertThat(input.filesOnThisMachine()).isFalse();
        assertThat(input.where().inContainer()).isTrue();
    }

    @Test
    void lintOfTheManifestReportsWhatItCanAndWhatItCannotKnow() {
        EnvInput input = ManifestEnv.load(CHECKOUT, "app");
        List<Finding> findings = new EnvLinter(input, new TlsFileCheck(dir))
                .lint(new OtlpEnvironment(input.settings()).signals());
        assertThat(findings).extracting(Finding::code).containsExactlyInAnyOrder(
                "env.value-unresolved", "env.value-unresolved", "env.value-unresolved",
                "env.localhost-in-container", "env.protocol-port-mismatch");
    }

    @Test
    void listsCronJobsAndPodsAndChoosesByName() {
        assertThatThrownBy(() -> ManifestEnv.load(TWO_APPS, null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage(TWO_APPS + ": 2 containers (report in CronJob/report, api in Pod/api): "
                        + "choose one with --container NAME");
        EnvInput api = ManifestEnv.load(TWO_APPS, "api");
        assertThat(api.settings().get("OTEL_EXPORTER_OTLP_PROTOCOL").orElseThrow().value()).isEqualTo("grpc");
        assertThat(api.settings().get("PRICE").orElseThrow().value()).as("$$ escapes").isEqualTo("$(literal)");
        assertThat(ManifestEnv.load(TWO_APPS, "report").settings().get("OTEL_EXPORTER_OTLP_ENDPOINT")).isPresent();
        assertThatThrownBy(() -> ManifestEnv.load(TWO_APPS, "web"))
                .hasMessageContaining("no container 'web' (containers: report in CronJob/report, migrate in Pod/api, api in Pod/api)");
    }

    @Test
    void aliasBombsAndNonManifestsAreRejected() throws IOException {
        StringBuilder bomb = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 12; i++) {
            bomb.append("a").append(i).append(": &a").append(i).append(" [");
            for (int j = 0; j < 10; j++) {
                bomb.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
            }
            bomb.append("]\n");
        }
        Path file = dir.resolve("bomb.yaml");
        Files.writeString(file, bomb);
        // read by lint's bounded reader, with its words (issue 15: one YAML reader)
        assertThatThrownBy(() -> ManifestEnv.load(file, null)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("refused").hasMessageContaining("billion-laughs");
        Path empty = dir.resolve("config.yaml");
        Files.writeString(empty, "receivers:\n  otlp: {}\n");
        assertThatThrownBy(() -> ManifestEnv.load(empty, null))
                .hasMessage(empty + ": no Pod or workload with containers found");
    }
}
