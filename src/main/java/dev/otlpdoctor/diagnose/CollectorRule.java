package dev.otlpdoctor.diagnose;

import dev.otlpdoctor.report.CatalogEntry;
import dev.otlpdoctor.report.Finding;
import dev.otlpdoctor.report.Severity;
import java.util.Comparator;
import java.util.Optional;

/** What the collector-side rules share: they speak only when their finding is the run's worst kind of problem. */
final class CollectorRule {
    private CollectorRule() {
    }

    /**
     * The most severe warn-or-worse finding of the code, when no finding of another code is more severe:
     * a connection that fails outranks what the collector's counters say.
     */
    static Optional<Finding> mostSevere(RunEvidence evidence, CatalogEntry code) {
        Optional<Finding> found = evidence.findings(code).stream()
                .filter(f -> f.severity().atLeast(Severity.WARN))
                .max(Comparator.comparing(Finding::severity));
        Finding worst = evidence.worst();
        if (found.isEmpty() || worst == null || worst.severity().compareTo(found.get().severity()) > 0) {
            return Optional.empty();
        }
        return found;
    }
}
