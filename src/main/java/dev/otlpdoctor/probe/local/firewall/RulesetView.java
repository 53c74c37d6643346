package dev.otlpdoctor.probe.local.firewall;

import dev.otlpdoctor.probe.local.firewall.FirewallVerdict.Action;
import dev.otlpdoctor.probe.local.firewall.Rule.Truth;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The ruleset as read, and how it treats a new TCP connection from this machine to one of its own
 * addresses. Such a connection passes the {@code output} hook (nat chains may rewrite its destination,
 * filter chains may drop it), loops back over {@code lo} and passes the {@code input} hook; at each hook the
 * base chains of every table that sees its family run in priority order. An accept ends only the chain's
 * own table at that hook; a drop or reject anywhere ends the connection.
 */
public final class RulesetView implements FirewallView {
    /** nft refuses loops; this bounds a hostile or garbled ruleset anyway. */
    private static final int MAX_DEPTH = 64;

    private final List<Chain> chains;
    private final Set<InetAddress> localAddresses;
    private final Map<String, Chain> byKey = new HashMap<>();

    /** @param localAddresses this machine's addresses: a DNAT to one of them is still delivered here */
    RulesetView(List<Chain> chains, Set<InetAddress> localAddresses) {
        this.chains = List.copyOf(chains);
        this.localAddresses = Set.copyOf(localAddresses);
        chains.forEach(c -> byKey.put(NftJson.key(c.family(), c.table(), c.name()), c));
    }

    @Override
    public Optional<String> unavailable() {
        return Optional.empty();
    }

    /** The tools that wrote the base chains and rules read, in order of first appearance (for "a firewall is present"). */
    public List<FirewallRule.Tool> tools() {
        List<FirewallRule.Tool> tools = new ArrayList<>();
        for (Chain chain : chains) {
            List<FirewallRule.Tool> here = new ArrayList<>();
            if (chain.base() && chain.policy() != null && chain.policy().equals("drop")) {
                here.add(chain.writtenBy());
            }
            chain.rules().forEach(r -> here.add(r.shown().writtenBy()));
            here.stream().filter(t -> !tools.contains(t)).forEach(tools::add);
        }
        return tools;
    }

    /** Whether the ruleset holds no rule and no dropping policy at all. */
    public boolean empty() {
        return tools().isEmpty();
    }

    @Override
    public FirewallVerdict verdictFor(InetAddress address, int port) {
        Walk walk = new Walk();
        Packet packet = Packet.leaving(address, port);
        for (Chain base : baseChains("output", packet.ipv6(), true)) {
            if (base.type().equals("nat")) {
                if (!packet.dnatted()) {
                    Outcome nat = walk.base(base, packet);
                    if (nat.dnat() != null) {
                        packet = packet.redirectedTo(nat.dnat().address() == null ? packet.address() : nat.dnat().address(),
                                nat.dnat().port() == 0 ? packet.port() : nat.dnat().port());
                    }
                }
                continue;
            }
            Outcome outcome = walk.base(base, packet);
            if (outcome.action() != Action.ACCEPT) {
                return walk.verdict(address, port, outcome);
            }
        }
        if (packet.dnatted() && !packet.address().isLoopbackAddress() && !packet.address().equals(address)
                && !localAddresses.contains(packet.address())) {
            // Sent on to another host (a container): the input hook of this machine is not on its way.
            return walk.verdict(address, port, new Outcome(Action.ACCEPT, null, null, null, null));
        }
        return delivered(walk, "input", packet.arriving(), address, port);
    }

    /**
     * The last hook on the way ({@code input}, or {@code forward} towards a container): the first base chain
     * that does not accept decides; otherwise the connection is accepted, by the last accepting rule if any.
     */
    private FirewallVerdict delivered(Walk walk, String hook, Packet packet, InetAddress address, int port) {
        FirewallRule accepted = null;
        for (Chain base : baseChains(hook, packet.ipv6(), false)) {
            Outcome outcome = walk.base(base, packet);
            if (outcome.action() != Action.ACCEPT) {
                return walk.verdict(address, port, outcome);
            }
            if (outcome.rule() != null) {
                accepted = outcome.rule();
            }
        }
        return walk.verdict(address, port, new Outcome(Action.ACCEPT, accepted, null, null, null));
    }

    /**
     * What decides a new TCP connection from another host to this machine's {@code address}:{@code port}
     * (prerouting, then input, or forward when a DNAT sends it on). Its source and input interface are not
     * known: rules that depend on them (other than "not lo") are passed over and make the verdict uncertain.
     * Meaningless for loopback addresses, which other hosts cannot reach.
     */
    public FirewallVerdict verdictFromElsewhere(InetAddress address, int port) {
        Walk walk = new Walk();
        Packet packet = Packet.fromElsewhere(address, port);
        for (Chain base : baseChains("prerouting", packet.ipv6(), true)) {
            Outcome outcome = walk.base(base, packet);
            if (base.type().equals("nat")) {
                if (outcome.dnat() != null && !packet.dnatted()) {
                    packet = packet.redirectedTo(outcome.dnat().address() == null ? packet.address() : outcome.dnat().address(),
                            outcome.dnat().port() == 0 ? packet.port() : outcome.dnat().port());
                }
            } else if (outcome.action() != Action.ACCEPT) {
                return walk.verdict(address, port, outcome);
            }
        }
        boolean forwarded = packet.dnatted() && !packet.address().equals(address) && !localAddresses.contains(packet.address());
        return delivered(walk, forwarded ? "forward" : "input", packet, address, port);
    }

    @Override
    public Optional<Dnat> dnatFor(InetAddress address, int port) {
        Optional<Dnat> local = dnat(Packet.leaving(address, port), "output");
        return local.isPresent() ? local : dnat(Packet.fromElsewhere(address, port), "prerouting");
    }

    /**
     * The first DNAT at a hook's nat chains. From another host the input interface is not known: a rule
     * that depends on it is not claimed.
     */
    private Optional<Dnat> dnat(Packet packet, String hook) {
        Walk walk = new Walk();
        for (Chain base : baseChains(hook, packet.ipv6(), true)) {
            if (!base.type().equals("nat")) {
                continue;
            }
            Outcome nat = walk.base(base, packet);
            if (nat.dnat() != null) {
                return Optional.of(new Dnat(packet.port(), nat.dnat().address() == null ? packet.address() : nat.dnat().address(),
                        nat.dnat().port() == 0 ? packet.port() : nat.dnat().port(), nat.rule()));
            }
        }
        return Optional.empty();
    }

    private List<Chain> baseChains(String hook, boolean ipv6, boolean withNat) {
        return chains.stream()
                .filter(c -> c.base() && hook.equals(c.hook()) && c.sees(ipv6))
                .filter(c -> withNat || !"nat".equals(c.type()))
                .sorted(Comparator.comparingInt(Chain::priority))
                .toList();
    }

    /** How one base chain ended: a verdict (ACCEPT also for a DNAT) with what decided it. */
    private record Outcome(Action action, FirewallRule rule, String rejectWith, Chain policy, Rule.Action.DestinationNat dnat,
                           Chain base) {
        Outcome(Action action, FirewallRule rule, String rejectWith, Chain policy, Rule.Action.DestinationNat dnat) {
            this(action, rule, rejectWith, policy, dnat, null);
        }

        Outcome in(Chain baseChain) {
            return new Outcome(action, rule, rejectWith, policy, dnat, baseChain);
        }
    }

    /** A rule passed over, and the base chain it was reached from. */
    private record Skipped(Rule rule, Chain base) {
    }

    /** One evaluation, collecting the rules it had to skip. */
    private final class Walk {
        private final List<Skipped> skipped = new ArrayList<>();
        private Chain base;

        Outcome base(Chain chain, Packet packet) {
            base = chain;
            Outcome outcome = chain(chain, packet, 0);
            if (outcome != null) {
                return outcome.in(chain);
            }
            boolean drop = "drop".equals(chain.policy());
            return new Outcome(drop ? Action.DROP : Action.ACCEPT, null, null, chain, null, chain);
        }

        /** The outcome of a chain, or null when the packet falls through or returns. */
        private Outcome chain(Chain chain, Packet packet, int depth) {
            for (Rule rule : chain.rules()) {
                Truth truth = rule.test(packet);
                if (truth == Truth.NO || rule.action() instanceof Rule.Action.Continue) {
                    continue;
                }
                if (truth == Truth.UNKNOWN || rule.action() instanceof Rule.Action.Unknown) {
                    skipped.add(new Skipped(rule, base));
                    continue;
                }
                Rule.Action action = rule.action();
                if (action instanceof Rule.Action.Accept) {
                    return new Outcome(Action.ACCEPT, rule.shown(), null, null, null);
                }
                if (action instanceof Rule.Action.Drop) {
                    return new Outcome(Action.DROP, rule.shown(), null, null, null);
                }
                if (action instanceof Rule.Action.Reject reject) {
                    return new Outcome(Action.REJECT, rule.shown(), reject.with(), null, null);
                }
                if (action instanceof Rule.Action.Return) {
                    return null;
                }
                if (action instanceof Rule.Action.DestinationNat dnat) {
                    if ("nat".equals(chainType(chain))) {
                        return new Outcome(Action.ACCEPT, rule.shown(), null, null, dnat);
                    }
                    skipped.add(new Skipped(rule, base));
                    continue;
                }
                String target = action instanceof Rule.Action.Jump j ? j.chain() : ((Rule.Action.Goto) action).chain();
                Chain next = byKey.get(NftJson.key(chain.family(), chain.table(), target));
                if (next == null || depth >= MAX_DEPTH) {
                    skipped.add(new Skipped(rule, base));
                    continue;
                }
                Outcome inner = chain(next, packet, depth + 1);
                if (inner != null || action instanceof Rule.Action.Goto) {
                    return inner; // after a goto, a return leaves the calling chain too
                }
            }
            return null;
        }

        /** A regular chain is reached from base chains of its table: they share one type (nat or filter). */
        private String chainType(Chain chain) {
            if (chain.type() != null) {
                return chain.type();
            }
            return chains.stream().filter(c -> c.base() && c.family().equals(chain.family()) && c.table().equals(chain.table()))
                    .map(Chain::type).findFirst().orElse("filter");
        }

        /** The verdict, keeping as uncertain only the skipped rules that could have ended otherwise. */
        FirewallVerdict verdict(InetAddress address, int port, Outcome outcome) {
            List<FirewallRule> uncertain = skipped.stream()
                    .filter(s -> couldDiffer(s, outcome))
                    .map(s -> s.rule().shown()).distinct().toList();
            FirewallRule policy = outcome.rule() == null && outcome.policy() != null && outcome.action() != Action.ACCEPT
                    ? outcome.policy().policyRule() : null;
            return new FirewallVerdict(address, port, outcome.action(), outcome.rule(), outcome.rejectWith(), policy, uncertain);
        }

        /** An accept ends only its own base chain: skipped in another one, it cannot undo a drop decided later. */
        private boolean couldDiffer(Skipped skipped, Outcome outcome) {
            Rule.Action skippedAction = skipped.rule().action();
            Action decided = outcome.action();
            if (skippedAction instanceof Rule.Action.Accept) {
                return decided != Action.ACCEPT && skipped.base() == outcome.base();
            }
            if (skippedAction instanceof Rule.Action.Drop) {
                return decided != Action.DROP;
            }
            if (skippedAction instanceof Rule.Action.Reject) {
                return decided != Action.REJECT;
            }
            return true; // a jump, goto, return, NAT or unknown verdict may lead anywhere
        }
    }
}
