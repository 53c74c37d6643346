package dev.otlpdoctor.probe.local.firewall;

import java.net.InetAddress;

/**
 * What this machine's packet filter does with a new TCP connection to one of its addresses and ports.
 *
 * @param address the destination address
 * @param port the destination port
 * @param action what happens to the SYN
 * @param rule the rule that decides it, or null when a chain policy (or no rule at all) decides
 * @param rejectWith for {@link Action#REJECT}: what is sent back, e.g. {@code tcp reset},
 *                   {@code icmp port-unreachable}, {@code icmpx admin-prohibited}; else null
 */
public record FirewallVerdict(InetAddress address, int port, Action action, FirewallRule rule, String rejectWith) {

    /** The fate of the connection attempt. */
    public enum Action {
        ACCEPT,
        /** Silently discarded: the client sees a timeout. */
        DROP,
        /** Answered with a TCP reset (seen as refused) or an ICMP error (seen as unreachable or refused). */
        REJECT
    }

    /** Whether the client sees the connection refused (a TCP reset or ICMP port-unreachable) rather than unreachable. */
    public boolean looksRefused() {
        return action == Action.REJECT && rejectWith != null
                && (rejectWith.contains("reset") || rejectWith.contains("port-unreachable") || rejectWith.contains("port-unreach"));
    }
}
