package dev.otlpdoctor.probe.local.firewall;

import dev.otlpdoctor.Deadline;
import dev.otlpdoctor.probe.HostCommand;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads this machine's packet filter as the kernel holds it, read-only: {@code nft -j list ruleset} (every
 * nftables table, iptables-nft's included) with {@code nft -a list ruleset} for the rules' text; the
 * {@code xt} extensions of iptables-nft rules from {@code iptables-nft-save}; and the legacy backend's
 * tables from {@code iptables-legacy-save} only when {@code /proc/net/ip_tables_names} lists some, so no
 * rule is counted twice. Needs root. Every program runs under the run's deadline with its output capped.
 */
public final class FirewallReader {
    /** A ruleset with tens of thousands of rules (a large kube-proxy node) stays below this. */
    static final int OUTPUT_CAP = 32 * 1024 * 1024;
    private static final int SMALL_FILE_CAP = 64 * 1024;
    /** /proc/net/fib_trie grows with the routes: a node with thousands of pod routes stays below this. */
    private static final int ROUTES_CAP = 8 * 1024 * 1024;
    public static final String NEEDS_ROOT = "reading the ruleset needs root (nft list ruleset)";

    private final FirewallHost fs;
    private final Map<String, String> env;
    private final Deadline deadline;

    private FirewallReader(FirewallHost fs, Deadline deadline) {
        this.fs = fs;
        this.env = fs.programEnvironment();
        this.deadline = deadline;
    }

    /** The view of {@code fs}'s machine, run with its program environment; unavailable with the reason when it cannot be read. */
    public static FirewallView read(FirewallHost fs, Deadline deadline) {
        try {
            return new FirewallReader(fs, deadline).read();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Unreadable("the run was interrupted while reading the ruleset");
        }
    }

    private FirewallView read() throws InterruptedException {
        Optional<String> notRoot = notRoot();
        if (notRoot.isPresent()) {
            return new Unreadable(notRoot.get());
        }
        List<Chain> chains = new ArrayList<>();
        Optional<HostCommand> nft = HostCommand.find("nft", env, OUTPUT_CAP);
        boolean legacyV4 = legacyTables("ip_tables_names");
        boolean legacyV6 = legacyTables("ip6_tables_names");
        if (nft.isEmpty() && !legacyV4 && !legacyV6) {
            return new Unreadable("nft is not installed (not found on PATH " + env.get("PATH") + ")");
        }
        if (nft.isPresent()) {
            HostCommand.Result json = nft.get().run(List.of("-j", "list", "ruleset"), deadline);
            if (!json.ok()) {
                return new Unreadable("nft -j list ruleset failed: " + reason(json));
            }
            // The rules' text is only needed when there are rules (most hosts without a firewall have none).
            HostCommand.Result text = json.output().contains("\"rule\"")
                    ? nft.get().run(List.of("-a", "list", "ruleset"), deadline) : null;
            NftJson.Parsed parsed;
            try {
                parsed = NftJson.parse(json.output(), text != null && text.ok() ? NftText.rules(text.output()) : Map.of());
            } catch (IllegalArgumentException e) {
                return new Unreadable(e.getMessage());
            }
            List<Chain> nftChains = decodeXt(parsed);
            chains.addAll(Attribution.apply(nftChains, parsed.chainsWithXt(), FirewallRule.Tool.IPTABLES_NFT));
        }
        for (boolean ipv6 : new boolean[] {false, true}) {
            if (ipv6 ? legacyV6 : legacyV4) {
                Optional<String> saved = save(ipv6 ? "ip6tables" : "iptables", "legacy");
                if (saved.isEmpty()) {
                    return new Unreadable("the legacy iptables backend holds " + (ipv6 ? "IPv6" : "IPv4") + " tables (/proc/net/"
                            + (ipv6 ? "ip6" : "ip") + "_tables_names) but " + (ipv6 ? "ip6" : "ip")
                            + "tables-legacy-save could not list them");
                }
                List<Chain> legacy = IptablesSave.parse(saved.get(), ipv6, ipv6 ? "ipv6" : "ipv4", FirewallRule.Tool.IPTABLES_LEGACY);
                chains.addAll(Attribution.apply(legacy, Set.of(), FirewallRule.Tool.IPTABLES_LEGACY));
            }
        }
        return new RulesetView(chains, localAddresses());
    }

    /**
     * This network namespace's own addresses: IPv4 from the LOCAL routes of /proc/net/fib_trie, IPv6 from
     * /proc/net/if_inet6. Missing files leave the set empty (then only loopback counts as local).
     */
    private Set<InetAddress> localAddresses() {
        Set<InetAddress> local = new HashSet<>();
        try {
            String last = null;
            for (String line : read(fs.proc("net", "fib_trie"), ROUTES_CAP).split("\n")) {
                String t = line.strip();
                if (t.startsWith("|-- ") || t.startsWith("+-- ")) {
                    last = t.substring(4).split("\\s+")[0];
                } else if (t.startsWith("/32 host LOCAL") && last != null) {
                    Optional.ofNullable(AddressSet.literal(last)).ifPresent(local::add);
                }
            }
        } catch (IOException e) {
            // no IPv4 routes to read
        }
        try {
            for (String line : read(fs.proc("net", "if_inet6"), ROUTES_CAP).split("\n")) {
                String hex = line.strip().split("\\s+")[0];
                if (hex.length() == 32) {
                    Optional.ofNullable(AddressSet.literal(hex.replaceAll("(.{4})(?!$)", "$1:"))).ifPresent(local::add);
                }
            }
        } catch (IOException e) {
            // IPv6 is off
        }
        return local;
    }

    /**
     * Replaces the rules of chains with {@code xt} expressions by what {@code iptables-nft-save} says they do
     * (same chain, same order); the nft handle stays. A chain whose rule count differs keeps its unknowns.
     */
    private List<Chain> decodeXt(NftJson.Parsed parsed) throws InterruptedException {
        if (parsed.chainsWithXt().isEmpty()) {
            return parsed.chains();
        }
        Map<String, Chain> decoded = new HashMap<>();
        for (String family : List.of("ip", "ip6")) {
            if (parsed.chainsWithXt().stream().noneMatch(k -> k.startsWith(family + " "))) {
                continue;
            }
            Optional<String> saved = save(family.equals("ip6") ? "ip6tables" : "iptables", "nf_tables");
            saved.ifPresent(text -> IptablesSave.parse(text, family.equals("ip6"), family, FirewallRule.Tool.IPTABLES_NFT)
                    .forEach(c -> decoded.put(NftJson.key(c.family(), c.table(), c.name()), c)));
        }
        List<Chain> out = new ArrayList<>();
        for (Chain chain : parsed.chains()) {
            String key = NftJson.key(chain.family(), chain.table(), chain.name());
            Chain saved = decoded.get(key);
            if (!parsed.chainsWithXt().contains(key) || saved == null || saved.rules().size() != chain.rules().size()) {
                out.add(chain);
                continue;
            }
            List<Rule> rules = new ArrayList<>();
            for (int i = 0; i < chain.rules().size(); i++) {
                FirewallRule nft = chain.rules().get(i).shown();
                Rule iptables = saved.rules().get(i);
                rules.add(new Rule(new FirewallRule(nft.writtenBy(), nft.family(), nft.table(), nft.chain(),
                        iptables.shown().text(), nft.handle()), iptables.matches(), iptables.action()));
            }
            out.add(new Chain(chain.family(), chain.table(), chain.name(), chain.type(), chain.hook(), chain.priority(),
                    chain.policy(), rules, chain.writtenBy()));
        }
        return out;
    }

    /**
     * The output of the {@code backend}'s save program ({@code iptables-legacy-save}, {@code iptables-nft-save}),
     * or of plain {@code iptables-save} when it is that backend's.
     */
    private Optional<String> save(String family, String backend) throws InterruptedException {
        String specific = family + (backend.equals("legacy") ? "-legacy" : "-nft") + "-save";
        for (String program : List.of(specific, family + "-save")) {
            Optional<HostCommand> command = HostCommand.find(program, env, OUTPUT_CAP);
            if (command.isEmpty()) {
                continue;
            }
            HostCommand.Result result = command.get().run(List.of(), deadline);
            // iptables-save names the nf_tables backend in its first comment line; the legacy one says nothing.
            boolean nfTables = result.output().lines().limit(3).anyMatch(l -> l.startsWith("#") && l.contains("(nf_tables)"));
            if (result.ok() && (program.equals(specific) || nfTables == backend.equals("nf_tables"))) {
                return Optional.of(result.output());
            }
        }
        return Optional.empty();
    }

    /** Why this process may not read the ruleset, from the effective uid in /proc/self/status. */
    private Optional<String> notRoot() {
        Path status = fs.proc("self", "status");
        try {
            for (String line : read(status).split("\n")) {
                if (line.startsWith("Uid:")) {
                    String[] ids = line.substring(4).trim().split("\\s+");
                    return ids.length > 1 && ids[1].equals("0") ? Optional.empty() : Optional.of(NEEDS_ROOT);
                }
            }
        } catch (IOException e) {
            // below
        }
        return Optional.of("cannot tell whether this runs as root (" + fs.display(status) + " not readable); " + NEEDS_ROOT);
    }

    /** Whether the legacy backend holds tables: on nf_tables kernels this lists only legacy ones. */
    private boolean legacyTables(String names) {
        try {
            return !read(fs.proc("net", names)).isBlank();
        } catch (IOException e) {
            return false;
        }
    }

    private static String read(Path path) throws IOException {
        return read(path, SMALL_FILE_CAP);
    }

    private static String read(Path path, int cap) throws IOException {
        try (InputStream in = Files.newInputStream(path)) {
            return new String(in.readNBytes(cap), StandardCharsets.UTF_8);
        }
    }

    private static String reason(HostCommand.Result result) {
        String first = result.stderr().lines().filter(l -> !l.isBlank()).findFirst().orElse("");
        return first.isEmpty() ? result.error() : result.error() + ": " + first.strip();
    }
}
