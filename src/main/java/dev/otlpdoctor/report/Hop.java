package dev.otlpdoctor.report;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The hops of the path telemetry takes from an application to the collector's backend, in order. Every
 * finding code sits on one hop; the diagnosis names the first broken hop of a target's path, and what is
 * broken further along is "also check". {@link #RUN} holds what concerns the run itself, on no hop.
 */
public enum Hop {
    CLIENT("the application's exporter settings"),
    NAME("name resolution"),
    ROUTE("route to the address"),
    FIREWALL("packet filter"),
    SOCKET("listening socket"),
    PROCESS("collector process"),
    RECEIVER("receiver and protocol"),
    PIPELINE("pipeline per signal"),
    EXPORTER("exporter"),
    BACKEND("backend"),
    RUN("the run itself");

    private final String description;

    Hop(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The hops a connection crosses, in order, as the report draws the path. */
    private static final List<Hop> PATH = List.of(NAME, ROUTE, FIREWALL, SOCKET, PROCESS, RECEIVER, PIPELINE,
            EXPORTER, BACKEND);

    /**
     * The path with this hop marked, e.g. {@code name → route → firewall → [socket] → process → …}; empty for
     * hops off the network path (the application's settings, the run itself).
     */
    public String onPath() {
        if (!PATH.contains(this)) {
            return "";
        }
        StringBuilder line = new StringBuilder();
        for (Hop hop : PATH) {
            if (line.length() > 0) {
                line.append(" → ");
            }
            line.append(hop == this ? "[" + hop.label() + "]" : hop.label());
        }
        return line.toString();
    }

    /** Codes placed apart from their family's hop; the rest are placed by their prefix ({@link #FAMILIES}). */
    private static final Map<String, Hop> CODES = Map.ofEntries(
            Map.entry("tcp.unreachable", ROUTE),
            Map.entry("tcp.timeout", FIREWALL),
            Map.entry("signal.not-accepted", PIPELINE),
            Map.entry("http.path-not-found", PIPELINE),
            Map.entry("otlp.ok", PIPELINE),
            Map.entry("otlp.partial-success", PIPELINE),
            Map.entry("otlp.rejected", PIPELINE),
            Map.entry("otlp.throttled", PIPELINE),
            Map.entry("k8s.outside-cluster", NAME),
            Map.entry("k8s.probe-port-closed", SOCKET),
            Map.entry("k8s.receiver-localhost", SOCKET),
            Map.entry("k8s.target-port-mismatch", SOCKET),
            Map.entry("k8s.container-port-missing", SOCKET),
            Map.entry("k8s.pods-not-ready", PROCESS),
            Map.entry("k8s.config-not-mounted", PROCESS),
            Map.entry("k8s.kubectl-unavailable", RUN),
            Map.entry("config.endpoint-localhost", SOCKET),
            Map.entry("config.port-conflict", SOCKET),
            Map.entry("config.receiver-undefined", PROCESS),
            Map.entry("config.component-undefined", PROCESS),
            Map.entry("config.deprecated-component", PROCESS),
            Map.entry("config.env-unset", PROCESS),
            Map.entry("config.invalid-key", PROCESS),
            Map.entry("config.wrong-type", PROCESS),
            Map.entry("config.duration-unit", PROCESS),
            Map.entry("config.enum-value", PROCESS),
            Map.entry("config.required-missing", PROCESS),
            Map.entry("config.component-unchecked", RUN),
            Map.entry("config.pipeline-empty", PIPELINE),
            Map.entry("config.memory-limiter-not-first", PIPELINE),
            Map.entry("config.batch-missing", PIPELINE),
            Map.entry("collector.exporter-failing", EXPORTER),
            Map.entry("collector.queue-full", EXPORTER),
            Map.entry("collector.receiver-refusing", RECEIVER),
            Map.entry("collector.healthy", PROCESS),
            Map.entry("collector.starting", PROCESS),
            Map.entry("collector.unhealthy", PROCESS),
            Map.entry("collector.health-unavailable", PROCESS));

    /** Code families (the part before the first dot) and their hop, in path order. */
    private static final List<Map.Entry<String, Hop>> FAMILIES = List.of(
            Map.entry("env", CLIENT),
            Map.entry("dns", NAME),
            Map.entry("k8s", ROUTE),
            Map.entry("firewall", FIREWALL),
            Map.entry("tcp", SOCKET),
            Map.entry("bind", SOCKET),
            Map.entry("process", PROCESS),
            Map.entry("service", PROCESS),
            Map.entry("tls", RECEIVER),
            Map.entry("protocol", RECEIVER),
            Map.entry("grpc", RECEIVER),
            Map.entry("http", RECEIVER),
            Map.entry("auth", RECEIVER),
            Map.entry("otlp", RECEIVER),
            Map.entry("config", RECEIVER),
            Map.entry("collector", PIPELINE));

    /** The hop a finding code sits on; {@link #RUN} for codes about the run itself (skips, unreadable host facts). */
    public static Hop of(String code) {
        Hop exact = CODES.get(code);
        if (exact != null) {
            return exact;
        }
        String family = code.substring(0, Math.max(0, code.indexOf('.')));
        return FAMILIES.stream().filter(e -> e.getKey().equals(family)).map(Map.Entry::getValue).findFirst().orElse(RUN);
    }
}
