package dev.otlpdoctor.report.catalog;

import static dev.otlpdoctor.report.Severity.FAIL;
import static dev.otlpdoctor.report.Severity.INFO;
import static dev.otlpdoctor.report.Severity.PASS;
import static dev.otlpdoctor.report.Severity.SKIP;
import static dev.otlpdoctor.report.Severity.WARN;

import dev.otlpdoctor.report.CatalogEntry;
import java.util.List;

/**
 * Codes of the local probes: the collector process, the sockets bound on the OTLP ports, who owns them,
 * and the host firewall (docs/local-probes.md).
 */
public final class LocalCodes {
    private LocalCodes() {
    }

    public static final CatalogEntry PROCESS_RUNNING = new CatalogEntry("process.running", PASS,
            "{program} runs as pid {pid}",
            "A collector process runs on this machine. Its --config values are the configuration it loaded "
                    + "at start; a later edit of the file is not in effect until it restarts.",
            "pid, distribution, executable, user, start time, container (from its cgroup), every --config value "
                    + "(files, env: and yaml: URIs), and the TCP ports it listens on.",
            List.of());

    public static final CatalogEntry PROCESS_NOT_RUNNING = new CatalogEntry("process.not-running", FAIL,
            "no known collector process runs on this machine",
            "No process in /proc is a known collector (otelcol, otelcol-contrib, otelcol-k8s, otelcol-* builds, "
                    + "aws-otel-collector/aoc, alloy run, elastic-agent otel), and nothing listens on the OTLP "
                    + "ports either. The collector was never started, crashed, or refused to start because its "
                    + "configuration is invalid (e.g. the removed 'logging' exporter).",
            "The processes scanned, that none is a collector, and that no socket listens on the ports (when "
                    + "something does, only information: it may be a collector under a name not recognised).",
            List.of("Start the collector and watch its first log lines: systemctl status otelcol-contrib; "
                            + "journalctl -u otelcol-contrib -n 50   (Docker: docker ps -a; docker logs <container>)",
                    "If it exits at start, validate its configuration: otelcol-contrib validate --config <config.yaml>, "
                            + "and otlpdoctor lint <config.yaml>",
                    "If the collector runs in a container or on another host, check that target instead "
                            + "(otlpdoctor check <host>:4317)."));

    public static final CatalogEntry PROCESS_NO_OTLP_LISTENER = new CatalogEntry("process.no-otlp-listener", FAIL,
            "{program} (pid {pid}) runs but listens on no OTLP port",
            "The collector runs, but none of its sockets listens on {ports}. Its otlp receiver is not defined, "
                    + "defines neither the grpc nor the http protocol, listens on another port, or is not "
                    + "listed in any pipeline under service.pipelines (a receiver no pipeline uses is never "
                    + "started).",
            "The collector's pid, its --config values and every port it does listen on.",
            List.of("Lint the configuration it runs with: otlpdoctor lint {config}",
                    "Define the receiver and use it in a pipeline:\n"
                            + "receivers:\n  otlp:\n    protocols:\n      grpc:\n        endpoint: 0.0.0.0:4317\n"
                            + "      http:\n        endpoint: 0.0.0.0:4318\n"
                            + "service:\n  pipelines:\n    traces:\n      receivers: [otlp]",
                    "Restart the collector after the change; it reads its configuration only at start."));

    public static final CatalogEntry BIND_ALL_INTERFACES = new CatalogEntry("bind.all-interfaces", PASS,
            "port {port} listens on all interfaces ({bound})",
            "A socket bound to 0.0.0.0 (all IPv4 addresses) or [::] (all IPv6 addresses, and IPv4 too unless "
                    + "net.ipv6.bindv6only is set) accepts connections to every address of this machine.",
            "The bound address and port, the owning pid and command, and net.ipv6.bindv6only.",
            List.of());

    public static final CatalogEntry BIND_LOCALHOST_ONLY = new CatalogEntry("bind.localhost-only", FAIL,
            "port {port} listens on {bound} only: other hosts and containers are refused",
            "The socket is bound to a loopback address (127.0.0.1 or ::1), so only programs on this machine "
                    + "(in this network namespace) can connect; connections to any other address of the host, "
                    + "from other hosts, other containers or through a Docker port mapping are refused. Since "
                    + "collector v0.104.0 the otlp receiver listens on localhost:4317 / localhost:4318 unless "
                    + "its endpoint is set.",
            "The bound loopback address and port, the owning pid and command, and which address was checked. "
                    + "A failure when the address checked is not served; a warning when it is and a collector "
                    + "holds the socket (containers and other hosts are still refused); information for other programs.",
            List.of("Set the receiver's endpoint to all interfaces and restart the collector:\n"
                            + "receivers:\n  otlp:\n    protocols:\n      grpc:\n        endpoint: 0.0.0.0:4317\n"
                            + "      http:\n        endpoint: 0.0.0.0:4318",
                    "In Kubernetes, bind to the pod's address instead (the Helm chart does this):\n"
                            + "        endpoint: ${env:MY_POD_IP}:4317\n"
                            + "with env MY_POD_IP from fieldRef status.podIP in the container spec.",
                    "Only local applications may send? Then point them at 127.0.0.1:{port} and keep the binding."));

    public static final CatalogEntry BIND_SPECIFIC_ADDRESS = new CatalogEntry("bind.specific-address", INFO,
            "port {port} listens on {bound} only",
            "The socket is bound to particular addresses, not to all interfaces; connections to other "
                    + "addresses of this machine are refused. This fails when the application connects to an "
                    + "address the socket is not bound to (e.g. bound to the pod IP, application uses localhost; "
                    + "bound to 0.0.0.0, application uses ::1).",
            "The bound addresses and port, the owning pid and command, and the addresses that were checked.",
            List.of("Bind the receiver to every address (endpoint: 0.0.0.0:{port}, or \"[::]:{port}\" for IPv4 "
                            + "and IPv6), or point the application at one of: {bound}"));

    public static final CatalogEntry BIND_NO_LISTENER = new CatalogEntry("bind.no-listener", INFO,
            "nothing listens on port {port} on this machine",
            "No TCP socket of this machine's network namespace is in the LISTEN state on the port.",
            "The socket tables read (/proc/net/tcp, /proc/net/tcp6) and the port.",
            List.of());

    public static final CatalogEntry BIND_NOT_PUBLISHED = new CatalogEntry("bind.not-published", FAIL,
            "port {port} is open only inside {where}: it is not published here",
            "The collector runs in a container (its own network namespace) and listens on the port there, but "
                    + "nothing on this machine passes connections into that namespace: no port forwarder "
                    + "(docker-proxy, rootlessport, pasta) holds the port here and no DNAT rule sends it there. "
                    + "Connections to this machine's address are refused, although the collector runs and listens.",
            "The collector's pid and container (from its cgroup), the socket inside its namespace (from "
                    + "/proc/PID/net/tcp), and that no socket of this namespace listens on the port.",
            List.of("Publish the port when starting the container: docker run -p {port}:{port} … (Compose: "
                            + "ports: [\"{port}:{port}\"]; podman: -p {port}:{port}); Kubernetes: a Service, or "
                            + "hostPort: {port} on the container port",
                    "Or point the application at the container's own address (docker inspect <container>, "
                            + "NetworkSettings) from a network that reaches it.",
                    "Inside the container the receiver must listen on 0.0.0.0:{port}, not localhost: published "
                            + "connections do not come from the container's loopback."));

    public static final CatalogEntry BIND_OTHER_NAMESPACE = new CatalogEntry("bind.other-namespace", INFO,
            "another collector listens on {bound} in its own network namespace: not on this target's path",
            "A collector in another network namespace (a container, a pod) listens on the same port number. A "
                    + "network namespace has its own addresses and ports: connections to this target do not reach "
                    + "that socket, so it neither serves nor blocks the target. It is reported as context only.",
            "The socket inside the other namespace (from /proc/PID/net/tcp) and the collector's pid.",
            List.of());

    public static final CatalogEntry BIND_FORWARDED = new CatalogEntry("bind.forwarded", INFO,
            "port {port} is forwarded by {program} (pid {pid})",
            "The port is held by a port forwarder (docker-proxy, rootlessport, slirp4netns, pasta, kubectl "
                    + "port-forward), which passes connections to a container or pod. What answers is the "
                    + "collector behind it; a collector there bound to localhost refuses the forwarded connections.",
            "The bound address, the forwarder's pid and command line.",
            List.of("Check the container's receiver endpoint: it must be 0.0.0.0:{port} inside the container, "
                    + "since a forwarded connection does not come from the container's own loopback."));

    public static final CatalogEntry BIND_PORT_CONFLICT = new CatalogEntry("bind.port-conflict", FAIL,
            "port {port} is held by {program} (pid {pid}), not by a collector",
            "Another program listens on the OTLP port, so the collector cannot bind it (it fails at start with "
                    + "'address already in use') and the application's exports reach the wrong program.",
            "The bound address, the owner's pid, program and command line. The conflict probe reports the owner "
                    + "as information (it may be an OTLP receiver that is not a collector); it becomes the diagnosis "
                    + "when that endpoint fails.",
            List.of("Find out what it is: ps -o pid,user,lstart,args -p {pid}",
                    "Stop it if it should not run (systemctl stop <unit>, docker stop <container>, kill {pid}), "
                            + "then start the collector.",
                    "Or move one side: give the collector another port (receivers: otlp: protocols: grpc: "
                            + "endpoint: 0.0.0.0:<port>) and point the application there too: "
                            + "OTEL_EXPORTER_OTLP_ENDPOINT=http://<host>:<port>"));

    public static final CatalogEntry LOCAL_UNREADABLE = new CatalogEntry("local.unreadable", SKIP,
            "not checked: {what}",
            "The local probes read /proc. Without it (not Linux), or without permission to read other users' "
                    + "processes, they cannot see what they would report, so they say what was not checked.",
            "What could not be read and why.",
            List.of("Run the check as root to see every process and socket owner: sudo otlpdoctor check --local",
                    "Or look by hand: sudo ss -tlnp   (macOS: sudo lsof -nP -iTCP -sTCP:LISTEN; "
                            + "Windows: netstat -ano | findstr LISTENING)"));

    public static final CatalogEntry FIREWALL_PRESENT = new CatalogEntry("firewall.present", INFO,
            "firewall on this host: {firewalls}",
            "A host firewall is configured. If it does not allow the OTLP ports, remote connections time out "
                    + "(dropped SYNs) or are rejected while local ones succeed. otlpdoctor never changes rules: "
                    + "the commands below open the ports, to run after review.",
            "Which firewall was found and from what: when the ruleset was read (root), the tools that wrote its rules "
                    + "and what it does to the target's ports (accepted, by which rule); otherwise state files, loaded "
                    + "kernel modules, running daemons.",
            List.of("List the rules that apply: sudo iptables -S INPUT; sudo nft list ruleset; "
                    + "sudo firewall-cmd --list-all; sudo ufw status verbose"));

    public static final CatalogEntry FIREWALL_DROPS = new CatalogEntry("firewall.drops", WARN,
            "firewall drops connections to {address}:{port}: {tool} rule in {family} {table} {chain}",
            "A rule of this machine's packet filter (read with nft -j list ruleset, or iptables-save for the legacy "
                    + "backend) discards new TCP connections to this address and port: the SYN is never answered and "
                    + "clients time out (tcp.timeout). otlpdoctor never changes rules: the command below, written for "
                    + "the tool that owns the rule, lets the port through, to run after review.",
            "The address and port, the deciding rule (the tool that wrote it, family, table, chain, text, handle) or "
                    + "the chain whose policy drops, and rules passed over because they were not understood.",
            List.of("Let the port through with the tool that wrote the rule: {fix}",
                    "List the rules with their handles: sudo nft -a list ruleset   (legacy: sudo iptables-legacy-save)"));

    public static final CatalogEntry FIREWALL_REJECTS = new CatalogEntry("firewall.rejects", WARN,
            "firewall rejects connections to {address}:{port} with {rejectWith}: {tool} rule in {family} {table} {chain}",
            "A rule of this machine's packet filter answers new TCP connections to this address and port with a "
                    + "TCP reset or an ICMP error. Clients see 'connection refused' (tcp reset, port-unreachable: "
                    + "tcp.refused, as if nothing listened) or 'no route to host' (admin-prohibited, host-unreachable: "
                    + "tcp.unreachable), even when a collector listens behind it.",
            "The address and port, the reject type, the deciding rule (the tool that wrote it, family, table, chain, "
                    + "text, handle), and rules passed over because they were not understood.",
            List.of("Let the port through with the tool that wrote the rule: {fix}",
                    "List the rules with their handles: sudo nft -a list ruleset   (legacy: sudo iptables-legacy-save)"));

    public static final CatalogEntry FIREWALL_UNREADABLE = new CatalogEntry("firewall.unreadable", SKIP,
            "firewall rules not checked: {reason}",
            "The packet filter's rules are read with nft -j list ruleset (and iptables-legacy-save where the legacy "
                    + "backend holds tables), which needs root and those programs. Without them no rule is guessed: "
                    + "whether a firewall drops or rejects the ports is not known.",
            "Why the ruleset could not be read.",
            List.of("Run the check as root to read the ruleset: sudo otlpdoctor check --local",
                    "Or look by hand: sudo nft -a list ruleset; sudo iptables-save"));

    static final List<CatalogEntry> ALL = List.of(PROCESS_RUNNING, PROCESS_NOT_RUNNING, PROCESS_NO_OTLP_LISTENER,
            BIND_ALL_INTERFACES, BIND_LOCALHOST_ONLY, BIND_SPECIFIC_ADDRESS, BIND_NO_LISTENER, BIND_NOT_PUBLISHED,
            BIND_OTHER_NAMESPACE, BIND_FORWARDED, BIND_PORT_CONFLICT, LOCAL_UNREADABLE, FIREWALL_PRESENT, FIREWALL_DROPS,
            FIREWALL_REJECTS, FIREWALL_UNREADABLE);
}
