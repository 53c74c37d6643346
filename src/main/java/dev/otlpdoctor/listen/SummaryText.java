package dev.otlpdoctor.listen;

import dev.otlpdoctor.otlp.Signal;
import java.io.PrintWriter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The summary as text: per signal and service the items and their names, clients, rejections, expectations. */
final class SummaryText {
    private static final int TOP_NAMES = 5;

    private SummaryText() {
    }

    static void print(Summary s, List<Expectation> expectations, boolean verbose, PrintWriter out) {
        out.println();
        out.printf(Locale.ROOT, "Summary after %.1fs: %s%n", s.durationMs() / 1000.0, totals(s));
        for (Signal signal : Signal.values()) {
            Summary.SignalSummary counts = s.signal(signal);
            if (counts.requests() == 0) {
                continue;
            }
            out.printf(Locale.ROOT, "  %-8s %d %s in %d requests, %.1f/s%n", signal.label(), counts.items(),
                    signal.unit(), counts.requests(), s.rate(signal));
            counts.services().forEach((service, perService) -> out.printf(Locale.ROOT, "    %-24s %8d  %s%n",
                    service, perService.items(), topNames(perService.names())));
        }
        if (!s.clients().isEmpty()) {
            out.println("  clients");
            for (Summary.ClientSummary c : s.clients()) {
                out.printf(Locale.ROOT, "    %-24s %-14s %d requests, %d items%n", c.address(),
                        c.protocol() == null ? "" : c.protocol().value(), c.requests(), c.items());
            }
        }
        if (!s.rejected().isEmpty()) {
            out.println("  rejected requests");
            s.rejected().forEach((reason, n) -> out.printf(Locale.ROOT, "    %-24s %8d%n", reason, n));
        }
        if (!expectations.isEmpty()) {
            out.println("  expectations");
            for (Expectation e : expectations) {
                out.printf(Locale.ROOT, "    %s %-30s (%s)%n", e.holds(s) ? "met    " : "NOT MET", e, e.observed(s));
            }
        }
        if (verbose && !s.recent().isEmpty()) {
            out.println("  last " + s.recent().size() + " items");
            s.recent().forEach(r -> out.println("    " + LiveView.line(r)));
        }
        out.flush();
    }

    static String totals(Summary s) {
        String items = java.util.Arrays.stream(Signal.values())
                .map(sig -> s.signal(sig).items() + " " + sig.unit())
                .collect(Collectors.joining(", "));
        long rejected = s.totalRejected();
        return items + (rejected == 0 ? "" : " (" + rejected + " requests rejected)");
    }

    static String topNames(Map<String, Long> names) {
        List<Map.Entry<String, Long>> sorted = names.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
                .toList();
        String top = sorted.stream().limit(TOP_NAMES)
                .map(e -> (e.getKey().isEmpty() ? "(no name)" : e.getKey()) + " ×" + e.getValue())
                .collect(Collectors.joining(", "));
        return sorted.size() > TOP_NAMES ? top + ", +" + (sorted.size() - TOP_NAMES) + " more" : top;
    }
}
