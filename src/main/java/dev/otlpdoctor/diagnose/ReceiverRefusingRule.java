package dev.otlpdoctor.diagnose;

import dev.otlpdoctor.report.Diagnosis;
import dev.otlpdoctor.report.Finding;
import dev.otlpdoctor.report.Hop;
import dev.otlpdoctor.report.catalog.CollectorCodes;
import java.util.List;
import java.util.Optional;

/**
 * A receiver refuses data while nothing worse is wrong: the collector pushes back (memory_limiter above its
 * soft limit, or full exporter queues), so the application's exports fail with UNAVAILABLE / 503 even though
 * its configuration is right.
 */
final class ReceiverRefusingRule implements DiagnosisRule {
    @Override
    public Optional<Diagnosis> diagnose(RunEvidence evidence) {
        Optional<Finding> refusing = CollectorRule.mostSevere(evidence, CollectorCodes.RECEIVER_REFUSING,
                List.of(CollectorCodes.PROCESSOR_REFUSING, CollectorCodes.QUEUE_FULL, CollectorCodes.SAMPLE_LOST));
        if (refusing.isEmpty()) {
            return Optional.empty();
        }
        Finding f = refusing.get();
        String limiter = evidence.findings(CollectorCodes.PROCESSOR_REFUSING).stream()
                .map(p -> String.valueOf(p.evidence().get("processor")))
                .filter(p -> p.startsWith("memory_limiter"))
                .findFirst()
                .map(p -> " The " + p + " processor refused data too: the collector is short of memory.")
                .orElse("");
        String summary = "Receiver " + f.evidence().get("receiver") + " refused " + f.evidence().get("refused") + " "
                + f.evidence().get("signal") + " items: the collector is pushing back (back-pressure from the "
                + "memory_limiter or full exporter queues), so clients see UNAVAILABLE/503 and must retry; the "
                + "application's settings are not the cause." + limiter;
        return Optional.of(new Diagnosis(f.code(), "the collector refuses data (back-pressure)", summary,
                f.remediation(), Diagnoser.alsoCheck(evidence, f.entry())));
    }

    @Override
    public RuleDoc doc() {
        return new RuleDoc(Hop.RECEIVER, "back-pressure", "`collector.receiver-refusing` at warn or worse, and nothing more severe except `collector.processor-refusing`, `collector.queue-full`, `collector.sample-lost`", "`collector.receiver-refusing` (naming the memory_limiter when it refused too)");
    }
}
