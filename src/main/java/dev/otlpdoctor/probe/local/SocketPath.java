package dev.otlpdoctor.probe.local;

import java.net.InetAddress;
import java.util.List;

/**
 * Where a connection to one endpoint of the target ends on this machine: the socket hop of the target's
 * path and the process behind it, as read from /proc. Only what is on this path counts for the target;
 * every other socket on the same port (another network namespace, another address) is context, kept in
 * {@link #nearMisses} to explain a refusal.
 *
 * @param endpoint the endpoint's label, {@code host:port}
 * @param port the port the application connects to
 * @param addresses the addresses the application connects to
 * @param reach how the connection ends here
 * @param socket the socket of this network namespace that accepts the connection (the forwarder's when
 *               {@link Reach#FORWARDED}); null unless served or forwarded
 * @param forward who passes the connection on into a container's namespace, or null
 * @param collector the collector that serves the path (the socket's owner, or the one behind the forward);
 *                  for a refusal, the collector of the nearest miss; null when none is known
 * @param inside the collector's socket inside its own network namespace when forwarded or unpublished, else null
 * @param nearMisses sockets on the same port that the connection does not reach: bound to loopback or to
 *                   another address here, or inside another network namespace
 */
public record SocketPath(String endpoint, int port, List<InetAddress> addresses, Reach reach, Listener socket,
                         Forward forward, CollectorProcess collector, Listener inside, List<Listener> nearMisses) {
    public SocketPath {
        addresses = List.copyOf(addresses);
        nearMisses = List.copyOf(nearMisses);
    }

    /** How a connection to the endpoint ends on this machine. */
    public enum Reach {
        /** A socket of this network namespace accepts the target's address and port. */
        SERVED,
        /** A port forwarder or a DNAT rule takes the connection into another network namespace (a container). */
        FORWARDED,
        /** Only sockets bound to loopback listen on the port, and the target's address is not loopback. */
        LOOPBACK_ONLY,
        /** Sockets listen on the port, bound to other addresses than the target's. */
        OTHER_ADDRESS,
        /** Nothing here; a collector listens on the port inside another network namespace, and nothing publishes it. */
        UNPUBLISHED,
        /** Nothing listens on the port in any namespace visible here. */
        NOTHING;

        /** Whether the connection reaches a listening socket. */
        public boolean reaches() {
            return this == SERVED || this == FORWARDED;
        }
    }

    /**
     * What takes a connection on into a container's network namespace.
     *
     * @param by who: a forwarder process ({@code docker-proxy pid 812}) or a DNAT rule
     * @param toPort the port inside the container
     */
    public record Forward(String by, int toPort) {
    }
}
