package dev.otlpdoctor.probe.local;

import dev.otlpdoctor.probe.FindingSink;
import dev.otlpdoctor.probe.ProbeContext;
import dev.otlpdoctor.report.Finding;
import dev.otlpdoctor.report.catalog.LocalCodes;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Is there a host firewall that may drop the OTLP ports? Looks, without running any tool and without
 * changing anything, for ufw (enabled in /etc/ufw/ufw.conf), firewalld (its daemon runs), nftables and
 * iptables (kernel modules in use per /proc/modules, the table list, saved rule files), and gives the
 * commands that open the target's ports in each.
 */
public final class FirewallProbe extends LocalProbe {

    public FirewallProbe(HostFs fs) {
        super(fs);
    }

    @Override
    public String id() {
        return "firewall";
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
        List<Integer> ports = endpointsByPort(context).stream().map(e -> e.port()).toList();
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
                .collect(Collectors.joining("; ")) + ". Nothing was changed.").build());
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
