package dev.otlpdoctor.diagnose;

import dev.otlpdoctor.otlp.Signal;
import dev.otlpdoctor.probe.local.SocketPath;
import dev.otlpdoctor.probe.local.firewall.FirewallVerdict;
import dev.otlpdoctor.probe.local.firewall.FirewallView;
import java.net.InetAddress;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The typed facts the diagnosis reads besides the findings: what the user asked to be proven, and, for a
 * target on this machine, where each endpoint's connection ends (socket, process, namespace) and what the
 * packet filter does with it.
 *
 * @param signals the signals every endpoint must accept for the target to pass
 * @param sockets the socket hop of each endpoint, resolved by the local probes; empty when they did not run
 * @param firewall the packet filter's view, or null when it was not read
 */
public record PathFacts(Set<Signal> signals, List<SocketPath> sockets, FirewallView firewall) {
    public PathFacts {
        signals = signals.isEmpty() ? EnumSet.allOf(Signal.class) : EnumSet.copyOf(signals);
        sockets = List.copyOf(sockets);
    }

    /** Facts of a target seen from the network only: every signal requested, nothing known of the host. */
    public static PathFacts networkOnly(Set<Signal> signals) {
        return new PathFacts(signals, List.of(), null);
    }

    /** The socket hop of the endpoint {@code host:port}, when the local probes resolved it. */
    public Optional<SocketPath> socket(String endpoint) {
        return sockets.stream().filter(s -> s.endpoint().equals(endpoint)).findFirst();
    }

    /** What the packet filter does with a connection to the address and port, when its ruleset was read. */
    public Optional<FirewallVerdict> firewall(InetAddress address, int port) {
        return rulesetRead() ? Optional.ofNullable(firewall.verdictFor(address, port)) : Optional.empty();
    }

    /** Whether the kernel's ruleset was read: then only its verdicts, not the mere presence of a firewall, count. */
    public boolean rulesetRead() {
        return firewall != null && firewall.unavailable().isEmpty();
    }

    /** Whether a collector process is seen serving, or listening near, any endpoint of the path. */
    public boolean collectorOnPath() {
        return sockets.stream().anyMatch(s -> s.collector() != null);
    }
}
