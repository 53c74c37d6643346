package dev.otlpdoctor.report.catalog;

import static dev.otlpdoctor.report.Severity.FAIL;
import static dev.otlpdoctor.report.Severity.PASS;
import static dev.otlpdoctor.report.Severity.WARN;

import dev.otlpdoctor.report.CatalogEntry;
import java.util.List;

/** Codes of the name resolution and TCP connection probes. */
public final class NetworkCodes {
    private NetworkCodes() {
    }

    public static final CatalogEntry DNS_RESOLVED = new CatalogEntry("dns.resolved", PASS,
            "{host} resolves to {addresses}",
            "The host name resolved (or is an address literal), so the connection probes have addresses to try.",
            "Every IPv4 and IPv6 address the system resolver returned, and the lookup time.",
            List.of());

    public static final CatalogEntry DNS_UNRESOLVED = new CatalogEntry("dns.unresolved", FAIL,
            "{host} does not resolve",
            "The system resolver returned no address for the host name: a typo, a name that only exists in "
                    + "another network (a Kubernetes Service name used outside the cluster, a Docker Compose "
                    + "service name used from another network), or a DNS server that is not reachable.",
            "The host name and the resolver's answer.",
            List.of("Check the spelling of '{host}' and look it up the way the application does: getent hosts {host}",
                    "In Kubernetes, use the Service's full name from another namespace: "
                            + "<service>.<namespace>.svc.cluster.local (a Service name resolves only inside the cluster).",
                    "With Docker Compose, a service name resolves only for containers on the same Compose network; "
                            + "from the host use localhost and the published port.",
                    "If names do not resolve at all, check /etc/resolv.conf and that the DNS server answers: "
                            + "nslookup {host}"));

    public static final CatalogEntry DNS_TIMEOUT = new CatalogEntry("dns.timeout", FAIL,
            "no name server answered for {host}",
            "The system resolver did not answer before the run's deadline, or gave up after its own timeouts and "
                    + "retries ('Temporary failure in name resolution'): the DNS server is slow or unreachable. This "
                    + "is not proof that the name does not exist (that is dns.unresolved).",
            "The host name, how long the lookup took, and the resolver's message when it gave up.",
            List.of("Check that the DNS servers in /etc/resolv.conf answer: nslookup {host}",
                    "Retry with more time, e.g. --timeout 15s, or use an IP address to rule DNS out."));

    public static final CatalogEntry DNS_LOOPBACK = new CatalogEntry("dns.loopback", WARN,
            "{host} resolves to a loopback address ({addresses})",
            "A name other than localhost resolves to 127.0.0.0/8 or ::1, usually through /etc/hosts. Every "
                    + "program on this machine then connects to itself, not to a remote collector; inside a "
                    + "container, loopback is the container itself.",
            "The host name and the loopback addresses it resolved to.",
            List.of("Check /etc/hosts for an entry for {host}: grep -w {host} /etc/hosts",
                    "If the collector runs on another host or container, point the application at that host's "
                            + "name or address instead."));

    public static final CatalogEntry TCP_OPEN = new CatalogEntry("tcp.open", PASS,
            "{address} port {port} accepts connections ({latencyMs} ms)",
            "A TCP connection to the address and port was established: something listens there and the "
                    + "network lets the packets through.",
            "The address, port and connection latency.",
            List.of());

    public static final CatalogEntry TCP_REFUSED = new CatalogEntry("tcp.refused", FAIL,
            "connection refused at {address} port {port}: nothing listens there",
            "The host answered the connection attempt with a reset (RST): it is reachable, but no program "
                    + "listens on that address and port. Either the collector is not running, its otlp receiver "
                    + "(or that protocol of it) is not enabled in a pipeline, or it listens on another address "
                    + "(only 127.0.0.1) or another port.",
            "The address and port, and that the refusal came at once (an RST, not a timeout).",
            List.of("Check that the collector is running: ps aux | grep -i otelcol  "
                            + "(Docker: docker ps; Kubernetes: kubectl get pods -A | grep -i collector)",
                    "On the collector's host, check what listens on the port: ss -tlnp | grep ':{port}'  "
                            + "(127.0.0.1:{port} means bound to localhost only: set the receiver endpoint to "
                            + "0.0.0.0:{port})",
                    "Check the collector config: the otlp receiver must define the protocol for this port "
                            + "(grpc: 4317, http: 4318) and be listed in a pipeline under service.pipelines; "
                            + "otlpdoctor lint <config.yaml> checks both.",
                    "In Kubernetes, check that the Service exposes port {port}: kubectl get svc,endpoints -A | grep -i collector"));

    public static final CatalogEntry TCP_TIMEOUT = new CatalogEntry("tcp.timeout", FAIL,
            "no answer from {address} port {port} within {waitedMs} ms: packets are dropped",
            "The connection attempt got neither an accept nor a refusal before the deadline. Something drops "
                    + "the packets silently: a host firewall, a cloud security group or network ACL, a Kubernetes "
                    + "NetworkPolicy, or an address where no host answers at all.",
            "The address, port and how long the attempt waited.",
            List.of("Check that {address} is really the collector's address (is the DNS record or IP up to date?).",
                    "Open the port in the collector host's firewall: iptables: sudo iptables -I INPUT -p tcp "
                            + "--dport {port} -j ACCEPT | firewalld: sudo firewall-cmd --permanent --add-port={port}/tcp "
                            + "&& sudo firewall-cmd --reload | ufw: sudo ufw allow {port}/tcp",
                    "In a cloud, allow inbound TCP {port} from the application's network in the collector's "
                            + "security group / firewall rule / network security group.",
                    "In Kubernetes, check NetworkPolicies in the collector's namespace: kubectl get networkpolicy -A"));

    public static final CatalogEntry TCP_UNREACHABLE = new CatalogEntry("tcp.unreachable", FAIL,
            "{address} is unreachable: {reason}",
            "The network stack reported that there is no route to the host or network (ICMP unreachable, or "
                    + "no local route): the address is wrong, a VPN or peering is down, or a firewall rejects "
                    + "with an ICMP error.",
            "The address, port and the error the operating system returned.",
            List.of("Check the route to the address: ip route get {address}",
                    "Check that {address} is the collector's address and that this machine's network can reach it "
                            + "(VPN, VPC peering, Docker network).",
                    "A firewall rule with REJECT --reject-with icmp-host-unreachable looks like this too: "
                            + "check the collector host's firewall for port {port}."));

    static final List<CatalogEntry> ALL = List.of(DNS_RESOLVED, DNS_UNRESOLVED, DNS_TIMEOUT, DNS_LOOPBACK,
            TCP_OPEN, TCP_REFUSED, TCP_TIMEOUT, TCP_UNREACHABLE);
}
