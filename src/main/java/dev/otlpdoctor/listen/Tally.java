package dev.otlpdoctor.listen;

import dev.otlpdoctor.otlp.Signal;
import dev.otlpdoctor.target.Protocol;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts what the sink receives, thread-safe. Memory is bounded: distinct services, names and clients
 * are capped ({@link CappedMap}) and only the last {@code keep} items are retained.
 */
public final class Tally {
    private static final int MAX_KEYS = 1000;

    private final Clock clock;
    private final long startNanos = System.nanoTime();
    private final int keep;
    private final Map<Signal, SignalCounts> signals = new EnumMap<>(Signal.class);
    private final CappedMap<ClientCounts> clients = new CappedMap<>(MAX_KEYS, ClientCounts::new);
    private final Map<String, Long> rejected = new TreeMap<>();
    private final ArrayDeque<Summary.Received> recent;
    private long version;

    public Tally(int keep, Clock clock) {
        this.keep = keep;
        this.clock = clock;
        this.recent = new ArrayDeque<>(Math.min(keep, 1024));
        for (Signal s : Signal.values()) {
            signals.put(s, new SignalCounts());
        }
    }

    /** One accepted export request and its items. */
    public synchronized void accepted(Signal signal, Protocol protocol, String client, List<Item> items) {
        SignalCounts counts = signals.get(signal);
        counts.requests++;
        counts.items += items.size();
        for (Item item : items) {
            ServiceCounts service = counts.services.get(item.service());
            service.items++;
            service.names.get(item.name())[0]++;
        }
        ClientCounts perClient = clients.get(client + " " + protocol.value());
        if (perClient.requests++ == 0) {
            perClient.address = client;
            perClient.protocol = protocol;
        }
        perClient.items += items.size();
        retain(protocol, client, items);
        changed();
    }

    /** One request refused, by reason (malformed, too-large, unauthorized...). */
    public synchronized void rejected(String reason) {
        rejected.merge(reason, 1L, Long::sum);
        changed();
    }

    private void retain(Protocol protocol, String client, List<Item> items) {
        if (keep == 0) {
            return;
        }
        Instant now = clock.instant();
        // Only the tail of a large batch can survive in the ring anyway.
        for (Item item : items.subList(Math.max(0, items.size() - keep), items.size())) {
            if (recent.size() == keep) {
                recent.removeFirst();
            }
            recent.addLast(new Summary.Received(now, protocol, client, item));
        }
    }

    private void changed() {
        version++;
        notifyAll();
    }

    /** The change counter: it moves whenever a request was accepted or rejected. */
    public synchronized long version() {
        return version;
    }

    /** Waits until the counter moves past {@code seen} or {@code millis} pass; returns the counter. */
    public synchronized long awaitChange(long seen, long millis) throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000;
        while (version == seen) {
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                break;
            }
            wait(left);
        }
        return version;
    }

    public synchronized Summary snapshot() {
        Map<Signal, Summary.SignalSummary> signalSummaries = new EnumMap<>(Signal.class);
        signals.forEach((signal, counts) -> signalSummaries.put(signal, counts.summary()));
        List<Summary.ClientSummary> clientSummaries = new ArrayList<>();
        clients.view().forEach((key, c) -> clientSummaries.add(new Summary.ClientSummary(
                key.equals(CappedMap.OVERFLOW) ? key : c.address, c.protocol, c.requests, c.items)));
        long durationMs = (System.nanoTime() - startNanos) / 1_000_000;
        return new Summary(durationMs, signalSummaries, List.copyOf(clientSummaries), Map.copyOf(rejected),
                List.copyOf(recent));
    }

    private static final class SignalCounts {
        long requests;
        long items;
        final CappedMap<ServiceCounts> services = new CappedMap<>(MAX_KEYS, ServiceCounts::new);

        Summary.SignalSummary summary() {
            Map<String, Summary.ServiceSummary> out = new LinkedHashMap<>();
            services.view().forEach((name, s) -> out.put(name, s.summary()));
            return new Summary.SignalSummary(requests, items, out);
        }
    }

    private static final class ClientCounts {
        String address;
        Protocol protocol;
        long requests;
        long items;
    }

    private static final class ServiceCounts {
        long items;
        final CappedMap<long[]> names = new CappedMap<>(MAX_KEYS, () -> new long[1]);

        Summary.ServiceSummary summary() {
            Map<String, Long> out = new LinkedHashMap<>();
            names.view().forEach((name, count) -> out.put(name, count[0]));
            return new Summary.ServiceSummary(items, out);
        }
    }
}
