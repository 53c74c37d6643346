package dev.otlpdoctor.diagnose;

import dev.otlpdoctor.report.Diagnosis;
import java.util.Optional;

/**
 * One way of reading a run's findings as a root cause. Rules are tried in order; the first that
 * recognises its pattern names the diagnosis.
 */
public interface DiagnosisRule {
    Optional<Diagnosis> diagnose(RunEvidence evidence);

    /** The rule's documentation: the evidence it needs and the code it names. */
    RuleDoc doc();
}
