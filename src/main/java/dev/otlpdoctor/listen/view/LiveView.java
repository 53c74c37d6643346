package dev.otlpdoctor.listen.view;

import dev.otlpdoctor.listen.tally.Item;
import dev.otlpdoctor.listen.tally.Misdirection;
import dev.otlpdoctor.listen.tally.Summary;
import dev.otlpdoctor.listen.tally.TerminalText;
import dev.otlpdoctor.otlp.Signal;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The live text view: at each tick, one line per signal and service that received items since the
 * previous tick (count, rate, names), new applications, otlpdoctor's own probes, wrong-port
 * connections and rejected requests with the fix, and with {@code -v} new connections and each new item.
 * Every client-controlled string goes through {@link TerminalText}.
 */
public final class LiveView {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");
    /**
     * A TLS ClientHello on a plaintext port waits this long before it is shown: if it was otlpdoctor
     * check's tls probe, the check's own requests arrive meanwhile and take it back ({@link dev.otlpdoctor.listen.tally.Tally}).
     */
    static final Duration MISDIRECTION_DELAY = Duration.ofSeconds(3);

    private final PrintWriter out;
    private final boolean verbose;
    private Summary previous;
    /** Per wrong-port kind (by its first example): how many were shown. */
    private final Map<Misdirection, Long> shown = new HashMap<>();

    public LiveView(PrintWriter out, boolean verbose, Summary start) {
        this.out = out;
        this.verbose = verbose;
        this.previous = start;
        start.misdirections().forEach(m -> shown.put(m.example(), m.count()));
    }

    public void tick(Summary now) {
        tick(now, Instant.now());
    }

    public void tick(Summary now, Instant at) {
        String time = LocalTime.now(ZoneId.systemDefault()).format(CLOCK);
        double seconds = Math.max(0.001, (now.durationMs() - previous.durationMs()) / 1000.0);
        for (Signal signal : Signal.values()) {
            Map<String, Summary.ServiceSummary> before = previous.signal(signal).services();
            now.signal(signal).services().forEach((service, counts) -> {
                Summary.ServiceSummary old = before.get(service);
                long delta = counts.items() - (old == null ? 0 : old.items());
                if (delta > 0) {
                    out.printf(Locale.ROOT, "%s  %-8s %-20s +%d %s (%.1f/s, %d in all)  %s%n", time, signal.label(),
                            TerminalText.clean(service), delta, signal.unit(), delta / seconds, counts.items(),
                            SummaryText.topNames(counts.names()));
                }
            });
        }
        for (Summary.Application app : now.applications()) {
            if (!app.probe() && previous.applications().stream().noneMatch(a -> same(a, app))) {
                out.printf("%s  new application %s (%s) over %s%n", time, TerminalText.clean(app.service()),
                        TerminalText.clean(app.sdk()), String.join(", ", app.protocols()));
            }
        }
        for (Summary.ClientSummary client : now.clients()) {
            boolean isNew = previous.clients().stream().noneMatch(c -> c.address().equals(client.address())
                    && c.protocol() == client.protocol());
            if (isNew && verbose) {
                out.printf("%s  new client %s over %s%n", time, client.address(),
                        client.protocol() == null ? "?" : client.protocol().value());
            }
        }
        for (Summary.Probe probe : now.probes()) {
            Summary.Probe old = previous.probes().stream().filter(p -> p.host().equals(probe.host())).findFirst().orElse(null);
            if (old == null || old.requests() != probe.requests()) {
                out.printf("%s  %s%n", time, SummaryText.probe(probe));
            }
        }
        for (Summary.Misdirected m : now.misdirections()) {
            long done = shown.getOrDefault(m.example(), 0L);
            boolean settled = m.example().kind() != Misdirection.Kind.TLS_ON_PLAINTEXT_PORT
                    || !m.lastSeen().plus(MISDIRECTION_DELAY).isAfter(at);
            if (m.count() > done && settled) {
                out.printf("%s  wrong port: %s%n", time, SummaryText.misdirected(m, m.count() - done));
                shown.put(m.example(), m.count());
            }
        }
        for (Summary.Rejected r : now.rejections()) {
            long before = previous.rejections().stream().filter(p -> p.example() == r.example())
                    .mapToLong(Summary.Rejected::count).findFirst().orElse(0);
            long delta = r.count() - before;
            if (delta > 0) {
                java.io.StringWriter detail = new java.io.StringWriter();
                SummaryText.rejected(r.example(), delta, "", new PrintWriter(detail));
                String[] lines = detail.toString().split("\n");
                String first = lines[0].substring(lines[0].indexOf("× ") + 2);
                out.printf("%s  rejected %d request(s): %s%n", time, delta, first);
                for (int i = 1; i < lines.length; i++) {
                    out.printf("          %s%n", lines[i]);
                }
            }
        }
        now.refused().forEach((reason, n) -> {
            long delta = n - previous.refused().getOrDefault(reason, 0L);
            if (delta > 0) {
                out.printf("%s  refused %d connection(s): %s%n", time, delta, reason);
            }
        });
        if (verbose) {
            Set<Summary.Received> seen = Collections.newSetFromMap(new IdentityHashMap<>());
            seen.addAll(previous.recent());
            now.recent().stream().filter(r -> !seen.contains(r)).forEach(r -> out.println("          " + line(r)));
        }
        out.flush();
        previous = now;
    }

    private static boolean same(Summary.Application a, Summary.Application b) {
        return a.service().equals(b.service()) && java.util.Objects.equals(a.instanceId(), b.instanceId())
                && java.util.Objects.equals(a.userAgent(), b.userAgent());
    }

    static String line(Summary.Received r) {
        Item item = r.item();
        String detail = item.detail().isEmpty() ? "" : "  " + TerminalText.clean(item.detail());
        return String.format(Locale.ROOT, "%s %-7s %-20s %s%s  (%s from %s)", r.at(), item.signal().label(),
                TerminalText.clean(item.service()), TerminalText.clean(item.name()), detail, r.protocol().value(), r.client());
    }
}
