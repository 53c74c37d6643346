package dev.otlpdoctor.lint;

import static dev.otlpdoctor.lint.Fixtures.lint;
import static dev.otlpdoctor.lint.Fixtures.location;
import static dev.otlpdoctor.lint.Fixtures.only;
import static dev.otlpdoctor.lint.Fixtures.positionOf;
import static dev.otlpdoctor.lint.Fixtures.withCode;
import static org.assertj.core.api.Assertions.assertThat;

import dev.otlpdoctor.lint.config.CollectorVersion;
import dev.otlpdoctor.report.Finding;
import dev.otlpdoctor.report.Severity;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class K8sLintTest {
    private static final String BROKEN = "k8s/collector-broken.yaml";

    @Test
    void documentedGatewayLayoutIsClean() {
        // MY_POD_IP is set by the container's env (fieldRef status.podIP): not an unset variable.
        assertThat(lint("k8s/collector-good.yaml").findings()).isEmpty();
    }

    @Test
    void positionsInsideAConfigMapBlockScalarAreTheManifestsOwn() {
        Finding f = only(lint(BROKEN), "k8s.receiver-localhost");
        assertThat(location(f)).isEqualTo(positionOf(BROKEN, "grpc:"));
        Finding limiter = only(lint("k8s/operator-v1alpha1.yaml"), "config.memory-limiter-not-first");
        assertThat(location(limiter)).isEqualTo(positionOf("k8s/operator-v1alpha1.yaml", "traces:"));
    }

    @Test
    void receiverOnLocalhostByDefaultInsideAPod() {
        Finding f = only(lint(BROKEN), "k8s.receiver-localhost");
        assertThat(f.severity()).isEqualTo(Severity.FAIL);
        assertThat(f.evidence()).containsEntry("address", "localhost:4317").containsEntry("defaulted", true);
        assertThat(location(f)).isEqualTo(positionOf(BROKEN, "grpc:"));
    }

    @Test
    void probeAt13133WithoutHealthCheck() {
        Finding f = only(lint(BROKEN), "k8s.probe-port-closed");
        assertThat(f.evidence()).containsEntry("probe", "livenessProbe").containsEntry("port", "13133");
        assertThat(f.detail()).contains("health_check");
        assertThat(location(f)).isEqualTo(positionOf(BROKEN, "13133"));
    }

    @Test
    void servicePortsAgainstContainerAndConfig() {
        LintResult result = lint(BROKEN);
        Finding target = only(result, "k8s.target-port-mismatch");
        assertThat(target.evidence()).containsEntry("targetPort", "otlp");
        var written = positionOf(BROKEN, "targetPort: otlp");
        assertThat(location(target)).isEqualTo(new dev.otlpdoctor.lint.yaml.Location(written.file(), written.line(),
                written.column() + "targetPort: ".length()));
        Finding missing = only(result, "k8s.service-port-missing");
        assertThat(missing.evidence()).containsEntry("service", "otel-agent").containsEntry("port", 4318);
        Finding container = only(result, "k8s.container-port-missing");
        assertThat(container.evidence()).containsEntry("port", 4318);
    }

    @Test
    void selectorThatMatchesNoPodTemplate() {
        Finding f = only(lint(BROKEN), "k8s.selector-mismatch");
        assertThat(f.evidence()).containsEntry("service", "otel-agent-typo").containsEntry("selector", "app=otel-agnet");
        assertThat(location(f)).isEqualTo(positionOf(BROKEN, "app: otel-agnet"));
    }

    @Test
    void imageDefaultConfigPathAgainstTheMount() {
        Finding f = only(lint(BROKEN), "k8s.config-not-mounted");
        assertThat(f.evidence()).containsEntry("path", "/etc/otelcol-contrib/config.yaml")
                .containsEntry("workload", "Deployment/otel-default-path");
    }

    @Test
    void operatorV1beta1ConfigIsAnObjectAndLintedInPlace() {
        LintResult result = lint("k8s/operator-v1beta1.yaml");
        // The operator fills the unset gRPC endpoint with 0.0.0.0; only the explicit localhost is flagged.
        Finding localhost = only(result, "k8s.receiver-localhost");
        assertThat(localhost.evidence()).containsEntry("address", "localhost:4318");
        Finding logging = only(result, "config.deprecated-component");
        assertThat(location(logging)).isEqualTo(positionOf("k8s/operator-v1beta1.yaml", "logging: {}"));
    }

    @Test
    void operatorV1alpha1ConfigIsAString() {
        LintResult result = lint("k8s/operator-v1alpha1.yaml");
        assertThat(withCode(result, "k8s.receiver-localhost")).isEmpty();
        Finding protocol = only(result, "config.protocol-missing");
        assertThat(location(protocol)).isEqualTo(positionOf("k8s/operator-v1alpha1.yaml", "protocols:"));
    }

    @Test
    void healthCheckOnItsLocalhostDefaultFailsTheProbeAndSubPathMountsAreFollowed() {
        LintResult result = lint("k8s/health-localhost.yaml");
        Finding probe = only(result, "k8s.probe-port-closed");
        assertThat(probe.evidence()).containsEntry("probe", "readinessProbe");
        assertThat(probe.detail()).contains("localhost:13133");
        // The core image's default path is where the subPath mount puts the ConfigMap key.
        assertThat(withCode(result, "k8s.config-not-mounted")).isEmpty();
        assertThat(result.findings()).filteredOn(f -> f.severity().atLeast(Severity.WARN)).extracting(Finding::code)
                .containsExactly("k8s.probe-port-closed");
    }

    @Test
    void theImageTagNamesTheReleaseUnlessTheUserChoseOne() {
        LintResult pinned = lint("k8s/old-image.yaml");
        assertThat(only(pinned, "config.deprecated-component").severity()).isEqualTo(Severity.WARN);
        assertThat(withCode(pinned, "k8s.receiver-localhost")).isEmpty();
        LintResult chosen = Fixtures.lint(java.util.Map.of(), dev.otlpdoctor.lint.config.CollectorVersion.parse("0.120.0"),
                "k8s/old-image.yaml");
        assertThat(only(chosen, "config.deprecated-component").severity()).isEqualTo(Severity.FAIL);
        assertThat(withCode(chosen, "k8s.receiver-localhost")).hasSize(2);
    }

    /** Found by LintFuzzTest.manifests: a kind with no text (empty, or a map) ended lint with a NullPointerException. */
    @Test
    void aKindWithoutTextIsLintedNotACrash() {
        for (String kind : List.of("", "{a: 1}", "[List]")) {
            byte[] manifest = ("apiVersion: v1\nkind: " + kind + "\nitems: []\n").getBytes(StandardCharsets.UTF_8);
            LintResult result = new Linter(Map.of(), CollectorVersion.LATEST)
                    .lint(List.of(new LintInput("m.yaml", manifest)));
            assertThat(result.files()).containsExactly("m.yaml");
        }
    }
}
