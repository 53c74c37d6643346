package dev.otlpdoctor.lint.rules;

import dev.otlpdoctor.InvalidInputException;
import dev.otlpdoctor.lint.config.CollectorConfig;
import dev.otlpdoctor.lint.config.CollectorVersion;
import dev.otlpdoctor.lint.config.Deployment;
import dev.otlpdoctor.lint.config.EnvExpander;
import dev.otlpdoctor.lint.config.Listener;
import dev.otlpdoctor.lint.config.Listeners;
import dev.otlpdoctor.lint.schema.SchemaChecker;
import dev.otlpdoctor.lint.yaml.YamlNode;
import dev.otlpdoctor.report.Finding;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Lints one collector config (already merged from its files): expands variables, models it, runs the rules. */
public final class ConfigLinter {
    private final Map<String, String> env;
    private final CollectorVersion version;

    public ConfigLinter(Map<String, String> env, CollectorVersion version) {
        this.env = env;
        this.version = version;
    }

    /**
     * A linter that also knows variables the collector's container sets; they override this environment.
     * A value that only exists at run time (valueFrom) is given as empty: set, but unknown here.
     */
    public ConfigLinter withVariables(Map<String, String> variables) {
        Map<String, String> merged = new HashMap<>(env);
        merged.putAll(variables);
        return new ConfigLinter(merged, version);
    }

    /**
     * A linter for the release a container image names, unless the user chose a release
     * ({@code --collector-version}): then that choice stands.
     */
    public ConfigLinter forImageVersion(CollectorVersion imageVersion) {
        return imageVersion == null || !version.latest() ? this : new ConfigLinter(env, imageVersion);
    }

    public LintedConfig lint(YamlNode root, Deployment deployment) {
        if (root.kind() == YamlNode.Kind.NULL) {
            root = YamlNode.map(Map.of(), Map.of(), root.location());
        }
        if (!root.isMap()) {
            throw new InvalidInputException(root.location() + ": not a collector config: the top level must be a map "
                    + "(receivers:, exporters:, service: …)");
        }
        EnvExpander expander = new EnvExpander(env);
        CollectorConfig config = new CollectorConfig(expander.expand(root), deployment);
        List<Listener> listeners = Listeners.of(config, version);
        ConfigContext context = new ConfigContext(config, version, listeners, expander.unresolved(),
                SchemaChecker.check(config, version, expander.unresolved()));
        List<Finding> findings = new ArrayList<>();
        for (ConfigRule rule : ConfigRule.all()) {
            rule.check(context, findings::add);
        }
        return new LintedConfig(config, listeners, findings);
    }
}
