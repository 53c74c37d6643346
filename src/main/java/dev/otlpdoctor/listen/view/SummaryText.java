package dev.otlpdoctor.listen.view;

import dev.otlpdoctor.listen.tally.Expectation;
import dev.otlpdoctor.listen.tally.HeaderNames;
import dev.otlpdoctor.listen.tally.Misdirection;
import dev.otlpdoctor.listen.tally.Rejection;
import dev.otlpdoctor.listen.tally.Summary;
import dev.otlpdoctor.listen.tally.Tally;
import dev.otlpdoctor.listen.tally.TerminalText;
import dev.otlpdoctor.listen.tally.UserAgent;
import dev.otlpdoctor.otlp.Signal;
import java.io.PrintWriter;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The summary as text: per signal and service the items and their names, the applications that sent
 * them, otlpdoctor's own probes, wrong-port connections and rejected requests with the setting to
 * change, refused connections, expectations. Every client-controlled string goes through {@link TerminalText}.
 */
public final class SummaryText {
    private static final int TOP_NAMES = 5;
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    private SummaryText() {
    }

    public static void print(Summary s, List<Expectation> expectations, boolean verbose, PrintWriter out) {
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
                    TerminalText.clean(service), perService.items(), topNames(perService.names())));
        }
        List<Summary.Application> apps = s.applications().stream().filter(a -> !a.probe()).toList();
        if (!apps.isEmpty()) {
            out.println("  applications");
            apps.forEach(a -> application(a, verbose, out));
        }
        // Connections are what applications are made of: listed with -v, or when items came without resources.
        if (!s.clients().isEmpty() && (verbose || (s.applications().isEmpty() && s.totalItems() > 0))) {
            out.println("  clients");
            for (Summary.ClientSummary c : s.clients()) {
                out.printf(Locale.ROOT, "    %-24s %-14s %d requests, %d items%n", c.address(),
                        c.protocol() == null ? "" : c.protocol().value(), c.requests(), c.items());
            }
        }
        if (!s.probes().isEmpty()) {
            out.println("  otlpdoctor check (its probes, not counted as rejections)");
            s.probes().forEach(p -> out.println("    " + probe(p)));
        }
        if (!s.misdirections().isEmpty()) {
            out.println("  wrong port or protocol");
            s.misdirections().forEach(m -> out.println("    " + misdirected(m, m.count())));
        }
        if (!s.rejections().isEmpty()) {
            out.println("  rejected requests");
            for (Summary.Rejected r : s.rejections()) {
                rejected(r.example(), r.count(), "    ", out);
            }
        }
        if (!s.refused().isEmpty()) {
            out.println("  refused connections");
            s.refused().forEach((reason, n) -> out.printf(Locale.ROOT, "    %-24s %8d  %s%n", reason, n,
                    reason.equals("connection-cap") ? "over --max-connections: closed at once"
                            : reason.equals("silent-evicted") ? "had sent nothing; closed for a new one at --max-connections" : ""));
        }
        if (!expectations.isEmpty()) {
            out.println("  expectations");
            for (Expectation e : expectations) {
                out.printf(Locale.ROOT, "    %s %-30s (%s)%n", e.holds(s) ? "met    " : "NOT MET", TerminalText.clean(e.toString()),
                        TerminalText.clean(e.observed(s)));
            }
        }
        if (verbose && !s.recent().isEmpty()) {
            out.println("  last " + s.recent().size() + " items");
            s.recent().forEach(r -> out.println("    " + LiveView.line(r)));
        }
        out.flush();
    }

    private static void application(Summary.Application a, boolean verbose, PrintWriter out) {
        String instance = a.instanceId() == null ? "" : " [instance " + TerminalText.clean(a.instanceId(), 40) + "]";
        out.printf(Locale.ROOT, "    %s%s  %s%n", TerminalText.clean(a.service()), instance, TerminalText.clean(a.sdk()));
        List<String> parts = new ArrayList<>();
        parts.add(String.join(", ", a.protocols()));
        parts.add("compression " + a.compressions().stream().map(TerminalText::clean).collect(Collectors.joining("/")));
        parts.add(a.connections() + (a.moreConnections() ? "+" : "") + " connection" + (a.connections() == 1 ? "" : "s"));
        parts.add(a.requests() + " requests");
        for (Signal signal : Signal.values()) {
            Long n = a.items().get(signal);
            if (n != null) {
                parts.add(n + " " + signal.unit());
            }
        }
        parts.add("seen " + CLOCK.format(a.firstSeen()) + "–" + CLOCK.format(a.lastSeen()));
        out.println("      " + String.join(", ", parts));
        if (verbose) {
            out.println("      resource: " + a.attributes().entrySet().stream()
                    .map(e -> TerminalText.clean(e.getKey(), 80) + "=" + TerminalText.clean(e.getValue(), 80))
                    .collect(Collectors.joining(", ")));
            out.println("      scopes: " + a.scopes().stream().map(TerminalText::clean).collect(Collectors.joining(", ")));
            out.println("      headers: " + headers(a.headers()));
            if (a.userAgent() != null) {
                out.println("      User-Agent: " + TerminalText.clean(a.userAgent()));
            }
        }
    }

    /** Header names; a credential is only said to be present. */
    static String headers(List<String> names) {
        return names.stream().map(n -> TerminalText.clean(n, 80) + (HeaderNames.credential(n) ? " (credential: present)" : ""))
                .collect(Collectors.joining(", "));
    }

    static String probe(Summary.Probe p) {
        return "otlpdoctor check from " + p.host() + ": " + p.requests() + " probe request" + (p.requests() == 1 ? "" : "s")
                + (p.errorAnswers() == 0 ? "" : " (" + p.errorAnswers() + " answered with an error or a wrong-port"
                + " reply on purpose, as a collector answers them)");
    }

    static String misdirected(Summary.Misdirected m, long count) {
        Misdirection e = m.example();
        String agent = e.userAgent() == null ? "" : " (" + TerminalText.clean(UserAgent.describe(e.userAgent())) + ")";
        return count + "× from " + Tally.host(e.client()) + agent + ": " + TerminalText.clean(e.fix(), 400);
    }

    static void rejected(Rejection r, long count, String indent, PrintWriter out) {
        StringBuilder line = new StringBuilder(indent).append(count).append("× ").append(r.reason());
        if (r.method() != null || r.path() != null) {
            line.append(": ").append(TerminalText.clean(r.request()));
        }
        if (r.client() != null) {
            line.append(" from ").append(r.client());
        }
        if (r.userAgent() != null) {
            line.append(", ").append(TerminalText.clean(UserAgent.describe(r.userAgent())));
        }
        if (r.status() != null) {
            line.append(" → ").append(r.status());
            if (r.why() != null && r.why().startsWith(r.status())) {
                line.append(TerminalText.clean(r.why().substring(r.status().length())));
            }
            if (r.why() != null && !r.why().isEmpty() && !r.why().startsWith(r.status())) {
                line.append(" ").append(TerminalText.clean(r.why()));
            }
        }
        out.println(line);
        String fix = r.fix();
        if (!fix.isEmpty()) {
            out.println(indent + "  fix: " + TerminalText.clean(fix, 400));
        }
    }

    static String totals(Summary s) {
        String items = java.util.Arrays.stream(Signal.values())
                .map(sig -> s.signal(sig).items() + " " + sig.unit())
                .collect(Collectors.joining(", "));
        List<String> problems = new ArrayList<>();
        if (s.totalRejected() > 0) {
            problems.add(s.totalRejected() + " requests rejected");
        }
        if (s.totalMisdirected() > 0) {
            problems.add(s.totalMisdirected() + " connections to the wrong port or protocol");
        }
        return items + (problems.isEmpty() ? "" : " (" + String.join(", ", problems) + ")");
    }

    static String topNames(Map<String, Long> names) {
        List<Map.Entry<String, Long>> sorted = names.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
                .toList();
        String top = sorted.stream().limit(TOP_NAMES)
                .map(e -> (e.getKey().isEmpty() ? "(no name)" : TerminalText.clean(e.getKey(), 60)) + " ×" + e.getValue())
                .collect(Collectors.joining(", "));
        return sorted.size() > TOP_NAMES ? top + ", +" + (sorted.size() - TOP_NAMES) + " more" : top;
    }
}
