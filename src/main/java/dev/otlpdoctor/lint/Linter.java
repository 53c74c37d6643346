package dev.otlpdoctor.lint;

import dev.otlpdoctor.k8s.manifest.Manifests;
import dev.otlpdoctor.lint.config.CollectorVersion;
import dev.otlpdoctor.lint.config.ConfigMerger;
import dev.otlpdoctor.lint.config.Deployment;
import dev.otlpdoctor.lint.k8s.ManifestLinter;
import dev.otlpdoctor.lint.rules.ConfigLinter;
import dev.otlpdoctor.lint.yaml.Positions;
import dev.otlpdoctor.lint.yaml.YamlNode;
import dev.otlpdoctor.lint.yaml.YamlReader;
import dev.otlpdoctor.report.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The lint use case. Files that hold Kubernetes objects (a document with apiVersion and kind) are linted
 * together as one set of manifests, with the collector configs embedded in them; the other files are
 * collector configs, merged in the order given as the collector merges several {@code --config} files.
 */
public final class Linter {
    private final Map<String, String> env;
    private final CollectorVersion version;

    public Linter(Map<String, String> env, CollectorVersion version) {
        this.env = env;
        this.version = version;
    }

    public LintResult lint(List<LintInput> inputs) {
        List<YamlNode> configs = new ArrayList<>();
        Manifests manifests = new Manifests();
        List<String> names = new ArrayList<>();
        for (LintInput input : inputs) {
            names.add(input.name());
            String text = YamlReader.decode(input.bytes(), input.name());
            List<YamlNode> documents = YamlReader.documents(text, input.name(), Positions.of(input.name()));
            if (documents.stream().anyMatch(Manifests::isKubernetesObject)) {
                manifests.add(input.name(), text, documents);
            } else {
                configs.add(documents.isEmpty() ? YamlNode.nullValue(Positions.of(input.name()).at(0, 0))
                        : documents.get(0));
            }
        }
        ConfigLinter configLinter = new ConfigLinter(env, version);
        List<Finding> findings = new ArrayList<>();
        if (!configs.isEmpty()) {
            findings.addAll(configLinter.lint(ConfigMerger.merge(configs), Deployment.STANDALONE).findings());
        }
        if (!manifests.isEmpty()) {
            findings.addAll(new ManifestLinter(configLinter).lint(manifests));
        }
        return new LintResult(names, findings.stream().map(f -> f.attributedTo("lint", null)).toList());
    }
}
