package dev.otlpdoctor.diagnose;

import dev.otlpdoctor.report.Diagnosis;
import dev.otlpdoctor.report.Finding;
import dev.otlpdoctor.report.Severity;
import dev.otlpdoctor.report.catalog.LocalCodes;
import java.util.Optional;

/**
 * The OTLP port is held by a program that is not a collector, and that endpoint failed (refused on the
 * address the application uses, or answered oddly): the other program explains the failure, and the
 * collector cannot bind the port while it holds it.
 */
final class PortConflictRule implements DiagnosisRule {
    @Override
    public Optional<Diagnosis> diagnose(RunEvidence evidence) {
        for (Finding conflict : evidence.findings(LocalCodes.BIND_PORT_CONFLICT)) {
            boolean endpointFailed = evidence.findings().stream()
                    .anyMatch(f -> f != conflict && conflict.endpoint().equals(f.endpoint())
                            && f.severity().atLeast(Severity.WARN) && !f.code().startsWith("bind."));
            if (endpointFailed) {
                String summary = conflict.detail() + ". That program, not a collector, owns port "
                        + conflict.evidence().get("port") + ": the application's exports reach it, and a collector "
                        + "configured for this port fails to start with 'address already in use'.";
                return Optional.of(new Diagnosis(conflict.code(), conflict.endpoint() + ": " + conflict.title(), summary,
                        conflict.remediation(), Diagnoser.alsoCheck(evidence, conflict.entry())));
            }
        }
        return Optional.empty();
    }
}
