package dev.otlpdoctor.report;

import dev.otlpdoctor.target.Target;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything a run found, ready for a renderer: per target its probe runs and root cause, the run's
 * diagnosis and a one-line verdict. Renderers only format this; they never probe.
 *
 * @param command the command that produced it, e.g. {@code check}
 * @param runLevel steps of the run that belong to no target, such as the lint of {@code --config}
 * @param results one result per target, in input order
 * @param diagnosis the run's most likely root cause, or {@code null} when nothing is wrong
 * @param verdict one line: the diagnosis title, or what was proven when all passed
 * @param durationMs wall time of the run
 */
public record Report(String command, List<ProbeRun> runLevel, List<TargetResult> results, Diagnosis diagnosis,
                     String verdict, long durationMs) {
    public Report {
        runLevel = List.copyOf(runLevel);
        results = List.copyOf(results);
    }

    public List<Target> targets() {
        return results.stream().map(TargetResult::target).toList();
    }

    /** Every probe run: the run-level ones first, then target by target. */
    public List<ProbeRun> probes() {
        List<ProbeRun> all = new ArrayList<>(runLevel);
        results.forEach(r -> all.addAll(r.probes()));
        return all;
    }

    /** Every finding of every probe, in probe order. */
    public List<Finding> findings() {
        return probes().stream().flatMap(p -> p.findings().stream()).toList();
    }

    /**
     * {@code fail} if a run-level step or a target failed, or a target could not be checked before the
     * deadline (nothing was proven for it); else {@code warn} if any warned; else {@code pass}.
     */
    public Severity status() {
        Severity worst = Severity.PASS;
        for (ProbeRun run : runLevel) {
            if (run.status() == Severity.FAIL || run.status() == Severity.WARN) {
                worst = Severity.worst(worst, run.status());
            }
        }
        for (TargetResult result : results) {
            Severity status = result.status();
            worst = Severity.worst(worst, status == Severity.SKIP ? Severity.FAIL : status);
        }
        return worst == Severity.INFO ? Severity.PASS : worst;
    }
}
