package dev.otlpdoctor.listen.tally;

import dev.otlpdoctor.otlp.Signal;
import dev.otlpdoctor.target.Protocol;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An immutable snapshot of what the sink received: items per signal and per {@code service.name},
 * names, clients, applications, rejected requests, wrong-port connections, otlpdoctor's own probes and
 * the most recent items.
 */
public record Summary(long durationMs, Map<Signal, SignalSummary> signals, List<ClientSummary> clients,
                      Map<String, Long> rejected, List<Received> recent, List<Application> applications,
                      List<Rejected> rejections, List<Misdirected> misdirections, List<Probe> probes,
                      Map<String, Long> refused) {

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

    /**
     * One application: a {@code service.name} (+ {@code service.instance.id}) sending with one SDK.
     *
     * @param sdk         the SDK as read from the User-Agent ({@link UserAgent#describe})
     * @param connections distinct client connections seen (capped; {@code moreConnections} when over the cap)
     * @param headers     header names, lower case; values are never kept
     * @param probe       otlpdoctor's own check
     */
    public record Application(String service, String instanceId, String userAgent, String sdk,
                              List<String> protocols, List<String> compressions, int connections,
                              boolean moreConnections, Instant firstSeen, Instant lastSeen, long requests,
                              Map<Signal, Long> items, Map<String, String> attributes, List<String> scopes,
                              List<String> headers, boolean probe) {
    }

    /** Requests refused alike (same reason, request line, Content-Type, User-Agent, answer): one example. */
    public record Rejected(Rejection example, long count, Instant firstSeen, Instant lastSeen) {
    }

    /** Connections that spoke the wrong protocol alike (otlpdoctor check's own are counted under {@link Probe}). */
    public record Misdirected(Misdirection example, long count, Instant firstSeen, Instant lastSeen) {
    }

    /** otlpdoctor check from one host: its requests, and how many were answered with an error (as by a collector). */
    public record Probe(String host, long requests, long errorAnswers, Instant firstSeen, Instant lastSeen) {
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

    /** Wrong-protocol connections, otlpdoctor check's own not included. */
    public long totalMisdirected() {
        return misdirections.stream().mapToLong(Misdirected::count).sum();
    }
}
