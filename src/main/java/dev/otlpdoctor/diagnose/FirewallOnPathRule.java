package dev.otlpdoctor.diagnose;

import dev.otlpdoctor.probe.local.LocalTarget;
import dev.otlpdoctor.probe.local.SocketPath;
import dev.otlpdoctor.probe.local.firewall.FirewallRule;
import dev.otlpdoctor.probe.local.firewall.FirewallVerdict;
import dev.otlpdoctor.report.CatalogEntry;
import dev.otlpdoctor.report.Diagnosis;
import dev.otlpdoctor.report.Finding;
import dev.otlpdoctor.report.Hop;
import dev.otlpdoctor.report.catalog.LocalCodes;
import dev.otlpdoctor.report.catalog.NetworkCodes;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The packet filter on the target's path decides the connection's fate before any socket sees it: a rule
 * that drops the SYN explains a timeout, one that rejects it explains a refusal ("nothing listens") or "no
 * route to host". Read from the kernel's ruleset as a typed verdict for the address and port the connection
 * went to. Without the ruleset (not root), a socket here that accepts that address and port while the
 * connection was refused still shows that something rejects it before the socket: said as such, with the
 * way to see the rule.
 */
final class FirewallOnPathRule implements DiagnosisRule {
    @Override
    public Optional<Diagnosis> diagnose(RunEvidence evidence) {
        List<Finding> failed = new ArrayList<>(evidence.findings(NetworkCodes.TCP_TIMEOUT));
        failed.addAll(evidence.findings(NetworkCodes.TCP_REFUSED));
        failed.addAll(evidence.findings(NetworkCodes.TCP_UNREACHABLE));
        for (Finding connection : failed) {
            // The address the tcp probe connected to, as an IP literal (never a name lookup).
            Optional<InetAddress> address = Optional.ofNullable(
                    LocalTarget.literal(String.valueOf(connection.evidence().get("address"))));
            Object port = connection.evidence().get("port");
            if (address.isEmpty() || !(port instanceof Integer number)) {
                continue;
            }
            Optional<FirewallVerdict> verdict = evidence.facts().firewall(address.get(), number);
            if (verdict.isPresent() && explains(verdict.get(), connection.entry())) {
                return Optional.of(blocked(evidence, connection, verdict.get()));
            }
            Optional<SocketPath> path = evidence.facts().socket(connection.endpoint());
            // A collector's socket accepts this address and port, yet the connection was refused. (Another
            // program holding the port is the port-conflict rule's.)
            boolean served = path.map(p -> p.reach() == SocketPath.Reach.SERVED && p.collector() != null).orElse(false);
            if (connection.entry() == NetworkCodes.TCP_REFUSED && served && verdict.isEmpty()) {
                return Optional.of(refusedBeforeTheSocket(evidence, connection, path.get()));
            }
        }
        return Optional.empty();
    }

    /** DROP makes a timeout; REJECT makes a refusal (tcp reset, port-unreachable) or "unreachable" (other ICMP). */
    private static boolean explains(FirewallVerdict verdict, CatalogEntry observed) {
        switch (verdict.action()) {
            case DROP:
                return observed == NetworkCodes.TCP_TIMEOUT;
            case REJECT:
                return verdict.looksRefused() ? observed == NetworkCodes.TCP_REFUSED
                        : observed == NetworkCodes.TCP_UNREACHABLE || observed == NetworkCodes.TCP_REFUSED;
            default:
                return false;
        }
    }

    private static Diagnosis blocked(RunEvidence evidence, Finding connection, FirewallVerdict verdict) {
        CatalogEntry code = verdict.action() == FirewallVerdict.Action.DROP ? LocalCodes.FIREWALL_DROPS
                : LocalCodes.FIREWALL_REJECTS;
        FirewallRule rule = verdict.decidedBy();
        Optional<Finding> reported = evidence.findings(code).stream()
                .filter(f -> connection.endpoint().equals(f.endpoint()))
                .findFirst();
        String what = verdict.rule() != null ? "the rule '" + rule.text() + "'" : "the policy of the chain";
        String summary = "The connection to " + connection.endpoint() + " " + (code == LocalCodes.FIREWALL_DROPS
                ? "got no answer: the packet filter drops it" : "was " + (verdict.looksRefused() ? "refused" : "rejected")
                + ": the packet filter answers with " + verdict.rejectWith()) + ", by " + what + " in " + rule.family()
                + " " + rule.table() + " " + rule.chain() + " (written by " + rule.writtenBy().label() + ")."
                + (verdict.certain() ? "" : " Some earlier rules were not understood and might decide first.")
                + " Nothing behind the packet filter was reached, so the socket and the collector were not tested.";
        String title = reported.map(Finding::title).orElse(code.code() + " at " + connection.endpoint());
        // The fix of every blocked port of the target first (a rule often covers 4317 and 4318 alike), then
        // the general steps, each said once.
        List<Finding> blocked = evidence.findings(code);
        Set<String> steps = new LinkedHashSet<>();
        blocked.stream().filter(f -> !f.remediation().isEmpty()).forEach(f -> steps.add(f.remediation().get(0)));
        blocked.forEach(f -> steps.addAll(f.remediation()));
        if (steps.isEmpty()) {
            steps.addAll(code.remediation());
        }
        return new Diagnosis(code.code(), title, summary, List.copyOf(steps), Diagnoser.alsoCheck(evidence, code));
    }

    private static Diagnosis refusedBeforeTheSocket(RunEvidence evidence, Finding refused, SocketPath path) {
        String reason = evidence.findings(LocalCodes.FIREWALL_UNREADABLE).stream().findFirst()
                .map(f -> " The ruleset was not read: " + f.evidence().get("reason") + ".").orElse("");
        String summary = path.socket().describe() + " listens and accepts " + refused.evidence().get("address")
                + " port " + path.port() + ", yet the connection was refused: something rejects it before the socket, "
                + "most likely a packet-filter REJECT rule (with tcp reset)." + reason;
        List<String> steps = new ArrayList<>();
        steps.add("See the rule as root: sudo otlpdoctor check " + refused.endpoint() + "   (or: sudo nft -a list ruleset)");
        steps.addAll(refused.remediation());
        return new Diagnosis(refused.code(), refused.endpoint() + ": refused although a socket listens there", summary,
                steps, Diagnoser.alsoCheck(evidence, refused.entry()));
    }

    @Override
    public RuleDoc doc() {
        return new RuleDoc(Hop.FIREWALL, "the packet filter decides first",
                "`tcp.timeout` with the kernel's ruleset dropping that address and port (`firewall.drops`), or "
                        + "`tcp.refused`/`tcp.unreachable` with it rejecting them (`firewall.rejects`); without the "
                        + "ruleset, `tcp.refused` while a collector's socket here accepts that address and port",
                "`firewall.drops` / `firewall.rejects`, naming the rule, its tool and the command that allows the port; "
                        + "else `tcp.refused`, saying something rejects before the socket");
    }
}
