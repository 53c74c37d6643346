package dev.otlpdoctor.report;

import dev.otlpdoctor.report.catalog.NetworkCodes;
import dev.otlpdoctor.target.Target;
import java.util.List;

/**
 * What the probes found for one target, with that target's own root cause.
 *
 * @param target the target
 * @param probes its probe runs: target-wide probes first, then endpoint by endpoint
 * @param diagnosis its most likely root cause, or {@code null} when nothing is wrong with it
 * @param verdict one line: the diagnosis title, or what was proven
 * @param status {@code pass} only when every requested signal was proven accepted; {@code skip} when none
 *               of its probes ran (the deadline came first); else {@code warn} or {@code fail}
 */
public record TargetResult(Target target, List<ProbeRun> probes, Diagnosis diagnosis, String verdict,
                           Severity status) {
    public TargetResult {
        probes = List.copyOf(probes);
    }

    public List<Finding> findings() {
        return probes.stream().flatMap(p -> p.findings().stream()).toList();
    }

    /** The addresses the target's host resolved to, as observed by the dns probe. */
    @SuppressWarnings("unchecked") // the dns probe records its addresses as a list of strings
    public List<String> addresses() {
        for (ProbeRun run : probes) {
            for (Finding f : run.findings()) {
                if (f.entry() == NetworkCodes.DNS_RESOLVED) {
                    return (List<String>) f.evidence().get("addresses");
                }
            }
        }
        return List.of();
    }
}
