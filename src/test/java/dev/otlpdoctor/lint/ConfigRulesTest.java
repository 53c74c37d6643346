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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigRulesTest {

    @Test
    void cleanConfigHasNoFinding() {
        LintResult result = lint("clean.yaml");
        assertThat(result.findings()).isEmpty();
        assertThat(result.status()).isEqualTo(Severity.PASS);
    }

    @Test
    void productionConfigFailsOnTheRemovedLoggingExporter() {
        LintResult result = lint("production.yaml");
        Finding logging = only(result, "config.deprecated-component");
        assertThat(logging.severity()).isEqualTo(Severity.FAIL);
        assertThat(logging.title()).isEqualTo("exporter logging: removed since collector v0.111.0");
        assertThat(location(logging)).isEqualTo(positionOf("production.yaml", "logging:"));
        assertThat(String.join("\n", logging.remediation())).contains("debug:", "verbosity");
        assertThat(result.status()).isEqualTo(Severity.FAIL);
    }

    @Test
    void olderCollectorVersionOnlyWarnsAboutTheLoggingExporter() {
        Finding before = only(lint(Map.of(), CollectorVersion.parse("0.110.0"), "production.yaml"),
                "config.deprecated-component");
        assertThat(before.severity()).isEqualTo(Severity.WARN);
        assertThat(before.title()).contains("deprecated since collector v0.86.0");
        assertThat(withCode(lint(Map.of(), CollectorVersion.parse("v0.80.0"), "production.yaml"),
                "config.deprecated-component")).isEmpty();
    }

    @Test
    void receiverUndefinedPointsAtThePipelineReference() {
        Finding f = only(lint("receiver-undefined.yaml"), "config.receiver-undefined");
        assertThat(f.severity()).isEqualTo(Severity.FAIL);
        assertThat(f.evidence()).containsEntry("component", "otlp").containsEntry("pipeline", "traces");
        assertThat(location(f)).isEqualTo(positionOf("receiver-undefined.yaml", "otlp]"));
    }

    @Test
    void receiverUnusedNamesTheNamedReceiver() {
        Finding f = only(lint("receiver-unused.yaml"), "config.receiver-unused");
        assertThat(f.evidence()).containsEntry("component", "otlp/2");
        assertThat(location(f)).isEqualTo(positionOf("receiver-unused.yaml", "otlp/2:"));
    }

    @Test
    void protocolMissingFailsWithoutAnyProtocolAndNotesAMissingOne() {
        List<Finding> found = withCode(lint("protocol-missing.yaml"), "config.protocol-missing");
        assertThat(found).extracting(Finding::severity).containsExactly(Severity.INFO, Severity.FAIL);
        assertThat(found.get(0).evidence()).containsEntry("missing", "http");
        assertThat(found.get(1).evidence()).containsEntry("component", "otlp/empty").containsEntry("missing", "grpc and http");
        assertThat(location(found.get(1))).isEqualTo(positionOf("protocol-missing.yaml", "protocols:", 2));
    }

    @Test
    void endpointLocalhostExplicitAndByDefault() {
        List<Finding> found = withCode(lint("endpoint-localhost.yaml"), "config.endpoint-localhost");
        assertThat(found).hasSize(2);
        assertThat(found.get(0).evidence()).containsEntry("address", "127.0.0.1:4317").containsEntry("defaulted", false);
        assertThat(location(found.get(0))).isEqualTo(positionOf("endpoint-localhost.yaml", "127.0.0.1:4317"));
        assertThat(found.get(1).evidence()).containsEntry("address", "localhost:4318").containsEntry("defaulted", true);
        assertThat(location(found.get(1))).isEqualTo(positionOf("endpoint-localhost.yaml", "http:"));
        // Before v0.104.0 an unset endpoint meant 0.0.0.0.
        assertThat(withCode(lint(Map.of(), CollectorVersion.parse("0.103.0"), "endpoint-localhost.yaml"),
                "config.endpoint-localhost")).hasSize(1);
    }

    @Test
    void portConflictBetweenLoopbackAndWildcard() {
        Finding f = only(lint("port-conflict.yaml"), "config.port-conflict");
        assertThat(f.evidence()).containsEntry("port", 4317).containsEntry("address", "127.0.0.1:4317")
                .containsEntry("otherAddress", "0.0.0.0:4317");
        assertThat(location(f)).isEqualTo(positionOf("port-conflict.yaml", "127.0.0.1:4317"));
        // zipkin on 13133 would conflict with health_check, but it is in no pipeline: never started.
        assertThat(f.title()).contains("zpages", "otlp (grpc)");
    }

    @Test
    void componentUndefinedForProcessorsExportersAndExtensions() {
        List<Finding> found = withCode(lint("component-undefined.yaml"), "config.component-undefined");
        assertThat(found).extracting(f -> f.evidence().get("component"))
                .containsExactly("pprof", "zpages", "attributes/env", "otlp/backend");
        assertThat(found.get(0).severity()).isEqualTo(Severity.WARN);
        assertThat(found.subList(1, 4)).allMatch(f -> f.severity() == Severity.FAIL);
        assertThat(location(found.get(2))).isEqualTo(positionOf("component-undefined.yaml", "attributes/env"));
    }

    @Test
    void deprecatedComponentsKeysAndBareVariables() {
        List<Finding> found = withCode(lint("deprecated-component.yaml"), "config.deprecated-component");
        // The telemetry address, ignored since v0.123.0, is refused from v0.128.0: config.invalid-key says so then.
        assertThat(found).extracting(f -> f.evidence().get("component"))
                .containsExactly("memory_ballast", "$POD_IP", "logging");
        assertThat(found).extracting(Finding::severity)
                .containsExactly(Severity.FAIL, Severity.WARN, Severity.FAIL);
        assertThat(location(found.get(1))).isEqualTo(positionOf("deprecated-component.yaml", "$POD_IP"));
    }

    @Test
    void pipelineEmpty() {
        List<Finding> found = withCode(lint("pipeline-empty.yaml"), "config.pipeline-empty");
        assertThat(found).extracting(f -> f.evidence().get("missing")).containsExactly("exporters", "receivers");
        assertThat(location(found.get(1))).isEqualTo(positionOf("pipeline-empty.yaml", "logs:"));
    }

    @Test
    void recommendedPractices() {
        LintResult result = lint("practices.yaml");
        List<Finding> limiter = withCode(result, "config.memory-limiter-not-first");
        assertThat(limiter).extracting(Finding::severity).containsExactly(Severity.WARN, Severity.INFO);
        assertThat(location(limiter.get(0))).isEqualTo(positionOf("practices.yaml", "memory_limiter]"));
        assertThat(withCode(result, "config.batch-missing")).hasSize(2).allMatch(f -> f.severity() == Severity.INFO);
        assertThat(withCode(result, "config.max-recv-msg-size-default")).hasSize(1);
        assertThat(result.status()).isEqualTo(Severity.WARN);
    }

    @Test
    void environmentVariablesExpandAndUnsetOnesAreFindings() {
        LintResult unset = lint("env-vars.yaml");
        assertThat(withCode(unset, "config.env-unset")).extracting(f -> f.evidence().get("name"))
                .containsExactly("OTLPDOCTOR_TEST_HOST", "OTLPDOCTOR_TEST_SIZE", "OTLPDOCTOR_TEST_TOKEN");
        assertThat(unset.status()).isEqualTo(Severity.PASS);
        LintResult set = lint(Map.of("OTLPDOCTOR_TEST_HOST", "127.0.0.1", "OTLPDOCTOR_TEST_SIZE", "16",
                "OTLPDOCTOR_TEST_TOKEN", "secret"), CollectorVersion.LATEST, "env-vars.yaml");
        assertThat(withCode(set, "config.env-unset")).isEmpty();
        // The expanded host is loopback; the :- default gives 0.0.0.0 for HTTP.
        assertThat(only(set, "config.endpoint-localhost").evidence()).containsEntry("address", "127.0.0.1:4317");
        assertThat(set.findings().toString()).doesNotContain("secret");
    }

    @Test
    void severalFilesMergeLikeTheCollector() {
        LintResult result = lint("merge-base.yaml", "merge-override.yaml");
        // The override replaces the exporters list of traces and adds otlp/backend: nothing is undefined.
        assertThat(withCode(result, "config.component-undefined")).isEmpty();
        assertThat(result.files()).hasSize(2);
        LintResult reversed = lint("merge-override.yaml", "merge-base.yaml");
        assertThat(reversed.findings()).noneMatch(f -> f.severity() == Severity.FAIL);
    }

    @Test
    void portConflictsWithDefaultPortsOfExtensionsAndInternalMetrics() {
        List<Finding> found = withCode(lint("port-conflict-telemetry.yaml"), "config.port-conflict");
        assertThat(found).extracting(f -> f.evidence().get("port")).containsExactlyInAnyOrder(1777, 8888);
        Finding telemetry = found.stream().filter(f -> f.evidence().get("port").equals(8888)).findFirst().orElseThrow();
        assertThat(telemetry.title()).contains("service.telemetry metrics", "receiver otlp (http)");
        // Before v0.111.0 the internal metrics listened on :8888, which overlaps as well.
        assertThat(withCode(lint(Map.of(), CollectorVersion.parse("0.100.0"), "port-conflict-telemetry.yaml"),
                "config.port-conflict")).hasSize(2);
    }
}
