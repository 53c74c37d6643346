package dev.otlpdoctor.envlint;

import dev.otlpdoctor.report.Finding;
import dev.otlpdoctor.report.Report;
import dev.otlpdoctor.report.Severity;
import dev.otlpdoctor.target.SignalExporter;
import java.util.List;

/**
 * What {@code otlpdoctor env} found: the effective exporter settings per signal, the lint findings,
 * and with {@code --check} the report of probing those endpoints.
 *
 * @param input where the settings came from
 * @param signals the effective settings of traces, metrics and logs
 * @param findings the lint findings
 * @param check the check report, or {@code null} without {@code --check} (or when no endpoint could be probed)
 * @param checkNotes what {@code --check} did not reproduce of the exporter settings, one phrase each
 */
public record EnvReport(EnvInput input, List<SignalExporter> signals, List<Finding> findings, Report check,
                        List<String> checkNotes) {
    public EnvReport {
        signals = List.copyOf(signals);
        findings = List.copyOf(findings);
        checkNotes = List.copyOf(checkNotes);
    }

    /** {@code fail} if any finding (or the check) failed, else {@code warn} if any warned, else {@code pass}. */
    public Severity status() {
        Severity worst = check == null ? Severity.PASS : check.status();
        for (Finding f : findings) {
            if (f.severity().atLeast(Severity.WARN)) {
                worst = Severity.worst(worst, f.severity());
            }
        }
        return worst;
    }

    /** One line: the first failure or warning, or where the signals go. */
    public String verdict() {
        Severity status = status();
        List<Finding> worst = findings.stream().filter(f -> f.severity() == status).toList();
        if (!worst.isEmpty()) {
            String more = worst.size() > 1 ? " (and " + (worst.size() - 1) + " more)" : "";
            return worst.get(0).title() + more;
        }
        if (check != null && status.atLeast(Severity.WARN)) {
            return "the settings look right, but the check failed: " + check.verdict();
        }
        List<String> exported = signals.stream().filter(SignalExporter::otlpEnabled)
                .filter(s -> s.endpoint() != null && s.protocol() != null)
                .map(s -> s.signal().label() + " to " + s.endpoint().url()).toList();
        return exported.isEmpty() ? "no signal is exported over OTLP" : "exports " + String.join(", ", exported);
    }
}
