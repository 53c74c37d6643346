package dev.otlpdoctor.lint.k8s;

import dev.otlpdoctor.k8s.manifest.Manifests;
import dev.otlpdoctor.lint.rules.ConfigLinter;
import dev.otlpdoctor.report.Finding;
import java.util.ArrayList;
import java.util.List;

/**
 * Lints a set of Kubernetes manifests: the collector configs embedded in ConfigMaps and
 * OpenTelemetryCollector resources, the collector containers that mount them, and the Services in front.
 */
public final class ManifestLinter {
    private final ConfigLinter configLinter;

    public ManifestLinter(ConfigLinter configLinter) {
        this.configLinter = configLinter;
    }

    public List<Finding> lint(Manifests manifests) {
        List<Finding> findings = new ArrayList<>();
        ConfigSources configs = new ConfigSources(configLinter.withVariables(ContainerEnv.of(manifests)),
                ImageVersions.byConfigMap(manifests));
        configs.lint(manifests, findings);
        List<CollectorContainer> collectors = ContainerChecks.collectorContainers(manifests, configs, findings);
        ServiceChecks.check(manifests, collectors, findings);
        return findings;
    }
}
