package dev.otlpdoctor.probe.local.firewall;

/**
 * The command that lets new TCP connections to a port through, in the words of the tool that wrote the
 * deciding rule: each tool rewrites its own rules, so a change made with another tool does not last.
 */
public final class OpenPort {
    private OpenPort() {
    }

    /** The command for {@code verdict}'s port, or null when it was not blocked. */
    public static String command(FirewallVerdict verdict) {
        FirewallRule rule = verdict.decidedBy();
        if (rule == null || verdict.action() == FirewallVerdict.Action.ACCEPT) {
            return null;
        }
        int port = verdict.port();
        boolean ipv6 = rule.family().equals("ip6") || rule.family().equals("ipv6");
        String iptables = ipv6 ? "ip6tables" : "iptables";
        String table = rule.table().equals("filter") ? "" : "-t " + rule.table() + " ";
        return switch (rule.writtenBy()) {
            case FIREWALLD -> "sudo firewall-cmd --permanent --add-port=" + port + "/tcp && sudo firewall-cmd --reload";
            case UFW -> "sudo ufw allow " + port + "/tcp";
            case NFTABLES -> {
                String chain = rule.family() + " " + rule.table() + " " + rule.chain();
                String insert = "sudo nft insert rule " + chain + " tcp dport " + port + " accept";
                yield rule.handle() == null ? insert
                        : insert + "   (or delete the rule: sudo nft delete rule " + chain + " handle " + rule.handle() + ")";
            }
            case IPTABLES_NFT -> "sudo " + iptables + " " + table + "-I " + rule.chain() + " -p tcp --dport " + port + " -j ACCEPT";
            case IPTABLES_LEGACY -> "sudo " + iptables + "-legacy " + table + "-I " + rule.chain() + " -p tcp --dport " + port
                    + " -j ACCEPT   (plain " + iptables + " where it is the legacy one: " + iptables + " -V)";
            case DOCKER -> "sudo " + iptables + " -I DOCKER-USER -p tcp --dport " + port + " -j ACCEPT   (Docker rewrites its "
                    + "own chains; DOCKER-USER is kept for rules like this)";
            case KUBE_PROXY -> "kube-proxy wrote it and rewrites it: a Service port without ready endpoints is rejected "
                    + "like this; check the Service's endpoints (kubectl get endpointslices -A) instead of the rule";
        };
    }
}
