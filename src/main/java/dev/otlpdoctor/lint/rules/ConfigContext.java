package dev.otlpdoctor.lint.rules;

import dev.otlpdoctor.lint.config.CollectorConfig;
import dev.otlpdoctor.lint.config.CollectorVersion;
import dev.otlpdoctor.lint.config.EnvReference;
import dev.otlpdoctor.lint.config.Listener;
import dev.otlpdoctor.lint.schema.SchemaReport;
import java.util.List;

/**
 * What a config rule looks at.
 *
 * @param config the merged, expanded config
 * @param version the collector release assumed ({@code --collector-version}, else the newest)
 * @param listeners the sockets the config opens
 * @param envReferences variable references that were unset or written in the bash style
 * @param schema how the components' settings fit their config schemas
 */
public record ConfigContext(CollectorConfig config, CollectorVersion version, List<Listener> listeners,
                            List<EnvReference> envReferences, SchemaReport schema) {
    public ConfigContext {
        listeners = List.copyOf(listeners);
        envReferences = List.copyOf(envReferences);
    }
}
