package dev.otlpdoctor.diagnose;

import dev.otlpdoctor.otlp.Signal;
import dev.otlpdoctor.report.CatalogEntry;
import dev.otlpdoctor.report.Finding;
import dev.otlpdoctor.report.ProbeRun;
import dev.otlpdoctor.report.Severity;
import dev.otlpdoctor.report.catalog.OtlpCodes;
import dev.otlpdoctor.target.Endpoint;
import dev.otlpdoctor.target.Target;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the probes proved end to end for one target: per endpoint, the signals an OTLP export was accepted
 * for. Proof outranks inference: a target whose every endpoint accepted every requested signal is never
 * {@code fail}, whatever was inferred from the host or a config; and a target passes only on such proof.
 */
final class Proof {
    /** Answers that prove the receiver took the export: OK, or OK with a partial-success note. */
    private static final Set<CatalogEntry> ACCEPTED = Set.of(OtlpCodes.OTLP_OK, OtlpCodes.OTLP_PARTIAL_SUCCESS);

    private final Map<String, Set<Signal>> accepted;
    private final Set<Signal> requested;

    private Proof(Map<String, Set<Signal>> accepted, Set<Signal> requested) {
        this.accepted = accepted;
        this.requested = requested;
    }

    static Proof of(Target target, List<ProbeRun> runs, Set<Signal> requested) {
        Map<String, Set<Signal>> accepted = new LinkedHashMap<>();
        for (Endpoint endpoint : target.endpoints()) {
            accepted.put(endpoint.label(), EnumSet.noneOf(Signal.class));
        }
        Set<String> clientWouldFail = new HashSet<>();
        for (ProbeRun run : runs) {
            for (Finding f : run.findings()) {
                // The probes go on past a TLS failure (unverified, or in the server's mode) to show what lies
                // behind it; an export accepted that way is not one the application's exporter could make.
                if (f.severity() == Severity.FAIL && f.code().startsWith("tls.")) {
                    clientWouldFail.add(f.endpoint());
                }
            }
        }
        for (ProbeRun run : runs) {
            for (Finding f : run.findings()) {
                Set<Signal> signals = accepted.get(f.endpoint());
                if (signals != null && ACCEPTED.contains(f.entry()) && !clientWouldFail.contains(f.endpoint())) {
                    Signal signal = Signal.ofLabel(String.valueOf(f.evidence().get("signal")));
                    if (signal != null) {
                        signals.add(signal);
                    }
                }
            }
        }
        return new Proof(accepted, requested);
    }

    /** Every endpoint accepted every requested signal. */
    boolean complete() {
        return !accepted.isEmpty() && accepted.values().stream().allMatch(s -> s.containsAll(requested));
    }

    /** The endpoints that did not accept every requested signal, with the signals missing: {@code host:4318 (logs)}. */
    String missing() {
        return accepted.entrySet().stream()
                .filter(e -> !e.getValue().containsAll(requested))
                .map(e -> e.getKey() + " (" + requested.stream().filter(s -> !e.getValue().contains(s))
                        .map(Signal::label).collect(Collectors.joining(", ")) + ")")
                .collect(Collectors.joining("; "));
    }
}
