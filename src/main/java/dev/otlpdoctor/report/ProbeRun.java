package dev.otlpdoctor.report;

import java.util.List;

/**
 * One probe's run against one target or endpoint.
 *
 * @param probe the probe id
 * @param endpoint {@code host:port}, or the host for target-wide probes
 * @param status the worst severity of its findings ({@code pass} when it found nothing to report)
 * @param durationMs how long it ran
 * @param findings what it observed, in order
 */
public record ProbeRun(String probe, String endpoint, Severity status, long durationMs, List<Finding> findings) {
    public ProbeRun {
        findings = List.copyOf(findings);
    }

    public static ProbeRun of(String probe, String endpoint, long durationMs, List<Finding> findings) {
        Severity status = Severity.PASS;
        for (Finding f : findings) {
            status = Severity.worst(status, f.severity());
        }
        return new ProbeRun(probe, endpoint, status, durationMs, findings);
    }

    /** Failed or skipped: a probe that depends on this one cannot build on it. */
    public boolean blocksDependents() {
        return status == Severity.FAIL || status == Severity.SKIP;
    }
}
