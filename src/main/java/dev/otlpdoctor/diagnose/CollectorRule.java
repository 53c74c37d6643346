package dev.otlpdoctor.diagnose;

import dev.otlpdoctor.report.CatalogEntry;
import dev.otlpdoctor.report.Finding;
import dev.otlpdoctor.report.Severity;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** What the collector-side rules share: they speak only when their finding is the run's worst kind of problem. */
final class CollectorRule {
    private CollectorRule() {
    }

    /**
     * The most severe warn-or-worse finding of the code, when no other finding is more severe — apart from
     * the consequences of the same cause, which it explains (a failing exporter fills its queue, which makes
     * the receiver refuse). A connection that fails outranks what the collector's counters say.
     */
    static Optional<Finding> mostSevere(RunEvidence evidence, CatalogEntry code, List<CatalogEntry> consequences) {
        Optional<Finding> found = evidence.findings(code).stream()
                .filter(f -> f.severity().atLeast(Severity.WARN))
                .max(Comparator.comparing(Finding::severity));
        if (found.isEmpty()) {
            return found;
        }
        boolean outranked = evidence.findings().stream()
                .filter(f -> f.entry() != code && !consequences.contains(f.entry()))
                .anyMatch(f -> f.severity().compareTo(found.get().severity()) > 0);
        return outranked ? Optional.empty() : found;
    }
}
