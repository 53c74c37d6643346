package dev.otlpdoctor.listen.tally;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A map that keeps at most {@code maxKeys} keys: a client that invents a new span name per request
 * must not grow the sink's memory without bound. Keys beyond the cap share one overflow entry.
 * Not thread-safe: {@link Tally} guards it.
 */
public final class CappedMap<V> {
    static final String OVERFLOW = "(other)";

    private final Map<String, V> entries = new LinkedHashMap<>();
    private final int maxKeys;
    private final Supplier<V> factory;

    CappedMap(int maxKeys, Supplier<V> factory) {
        this.maxKeys = maxKeys;
        this.factory = factory;
    }

    V get(String key) {
        V value = entries.get(key);
        if (value != null) {
            return value;
        }
        String slot = entries.size() < maxKeys ? key : OVERFLOW;
        return entries.computeIfAbsent(slot, k -> factory.get());
    }

    Map<String, V> view() {
        return entries;
    }
}
