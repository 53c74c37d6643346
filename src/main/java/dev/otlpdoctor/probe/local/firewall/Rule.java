package dev.otlpdoctor.probe.local.firewall;

import java.net.InetAddress;
import java.util.List;

/**
 * One rule as the evaluator sees it: what it matches and what it does, read from either nft's JSON or an
 * {@code iptables-save} line. A part this reader does not understand is kept as {@link Match.Unknown}, so
 * the rule can never be claimed as deciding unless another part already rules it out.
 *
 * @param shown the rule as reported to the user
 * @param matches every condition; the rule applies when all hold
 * @param action what it does when they hold
 */
record Rule(FirewallRule shown, List<Match> matches, Action action) {

    /** Whether the rule applies to the packet: NO as soon as one condition is false, UNKNOWN if any cannot be told. */
    Truth test(Packet packet) {
        Truth result = Truth.YES;
        for (Match match : matches) {
            Truth t = match.test(packet);
            if (t == Truth.NO) {
                return Truth.NO;
            }
            if (t == Truth.UNKNOWN) {
                result = Truth.UNKNOWN;
            }
        }
        return result;
    }

    enum Truth {
        YES, NO, UNKNOWN;

        static Truth of(boolean value) {
            return value ? YES : NO;
        }

        Truth negate(boolean negated) {
            return !negated || this == UNKNOWN ? this : this == YES ? NO : YES;
        }
    }

    /** One condition of a rule. */
    sealed interface Match {
        Truth test(Packet packet);

        /** {@code ip daddr}/{@code ip6 daddr} (or {@code saddr}): the family check implied by the payload, then the addresses. */
        record Address(boolean source, boolean ipv6, boolean negated, AddressSet set) implements Match {
            @Override
            public Truth test(Packet packet) {
                if (packet.ipv6() != ipv6) {
                    return Truth.NO; // the implied "meta nfproto" dependency: an IPv4 match never applies to IPv6
                }
                // A connection from this machine to its own address leaves from that same address.
                return set.contains(packet.address()).negate(negated);
            }
        }

        /** {@code tcp dport}, {@code th dport}: single ports, ranges, sets. */
        record DestinationPort(String protocol, boolean negated, PortSet ports) implements Match {
            @Override
            public Truth test(Packet packet) {
                if (!protocol.equals("tcp") && !protocol.equals("th")) {
                    return Truth.NO; // a udp/sctp header match implies that protocol
                }
                return Truth.of(ports.contains(packet.port())).negate(negated);
            }
        }

        /** {@code meta l4proto}, {@code ip protocol}, {@code -p tcp}. */
        record Protocol(boolean negated, List<String> protocols) implements Match {
            @Override
            public Truth test(Packet packet) {
                return Truth.of(protocols.stream().anyMatch(p -> p.equals("tcp") || p.equals("6") || p.equals("all")))
                        .negate(negated);
            }
        }

        /** {@code meta nfproto ipv4}: the IP family of an {@code inet} table's packet. */
        record Family(boolean negated, List<String> families) implements Match {
            @Override
            public Truth test(Packet packet) {
                return Truth.of(families.contains(packet.ipv6() ? "ipv6" : "ipv4")).negate(negated);
            }
        }

        /**
         * {@code iif}/{@code iifname}/{@code oif}/{@code oifname}, {@code -i}/{@code -o} ({@code +} is a prefix
         * wildcard). Names only: a connection to this machine's own address runs over {@code lo}; one from
         * another host arrives on an interface that is not {@code lo}, name unknown.
         */
        record Interface(boolean input, boolean negated, List<String> names) implements Match {
            @Override
            public Truth test(Packet packet) {
                String name = input ? packet.inputInterface() : packet.outputInterface();
                if (name == null) {
                    // Some interface other than lo (a packet from another host): only "lo" can be told.
                    return names.stream().allMatch(n -> n.equals("lo")) ? Truth.NO.negate(negated) : Truth.UNKNOWN;
                }
                return Truth.of(names.stream().anyMatch(n -> n.endsWith("+") || n.endsWith("*")
                        ? name.startsWith(n.substring(0, n.length() - 1)) : n.equals(name))).negate(negated);
            }
        }

        /** {@code ct state}: the first packet of a connection is {@code new}. */
        record ConnectionState(boolean negated, List<String> states) implements Match {
            @Override
            public Truth test(Packet packet) {
                return Truth.of(states.stream().anyMatch(s -> s.equalsIgnoreCase("new"))).negate(negated);
            }
        }

        /** {@code ct status dnat}: whether the connection was destination-NATed on its way. */
        record ConnectionDnat(boolean negated) implements Match {
            @Override
            public Truth test(Packet packet) {
                return Truth.of(packet.dnatted()).negate(negated);
            }
        }

        /** {@code fib daddr type local}, {@code -m addrtype --dst-type LOCAL}: the destination is this machine's. */
        record LocalDestination(boolean negated, List<String> types) implements Match {
            @Override
            public Truth test(Packet packet) {
                return Truth.of(types.stream().anyMatch(t -> t.equalsIgnoreCase("local"))).negate(negated);
            }
        }

        /** {@code tcp flags syn} / {@code --syn}: the connection attempt is a SYN. */
        record Syn(boolean negated) implements Match {
            @Override
            public Truth test(Packet packet) {
                return Truth.YES.negate(negated);
            }
        }

        /** A condition on an IPv4 or IPv6 header field this reader does not evaluate: false for the other family. */
        record UnknownOfFamily(boolean ipv6, String what) implements Match {
            @Override
            public Truth test(Packet packet) {
                return packet.ipv6() == ipv6 ? Truth.UNKNOWN : Truth.NO;
            }
        }

        /** A condition this reader does not understand ({@code limit}, {@code xt} matches, sets of concatenations...). */
        record Unknown(String what) implements Match {
            @Override
            public Truth test(Packet packet) {
                return Truth.UNKNOWN;
            }
        }
    }

    /** What a rule does when it applies. */
    sealed interface Action {
        /** No verdict (counter, log, mark): the next rule is looked at. */
        record Continue() implements Action {
        }

        record Accept() implements Action {
        }

        record Drop() implements Action {
        }

        /** @param with what is sent back, as nft names it ({@code tcp reset}, {@code icmpx admin-prohibited}) */
        record Reject(String with) implements Action {
        }

        record Jump(String chain) implements Action {
        }

        record Goto(String chain) implements Action {
        }

        record Return() implements Action {
        }

        /** {@code dnat to}, {@code redirect to}: a null address keeps the destination address (redirect). */
        record DestinationNat(InetAddress address, int port) implements Action {
        }

        /** A verdict this reader does not understand ({@code queue}, {@code vmap}, an {@code xt} target). */
        record Unknown(String what) implements Action {
        }
    }
}
