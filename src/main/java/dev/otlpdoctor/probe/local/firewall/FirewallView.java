package dev.otlpdoctor.probe.local.firewall;

import java.net.InetAddress;
import java.util.Optional;

/**
 * The packet filter of this machine as it applies to connections to its own addresses: read once per run
 * from the kernel's ruleset ({@code nft -j list ruleset}, and {@code iptables-save} where the legacy backend
 * holds rules), or not readable, with the reason.
 */
public interface FirewallView {

    /** Why the ruleset could not be read (not root, no {@code nft}), or empty when it was. */
    Optional<String> unavailable();

    /** What decides a new TCP connection from this machine to {@code address}:{@code port} (locally delivered, so the input path). */
    FirewallVerdict verdictFor(InetAddress address, int port);

    /** The DNAT rule that redirects connections to {@code address}:{@code port}, if any. */
    Optional<Dnat> dnatFor(InetAddress address, int port);
}
