package dev.otlpdoctor.probe.local.firewall;

import dev.otlpdoctor.probe.local.firewall.FirewallRule.Tool;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which tool wrote a chain or rule, from the names the tools give their tables and chains: firewalld's
 * table {@code firewalld}, ufw's {@code ufw-*} chains, Docker's {@code DOCKER*}, kube-proxy's {@code KUBE-*},
 * and iptables' own tables ({@code xt} expressions, or a {@code filter}/{@code nat}/... table with upper-case
 * built-in chains). Everything else was written with nft.
 */
final class Attribution {
    private static final Set<String> IPTABLES_TABLES = Set.of("filter", "nat", "mangle", "raw", "security");
    private static final Set<String> IPTABLES_CHAINS = Set.of("INPUT", "OUTPUT", "FORWARD", "PREROUTING", "POSTROUTING");

    private Attribution() {
    }

    /**
     * @param chains the chains of one source
     * @param xtChains the chains (by {@link NftJson#key}) that hold {@code xt} expressions
     * @param iptablesTool the tool of a plain iptables table: {@code IPTABLES_NFT} for nft's view, {@code IPTABLES_LEGACY}
     */
    static List<Chain> apply(List<Chain> chains, Set<String> xtChains, Tool iptablesTool) {
        // A kube-proxy node has thousands of chains: group them by table once.
        Map<String, List<Chain>> tables = chains.stream()
                .collect(Collectors.groupingBy(c -> c.family() + " " + c.table()));
        Map<String, Tool> tableTools = new HashMap<>();
        tables.forEach((key, table) -> tableTools.put(key, tableTool(table.get(0), table, xtChains, iptablesTool)));
        List<Chain> out = new ArrayList<>();
        for (Chain chain : chains) {
            Tool tableTool = tableTools.get(chain.family() + " " + chain.table());
            Tool chainTool = byName(chain.name(), tableTool);
            List<Rule> rules = chain.rules().stream().map(r -> new Rule(new FirewallRule(ruleTool(r, chainTool),
                    r.shown().family(), r.shown().table(), r.shown().chain(), r.shown().text(), r.shown().handle()),
                    r.matches(), r.action())).toList();
            out.add(new Chain(chain.family(), chain.table(), chain.name(), chain.type(), chain.hook(), chain.priority(),
                    chain.policy(), rules, chainTool));
        }
        return out;
    }

    private static Tool tableTool(Chain chain, List<Chain> table, Set<String> xtChains, Tool iptablesTool) {
        if (chain.table().equals("firewalld")) {
            return Tool.FIREWALLD;
        }
        if (table.stream().anyMatch(c -> c.name().startsWith("ufw-") || c.name().startsWith("ufw6-"))) {
            return Tool.UFW;
        }
        boolean iptablesFamily = List.of("ip", "ip6", "ipv4", "ipv6").contains(chain.family());
        boolean hasXt = table.stream().anyMatch(c -> xtChains.contains(NftJson.key(c.family(), c.table(), c.name())));
        boolean iptablesShape = IPTABLES_TABLES.contains(chain.table())
                && table.stream().filter(Chain::base).anyMatch(c -> IPTABLES_CHAINS.contains(c.name()));
        if (iptablesFamily && (hasXt || iptablesShape || iptablesTool == Tool.IPTABLES_LEGACY)) {
            return iptablesTool;
        }
        return Tool.NFTABLES;
    }

    /** A chain named by a tool is that tool's; other chains belong to their table's tool. */
    private static Tool byName(String chain, Tool fallback) {
        if (chain.startsWith("ufw-") || chain.startsWith("ufw6-")) {
            return Tool.UFW;
        }
        if (chain.startsWith("DOCKER")) {
            return Tool.DOCKER;
        }
        if (chain.startsWith("KUBE-")) {
            return Tool.KUBE_PROXY;
        }
        return fallback;
    }

    /** A rule that only sends packets into a tool's chain ({@code -A INPUT -j ufw-before-input}) was written by that tool. */
    private static Tool ruleTool(Rule rule, Tool chainTool) {
        String target = rule.action() instanceof Rule.Action.Jump j ? j.chain()
                : rule.action() instanceof Rule.Action.Goto g ? g.chain() : null;
        return target == null ? chainTool : byName(target, chainTool);
    }
}
