package dev.otlpdoctor.diagnose;

import dev.otlpdoctor.report.Diagnosis;
import dev.otlpdoctor.report.Finding;
import dev.otlpdoctor.report.Hop;
import dev.otlpdoctor.report.catalog.LocalCodes;
import dev.otlpdoctor.report.catalog.NetworkCodes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Connections to this machine time out (dropped SYNs) and a host firewall is configured: the firewall is
 * the likely cause, and its own open-port commands are the fix, before the generic cloud and cluster steps.
 */
final class LocalFirewallRule implements DiagnosisRule {
    @Override
    public Optional<Diagnosis> diagnose(RunEvidence evidence) {
        if (evidence.facts().rulesetRead()) {
            return Optional.empty(); // the ruleset's own verdicts decide (FirewallOnPathRule)
        }
        Optional<Finding> firewall = evidence.findings(LocalCodes.FIREWALL_PRESENT).stream().findFirst();
        Optional<Finding> timeout = evidence.findings(NetworkCodes.TCP_TIMEOUT).stream().findFirst();
        if (firewall.isEmpty() || timeout.isEmpty()) {
            return Optional.empty();
        }
        Finding dropped = timeout.get();
        List<String> steps = new ArrayList<>(firewall.get().remediation());
        steps.addAll(dropped.remediation());
        String summary = "The connection to " + dropped.endpoint() + " got no answer: the packets are dropped, and "
                + "this machine has a host firewall (" + firewall.get().evidence().get("firewalls")
                + "). Open the port in it (commands below).";
        return Optional.of(new Diagnosis(dropped.code(), dropped.endpoint() + ": " + dropped.title(), summary, steps,
                Diagnoser.alsoCheck(evidence, dropped.entry())));
    }

    @Override
    public RuleDoc doc() {
        return new RuleDoc(Hop.FIREWALL, "host firewall drops the packets", "`tcp.timeout` and `firewall.present` on this machine, when its ruleset could not be read (not root)", "`tcp.timeout`, with the firewall's open-port commands first");
    }
}
