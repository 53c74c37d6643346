package dev.otlpdoctor.report;

import dev.otlpdoctor.report.catalog.NetworkCodes;
import dev.otlpdoctor.target.Target;
import java.util.List;

/**
 * Everything a run found, ready for a renderer: the targets with where they came from, each probe's
 * run, the diagnosis and a one-line verdict. Renderers only format this; they never probe.
 *
 * @param command the command that produced it, e.g. {@code check}
 * @param targets the targets checked, in input order
 * @param probes every probe run, in chain order per target and endpoint
 * @param diagnosis the most likely root cause, or {@code null} when nothing is wrong
 * @param verdict one line: the diagnosis title, or what was proven when all passed
 * @param durationMs wall time of the run
 */
public record Report(String command, List<Target> targets, List<ProbeRun> probes, Diagnosis diagnosis,
                     String verdict, long durationMs) {
    public Report {
        targets = List.copyOf(targets);
        probes = List.copyOf(probes);
    }

    /** Every finding of every probe, in probe order. */
    public List<Finding> findings() {
        return probes.stream().flatMap(p -> p.findings().stream()).toList();
    }

    /** {@code fail} if any finding failed, else {@code warn} if any warned, else {@code pass}. */
    public Severity status() {
        Severity worst = Severity.PASS;
        for (Finding f : findings()) {
            if (f.severity() == Severity.FAIL || f.severity() == Severity.WARN) {
                worst = Severity.worst(worst, f.severity());
            }
        }
        return worst;
    }

    /** The addresses the target's host resolved to, as observed by the dns probe. */
    public List<String> addressesOf(Target target) {
        for (ProbeRun run : probes) {
            for (Finding f : run.findings()) {
                if (f.entry() == NetworkCodes.DNS_RESOLVED && target.host().equals(f.evidence().get("host"))) {
                    @SuppressWarnings("unchecked")
                    List<String> addresses = (List<String>) f.evidence().get("addresses");
                    return addresses;
                }
            }
        }
        return List.of();
    }
}
