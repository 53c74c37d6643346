package dev.otlpdoctor.lint.schema;

import dev.otlpdoctor.lint.config.CollectorVersion;
import java.util.List;
import java.util.Set;

/**
 * A key the collector removed or renamed: older releases take it, from {@code removed} on the collector
 * refuses the config.
 *
 * @param component section and type, e.g. {@code processors/memory_limiter}; {@code service} for the service
 *                  section; {@code *} for a key of a shared struct, wherever that struct is
 * @param parent the dotted path inside the component the key sat under, empty for the component itself
 *               ({@code *} with component {@code *})
 * @param key the key
 * @param removed the first release that refuses it
 * @param fix what to write instead
 * @param renamedTo the key that replaced it, or null when it was removed without a successor
 * @param where for a shared struct: keys of which the struct at that place has at least one (how the struct
 *              is recognised, e.g. {@code cors} for confighttp's server settings); empty otherwise
 */
public record RemovedKey(String component, String parent, String key, CollectorVersion removed, String fix,
                         String renamedTo, List<String> where) {
    static final String ANY = "*";

    /** Whether this is the key written at {@code parent} of {@code component}, whose struct has these keys. */
    boolean matches(String component, String parent, String key, Set<String> structKeys) {
        if (!this.key.equals(key)) {
            return false;
        }
        if (this.component.equals(ANY)) {
            return where.stream().anyMatch(structKeys::contains);
        }
        return this.component.equals(component) && this.parent.equals(parent);
    }
}
