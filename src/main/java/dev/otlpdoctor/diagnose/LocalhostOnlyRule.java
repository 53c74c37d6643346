package dev.otlpdoctor.diagnose;

import dev.otlpdoctor.report.Diagnosis;
import dev.otlpdoctor.report.Finding;
import dev.otlpdoctor.report.catalog.LocalCodes;
import dev.otlpdoctor.report.catalog.NetworkCodes;
import java.util.List;
import java.util.Optional;

/**
 * A refused connection plus a local socket on that port bound to loopback only: the collector runs and
 * listens, but on 127.0.0.1/::1, so the address the application uses is refused. Saying "nothing
 * listens" would send the user looking for a process that is running.
 */
final class LocalhostOnlyRule implements DiagnosisRule {
    @Override
    @SuppressWarnings("unchecked") // the binding probe records listeners as a list of strings
    public Optional<Diagnosis> diagnose(RunEvidence evidence) {
        for (Finding bound : evidence.findings(LocalCodes.BIND_LOCALHOST_ONLY)) {
            Optional<Finding> refused = evidence.findings(NetworkCodes.TCP_REFUSED).stream()
                    .filter(f -> f.endpoint().equals(bound.endpoint()))
                    .findFirst();
            if (refused.isPresent()) {
                String summary = "The connection to " + refused.get().evidence().get("address") + " port "
                        + bound.evidence().get("port") + " was refused, yet on this machine "
                        + String.join("; ", (List<String>) bound.evidence().get("listeners")) + " listens: the collector is bound to loopback only, so connections to any other address "
                        + "(other hosts, containers, published ports) are refused.";
                return Optional.of(new Diagnosis(bound.code(), bound.endpoint() + ": " + bound.title(), summary,
                        bound.remediation(), Diagnoser.alsoCheck(evidence, bound.entry())));
            }
        }
        return Optional.empty();
    }

    @Override
    public RuleDoc doc() {
        return new RuleDoc("collector bound to loopback only", "`tcp.refused` on an endpoint and `bind.localhost-only` for the same endpoint: the collector listens, but on 127.0.0.1/::1 only", "`bind.localhost-only`");
    }
}
