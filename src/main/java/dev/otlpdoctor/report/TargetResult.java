package dev.otlpdoctor.report;

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
 * @param addresses the addresses the target's host resolved to (empty when it did not resolve)
 */
public record TargetResult(Target target, List<ProbeRun> probes, Diagnosis diagnosis, String verdict,
                           Severity status, List<String> addresses) {
    public TargetResult {
        probes = List.copyOf(probes);
        addresses = List.copyOf(addresses);
    }

    public List<Finding> findings() {
        return probes.stream().flatMap(p -> p.findings().stream()).toList();
    }
}
