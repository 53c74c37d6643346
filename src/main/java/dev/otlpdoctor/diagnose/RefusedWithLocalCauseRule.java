package dev.otlpdoctor.diagnose;

import dev.otlpdoctor.report.CatalogEntry;
import dev.otlpdoctor.report.Diagnosis;
import dev.otlpdoctor.report.Finding;
import dev.otlpdoctor.report.Hop;
import dev.otlpdoctor.report.Severity;
import dev.otlpdoctor.report.catalog.LocalCodes;
import dev.otlpdoctor.report.catalog.NetworkCodes;
import java.util.Optional;

/**
 * Connections were refused and the local probes saw why: no collector process runs at all, or one runs
 * but listens on no OTLP port (receiver not enabled). That cause, not "nothing listens", is the diagnosis.
 */
final class RefusedWithLocalCauseRule implements DiagnosisRule {
    private final CatalogEntry cause;
    private final String because;

    private RefusedWithLocalCauseRule(CatalogEntry cause, String because) {
        this.cause = cause;
        this.because = because;
    }

    static RefusedWithLocalCauseRule notRunning() {
        return new RefusedWithLocalCauseRule(LocalCodes.PROCESS_NOT_RUNNING,
                "no collector process runs on this machine and nothing listens on the port");
    }

    static RefusedWithLocalCauseRule noOtlpListener() {
        return new RefusedWithLocalCauseRule(LocalCodes.PROCESS_NO_OTLP_LISTENER,
                "the collector runs but its otlp receiver opened no port");
    }

    @Override
    public Optional<Diagnosis> diagnose(RunEvidence evidence) {
        Optional<Finding> local = evidence.findings(cause).stream()
                .filter(f -> f.severity() == Severity.FAIL).findFirst();
        Optional<Finding> refused = evidence.findings(NetworkCodes.TCP_REFUSED).stream().findFirst();
        if (local.isEmpty() || refused.isEmpty()) {
            return Optional.empty();
        }
        Finding f = local.get();
        String summary = "The connection to " + refused.get().endpoint() + " was refused because " + because + ". "
                + f.detail();
        return Optional.of(new Diagnosis(f.code(), f.title(), summary, f.remediation(),
                Diagnoser.alsoCheck(evidence, f.entry())));
    }

    @Override
    public RuleDoc doc() {
        return new RuleDoc(Hop.PROCESS, "refused, and the local probes say why: " + because,
                "`tcp.refused` and `" + cause.code() + "` at `fail`", "`" + cause.code() + "`");
    }
}
