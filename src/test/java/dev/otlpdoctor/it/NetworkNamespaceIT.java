package dev.otlpdoctor.it;

import static dev.otlpdoctor.testing.CliAssert.assertThatRun;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonObject;
import dev.otlpdoctor.testing.CliDriver;
import dev.otlpdoctor.testing.JarRunner;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Scenarios that need another host's view: the jar runs inside a private network namespace whose only
 * interface is its own loopback with 10.200.0.1 added. Nothing leaves the namespace. Skipped with the
 * reason where namespaces (or iptables) are not available.
 */
class NetworkNamespaceIT {
    private static final String SETUP = "ip link set lo up && ip addr add 10.200.0.1/32 dev lo && ";

    @BeforeAll
    static void namespacesAvailable() throws Exception {
        CliDriver.Result probe = JarRunner.run(List.of("unshare", "-n", "sh", "-c", SETUP + "true"), 30);
        assumeTrue(probe.exitCode() == 0, "network namespaces not available here: " + probe.err().strip());
    }

    @Test
    void firewallDropIsATimeoutAndTheRunEndsAtTheDeadline() throws Exception {
        CliDriver.Result iptables = JarRunner.run(List.of("sh", "-c", "command -v iptables"), 10);
        assumeTrue(iptables.exitCode() == 0, "iptables is not installed (apt-get install iptables)");
        // The deadline counts from JVM start and covers the local probes (a /proc scan, the ruleset read with
        // nft) before tcp: 2.5 s leaves tcp its share on a loaded machine; the run must still end near it.
        CliDriver.Result run = inNamespace(
                "iptables -A INPUT -d 10.200.0.1 -p tcp --dport 4317 -j DROP && ",
                "check", "10.200.0.1:4317", "--timeout", "2500ms", "-o", "json");
        JsonObject json = assertThatRun(run).exitsWith(1).json();
        // as root the rule itself is read: the packet filter is the first broken hop, the timeout its symptom
        assertThat(json.getAsJsonObject("diagnosis").get("code").getAsString()).isEqualTo("firewall.drops");
        assertThat(json.getAsJsonObject("diagnosis").get("hop").getAsString()).isEqualTo("firewall");
        assertThat(json.getAsJsonObject("diagnosis").getAsJsonArray("alsoCheck").toString()).contains("tcp.timeout");
        assertThat(json.get("durationMs").getAsLong()).isLessThan(4000L);
    }

    @Test
    void noRouteIsUnreachable() throws Exception {
        CliDriver.Result run = inNamespace("", "check", "10.200.0.9:4317", "--timeout", "2s", "-o", "json");
        JsonObject json = assertThatRun(run).exitsWith(1).json();
        assertThat(json.getAsJsonObject("diagnosis").get("code").getAsString()).isEqualTo("tcp.unreachable");
    }

    @Test
    void refusedOnTheNamespaceAddress() throws Exception {
        CliDriver.Result run = inNamespace("", "check", "isolated.test", "-o", "json");
        JsonObject json = assertThatRun(run).exitsWith(1).json();
        assertThat(json.getAsJsonObject("diagnosis").get("title").getAsString())
                .isEqualTo("nothing listens on isolated.test:4317 (OTLP/gRPC) or isolated.test:4318 (OTLP/HTTP)");
    }

    /**
     * A name server that never answers (its UDP port dropped): the resolver gives up with "Temporary failure
     * in name resolution", which is dns.timeout, never dns.unresolved ("check the spelling"). The check runs
     * with the system resolver (no test hosts file) and a private resolv.conf mounted in its own mount namespace.
     */
    @Test
    void aResolverThatNeverAnswersIsADnsTimeoutNotAnUnknownName(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        CliDriver.Result tools = JarRunner.run(List.of("sh", "-c", "command -v nft && unshare -n -m true"), 10);
        assumeTrue(tools.exitCode() == 0, "nft or a private mount namespace is not available here");
        java.nio.file.Path resolv = java.nio.file.Files.writeString(dir.resolve("resolv.conf"),
                "nameserver 10.200.0.53\noptions timeout:1 attempts:1\n");
        StringBuilder command = new StringBuilder(SETUP).append("ip route add 10.200.0.53/32 dev lo && ")
                .append("nft add table inet dns && nft add chain inet dns in '{ type filter hook input priority 0; }' && ")
                .append("nft add rule inet dns in udp dport 53 drop && ")
                .append("mount --bind '").append(resolv).append("' /etc/resolv.conf && exec '")
                .append(java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java")).append("'");
        if (Runtime.version().feature() >= 23) {
            command.append(" --sun-misc-unsafe-memory-access=allow");
        }
        command.append(" -jar '").append(JarRunner.jar()).append("' check collector.example.org --timeout 10s -o json");
        CliDriver.Result run = JarRunner.run(List.of("unshare", "-n", "-m", "sh", "-c", command.toString()), 60);
        JsonObject json = assertThatRun(run).exitsWith(1).json();
        assertThat(json.getAsJsonObject("diagnosis").get("code").getAsString()).isEqualTo("dns.timeout");
        assertThat(json.getAsJsonObject("diagnosis").get("hop").getAsString()).isEqualTo("name");
        assertThat(run.out()).contains("Temporary failure in name resolution").doesNotContain("\"dns.unresolved\"");
    }

    private static CliDriver.Result inNamespace(String extraSetup, String... args) throws Exception {
        StringBuilder command = new StringBuilder(SETUP).append(extraSetup).append("exec");
        for (String part : JarRunner.javaJar(args)) {
            command.append(" '").append(part.replace("'", "'\\''")).append("'");
        }
        return JarRunner.run(List.of("unshare", "-n", "sh", "-c", command.toString()), 60);
    }
}
