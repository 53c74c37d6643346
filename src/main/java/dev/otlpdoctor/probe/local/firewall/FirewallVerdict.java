package dev.otlpdoctor.probe.local.firewall;

import java.net.InetAddress;
import java.util.List;

/**
 * What this machine's packet filter does with a new TCP connection to one of its addresses and ports.
 *
 * @param address the destination address
 * @param port the destination port
 * @param action what happens to the SYN
 * @param rule the rule that decides it, or null when a chain policy (or no rule at all) decides
 * @param rejectWith for {@link Action#REJECT}: what is sent back, e.g. {@code tcp reset},
 *                   {@code icmp port-unreachable}, {@code icmpx admin-prohibited}; else null
 * @param policy when no rule decides and a base chain's policy does (a {@code policy drop} input chain): that
 *               chain, as a pseudo-rule whose text is its declaration and whose handle is null; else null
 * @param uncertain the rules on the way that were skipped because they hold a match or verdict this reader
 *                  does not understand (an {@code xt} extension it could not decode, {@code limit}, a verdict
 *                  map...) and that could have decided otherwise; empty when the verdict is certain
 */
public record FirewallVerdict(InetAddress address, int port, Action action, FirewallRule rule, String rejectWith,
                              FirewallRule policy, List<FirewallRule> uncertain) {

    public FirewallVerdict {
        uncertain = List.copyOf(uncertain);
    }

    /** A verdict without a deciding policy and without uncertainty. */
    public FirewallVerdict(InetAddress address, int port, Action action, FirewallRule rule, String rejectWith) {
        this(address, port, action, rule, rejectWith, null, List.of());
    }

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

    /** Whether every rule on the way was understood: no skipped rule could have decided otherwise. */
    public boolean certain() {
        return uncertain.isEmpty();
    }

    /** The rule, else the chain whose policy decides, else null (no chain on the path at all, or only accepting ones). */
    public FirewallRule decidedBy() {
        return rule != null ? rule : policy;
    }
}
