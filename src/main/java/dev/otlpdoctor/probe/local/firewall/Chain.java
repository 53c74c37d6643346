package dev.otlpdoctor.probe.local.firewall;

import java.util.List;

/**
 * A chain of one table. A base chain has a hook, a type and a priority (its place among the chains of that
 * hook) and a policy; a regular chain is only reached by {@code jump} or {@code goto}.
 *
 * @param family {@code ip}, {@code ip6}, {@code inet}, or {@code ipv4}/{@code ipv6} for legacy iptables
 * @param table the table
 * @param name the chain
 * @param type {@code filter}, {@code nat}, {@code route}; null for a regular chain
 * @param hook {@code input}, {@code output}, {@code prerouting}...; null for a regular chain
 * @param priority the order among the base chains of one hook, lowest first
 * @param policy {@code accept} or {@code drop} for a base chain
 * @param rules its rules in order
 * @param writtenBy the tool that owns the chain (its policy and the rules without their own attribution)
 */
record Chain(String family, String table, String name, String type, String hook, int priority, String policy,
             List<Rule> rules, FirewallRule.Tool writtenBy) {

    boolean base() {
        return hook != null;
    }

    /** Whether packets of this IP family pass through it. */
    boolean sees(boolean ipv6) {
        return switch (family) {
            case "inet" -> true;
            case "ip", "ipv4" -> !ipv6;
            case "ip6", "ipv6" -> ipv6;
            default -> false; // arp, bridge, netdev: not on the path of a routed TCP connection
        };
    }

    /** The base chain as a pseudo-rule, for a verdict its policy decides. */
    FirewallRule policyRule() {
        return new FirewallRule(writtenBy, family, table, name,
                "type " + type + " hook " + hook + " priority " + priority + "; policy " + policy + ";", null);
    }

    /** The priority of a named hook priority, as nft prints them (e.g. {@code filter}, {@code dstnat}). */
    static Integer namedPriority(String name) {
        return switch (name) {
            case "raw" -> -300;
            case "mangle" -> -150;
            case "dstnat" -> -100;
            case "filter" -> 0;
            case "security" -> 50;
            case "srcnat" -> 100;
            default -> null;
        };
    }
}
