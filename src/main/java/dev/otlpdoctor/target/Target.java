package dev.otlpdoctor.target;

import dev.otlpdoctor.otlp.Signal;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A parsed TARGET: one host and the endpoints (ports) on it to check.
 *
 * @param input the text the user gave, with any password redacted
 * @param host the host name or address literal (IPv6 without brackets)
 * @param endpoints the ports to probe, in the order they are reported
 * @param source where the target came from
 * @param signals the signals an exporter sends here (from {@code OTEL_EXPORTER_OTLP_*}); empty when the target
 *                is not an exporter's, and the signals asked for ({@code --signals}) are probed
 * @param signalUrl whether the endpoints' base path is the whole URL path of a per-signal endpoint
 *                  ({@code OTEL_EXPORTER_OTLP_TRACES_ENDPOINT}), used as is for its one signal, rather than a
 *                  base that {@code /v1/<signal>} is appended to
 */
public record Target(String input, String host, List<Endpoint> endpoints, Source source, Set<Signal> signals,
                     boolean signalUrl) {
    public Target {
        endpoints = List.copyOf(endpoints);
        signals = signals.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(signals));
        if (signalUrl && signals.size() != 1) {
            throw new IllegalArgumentException("a per-signal URL is sent one signal, not " + signals);
        }
    }

    /** A target given by the user: whatever signals are asked for are probed, each at base + /v1/signal. */
    public Target(String input, String host, List<Endpoint> endpoints, Source source) {
        this(input, host, endpoints, source, Set.of(), false);
    }

    /** The same target, its endpoints replaced. */
    public Target withEndpoints(List<Endpoint> replaced) {
        return new Target(input, host, replaced, source, signals, signalUrl);
    }

    /** The same target, sent exactly these signals by an exporter (a per-signal URL: its one signal). */
    public Target forSignals(Set<Signal> exported, boolean asSignalUrl) {
        return new Target(input, host, endpoints, source, exported, asSignalUrl);
    }
}
