package dev.otlpdoctor.probe.local.firewall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The reader's verdict against what the kernel really does: each ruleset is applied with the real nft,
 * iptables (nf_tables backend) or iptables-legacy in a private network namespace whose loopback holds
 * 10.200.0.1, a listener waits on 10.200.0.1:4317 (reached through 4318 where a DNAT rule redirects), and a
 * real connect must end the way the verdict says
 * (DROP: timeout; REJECT with tcp reset or port-unreachable: refused; admin-prohibited: unreachable;
 * ACCEPT: connected). Skips with the reason where namespaces or a tool are not available.
 */
class FirewallNamespaceTest {
    private static final String SETUP = "ip link set lo up && ip addr add 10.200.0.1/32 dev lo && ";

    /** Connections to 4318 go to 4317: the input chains see 4317. */
    private static final String DNAT_4318_TO_4317 = "nft add table ip nat && nft add chain ip nat output "
            + "'{ type nat hook output priority -100; policy accept; }' && "
            + "nft add rule ip nat output tcp dport 4318 dnat to 10.200.0.1:4317 && ";

    static Stream<Arguments> rulesets() {
        String nftInput = "nft add table inet filter && nft add chain inet filter input "
                + "'{ type filter hook input priority filter; policy accept; }' && ";
        return Stream.of(
                Arguments.of("nft", nftInput + "nft add rule inet filter input tcp dport 4317 drop",
                        "DROP", null, "timeout"),
                Arguments.of("nft", nftInput + "nft add rule inet filter input ip daddr 10.200.0.1 tcp dport 4317 reject with tcp reset",
                        "REJECT", "tcp reset", "refused"),
                Arguments.of("nft", nftInput + "nft add rule inet filter input tcp dport 4317 reject with icmpx type admin-prohibited",
                        "REJECT", "icmpx admin-prohibited", "unreachable"),
                Arguments.of("nft", "nft add table inet filter && nft add chain inet filter input "
                                + "'{ type filter hook input priority filter; policy drop; }' && "
                                + "nft add rule inet filter input ct state established,related accept && "
                                + "nft add rule inet filter input tcp dport 4317 accept",
                        "ACCEPT", null, "connected"),
                Arguments.of("nft", nftInput + "nft add chain inet filter otlp && nft add rule inet filter input jump otlp && "
                                + "nft add rule inet filter otlp tcp dport 4318 drop && nft add rule inet filter otlp tcp dport 4317 reject",
                        "REJECT", "icmpx port-unreachable", "refused"),
                Arguments.of("iptables", "iptables -A INPUT -m conntrack --ctstate ESTABLISHED,RELATED -j ACCEPT && "
                                + "iptables -A INPUT -d 10.200.0.1 -p tcp --dport 4317 -j DROP",
                        "DROP", null, "timeout"),
                Arguments.of("iptables", "iptables -A INPUT -p tcp -m multiport --dports 4317,4318 -j REJECT --reject-with tcp-reset",
                        "REJECT", "tcp reset", "refused"),
                Arguments.of("iptables-legacy", "iptables-legacy -A INPUT -p tcp --dport 4317 -j REJECT",
                        "REJECT", "icmp port-unreachable", "refused"),
                Arguments.of("nft", DNAT_4318_TO_4317 + nftInput + "nft add rule inet filter input tcp dport 4318 drop",
                        "ACCEPT", null, "connected"),
                Arguments.of("nft", DNAT_4318_TO_4317 + nftInput + "nft add rule inet filter input tcp dport 4317 drop",
                        "DROP", null, "timeout"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("rulesets")
    void theVerdictIsWhatARealConnectSees(String tool, String rules, String action, String rejectWith, String connect)
            throws Exception {
        assumeTrue(available("unshare -n sh -c '" + SETUP + "command -v " + tool + "'"),
                "unshare -n, ip or " + tool + " is not available or not permitted here (needs root)");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder("unshare", "-n", "sh", "-c",
                SETUP + rules + " && exec \"$0\" -cp \"$1\" " + FirewallScenario.class.getName() + " 10.200.0.1 4317 "
                        + (rules.startsWith(DNAT_4318_TO_4317) ? "4318" : "4317"),
                java, System.getProperty("java.class.path"))
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("scenario finished").isTrue();
        assertThat(process.exitValue()).as("exit code; stdout:\n%s", stdout).isZero();
        JsonObject seen = JsonParser.parseString(stdout).getAsJsonObject();
        assertThat(seen.has("unavailable")).as(stdout).isFalse();
        assertThat(seen.get("connect").getAsString()).as(stdout).isEqualTo(connect);
        assertThat(seen.get("action").getAsString()).as(stdout).isEqualTo(action);
        assertThat(seen.get("rejectWith").isJsonNull() ? null : seen.get("rejectWith").getAsString()).as(stdout).isEqualTo(rejectWith);
        assertThat(seen.get("looksRefused").getAsBoolean()).as(stdout).isEqualTo(connect.equals("refused"));
        assertThat(seen.get("certain").getAsBoolean()).as(stdout).isTrue();
    }

    private static boolean available(String command) {
        try {
            Process probe = new ProcessBuilder(List.of("sh", "-c", command)).redirectErrorStream(true).start();
            probe.getInputStream().readAllBytes();
            return probe.waitFor(10, TimeUnit.SECONDS) && probe.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
