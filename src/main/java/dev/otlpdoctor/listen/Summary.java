package dev.otlpdoctor.listen;

import dev.otlpdoctor.otlp.Signal;
import dev.otlpdoctor.target.Protocol;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An immutable snapshot of what the sink received: items per signal and per {@code service.name},
 * names, clients, rejected requests and the most recent items.
 */
public record Summary(long durationMs, Map<Signal, SignalSummary> signals, List<ClientSummary> clients,
                      Map<String, Long> rejected, List<Received> recent) {

    /** Requests and items of one signal; services keyed by {@code service.name}. */
    public record SignalSummary(long requests, long items, Map<String, ServiceSummary> services) {
    }

    /** Items of one service, and how often each name (span name, metric name, log severity) occurred. */
    public record ServiceSummary(long items, Map<String, Long> names) {
    }

    /** One client address with the protocol it used. */
    public record ClientSummary(String address, Protocol protocol, long requests, long items) {
    }

    /** One retained item with when, how and from where it arrived. */
    public record Received(Instant at, Protocol protocol, String client, Item item) {
    }

    public SignalSummary signal(Signal signal) {
        return signals.get(signal);
    }

    /** Items per second of a signal over the whole run. */
    public double rate(Signal signal) {
        return durationMs <= 0 ? 0 : signal(signal).items() * 1000.0 / durationMs;
    }

    public long totalItems() {
        return signals.values().stream().mapToLong(SignalSummary::items).sum();
    }

    public long totalRejected() {
        return rejected.values().stream().mapToLong(Long::longValue).sum();
    }
}
