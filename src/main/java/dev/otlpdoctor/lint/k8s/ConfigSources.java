package dev.otlpdoctor.lint.k8s;

import dev.otlpdoctor.k8s.manifest.KubeObject;
import dev.otlpdoctor.k8s.manifest.Manifests;
import dev.otlpdoctor.lint.config.CollectorVersion;
import dev.otlpdoctor.lint.config.Deployment;
import dev.otlpdoctor.lint.rules.ConfigLinter;
import dev.otlpdoctor.lint.rules.LintedConfig;
import dev.otlpdoctor.lint.yaml.YamlNode;
import dev.otlpdoctor.report.Finding;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds and lints the collector configs of a manifest set: ConfigMap values that hold a collector config,
 * and the OpenTelemetry Operator's OpenTelemetryCollector resources ({@code spec.config}: an object in
 * {@code opentelemetry.io/v1beta1}, a YAML string in {@code v1alpha1}).
 */
final class ConfigSources {
    private final ConfigLinter linter;
    private final Map<String, CollectorVersion> imageVersions;
    /** Configs by ConfigMap name, then data key. */
    private final Map<String, Map<String, LintedConfig>> byConfigMap = new LinkedHashMap<>();

    /** @param imageVersions the release that loads each ConfigMap, from the image tags of the workloads */
    ConfigSources(ConfigLinter linter, Map<String, CollectorVersion> imageVersions) {
        this.linter = linter;
        this.imageVersions = imageVersions;
    }

    void lint(Manifests manifests, List<Finding> findings) {
        for (KubeObject configMap : manifests.ofKind("ConfigMap")) {
            YamlNode data = configMap.node().get("data");
            if (data == null) {
                continue;
            }
            Map<String, LintedConfig> keys = byConfigMap.computeIfAbsent(configMap.name(), n -> new LinkedHashMap<>());
            data.entries().forEach((key, value) -> {
                if (!value.isScalar() || !looksLikeCollectorConfig(value.text())) {
                    return;
                }
                List<YamlNode> documents = EmbeddedYaml.parse(value, configMap, configMap.label() + " " + key);
                if (!documents.isEmpty() && documents.get(0).isMap()) {
                    LintedConfig linted = linter.forImageVersion(imageVersions.get(configMap.name()))
                            .lint(documents.get(0), Deployment.POD);
                    keys.put(key, linted);
                    findings.addAll(linted.findings());
                }
            });
        }
        for (KubeObject collector : manifests.ofKind("OpenTelemetryCollector")) {
            YamlNode config = collector.node().at("spec", "config");
            if (config == null) {
                continue;
            }
            ConfigLinter forImage = linter.forImageVersion(
                    CollectorImage.version(collector.node().textAt("spec", "image")).orElse(null));
            if (config.isScalar()) {
                List<YamlNode> documents = EmbeddedYaml.parse(config, collector, collector.label() + " spec.config");
                if (!documents.isEmpty()) {
                    findings.addAll(forImage.lint(documents.get(0), Deployment.OPERATOR).findings());
                }
            } else {
                findings.addAll(forImage.lint(config, Deployment.OPERATOR).findings());
            }
        }
    }

    /** The config held under a ConfigMap key, or {@code null} if the manifests do not show it. */
    LintedConfig config(String configMap, String key) {
        Map<String, LintedConfig> keys = byConfigMap.get(configMap);
        return keys == null ? null : keys.get(key);
    }

    /** Whether the manifests define this ConfigMap (so a missing key is a fact, not an unknown). */
    boolean knows(String configMap) {
        return byConfigMap.containsKey(configMap);
    }

    boolean hasKey(String configMap, String key, Manifests manifests) {
        return manifests.ofKind("ConfigMap").stream().filter(c -> c.name().equals(configMap))
                .anyMatch(c -> c.node().at("data", key) != null || c.node().at("binaryData", key) != null);
    }

    private static boolean looksLikeCollectorConfig(String text) {
        return text.contains("receivers:") || text.contains("exporters:") || text.contains("service:");
    }
}
