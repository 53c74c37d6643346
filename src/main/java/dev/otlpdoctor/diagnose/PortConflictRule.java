package dev.otlpdoctor.diagnose;

import dev.otlpdoctor.report.CatalogEntry;
import dev.otlpdoctor.report.Diagnosis;
import dev.otlpdoctor.report.Finding;
import dev.otlpdoctor.report.Hop;
import dev.otlpdoctor.report.Severity;
import dev.otlpdoctor.report.catalog.LocalCodes;
import dev.otlpdoctor.report.catalog.NetworkCodes;
import dev.otlpdoctor.report.catalog.OtlpCodes;
import dev.otlpdoctor.report.catalog.ProtocolCodes;
import java.util.Optional;
import java.util.Set;

/**
 * The OTLP port is held by a program that is not a collector, and that endpoint failed the way a foreign
 * program makes it fail: refused or dropped on the address the application uses, an answer that is not
 * OTLP at all, or another protocol than OTLP's on that port (a web server on 4317). The other program
 * explains the failure, and a collector cannot bind the port while it holds it. An endpoint that answers in
 * OTLP (even with an error) is an OTLP receiver, whatever its process is called, so its own findings speak
 * for it.
 */
final class PortConflictRule implements DiagnosisRule {
    private static final Set<CatalogEntry> FOREIGN_ANSWERS = Set.of(NetworkCodes.TCP_REFUSED,
            NetworkCodes.TCP_TIMEOUT, ProtocolCodes.PROTOCOL_NOT_OTLP, ProtocolCodes.PROTOCOL_UNKNOWN,
            ProtocolCodes.PROTOCOL_SILENT, ProtocolCodes.PROTOCOL_MISMATCH);
    /** Answers only an OTLP receiver gives: the port is served by one, whatever holds it. */
    private static final Set<CatalogEntry> OTLP_ANSWERS = Set.of(OtlpCodes.OTLP_OK, OtlpCodes.OTLP_PARTIAL_SUCCESS,
            OtlpCodes.SIGNAL_NOT_ACCEPTED, OtlpCodes.AUTH_REQUIRED, OtlpCodes.HTTP_RECEIVER_FOUND);

    @Override
    public Optional<Diagnosis> diagnose(RunEvidence evidence) {
        for (Finding conflict : evidence.findings(LocalCodes.BIND_PORT_CONFLICT)) {
            String endpoint = conflict.endpoint();
            // Typed facts, when the local probes resolved the path: a collector that serves the connection makes
            // another program on the same port (on another address) context, not the cause.
            boolean onPath = evidence.facts().socket(endpoint)
                    .map(p -> !(p.reach().reaches() && p.collector() != null)).orElse(true);
            boolean otlp = evidence.findings().stream()
                    .anyMatch(f -> endpoint.equals(f.endpoint()) && OTLP_ANSWERS.contains(f.entry()));
            boolean endpointFailed = evidence.findings().stream()
                    .anyMatch(f -> endpoint.equals(f.endpoint()) && FOREIGN_ANSWERS.contains(f.entry())
                            && f.severity() == Severity.FAIL && !otlpLike(f));
            if (onPath && endpointFailed && !otlp) {
                String detail = conflict.detail();
                String summary = detail + (detail.endsWith(".") ? "" : ".") + " That program, not a collector, owns port "
                        + conflict.evidence().get("port") + ": the application's exports reach it, and a collector "
                        + "configured for this port fails to start with 'address already in use'.";
                return Optional.of(new Diagnosis(conflict.code(), endpoint + ": " + conflict.title(), summary,
                        conflict.remediation(), Diagnoser.alsoCheck(evidence, conflict.entry())));
            }
        }
        return Optional.empty();
    }

    /**
     * A protocol mix-up whose other side may well be an OTLP receiver: HTTP/2 (gRPC) where HTTP was asked,
     * or an HTTP/1.1 server answering 405 on the signal path, as the collector's HTTP receiver does. Only
     * another HTTP/1.1 answer (a web server's 404 or 501) shows a foreign program.
     */
    private static boolean otlpLike(Finding f) {
        if (f.entry() != ProtocolCodes.PROTOCOL_MISMATCH) {
            return false;
        }
        String found = String.valueOf(f.evidence().get("found"));
        return !found.startsWith("HTTP/1") || String.valueOf(f.evidence().get("how")).contains(" 405 ");
    }

    @Override
    public RuleDoc doc() {
        return new RuleDoc(Hop.SOCKET, "another program holds the port", "`bind.port-conflict` for the socket the connection reaches (its owner is not a collector) and, on that endpoint, a failure a foreign program causes (`tcp.refused`, `tcp.timeout`, `protocol.not-otlp`, `protocol.unknown`, `protocol.silent`, or `protocol.mismatch` at `fail` where an HTTP/1.1 server other than an OTLP receiver (no 405 on the signal path) answers) with no OTLP answer (`otlp.ok`, `signal.not-accepted`, `auth.required`, `http.receiver-found`)", "`bind.port-conflict`");
    }
}
