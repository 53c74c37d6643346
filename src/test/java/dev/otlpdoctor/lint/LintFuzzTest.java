package dev.otlpdoctor.lint;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.otlpdoctor.InvalidInputException;
import dev.otlpdoctor.lint.config.CollectorVersion;
import dev.otlpdoctor.lint.render.LintJsonRenderer;
import dev.otlpdoctor.lint.render.LintTextRenderer;
import dev.otlpdoctor.lint.render.SarifRenderer;
import dev.otlpdoctor.report.Style;
import dev.otlpdoctor.report.catalog.Catalog;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;

/**
 * Fuzzes {@code otlpdoctor lint}: the bytes of one file through the reader, the linter and every renderer.
 * A file with a Kubernetes object (apiVersion and kind) is linted as manifests (lint/k8s), any other as a
 * collector config; the two methods differ in their seeds. Runs the committed inputs in every build;
 * {@code JAZZER_FUZZ=1} fuzzes one method (docs/reliability.md).
 */
class LintFuzzTest {
    private static final Map<String, String> ENV = Map.of("OTEL_COLLECTOR_HOST", "0.0.0.0", "GOMEMLIMIT", "400MiB");

    /** A collector config: findings, rendered as text, JSON and SARIF, or a usage error (exit 2). */
    @FuzzTest(maxDuration = "30s")
    void collectorConfig(byte[] input) {
        lint(input, "config.yaml");
    }

    /** Kubernetes manifests with embedded collector configs: findings, or a usage error (exit 2). */
    @FuzzTest(maxDuration = "30s")
    void manifests(byte[] input) {
        lint(input, "collector.yaml");
    }

    private static void lint(byte[] input, String name) {
        LintResult result;
        try {
            result = new Linter(ENV, CollectorVersion.LATEST).lint(List.of(new LintInput(name, input)));
        } catch (InvalidInputException e) {
            assertThat(e.getMessage()).isNotBlank().doesNotContain("\n");
            assertThat(e.getMessage()).startsWith(name);
            return;
        }
        assertThat(result.files()).containsExactly(name);
        StringWriter out = new StringWriter();
        try (PrintWriter writer = new PrintWriter(out)) {
            new LintTextRenderer(new Style(false), true).render(result, writer);
            new LintJsonRenderer().render(result, writer);
            new SarifRenderer(Catalog.all(), java.nio.file.Path.of("")).render(result, writer);
        }
        assertThat(out.toString()).isNotEmpty();
    }
}
