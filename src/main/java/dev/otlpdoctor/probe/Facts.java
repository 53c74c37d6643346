package dev.otlpdoctor.probe;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What probes learned, shared along the chain. An endpoint's facts fall back to its target's facts, so
 * a per-endpoint probe reads the addresses the target-wide DNS probe resolved.
 */
public final class Facts {
    private final Map<Fact<?>, Object> values = new ConcurrentHashMap<>();
    private final Facts parent;

    public Facts() {
        this(null);
    }

    private Facts(Facts parent) {
        this.parent = parent;
    }

    /** A child scope whose reads fall back to this one. */
    public Facts child() {
        return new Facts(this);
    }

    public <T> void put(Fact<T> fact, T value) {
        values.put(fact, value);
    }

    @SuppressWarnings("unchecked")
    public <T> Optional<T> get(Fact<T> fact) {
        Object value = values.get(fact);
        if (value != null) {
            return Optional.of((T) value);
        }
        return parent == null ? Optional.empty() : parent.get(fact);
    }
}
