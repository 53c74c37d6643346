package dev.otlpdoctor.diagnose;

import dev.otlpdoctor.report.Diagnosis;
import dev.otlpdoctor.report.Finding;
import dev.otlpdoctor.report.Hop;
import dev.otlpdoctor.report.catalog.CollectorCodes;
import java.util.List;
import java.util.Optional;

/**
 * An exporter fails to send while nothing worse is wrong: the data reaches the collector, and the problem is
 * between the collector and its backend (endpoint, credentials, TLS), not in the application. A full queue,
 * receivers refusing, a lost sample and an unhealthy pipeline check follow from that, so they do not outrank it.
 */
final class ExporterFailingRule implements DiagnosisRule {
    @Override
    public Optional<Diagnosis> diagnose(RunEvidence evidence) {
        Optional<Finding> failing = CollectorRule.mostSevere(evidence, CollectorCodes.EXPORTER_FAILING,
                List.of(CollectorCodes.QUEUE_FULL, CollectorCodes.RECEIVER_REFUSING, CollectorCodes.PROCESSOR_REFUSING,
                        CollectorCodes.SAMPLE_LOST, CollectorCodes.UNHEALTHY));
        if (failing.isEmpty()) {
            return Optional.empty();
        }
        Finding f = failing.get();
        Object exporter = f.evidence().get("exporter");
        Object during = f.evidence().get("duringRun");
        String summary = "Exporter " + exporter + " failed to send " + f.evidence().get("failed") + " "
                + f.evidence().get("signal") + " items" + (during == null ? "" : " (" + during + " during this run)")
                + ": the collector receives the data, but cannot deliver it to its backend. Check that exporter's "
                + "endpoint, credentials and TLS settings; the application side is not the problem.";
        return Optional.of(new Diagnosis(f.code(), "exporter " + exporter + " cannot deliver to its backend", summary,
                f.remediation(), Diagnoser.alsoCheck(evidence, f.entry())));
    }

    @Override
    public RuleDoc doc() {
        return new RuleDoc(Hop.EXPORTER, "the backend, not the application", "`collector.exporter-failing` at warn or worse, and nothing more severe except its consequences (`collector.queue-full`, `collector.receiver-refusing`, `collector.processor-refusing`, `collector.sample-lost`, `collector.unhealthy`)", "`collector.exporter-failing`, naming the exporter");
    }
}
