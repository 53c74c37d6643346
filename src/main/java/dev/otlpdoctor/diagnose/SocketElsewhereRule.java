package dev.otlpdoctor.diagnose;

import dev.otlpdoctor.probe.local.Listener;
import dev.otlpdoctor.probe.local.SocketPath;
import dev.otlpdoctor.report.CatalogEntry;
import dev.otlpdoctor.report.Diagnosis;
import dev.otlpdoctor.report.Finding;
import dev.otlpdoctor.report.Hop;
import dev.otlpdoctor.report.Severity;
import dev.otlpdoctor.report.catalog.LocalCodes;
import dev.otlpdoctor.report.catalog.NetworkCodes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A refused connection whose socket hop the local probes resolved: the collector runs and listens, but not
 * where the connection goes — on loopback only, on another address, inside a container's network namespace
 * that no published port reaches, or behind a forwarder into a container where it is bound to loopback.
 * Saying "nothing listens" would send the user looking for a process that is running.
 */
final class SocketElsewhereRule implements DiagnosisRule {
    @Override
    public Optional<Diagnosis> diagnose(RunEvidence evidence) {
        for (Finding refused : failedConnections(evidence)) {
            Optional<SocketPath> path = evidence.facts().socket(refused.endpoint());
            if (path.isEmpty()) {
                continue;
            }
            CatalogEntry code = codeFor(path.get());
            if (code == null) {
                continue;
            }
            Optional<Finding> bound = evidence.findings(code).stream()
                    .filter(f -> refused.endpoint().equals(f.endpoint()))
                    .findFirst();
            if (bound.isEmpty()) {
                continue;
            }
            String summary = "The connection to " + refused.endpoint() + " failed (" + refused.title() + "), yet "
                    + where(path.get()) + ": " + consequence(path.get());
            return Optional.of(new Diagnosis(code.code(), refused.endpoint() + ": " + bound.get().title(), summary,
                    bound.get().remediation(), Diagnoser.alsoCheck(evidence, code)));
        }
        return Optional.empty();
    }

    /**
     * The failures that show the connection did not reach a receiver: a refusal, or — through a forwarder,
     * which accepts first and closes when the container refuses — any failure on that endpoint.
     */
    private static List<Finding> failedConnections(RunEvidence evidence) {
        List<Finding> failed = new ArrayList<>(evidence.findings(NetworkCodes.TCP_REFUSED));
        evidence.findings().stream()
                .filter(f -> f.severity() == Severity.FAIL && f.endpoint() != null && !failed.contains(f)
                        && !f.code().startsWith("bind."))
                .filter(f -> evidence.facts().socket(f.endpoint())
                        .map(p -> p.reach() == SocketPath.Reach.FORWARDED).orElse(false))
                .forEach(failed::add);
        return failed;
    }

    private static CatalogEntry codeFor(SocketPath path) {
        switch (path.reach()) {
            case LOOPBACK_ONLY:
                return LocalCodes.BIND_LOCALHOST_ONLY;
            case OTHER_ADDRESS:
                return LocalCodes.BIND_SPECIFIC_ADDRESS;
            case UNPUBLISHED:
                return LocalCodes.BIND_NOT_PUBLISHED;
            case FORWARDED:
                return path.inside() != null && path.inside().socket().loopback() ? LocalCodes.BIND_LOCALHOST_ONLY : null;
            default:
                return null;
        }
    }

    private static String where(SocketPath path) {
        if (path.reach() == SocketPath.Reach.FORWARDED) {
            return path.forward().by() + " forwards it into a container, where " + inside(path) + " listens";
        }
        if (path.reach() == SocketPath.Reach.UNPUBLISHED) {
            return "inside a container's own network namespace " + inside(path) + " listens";
        }
        return "on this machine " + path.nearMisses().stream().filter(l -> l.namespaceOf() == null)
                .map(Listener::describe).collect(Collectors.joining("; ")) + " listens";
    }

    /** The collector's socket inside its container: {@code 127.0.0.1:4317 (pid 14 otelcol-contrib)}. */
    private static String inside(SocketPath path) {
        Listener inside = path.inside();
        return inside.socket().label() + (inside.owner() == null ? ""
                : " (pid " + inside.owner().pid() + " " + inside.owner().program() + ")");
    }

    private static String consequence(SocketPath path) {
        switch (path.reach()) {
            case LOOPBACK_ONLY:
                return "the collector is bound to loopback only, so connections to any other address (other hosts, "
                        + "containers, published ports) are refused.";
            case OTHER_ADDRESS:
                return "the socket is bound to that address only, so connections to "
                        + path.addresses().stream().map(a -> a.getHostAddress()).collect(Collectors.joining(", "))
                        + " are refused. Point the application at the bound address, or bind the receiver to 0.0.0.0.";
            case UNPUBLISHED:
                return "no forwarder or DNAT rule publishes port " + path.port() + " on this machine, so the "
                        + "collector in the container is out of reach.";
            default:
                return "the collector inside the container is bound to its loopback, so forwarded connections, which "
                        + "come from outside it, are refused.";
        }
    }

    @Override
    public RuleDoc doc() {
        return new RuleDoc(Hop.SOCKET, "collector listens, but not where the connection goes",
                "`tcp.refused` (or, behind a port forwarder, any failure) on an endpoint whose socket hop (from the local probes) is bound to loopback only "
                        + "(`bind.localhost-only`), to another address (`bind.specific-address`), open only inside a "
                        + "container that nothing publishes (`bind.not-published`), or forwarded into a container "
                        + "where the collector is bound to loopback (`bind.localhost-only`)",
                "that `bind.*` code, naming the bound socket");
    }
}
