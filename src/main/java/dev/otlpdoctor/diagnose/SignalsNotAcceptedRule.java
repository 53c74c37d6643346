package dev.otlpdoctor.diagnose;

import dev.otlpdoctor.report.Diagnosis;
import dev.otlpdoctor.report.Finding;
import dev.otlpdoctor.report.Hop;
import dev.otlpdoctor.report.catalog.OtlpCodes;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Some signals are refused with UNIMPLEMENTED or 404 while the receiver answers: the collector has no
 * pipeline for them. One diagnosis names every missing signal and what was accepted, with the one YAML
 * change that adds them, instead of one finding per signal and encoding.
 */
final class SignalsNotAcceptedRule implements DiagnosisRule {
    @Override
    public Optional<Diagnosis> diagnose(RunEvidence evidence) {
        List<Finding> refused = evidence.findings(OtlpCodes.SIGNAL_NOT_ACCEPTED);
        if (refused.isEmpty()) {
            return Optional.empty();
        }
        Set<String> missing = new LinkedHashSet<>();
        Set<String> where = new LinkedHashSet<>();
        refused.forEach(f -> {
            missing.add(String.valueOf(f.evidence().get("signal")));
            where.add(f.endpoint());
        });
        Set<String> accepted = new LinkedHashSet<>();
        evidence.findings(OtlpCodes.OTLP_OK).forEach(f -> accepted.add(String.valueOf(f.evidence().get("signal"))));
        accepted.removeAll(missing);
        String signals = String.join(", ", missing);
        String title = "no pipeline for " + signals + " at " + String.join(", ", where);
        String summary = "The OTLP receiver answers, but refuses " + signals + " (gRPC UNIMPLEMENTED / HTTP 404): "
                + "the collector registers a signal only when a pipeline of that signal lists the otlp receiver."
                + (accepted.isEmpty() ? "" : " Accepted: " + String.join(", ", accepted) + ".");
        List<String> steps = new ArrayList<>();
        StringBuilder yaml = new StringBuilder("Add a pipeline per missing signal that lists the otlp receiver "
                + "(keep your processors and exporters), then restart the collector:\nservice:\n  pipelines:");
        missing.forEach(signal -> yaml.append("\n    ").append(signal)
                .append(":\n      receivers: [otlp]\n      exporters: [debug]"));
        steps.add(yaml.toString());
        steps.addAll(refused.get(0).remediation().subList(1, refused.get(0).remediation().size()));
        return Optional.of(new Diagnosis(OtlpCodes.SIGNAL_NOT_ACCEPTED.code(), title, summary, steps,
                Diagnoser.alsoCheck(evidence, OtlpCodes.SIGNAL_NOT_ACCEPTED)));
    }

    @Override
    public RuleDoc doc() {
        return new RuleDoc(Hop.PIPELINE, "signals without a pipeline",
                "one or more `signal.not-accepted` findings (gRPC UNIMPLEMENTED, HTTP 404 on a signal path)",
                "`signal.not-accepted`, naming every missing signal and those accepted");
    }
}
