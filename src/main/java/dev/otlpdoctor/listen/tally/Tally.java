package dev.otlpdoctor.listen.tally;

import dev.otlpdoctor.otlp.Signal;
import dev.otlpdoctor.target.Protocol;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Counts what the sink receives, thread-safe. Memory is bounded: distinct services, names, clients,
 * applications and kinds of rejection are capped ({@link CappedMap}), names are cut
 * ({@link OtlpItems#MAX_NAME}) and only the last {@code keep} items are retained.
 */
public final class Tally {
    private static final int MAX_KEYS = 1000;
    /** Distinct connections remembered per application; beyond, only "more" is known. */
    private static final int MAX_CONNECTIONS = 1000;
    /**
     * A TLS ClientHello on a plaintext port from a host that ran otlpdoctor check within this long is
     * counted as the check's: its tls probe sends one to each port just before its requests, which carry
     * otlpdoctor's User-Agent. Other wrong-port connections never come from check and are always shown.
     */
    static final Duration PROBE_WINDOW = Duration.ofSeconds(5);

    private final Clock clock;
    private final long startNanos = System.nanoTime();
    private final int keep;
    private final Map<Signal, SignalCounts> signals = new EnumMap<>(Signal.class);
    private final CappedMap<ClientCounts> clients = new CappedMap<>(MAX_KEYS, ClientCounts::new);
    private final CappedMap<AppCounts> applications = new CappedMap<>(MAX_KEYS, AppCounts::new);
    private final CappedMap<EventCounts<Rejection>> rejections = new CappedMap<>(MAX_KEYS, EventCounts::new);
    private final CappedMap<EventCounts<Misdirection>> misdirections = new CappedMap<>(MAX_KEYS, EventCounts::new);
    private final CappedMap<ProbeCounts> probes = new CappedMap<>(MAX_KEYS, ProbeCounts::new);
    private final Map<String, Long> rejected = new TreeMap<>();
    private final Map<String, Long> refused = new TreeMap<>();
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

    /** One accepted export request and its items, without what identifies the application. */
    public void accepted(Signal signal, Protocol protocol, String client, List<Item> items) {
        accepted(signal, new Arrival(protocol, client, null, "none", List.of()), items, List.of());
    }

    /** One accepted export request: its items and its resources (the applications that sent it). */
    public synchronized void accepted(Signal signal, Arrival arrival, List<Item> items, List<OtlpItems.ResourceView> resources) {
        SignalCounts counts = signals.get(signal);
        counts.requests++;
        counts.items += items.size();
        for (Item item : items) {
            ServiceCounts service = counts.services.get(item.service());
            service.items++;
            service.names.get(item.name())[0]++;
        }
        Protocol protocol = arrival.protocol();
        ClientCounts perClient = clients.get(arrival.client() + " " + protocol.value());
        if (perClient.requests++ == 0) {
            perClient.address = arrival.client();
            perClient.protocol = protocol;
        }
        perClient.items += items.size();
        Instant now = clock.instant();
        if (arrival.probe()) {
            probeSeen(host(arrival.client()), now, false);
        }
        for (OtlpItems.ResourceView resource : resources) {
            String key = resource.service() + '\u0000' + resource.instanceId() + '\u0000' + arrival.userAgent();
            applications.get(key).add(signal, arrival, resource, now);
        }
        retain(protocol, arrival.client(), items, now);
        changed();
    }

    /** One request refused, by reason only (malformed, too-large, unauthenticated...). */
    public void rejected(String reason) {
        rejected(new Rejection(reason, "http", null, null, null, null, null, null, null));
    }

    /** One request refused; otlpdoctor's own probes are counted as such, not as rejections. */
    public synchronized void rejected(Rejection rejection) {
        Instant now = clock.instant();
        if (rejection.probe()) {
            probeSeen(host(rejection.client()), now, true);
        } else {
            rejected.merge(rejection.reason(), 1L, Long::sum);
            String key = String.join("\u0000", rejection.reason(), rejection.transport(), String.valueOf(rejection.method()),
                    String.valueOf(rejection.path()), String.valueOf(rejection.contentType()),
                    String.valueOf(rejection.userAgent()), String.valueOf(rejection.status()));
            rejections.get(key).add(rejection, now);
        }
        changed();
    }

    public synchronized void misdirected(Misdirection misdirection) {
        Instant now = clock.instant();
        String from = host(misdirection.client());
        if (misdirection.probe() || (checksTlsProbe(misdirection) && recentProbe(from, now))) {
            probes.get(from).seen(from, now, true);
        } else {
            String key = misdirection.kind() + "\u0000" + host(misdirection.client()) + "\u0000" + misdirection.fix()
                    + "\u0000" + misdirection.userAgent();
            misdirections.get(key).add(misdirection, now);
        }
        changed();
    }

    /**
     * otlpdoctor check's tls probe sends a ClientHello to each port just before its requests, which
     * carry its User-Agent: such a ClientHello from the same host within {@link #PROBE_WINDOW} before or
     * after a probe request is the check's. Other wrong-port connections never come from check.
     */
    private static boolean checksTlsProbe(Misdirection m) {
        return m.kind() == Misdirection.Kind.TLS_ON_PLAINTEXT_PORT && m.userAgent() == null;
    }

    private boolean recentProbe(String host, Instant now) {
        ProbeCounts probe = probes.view().get(host);
        return probe != null && !probe.last.plus(PROBE_WINDOW).isBefore(now);
    }

    /** A probe request: also takes back the ClientHellos from that host of the last moments. */
    private void probeSeen(String host, Instant now, boolean error) {
        ProbeCounts probe = probes.get(host);
        probe.seen(host, now, error);
        Instant since = now.minus(PROBE_WINDOW);
        misdirections.view().values().removeIf(m -> {
            if (!checksTlsProbe(m.example) || !host(m.example.client()).equals(host)) {
                return false;
            }
            int taken = m.takeSince(since);
            probe.requests += taken;
            probe.errors += taken;
            return m.count == 0;
        });
    }

    /** A connection closed by a limit before any request. */
    public synchronized void refused(String reason) {
        refused.merge(reason, 1L, Long::sum);
        changed();
    }

    /** {@code 127.0.0.1:5123} → {@code 127.0.0.1}; {@code [::1]:5123} → {@code [::1]}. */
    public static String host(String client) {
        if (client == null) {
            return "?";
        }
        int colon = client.lastIndexOf(':');
        return colon > 0 && client.indexOf(']') < colon ? client.substring(0, colon) : client;
    }

    private void retain(Protocol protocol, String client, List<Item> items, Instant now) {
        if (keep == 0) {
            return;
        }
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

    /** The change counter: it moves whenever something was received, refused or misdirected. */
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
        List<Summary.Application> apps = new ArrayList<>();
        applications.view().forEach((key, a) -> apps.add(a.summary(key.equals(CappedMap.OVERFLOW))));
        List<Summary.Rejected> rejectionSummaries = new ArrayList<>();
        rejections.view().values().forEach(r -> rejectionSummaries.add(
                new Summary.Rejected(r.example, r.count, r.first, r.last)));
        List<Summary.Probe> probeSummaries = new ArrayList<>();
        probes.view().values().forEach(p -> probeSummaries.add(
                new Summary.Probe(p.host, p.requests, p.errors, p.first, p.last)));
        List<Summary.Misdirected> misdirected = new ArrayList<>();
        misdirections.view().values().forEach(m -> misdirected.add(new Summary.Misdirected(m.example, m.count,
                m.first, m.last)));
        long durationMs = (System.nanoTime() - startNanos) / 1_000_000;
        return new Summary(durationMs, signalSummaries, List.copyOf(clientSummaries), Map.copyOf(rejected),
                List.copyOf(recent), List.copyOf(apps), List.copyOf(rejectionSummaries), List.copyOf(misdirected),
                List.copyOf(probeSummaries), Map.copyOf(refused));
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

    /** One application: everything about how it sends, each set capped. */
    private static final class AppCounts {
        String service;
        String instanceId;
        String userAgent;
        final Set<String> protocols = new LinkedHashSet<>();
        final Set<String> compressions = new LinkedHashSet<>();
        final Set<String> connections = new HashSet<>();
        boolean moreConnections;
        Instant first;
        Instant last;
        long requests;
        final Map<Signal, Long> items = new EnumMap<>(Signal.class);
        final Map<String, String> attributes = new LinkedHashMap<>();
        final Set<String> scopes = new LinkedHashSet<>();
        final Set<String> headers = new LinkedHashSet<>();

        void add(Signal signal, Arrival arrival, OtlpItems.ResourceView resource, Instant now) {
            if (requests++ == 0) {
                service = resource.service();
                instanceId = resource.instanceId();
                userAgent = arrival.userAgent() == null ? null : TerminalText.bounded(arrival.userAgent(), 256);
                first = now;
            }
            last = now;
            items.merge(signal, resource.items(), Long::sum);
            protocols.add(arrival.protocol().value());
            compressions.add(arrival.compression());
            if (connections.size() < MAX_CONNECTIONS) {
                connections.add(arrival.client());
            } else if (!connections.contains(arrival.client())) {
                moreConnections = true;
            }
            resource.attributes().forEach((k, v) -> {
                if (attributes.size() < OtlpItems.MAX_ATTRIBUTES || attributes.containsKey(k)) {
                    attributes.put(k, v);
                }
            });
            for (String scope : resource.scopes()) {
                if (scopes.size() < OtlpItems.MAX_ATTRIBUTES) {
                    scopes.add(scope);
                }
            }
            for (String header : arrival.headerNames()) {
                if (headers.size() < OtlpItems.MAX_ATTRIBUTES) {
                    headers.add(TerminalText.bounded(header, 100));
                }
            }
        }

        Summary.Application summary(boolean overflow) {
            return new Summary.Application(overflow ? CappedMap.OVERFLOW : service, instanceId, userAgent,
                    UserAgent.describe(userAgent), List.copyOf(protocols), List.copyOf(compressions),
                    connections.size(), moreConnections, first, last, requests, Map.copyOf(items),
                    java.util.Collections.unmodifiableMap(new TreeMap<>(attributes)), List.copyOf(scopes), List.copyOf(headers),
                    UserAgent.isOtlpdoctor(userAgent));
        }
    }

    /** Events alike: the first as example, a count, first and last seen, the times of the latest few. */
    private static final class EventCounts<T> {
        private static final int RECENT = 16;
        T example;
        long count;
        Instant first;
        Instant last;
        final ArrayDeque<Instant> recent = new ArrayDeque<>(4);

        void add(T event, Instant now) {
            if (count++ == 0) {
                example = event;
                first = now;
            }
            last = now;
            if (recent.size() == RECENT) {
                recent.removeFirst();
            }
            recent.addLast(now);
        }

        /** Removes the events seen at or after {@code since}; how many. */
        int takeSince(Instant since) {
            int taken = 0;
            while (!recent.isEmpty() && !recent.peekLast().isBefore(since)) {
                recent.removeLast();
                taken++;
            }
            count -= taken;
            return taken;
        }
    }

    private static final class ProbeCounts {
        String host;
        long requests;
        long errors;
        Instant first;
        Instant last;

        void seen(String from, Instant now, boolean error) {
            if (requests++ == 0) {
                host = from;
                first = now;
            }
            last = now;
            if (error) {
                errors++;
            }
        }
    }
}
