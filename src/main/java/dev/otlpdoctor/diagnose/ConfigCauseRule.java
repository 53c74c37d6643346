package dev.otlpdoctor.diagnose;

import dev.otlpdoctor.report.Diagnosis;
import dev.otlpdoctor.report.Finding;
import dev.otlpdoctor.report.Hop;
import dev.otlpdoctor.report.Severity;
import dev.otlpdoctor.report.catalog.ConfigCodes;
import dev.otlpdoctor.report.catalog.K8sCodes;
import dev.otlpdoctor.report.catalog.NetworkCodes;
import dev.otlpdoctor.target.Endpoint;
import dev.otlpdoctor.target.Target;
import dev.otlpdoctor.target.Transport;
import java.util.List;
import java.util.Optional;

/**
 * Refused connections explained by the collector's config ({@code check --config}): a config the collector
 * refuses to load (nothing starts, so every port is refused), an otlp receiver without the protocol of the
 * refused port, an otlp receiver no pipeline uses, or a receiver bound to localhost. Then the config
 * finding, not "nothing listens", is the root cause.
 */
final class ConfigCauseRule implements DiagnosisRule {
    @Override
    public Optional<Diagnosis> diagnose(RunEvidence evidence) {
        List<Finding> refused = evidence.findings(NetworkCodes.TCP_REFUSED);
        if (refused.isEmpty()) {
            return Optional.empty();
        }
        // A collector seen running on the path disproves "it will not start": its release loaded the config.
        boolean running = evidence.facts().collectorOnPath();
        for (Finding f : evidence.findings()) {
            if (!running && ConfigCodes.PREVENTS_START.contains(f.entry()) && f.severity() == Severity.FAIL) {
                return diagnosis(evidence, f, "the collector will not start: " + f.title(),
                        "Connections are refused because the collector cannot start with this config: " + f.detail());
            }
        }
        for (Finding r : refused) {
            Transport transport = transportOf(evidence, r);
            for (Finding f : evidence.findings(ConfigCodes.PROTOCOL_MISSING)) {
                if (transport != Transport.UNKNOWN && String.valueOf(f.evidence().get("missing")).contains(transport.label())) {
                    return diagnosis(evidence, f, f.title() + ": port " + r.evidence().get("port") + " is refused",
                            "Port " + r.evidence().get("port") + " is refused because the otlp receiver does not "
                                    + "enable " + transport.label() + ": " + f.detail());
                }
            }
        }
        for (Finding f : evidence.findings()) {
            boolean unusedOtlp = f.entry() == ConfigCodes.RECEIVER_UNUSED
                    && String.valueOf(f.evidence().get("component")).startsWith("otlp");
            boolean localhost = f.entry() == ConfigCodes.ENDPOINT_LOCALHOST || f.entry() == K8sCodes.RECEIVER_LOCALHOST;
            if ((unusedOtlp || localhost) && f.severity().atLeast(Severity.WARN)) {
                return diagnosis(evidence, f, f.title(), "The connection was refused, and the config explains it: "
                        + f.detail());
            }
        }
        return Optional.empty();
    }

    private static Optional<Diagnosis> diagnosis(RunEvidence evidence, Finding cause, String title, String summary) {
        Object file = cause.evidence().get("file");
        String where = file == null ? "" : " (" + file + ":" + cause.evidence().get("line") + ")";
        return Optional.of(new Diagnosis(cause.code(), title + where, summary, cause.remediation(),
                Diagnoser.alsoCheck(evidence, cause.entry())));
    }

    private static Transport transportOf(RunEvidence evidence, Finding refused) {
        for (Target target : evidence.targets()) {
            for (Endpoint endpoint : target.endpoints()) {
                if (endpoint.label().equals(refused.endpoint())) {
                    return endpoint.transport();
                }
            }
        }
        return Transport.UNKNOWN;
    }

    @Override
    public RuleDoc doc() {
        return new RuleDoc(Hop.PROCESS, "config explains the refusal", "a refused connection (`tcp.refused`) and, from `--config`, with no collector process seen on the target's path (which would disprove it), a config error that stops the collector from starting (`config.deprecated-component`, `config.receiver-undefined`, `config.component-undefined`, `config.pipeline-empty`, `config.protocol-missing` for both protocols, `config.port-conflict`, and the schema's `config.invalid-key`, `config.wrong-type`, `config.duration-unit`, `config.enum-value`, `config.required-missing`); else `config.protocol-missing` for the refused port's protocol; else an otlp receiver in no pipeline (`config.receiver-unused`) or bound to localhost (`config.endpoint-localhost`, `k8s.receiver-localhost`)", "that config code");
    }
}
