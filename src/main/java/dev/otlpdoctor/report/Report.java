package dev.otlpdoctor.report;

import dev.otlpdoctor.report.catalog.NetworkCodes;
import dev.otlpdoctor.target.Target;
import java.util.List;

/**
 * Everything a run found, ready for a renderer: per target its probe runs and root cause, the run's
 * diagnosis and a one-line verdict. Renderers only format this; they never probe.
 *
 * @param command the command that produced it, e.g. {@code check}
 * @param results one result per target, in input order
 * @param diagnosis the run's most likely root cause, or {@code null} when nothing is wrong
 * @param verdict one line: the diagnosis title, or what was proven when all passed
 * @param durationMs wall time of the run
 */
public record Report(String command, List<TargetResult> results, Diagnosis diagnosis, String verdict,
                     long durationMs) {
    public Report {
        results = List.copyOf(results);
    }

    public List<Target> targets() {
        return results.stream().map(TargetResult::target).toList();
    }

    /** Every probe run, target by target. */
    public List<ProbeRun> probes() {
        return results.stream().flatMap(r -> r.probes().stream()).toList();
    }

    /** Every finding of every probe, in probe order. */
    public List<Finding> findings() {
        return probes().stream().flatMap(p -> p.findings().stream()).toList();
    }

    /**
     * {@code fail} if any target failed; else {@code warn} if any warned or could not be checked before
     * the deadline; else {@code pass}.
     */
    public Severity status() {
        Severity worst = Severity.PASS;
        for (TargetResult result : results) {
            Severity status = result.status();
            worst = Severity.worst(worst, status == Severity.SKIP ? Severity.WARN : status);
        }
        return worst == Severity.INFO ? Severity.PASS : worst;
    }

    /** The addresses the target's host resolved to, as observed by the dns probe. */
    public List<String> addressesOf(Target target) {
        for (TargetResult result : results) {
            if (result.target() != target) {
                continue;
            }
            for (Finding f : result.findings()) {
                if (f.entry() == NetworkCodes.DNS_RESOLVED) {
                    @SuppressWarnings("unchecked")
                    List<String> addresses = (List<String>) f.evidence().get("addresses");
                    return addresses;
                }
            }
        }
        return List.of();
    }
}
