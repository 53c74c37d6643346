package dev.otlpdoctor.probe.local.firewall;

/**
 * One rule of this machine's packet filter, as the kernel holds it.
 *
 * @param writtenBy the tool that wrote it (decides which command opens the port)
 * @param family the nftables family ({@code ip}, {@code ip6}, {@code inet}) or {@code ipv4}/{@code ipv6} for legacy iptables
 * @param table the table, e.g. {@code filter}
 * @param chain the chain the rule is in, e.g. {@code input}, {@code INPUT}, {@code ufw-user-input}
 * @param text the rule as {@code nft list ruleset} or {@code iptables-save} prints it
 * @param handle the nftables handle or the iptables rule number, or null when not known
 */
public record FirewallRule(Tool writtenBy, String family, String table, String chain, String text, String handle) {

    /** Who wrote a rule: each has its own command to allow a port. */
    public enum Tool {
        NFTABLES("nft"),
        IPTABLES_NFT("iptables (nf_tables backend)"),
        IPTABLES_LEGACY("iptables (legacy)"),
        FIREWALLD("firewalld"),
        UFW("ufw"),
        DOCKER("docker"),
        KUBE_PROXY("kube-proxy");

        private final String label;

        Tool(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
