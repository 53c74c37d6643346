package dev.otlpdoctor.probe.local;

import dev.otlpdoctor.probe.Fact;
import dev.otlpdoctor.probe.FindingSink;
import dev.otlpdoctor.probe.ProbeContext;
import dev.otlpdoctor.probe.ProbeInfo;
import dev.otlpdoctor.probe.Scope;
import dev.otlpdoctor.probe.local.firewall.FirewallReader;
import dev.otlpdoctor.probe.local.firewall.FirewallRule;
import dev.otlpdoctor.probe.local.firewall.FirewallVerdict;
import dev.otlpdoctor.probe.local.firewall.FirewallView;
import dev.otlpdoctor.probe.local.firewall.OpenPort;
import dev.otlpdoctor.probe.local.firewall.RulesetView;
import dev.otlpdoctor.report.Finding;
import dev.otlpdoctor.report.catalog.LocalCodes;
import dev.otlpdoctor.target.Endpoint;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What this machine's packet filter does to the target's connections. As root it reads the ruleset the
 * kernel holds (nftables, iptables-nft and legacy iptables: {@link FirewallReader}), once per run, and
 * reports per endpoint the rule that drops or rejects a new connection to the target's addresses, with the
 * command, in the owning tool's words, that lets the port through. The view is published as {@link #VIEW}
 * for the diagnosis. Without root or the programs it says so ({@code firewall.unreadable}) and only names
 * the firewalls configured (ufw.conf, the firewalld daemon, kernel modules, saved rule files). It never
 * changes anything.
 */
public final class FirewallProbe extends LocalProbe {
    private static final ProbeInfo INFO = ProbeInfo.of("firewall", Scope.TARGET)
            .observes("the kernel's firewall ruleset (`nft -j list ruleset`, legacy `iptables-save`; as root) evaluated for the target's addresses and ports, naming the rule, its handle and the tool that wrote it (local targets only, [local-probes.md](local-probes.md#the-firewall))")
            .reports("firewall.drops", "firewall.rejects", "firewall.unreadable", "firewall.present");

    @Override
    public ProbeInfo info() {
        return INFO;
    }
    /** The packet filter of this run; {@link FirewallView#unavailable()} says why when it could not be read. */
    public static final Fact<FirewallView> VIEW = Fact.named("firewall-view");

    public FirewallProbe(HostFs fs) {
        super(fs);
    }

    /** One firewall found: its name, what showed it, and the commands that open the ports. */
    private record Found(String name, String evidence, String open) {
    }

    @Override
    public void run(ProbeContext context, FindingSink findings) {
        HostSnapshot snapshot = snapshotOrSkip(context, findings);
        if (snapshot == null) {
            return;
        }
        FirewallView view = context.facts().get(VIEW)
                .orElseGet(() -> context.run().get(VIEW, () -> FirewallReader.read(fs, context.deadline())));
        context.facts().put(VIEW, view);
        List<Integer> ports = endpointsByPort(context).stream().map(Endpoint::port).toList();
        if (view.unavailable().isPresent()) {
            findings.add(LocalCodes.FIREWALL_UNREADABLE.finding()
                    .evidence("reason", view.unavailable().get())
                    .detail("The packet filter's rules were not read, so whether they let the target's ports through "
                            + "is not known: " + view.unavailable().get() + ".")
                    .build());
            configured(snapshot, ports, findings);
            return;
        }
        List<InetAddress> addresses = targetAddresses(context);
        List<FirewallVerdict> blocking = new ArrayList<>();
        List<String> accepted = new ArrayList<>();
        for (Endpoint endpoint : endpointsByPort(context)) {
            Map<List<Object>, List<FirewallVerdict>> byDecision = new LinkedHashMap<>();
            for (InetAddress address : addresses) {
                FirewallVerdict verdict = view.verdictFor(reached(address), endpoint.port());
                if (verdict.action() == FirewallVerdict.Action.ACCEPT) {
                    accepted.add(accepted(verdict));
                } else {
                    byDecision.computeIfAbsent(decision(verdict), k -> new ArrayList<>()).add(verdict);
                }
            }
            for (List<FirewallVerdict> same : byDecision.values()) {
                blocking.add(same.get(0));
                findings.add(blocked(endpoint, same));
            }
        }
        if (blocking.isEmpty() && view instanceof RulesetView ruleset && !ruleset.empty()) {
            present(ruleset, ports, accepted, fromElsewhere(ruleset, addresses, ports), findings);
        }
    }

    /** Linux delivers a connection to the wildcard address ({@code 0.0.0.0}, {@code ::}) over loopback. */
    private static InetAddress reached(InetAddress address) {
        if (!address.isAnyLocalAddress()) {
            return address;
        }
        byte[] loopback = new byte[address.getAddress().length];
        loopback[loopback.length - 1] = 1;
        if (loopback.length == 4) {
            loopback[0] = 127;
        }
        try {
            return InetAddress.getByAddress(loopback);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e); // 4 or 16 bytes: never
        }
    }

    /** Addresses with the same deciding rule, action and reject type are one finding. */
    private static List<Object> decision(FirewallVerdict verdict) {
        return Arrays.asList(verdict.action(), verdict.decidedBy(), verdict.rejectWith(), verdict.uncertain());
    }

    private static Finding blocked(Endpoint endpoint, List<FirewallVerdict> verdicts) {
        FirewallVerdict first = verdicts.get(0);
        FirewallRule rule = first.decidedBy();
        boolean drop = first.action() == FirewallVerdict.Action.DROP;
        String address = verdicts.stream().map(v -> v.address().getHostAddress()).collect(Collectors.joining(", "));
        Finding.Builder b = (drop ? LocalCodes.FIREWALL_DROPS : LocalCodes.FIREWALL_REJECTS).finding()
                .endpoint(endpoint.label())
                .evidence("address", address)
                .evidence("port", first.port())
                .evidence("tool", rule.writtenBy().label())
                .evidence("family", rule.family())
                .evidence("table", rule.table())
                .evidence("chain", rule.chain())
                .evidence("rule", first.rule() != null ? rule.text() : "policy " + (drop ? "drop" : "reject") + " of the chain")
                .evidence("handle", Objects.requireNonNullElse(rule.handle(), "none"));
        if (!drop) {
            b.evidence("rejectWith", first.rejectWith());
        }
        b.param("fix", OpenPort.command(first));
        String what = first.rule() != null ? "the rule '" + rule.text() + "'" : "the policy of the chain (no rule matched)";
        String seen = drop ? "the SYN is discarded, so clients wait until they time out"
                : first.looksRefused() ? "clients see 'connection refused' although a collector may listen behind it"
                : "clients see 'no route to host' (the port looks unreachable)";
        String detail = "New TCP connections to " + address + ":" + first.port() + " are " + (drop ? "dropped" : "rejected with "
                + first.rejectWith()) + " by " + what + " in " + rule.family() + " " + rule.table() + " " + rule.chain()
                + ", written by " + rule.writtenBy().label() + ": " + seen + ".";
        if (!first.certain()) {
            b.evidence("notUnderstood", first.uncertain().stream().map(FirewallProbe::shown).toList());
            detail += " Earlier rules were passed over because they are not understood and might decide first: "
                    + first.uncertain().stream().map(FirewallProbe::shown).collect(Collectors.joining("; ")) + ".";
        }
        return b.detail(detail).build();
    }

    private static String accepted(FirewallVerdict verdict) {
        String where = verdict.address().getHostAddress() + ":" + verdict.port();
        String by = verdict.rule() != null ? "accepted by " + shown(verdict.rule()) : "no rule stops it";
        return where + " " + by + (verdict.certain() ? "" : " (rules not understood on the way: "
                + verdict.uncertain().stream().map(FirewallProbe::shown).collect(Collectors.joining("; ")) + ")");
    }

    private static String shown(FirewallRule rule) {
        return rule.family() + " " + rule.table() + " " + rule.chain() + ": " + rule.text()
                + (rule.handle() == null ? "" : " (handle " + rule.handle() + ")");
    }

    /**
     * What the ruleset does to connections from other hosts to the target's non-loopback addresses: often
     * not what it does to this machine's own ones (ufw and firewalld accept everything on lo).
     */
    private static List<FirewallVerdict> fromElsewhere(RulesetView ruleset, List<InetAddress> addresses, List<Integer> ports) {
        List<FirewallVerdict> blocked = new ArrayList<>();
        for (InetAddress address : addresses) {
            if (address.isLoopbackAddress() || address.isAnyLocalAddress()) {
                continue;
            }
            for (int port : ports) {
                FirewallVerdict verdict = ruleset.verdictFromElsewhere(address, port);
                if (verdict.action() != FirewallVerdict.Action.ACCEPT) {
                    blocked.add(verdict);
                }
            }
        }
        return blocked;
    }

    /**
     * The ruleset filters, but lets this machine's connections to the target through: information, with what
     * it does to other hosts' connections and each tool's command to open the ports for them.
     */
    private static void present(RulesetView ruleset, List<Integer> ports, List<String> accepted,
                                List<FirewallVerdict> blockedElsewhere, FindingSink findings) {
        List<FirewallRule.Tool> tools = ruleset.tools();
        Finding.Builder b = LocalCodes.FIREWALL_PRESENT.finding()
                .evidence("firewalls", tools.stream().map(FirewallRule.Tool::label).collect(Collectors.joining(", ")))
                .evidence("ports", ports)
                .evidence("verdicts", accepted);
        String detail = "The ruleset was read (nft -j list ruleset); it lets new connections from this machine to "
                + "the target through: " + String.join("; ", accepted) + ".";
        if (!blockedElsewhere.isEmpty()) {
            List<String> elsewhere = blockedElsewhere.stream().map(FirewallProbe::blockedElsewhere).toList();
            b.evidence("fromOtherHosts", elsewhere);
            detail += " Connections from other hosts are not: " + String.join("; ", elsewhere) + ".";
            blockedElsewhere.stream().map(OpenPort::command).distinct().forEach(c -> b.step("for other hosts: " + c));
        } else {
            for (FirewallRule.Tool tool : tools) {
                String open = openCommand(tool, ports);
                if (open != null) {
                    b.step(tool.label() + " (for other hosts, if they are filtered): " + open);
                }
            }
        }
        findings.add(b.detail(detail + " Nothing was changed.").build());
    }

    private static String blockedElsewhere(FirewallVerdict verdict) {
        String how = verdict.action() == FirewallVerdict.Action.DROP ? "dropped" : "rejected with " + verdict.rejectWith();
        String by = verdict.rule() != null ? "by " + shown(verdict.rule()) : "by the policy of " + verdict.policy().family()
                + " " + verdict.policy().table() + " " + verdict.policy().chain();
        return verdict.address().getHostAddress() + ":" + verdict.port() + " " + how + " " + by
                + " (" + verdict.decidedBy().writtenBy().label() + ")" + (verdict.certain() ? ""
                : " unless one of the rules not understood decides first: "
                + verdict.uncertain().stream().map(FirewallProbe::shown).collect(Collectors.joining("; ")));
    }

    private static String openCommand(FirewallRule.Tool tool, List<Integer> ports) {
        String list = ports.stream().map(String::valueOf).collect(Collectors.joining(","));
        return switch (tool) {
            case UFW -> ports.stream().map(p -> "sudo ufw allow " + p + "/tcp").collect(Collectors.joining(" && "));
            case FIREWALLD -> "sudo firewall-cmd --permanent " + ports.stream().map(p -> "--add-port=" + p + "/tcp")
                    .collect(Collectors.joining(" ")) + " && sudo firewall-cmd --reload";
            case NFTABLES -> "sudo nft insert rule <family> <table> <input chain> tcp dport { " + list.replace(",", ", ")
                    + " } accept   (the chain that filters input: sudo nft -a list ruleset)";
            case IPTABLES_NFT, IPTABLES_LEGACY -> "sudo iptables -I INPUT -p tcp -m multiport --dports " + list + " -j ACCEPT";
            case DOCKER, KUBE_PROXY -> null; // they manage their own chains
        };
    }

    /** Without the ruleset: which firewalls are configured, from their files, daemons and kernel modules. */
    private void configured(HostSnapshot snapshot, List<Integer> ports, FindingSink findings) {
        List<Found> found = new ArrayList<>();
        ufw(ports, found);
        firewalld(snapshot, ports, found);
        Map<String, Integer> modules = modulesInUse();
        nftables(modules, ports, found);
        iptables(modules, ports, found);
        if (found.isEmpty()) {
            return;
        }
        Finding.Builder b = LocalCodes.FIREWALL_PRESENT.finding()
                .evidence("firewalls", found.stream().map(Found::name).collect(Collectors.joining(", ")))
                .evidence("ports", ports);
        for (Found f : found) {
            b.evidence(f.name(), f.evidence());
            b.step(f.name() + ": " + f.open());
        }
        findings.add(b.detail("Found: " + found.stream().map(f -> f.name() + " (" + f.evidence() + ")")
                .collect(Collectors.joining("; ")) + ". Its rules were not read. Nothing was changed.").build());
    }

    private void ufw(List<Integer> ports, List<Found> found) {
        String conf = readOrEmpty("/etc/ufw/ufw.conf");
        if (conf.lines().map(String::trim).anyMatch(l -> l.equals("ENABLED=yes"))) {
            found.add(new Found("ufw", "ENABLED=yes in /etc/ufw/ufw.conf", ports.stream()
                    .map(p -> "sudo ufw allow " + p + "/tcp").collect(Collectors.joining(" && "))));
        }
    }

    private static void firewalld(HostSnapshot snapshot, List<Integer> ports, List<Found> found) {
        snapshot.processes().stream()
                .filter(p -> p.name().equals("firewalld") || p.argv().stream().anyMatch(a -> a.endsWith("/firewalld")))
                .findFirst()
                .ifPresent(p -> found.add(new Found("firewalld", "the firewalld daemon runs as pid " + p.pid(),
                        "sudo firewall-cmd --permanent " + ports.stream().map(port -> "--add-port=" + port + "/tcp")
                                .collect(Collectors.joining(" ")) + " && sudo firewall-cmd --reload")));
    }

    private void nftables(Map<String, Integer> modules, List<Integer> ports, List<Found> found) {
        Integer uses = modules.get("nf_tables");
        if (uses != null && uses > 0) {
            found.add(new Found("nftables", "kernel module nf_tables in use by " + uses + " (/proc/modules)"
                    + (Files.exists(fs.file("/etc/nftables.conf")) ? ", /etc/nftables.conf" : ""),
                    "sudo nft add rule inet filter input tcp dport '{ " + ports.stream().map(String::valueOf)
                            .collect(Collectors.joining(", ")) + " }' accept   (use the table and chain that "
                            + "filter input: sudo nft list ruleset; persist it in /etc/nftables.conf)"));
        }
    }

    private void iptables(Map<String, Integer> modules, List<Integer> ports, List<Found> found) {
        List<String> seen = new ArrayList<>();
        String tables = readOrEmpty("/proc/net/ip_tables_names").trim();
        if (!tables.isEmpty()) {
            seen.add("tables " + tables.replace('\n', ',') + " (/proc/net/ip_tables_names)");
        }
        Integer uses = modules.get("ip_tables");
        if (uses != null && uses > 0) {
            seen.add("kernel module ip_tables in use (/proc/modules)");
        }
        for (String saved : List.of("/etc/iptables/rules.v4", "/etc/sysconfig/iptables")) {
            if (Files.exists(fs.file(saved))) {
                seen.add("saved rules " + saved);
            }
        }
        if (seen.isEmpty()) {
            return;
        }
        String list = ports.stream().map(String::valueOf).collect(Collectors.joining(","));
        found.add(new Found("iptables", String.join(", ", seen),
                "sudo iptables -I INPUT -p tcp -m multiport --dports " + list + " -j ACCEPT && "
                        + "sudo ip6tables -I INPUT -p tcp -m multiport --dports " + list + " -j ACCEPT   "
                        + "(persist: sudo netfilter-persistent save, or sudo service iptables save)"));
    }

    /** Loaded kernel modules and their use counts, from /proc/modules ("name size uses deps state addr"). */
    private Map<String, Integer> modulesInUse() {
        Map<String, Integer> modules = new HashMap<>();
        for (String line : readOrEmpty("/proc/modules").split("\n")) {
            String[] f = line.split("\\s+");
            if (f.length > 2) {
                try {
                    modules.put(f[0], Integer.parseInt(f[2]));
                } catch (NumberFormatException e) {
                    // not a module line
                }
            }
        }
        return modules;
    }

    private String readOrEmpty(String absolute) {
        try {
            return HostFs.read(fs.file(absolute), HostFs.SMALL_FILE_CAP);
        } catch (IOException e) {
            return "";
        }
    }
}
