package dev.otlpdoctor.diagnose;

import dev.otlpdoctor.report.Diagnosis;
import dev.otlpdoctor.report.Finding;
import dev.otlpdoctor.report.Hop;
import java.util.Optional;

/** The fallback: the most severe finding of the run, earliest first, stands as the root cause. */
final class WorstFindingRule implements DiagnosisRule {
    @Override
    public Optional<Diagnosis> diagnose(RunEvidence evidence) {
        Finding worst = evidence.worst();
        if (worst == null) {
            return Optional.empty();
        }
        boolean named = worst.endpoint() == null || worst.title().contains(worst.endpoint());
        String where = named ? "" : worst.endpoint() + ": ";
        return Optional.of(new Diagnosis(worst.code(), where + worst.title(), worst.detail(), worst.remediation(),
                Diagnoser.alsoCheck(evidence, worst.entry())));
    }

    @Override
    public RuleDoc doc() {
        return new RuleDoc(Hop.RUN, "the worst finding", "any finding at `warn` or `fail`: the most severe one, the earliest among equals", "that finding's code");
    }
}
