package dev.otlpdoctor.diagnose;

import dev.otlpdoctor.report.CatalogEntry;
import dev.otlpdoctor.report.Diagnosis;
import dev.otlpdoctor.report.Finding;
import dev.otlpdoctor.report.Severity;
import dev.otlpdoctor.report.catalog.LocalCodes;
import dev.otlpdoctor.report.catalog.NetworkCodes;
import dev.otlpdoctor.report.catalog.ProtocolCodes;
import java.util.Optional;
import java.util.Set;

/**
 * The OTLP port is held by a program that is not a collector, and that endpoint failed the way a foreign
 * program makes it fail: refused or dropped on the address the application uses, or an answer that is
 * not OTLP at all. The other program explains the failure, and a collector cannot bind the port while it
 * holds it. An endpoint that answers in OTLP (even with an error) is an OTLP receiver, whatever its
 * process is called, so its own findings speak for it.
 */
final class PortConflictRule implements DiagnosisRule {
    private static final Set<CatalogEntry> FOREIGN_ANSWERS = Set.of(NetworkCodes.TCP_REFUSED,
            NetworkCodes.TCP_TIMEOUT, ProtocolCodes.PROTOCOL_NOT_OTLP, ProtocolCodes.PROTOCOL_UNKNOWN,
            ProtocolCodes.PROTOCOL_SILENT);

    @Override
    public Optional<Diagnosis> diagnose(RunEvidence evidence) {
        for (Finding conflict : evidence.findings(LocalCodes.BIND_PORT_CONFLICT)) {
            boolean endpointFailed = evidence.findings().stream()
                    .anyMatch(f -> conflict.endpoint().equals(f.endpoint()) && FOREIGN_ANSWERS.contains(f.entry())
                            && f.severity() == Severity.FAIL);
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

    @Override
    public RuleDoc doc() {
        return new RuleDoc("another program holds the port", "`bind.port-conflict` for a port (its owner is not a collector) and, on that endpoint, a failure a foreign program causes: `tcp.refused`, `tcp.timeout`, `protocol.not-otlp`, `protocol.unknown` or `protocol.silent` at `fail`", "`bind.port-conflict`");
    }
}
