package dev.otlpdoctor.diagnose;

import dev.otlpdoctor.report.CatalogEntry;
import dev.otlpdoctor.report.Finding;
import dev.otlpdoctor.report.ProbeRun;
import dev.otlpdoctor.report.Severity;
import dev.otlpdoctor.target.Endpoint;
import dev.otlpdoctor.target.Target;
import java.util.List;

/**
 * The findings of a run with the questions diagnosis rules ask of them, and the typed facts of the
 * targets' paths.
 */
public record RunEvidence(List<Target> targets, List<ProbeRun> probes, PathFacts facts) {

    public List<Finding> findings() {
        return probes.stream().flatMap(p -> p.findings().stream()).toList();
    }

    public List<Finding> findings(CatalogEntry code) {
        return findings().stream().filter(f -> f.entry() == code).toList();
    }

    /** Findings of one probe for one endpoint of a target. */
    public List<Finding> findings(String probe, Endpoint endpoint) {
        return probes.stream()
                .filter(p -> p.probe().equals(probe) && p.endpoint().equals(endpoint.label()))
                .flatMap(p -> p.findings().stream())
                .toList();
    }

    /** Whether every finding the probe made on every endpoint of the target has this code. */
    public boolean everyEndpoint(Target target, String probe, CatalogEntry code) {
        for (Endpoint endpoint : target.endpoints()) {
            List<Finding> found = findings(probe, endpoint);
            if (found.isEmpty() || !found.stream().allMatch(f -> f.entry() == code)) {
                return false;
            }
        }
        return true;
    }

    /** The most severe fail or warn finding, earliest first among equals; {@code null} if none. */
    public Finding worst() {
        Finding worst = null;
        for (Finding f : findings()) {
            if (f.severity().atLeast(Severity.WARN) && (worst == null || f.severity().compareTo(worst.severity()) > 0)) {
                worst = f;
            }
        }
        return worst;
    }
}
