package dev.otlpdoctor.lint.schema;

import dev.otlpdoctor.lint.config.CollectorVersion;

/**
 * A key the collector removed from a component: older releases take it, from {@code removed} on the
 * collector refuses the config.
 *
 * @param component section and type, e.g. {@code processors/memory_limiter}
 * @param parent the dotted path inside the component the key sat under, empty for the component itself
 * @param key the key
 * @param removed the first release that refuses it
 * @param fix what to write instead
 */
public record RemovedKey(String component, String parent, String key, CollectorVersion removed, String fix) {
}
