package dev.otlpdoctor.lint.rules;

import dev.otlpdoctor.lint.config.CollectorConfig;
import dev.otlpdoctor.lint.config.Listener;
import dev.otlpdoctor.report.Finding;
import java.util.List;

/** A collector config after lint: the model, the sockets it opens and what was found. */
public record LintedConfig(CollectorConfig config, List<Listener> listeners, List<Finding> findings) {
    public LintedConfig {
        listeners = List.copyOf(listeners);
        findings = List.copyOf(findings);
    }
}
