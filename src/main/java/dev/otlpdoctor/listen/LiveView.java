package dev.otlpdoctor.listen;

import dev.otlpdoctor.otlp.Signal;
import java.io.PrintWriter;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The live text view: at each tick, one line per signal and service that received items since the
 * previous tick (count, rate, names), new clients, new rejections, and with {@code -v} each new item.
 */
final class LiveView {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final PrintWriter out;
    private final boolean verbose;
    private Summary previous;

    LiveView(PrintWriter out, boolean verbose, Summary start) {
        this.out = out;
        this.verbose = verbose;
        this.previous = start;
    }

    void tick(Summary now) {
        String time = LocalTime.now(ZoneId.systemDefault()).format(CLOCK);
        double seconds = Math.max(0.001, (now.durationMs() - previous.durationMs()) / 1000.0);
        for (Signal signal : Signal.values()) {
            Map<String, Summary.ServiceSummary> before = previous.signal(signal).services();
            now.signal(signal).services().forEach((service, counts) -> {
                Summary.ServiceSummary old = before.get(service);
                long delta = counts.items() - (old == null ? 0 : old.items());
                if (delta > 0) {
                    out.printf(Locale.ROOT, "%s  %-8s %-20s +%d %s (%.1f/s, %d in all)  %s%n", time, signal.label(),
                            service, delta, signal.unit(), delta / seconds, counts.items(),
                            SummaryText.topNames(counts.names()));
                }
            });
        }
        for (Summary.ClientSummary client : now.clients()) {
            if (previous.clients().stream().noneMatch(c -> c.address().equals(client.address())
                    && c.protocol() == client.protocol())) {
                out.printf("%s  new client %s over %s%n", time, client.address(),
                        client.protocol() == null ? "?" : client.protocol().value());
            }
        }
        now.rejected().forEach((reason, n) -> {
            long delta = n - previous.rejected().getOrDefault(reason, 0L);
            if (delta > 0) {
                out.printf("%s  rejected %d request(s): %s%n", time, delta, reason);
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

    static String line(Summary.Received r) {
        Item item = r.item();
        String detail = item.detail().isEmpty() ? "" : "  " + item.detail();
        return String.format(Locale.ROOT, "%s %-7s %-20s %s%s  (%s from %s)", r.at(), item.signal().label(),
                item.service(), item.name(), detail, r.protocol().value(), r.client());
    }
}
