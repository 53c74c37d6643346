package dev.otlpdoctor.probe.local;

import dev.otlpdoctor.probe.Fact;
import dev.otlpdoctor.probe.ProbeContext;
import dev.otlpdoctor.probe.local.firewall.Dnat;
import dev.otlpdoctor.probe.local.firewall.FirewallView;
import dev.otlpdoctor.target.Endpoint;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Binds this machine's sockets and processes to the target's path: for each endpoint, the socket a
 * connection to the target's address and port reaches in this network namespace (directly, through a port
 * forwarder, or through a DNAT rule into a container's namespace) and the collector behind it. Computed
 * once per target and shared by the local probes and the diagnosis, so they all agree on what is on the path.
 */
public final class LocalPaths {
    /** One {@link SocketPath} per port of the target, in target order. */
    public static final Fact<List<SocketPath>> PATHS = Fact.named("local-socket-paths");

    private LocalPaths() {
    }

    /** The paths of the context's target, resolved on first use. */
    static List<SocketPath> of(ProbeContext context, HostSnapshot snapshot, List<CollectorProcess> collectors) {
        return context.facts().get(PATHS).orElseGet(() -> {
            List<SocketPath> paths = new ArrayList<>();
            // The firewall probe runs first in the chain: its view of the ruleset shows DNAT into containers.
            Optional<FirewallView> firewall = context.facts().get(FirewallProbe.VIEW)
                    .filter(view -> view.unavailable().isEmpty());
            for (Endpoint endpoint : LocalProbe.endpointsByPort(context)) {
                paths.add(resolve(endpoint, LocalProbe.targetAddresses(context), snapshot, collectors, firewall));
            }
            List<SocketPath> frozen = List.copyOf(paths);
            context.facts().put(PATHS, frozen);
            return frozen;
        });
    }

    static SocketPath resolve(Endpoint endpoint, List<InetAddress> addresses, HostSnapshot snapshot,
                              List<CollectorProcess> collectors, Optional<FirewallView> firewall) {
        int port = endpoint.port();
        List<Listener> here = snapshot.on(port);
        List<Listener> accepting = here.stream()
                .filter(l -> addresses.stream().anyMatch(a -> l.socket().accepts(a, snapshot.bindV6Only())))
                // A collector's own socket first, then a forwarder's, then any other.
                .sorted(Comparator.comparingInt(l -> collectorOf(l, collectors) != null ? 0 : isForwarder(l) ? 1 : 2))
                .toList();
        List<Listener> elsewhere = insideOtherNamespaces(collectors, port);
        if (!accepting.isEmpty()) {
            Listener socket = accepting.get(0);
            if (isForwarder(socket)) {
                int inside = Forwarders.portInside(socket.owner(), port);
                SocketPath.Forward forward = new SocketPath.Forward(socket.owner().program() + " pid "
                        + socket.owner().pid(), inside);
                return forwarded(endpoint, addresses, socket, forward, collectors, inside, here);
            }
            List<Listener> misses = new ArrayList<>(here);
            misses.removeAll(accepting);
            misses.addAll(elsewhere);
            return new SocketPath(endpoint.label(), port, addresses, SocketPath.Reach.SERVED, socket, null,
                    collectorOf(socket, collectors), null, misses);
        }
        Optional<Dnat> dnat = firewall.flatMap(view -> addresses.stream()
                .map(a -> view.dnatFor(a, port)).flatMap(Optional::stream).findFirst());
        if (dnat.isPresent()) {
            SocketPath.Forward forward = new SocketPath.Forward("DNAT rule in " + dnat.get().rule().table() + "/"
                    + dnat.get().rule().chain() + " to " + Addresses.text(dnat.get().toAddress()) + ":"
                    + dnat.get().toPort(), dnat.get().toPort());
            return forwarded(endpoint, addresses, null, forward, collectors, dnat.get().toPort(), here);
        }
        if (!here.isEmpty()) {
            boolean loopback = here.stream().allMatch(l -> l.socket().loopback());
            List<Listener> misses = new ArrayList<>(here);
            misses.addAll(elsewhere);
            CollectorProcess nearest = here.stream().map(l -> collectorOf(l, collectors)).filter(c -> c != null)
                    .findFirst().orElse(null);
            return new SocketPath(endpoint.label(), port, addresses,
                    loopback ? SocketPath.Reach.LOOPBACK_ONLY : SocketPath.Reach.OTHER_ADDRESS, null, null, nearest,
                    null, misses);
        }
        if (!elsewhere.isEmpty()) {
            Listener inside = elsewhere.get(0);
            return new SocketPath(endpoint.label(), port, addresses, SocketPath.Reach.UNPUBLISHED, null, null,
                    collectorOf(inside, collectors), inside, elsewhere);
        }
        return new SocketPath(endpoint.label(), port, addresses, SocketPath.Reach.NOTHING, null, null, null, null,
                List.of());
    }

    /** A forwarded path: the collector listening on the port inside another namespace, when one is visible. */
    private static SocketPath forwarded(Endpoint endpoint, List<InetAddress> addresses, Listener socket,
                                        SocketPath.Forward forward, List<CollectorProcess> collectors, int insidePort,
                                        List<Listener> misses) {
        List<Listener> inside = insideOtherNamespaces(collectors, insidePort);
        Listener reached = inside.stream().filter(l -> !l.socket().loopback()).findFirst()
                .orElse(inside.isEmpty() ? null : inside.get(0));
        List<Listener> others = new ArrayList<>(misses);
        others.remove(socket);
        return new SocketPath(endpoint.label(), endpoint.port(), addresses, SocketPath.Reach.FORWARDED, socket, forward,
                reached == null ? null : collectorOf(reached, collectors), reached, others);
    }

    private static List<Listener> insideOtherNamespaces(List<CollectorProcess> collectors, int port) {
        return collectors.stream().flatMap(c -> c.listeners().stream())
                .filter(l -> l.namespaceOf() != null && l.socket().port() == port)
                .toList();
    }

    private static boolean isForwarder(Listener listener) {
        return listener.owner() != null && Forwarders.isForwarder(listener.owner());
    }

    /** The collector that owns the socket (or whose namespace it was read from), or null. */
    static CollectorProcess collectorOf(Listener listener, List<CollectorProcess> collectors) {
        Integer pid = listener.namespaceOf() != null ? listener.namespaceOf()
                : listener.owner() == null ? null : listener.owner().pid();
        if (pid == null) {
            return null;
        }
        return collectors.stream().filter(c -> c.process().pid() == pid).findFirst().orElse(null);
    }
}
