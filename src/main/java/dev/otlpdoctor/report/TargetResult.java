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
 */
public record TargetResult(Target target, List<ProbeRun> probes, Diagnosis diagnosis, String verdict) {
    public TargetResult {
        probes = List.copyOf(probes);
    }

    public List<Finding> findings() {
        return probes.stream().flatMap(p -> p.findings().stream()).toList();
    }

    /**
     * {@code fail} or {@code warn} from the findings; a target none of whose probes ran (the deadline
     * came first) is {@code skip}: it was not checked, so it cannot pass.
     */
    public Severity status() {
        Severity worst = Severity.PASS;
        boolean allSkipped = !probes.isEmpty();
        for (ProbeRun run : probes) {
            allSkipped &= run.status() == Severity.SKIP;
            if (run.status() == Severity.FAIL || run.status() == Severity.WARN) {
                worst = Severity.worst(worst, run.status());
            }
        }
        return allSkipped ? Severity.SKIP : worst;
    }
}
