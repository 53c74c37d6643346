package dev.otlpdoctor.probe.local;

import dev.otlpdoctor.probe.Fact;
import dev.otlpdoctor.probe.FindingSink;
import dev.otlpdoctor.probe.ProbeContext;
import dev.otlpdoctor.probe.ProbeInfo;
import dev.otlpdoctor.probe.Scope;
import dev.otlpdoctor.report.CatalogEntry;
import dev.otlpdoctor.report.Finding;
import dev.otlpdoctor.report.Severity;
import dev.otlpdoctor.report.catalog.LocalCodes;
import dev.otlpdoctor.target.Endpoint;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What listens on the target's ports on this machine, and bound to which address: all interfaces
 * (0.0.0.0, [::]), loopback only (127.0.0.1, ::1: other hosts and containers are refused) or particular
 * addresses. Reads the LISTEN sockets of /proc/net/tcp and /proc/net/tcp6, and of the network namespace
 * of each collector running in a container.
 */
public final class BindingProbe extends LocalProbe {
    private static final ProbeInfo INFO = ProbeInfo.of("binding", Scope.TARGET)
            .observes("the socket a connection to the target's address and port reaches, and its bound address: served, forwarded, loopback-only, another address, an unpublished container port (local targets only)")
            .reports("bind.all-interfaces", "bind.localhost-only", "bind.specific-address", "bind.no-listener", "bind.not-published", "bind.other-namespace");

    @Override
    public ProbeInfo info() {
        return INFO;
    }
    /**
     * Every listening TCP socket of this machine with its owner where known, plus those of collectors in
     * their own network namespaces, for later probes and the diagnosis.
     */
    public static final Fact<List<Listener>> LISTENERS = Fact.named("local-listeners");

    public BindingProbe(HostFs fs) {
        super(fs);
    }

    @Override
    public void run(ProbeContext context, FindingSink findings) {
        HostSnapshot snapshot = snapshotOrSkip(context, findings);
        if (snapshot == null) {
            return;
        }
        List<CollectorProcess> collectors = collectors(context, snapshot);
        List<Listener> all = new ArrayList<>(snapshot.listeners());
        collectors.forEach(c -> c.listeners().stream().filter(l -> l.namespaceOf() != null).forEach(all::add));
        context.facts().put(LISTENERS, all);

        List<InetAddress> targets = targetAddresses(context);
        Map<Integer, SocketPath> byPort = new HashMap<>();
        paths(context, snapshot).forEach(p -> byPort.put(p.port(), p));
        for (Endpoint endpoint : endpointsByPort(context)) {
            int port = endpoint.port();
            SocketPath path = byPort.get(port);
            List<Listener> host = snapshot.on(port);
            List<Listener> inside = all.stream().filter(l -> l.namespaceOf() != null && l.socket().port() == port).toList();
            switch (path.reach()) {
                case NOTHING:
                    findings.add(LocalCodes.BIND_NO_LISTENER.finding()
                            .endpoint(endpoint.label())
                            .evidence("port", port)
                            .evidence("socketsListening", snapshot.listeners().size())
                            .detail("None of the {socketsListening} listening TCP sockets of this machine is on port {port}.")
                            .build());
                    break;
                case UNPUBLISHED:
                    findings.add(notPublished(endpoint, path));
                    break;
                case FORWARDED:
                    if (path.inside() != null) {
                        findings.add(classifyInside(endpoint, List.of(path.inside()), true));
                    }
                    break;
                default:
                    boolean collectorOwned = host.stream().anyMatch(l -> LocalPaths.collectorOf(l, collectors) != null);
                    findings.add(classify(endpoint, host, targets, snapshot.bindV6Only(), collectorOwned));
                    if (!inside.isEmpty()) {
                        // Collectors in other namespaces on the same port: context, not this target's path.
                        findings.add(classifyInside(endpoint, inside, false));
                    }
                    break;
            }
        }
    }

    /** A collector listens on the port only inside its container's namespace, and nothing here publishes it. */
    private static Finding notPublished(Endpoint endpoint, SocketPath path) {
        CollectorProcess collector = path.collector();
        String where = collector == null ? "another network namespace"
                : (collector.details().container() == null ? "the network namespace" : collector.details().container())
                        + " of pid " + collector.process().pid() + " (" + collector.process().program() + ")";
        return LocalCodes.BIND_NOT_PUBLISHED.finding()
                .endpoint(endpoint.label())
                .evidence("port", endpoint.port())
                .evidence("inside", path.inside().describe())
                .evidence("container", collector == null || collector.details().container() == null ? "unknown"
                        : collector.details().container())
                .param("where", where)
                .detail("Inside " + where + " the collector listens on " + path.inside().socket().label()
                        + (path.inside().socket().loopback() ? " (loopback only, so even a published port would be refused)" : "")
                        + ", but no socket of this machine's network namespace listens on port {port} and no "
                        + "forwarder or DNAT rule passes connections there.")
                .build();
    }

    /**
     * A loopback-only socket that serves the target is a warning when a collector holds it (the v0.104.0
     * default that refuses containers and other hosts) and information otherwise; one that does not serve
     * the target's address is the failure.
     */
    private static Finding classify(Endpoint endpoint, List<Listener> listeners, List<InetAddress> targets,
                                    boolean bindV6Only, boolean collectorOwned) {
        List<String> reached = targets.stream()
                .filter(t -> listeners.stream().anyMatch(l -> l.socket().accepts(t, bindV6Only)))
                .map(Addresses::text).toList();
        List<String> refused = targets.stream().map(Addresses::text).filter(t -> !reached.contains(t)).toList();
        boolean covered = !reached.isEmpty();
        CatalogEntry code;
        Severity severity;
        if (listeners.stream().allMatch(l -> l.socket().loopback())) {
            code = LocalCodes.BIND_LOCALHOST_ONLY;
            severity = !covered ? Severity.FAIL : collectorOwned ? Severity.WARN : Severity.INFO;
        } else if (covered && listeners.stream().anyMatch(l -> l.socket().wildcard())) {
            code = LocalCodes.BIND_ALL_INTERFACES;
            severity = Severity.PASS;
        } else {
            code = LocalCodes.BIND_SPECIFIC_ADDRESS;
            severity = covered ? Severity.INFO : Severity.FAIL;
        }
        String bound = listeners.stream().map(l -> l.socket().label()).distinct().collect(Collectors.joining(", "));
        String detail = "Listening on port {port}: " + listeners.stream().map(Listener::describe)
                .collect(Collectors.joining("; ")) + ". "
                + (covered ? "Connections to " + String.join(", ", reached) + " reach it"
                        + (refused.isEmpty() ? "." : "; connections to " + String.join(", ", refused) + " are refused.")
                        : "Connections to " + String.join(", ", refused) + " (the target) are refused: the socket "
                        + "is not bound to that address.");
        return code.finding()
                .severity(severity)
                .endpoint(endpoint.label())
                .evidence("port", endpoint.port())
                .evidence("listeners", listeners.stream().map(Listener::describe).toList())
                .evidence("reachedAddresses", reached)
                .evidence("refusedAddresses", refused)
                .evidence("bindv6only", bindV6Only)
                .param("bound", bound)
                .detail(detail)
                .build();
    }

    /**
     * A collector's socket inside its container's network namespace. On the path (connections are forwarded
     * to it), one bound to the container's loopback refuses them; off the path it is context only.
     */
    private static Finding classifyInside(Endpoint endpoint, List<Listener> listeners, boolean onPath) {
        boolean loopbackOnly = listeners.stream().allMatch(l -> l.socket().loopback());
        String bound = listeners.stream().map(l -> l.socket().label()).distinct().collect(Collectors.joining(", "));
        CatalogEntry code = loopbackOnly ? LocalCodes.BIND_LOCALHOST_ONLY
                : listeners.stream().anyMatch(l -> l.socket().wildcard()) ? LocalCodes.BIND_ALL_INTERFACES
                : LocalCodes.BIND_SPECIFIC_ADDRESS;
        if (!onPath) {
            return LocalCodes.BIND_OTHER_NAMESPACE.finding()
                    .endpoint(endpoint.label())
                    .evidence("port", endpoint.port())
                    .evidence("listeners", listeners.stream().map(Listener::describe).toList())
                    .evidence("onPath", false)
                    .param("bound", bound)
                    .detail("Inside its own network namespace (a container) another collector listens on " + bound
                            + ". The target's connections do not go there: this is not on its path.")
                    .build();
        }
        return code.finding()
                .severity(loopbackOnly ? Severity.FAIL : code.severity())
                .endpoint(endpoint.label())
                .evidence("port", endpoint.port())
                .evidence("listeners", listeners.stream().map(Listener::describe).toList())
                .param("bound", bound)
                .detail("Connections to port {port} are forwarded into a container, where the collector listens on "
                        + bound + ". " + (loopbackOnly ? "Only programs inside that container can connect: the "
                        + "forwarded connections are refused." : "Forwarded connections reach it."))
                .build();
    }
}
