package dev.otlpdoctor.probe;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What one run computes once for all its targets: the host's sockets and processes, its firewall
 * ruleset. A fleet of loopback targets scans /proc once, not once per target. Targets probed concurrently
 * wait for the first computation and share it.
 */
public final class RunMemo {
    private final Map<Object, Object> values = new HashMap<>();

    /** The value of {@code key} in this run, computed by {@code compute} the first time it is asked for. */
    @SuppressWarnings("unchecked")
    public synchronized <T> T get(Fact<T> key, Supplier<T> compute) {
        return (T) values.computeIfAbsent(key, k -> compute.get());
    }
}
