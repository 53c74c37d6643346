package dev.otlpdoctor.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.otlpdoctor.testing.CliDriver;
import dev.otlpdoctor.testing.JarRunner;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * The jar in a private network namespace whose packet filter was set with the real nft, iptables (nf_tables
 * backend) or iptables-legacy: `check` names the rule that blocks each port, the tool that wrote it and
 * that tool's command. Nothing leaves the namespace. Skipped with the reason where a tool or namespaces
 * are not available.
 */
class FirewallRulesIT {
    private static final String SETUP = "ip link set lo up && ip addr add 10.200.0.1/32 dev lo && ";

    @Test
    void nativeRejectWithTcpResetIsNamedWithItsRuleAndHandle() throws Exception {
        JsonObject report = checkInNamespace("nft", "nft add table inet filter && nft add chain inet filter input "
                + "'{ type filter hook input priority filter; policy accept; }' && "
                + "nft add rule inet filter input ip daddr 10.200.0.1 tcp dport 4317 reject with tcp reset && ",
                "10.200.0.1:4317", "20s");
        JsonObject rejects = finding(report, "firewall.rejects");
        assertThat(rejects.get("endpoint").getAsString()).isEqualTo("10.200.0.1:4317");
        JsonObject evidence = rejects.getAsJsonObject("evidence");
        assertThat(evidence.get("tool").getAsString()).isEqualTo("nft");
        assertThat(evidence.get("rule").getAsString()).isEqualTo("ip daddr 10.200.0.1 tcp dport 4317 reject with tcp reset");
        assertThat(evidence.get("rejectWith").getAsString()).isEqualTo("tcp reset");
        assertThat(rejects.getAsJsonArray("remediation").get(0).getAsString())
                .startsWith("Let the port through with the tool that wrote the rule: sudo nft insert rule inet filter input tcp dport 4317 accept")
                .contains("sudo nft delete rule inet filter input handle " + evidence.get("handle").getAsString());
        assertThat(finding(report, "tcp.refused")).isNotNull();
        // refused, yet nothing is wrong with what listens: the rule is the diagnosis, never "nothing listens"
        assertThat(report.getAsJsonObject("diagnosis").get("code").getAsString()).isEqualTo("firewall.rejects");
        assertThat(report.getAsJsonObject("diagnosis").get("hop").getAsString()).isEqualTo("firewall");
    }

    @Test
    void iptablesNftDropIsNamedWithTheIptablesCommand() throws Exception {
        JsonObject report = checkInNamespace("iptables", "iptables -A INPUT -m conntrack --ctstate ESTABLISHED,RELATED -j ACCEPT && "
                + "iptables -A INPUT -d 10.200.0.1 -p tcp --dport 4317 -j DROP && ", "10.200.0.1:4317", "6s");
        JsonObject drops = finding(report, "firewall.drops");
        assertThat(drops.getAsJsonObject("evidence").get("tool").getAsString()).isEqualTo("iptables (nf_tables backend)");
        assertThat(drops.getAsJsonObject("evidence").get("rule").getAsString())
                .isEqualTo("-A INPUT -d 10.200.0.1/32 -p tcp -m tcp --dport 4317 -j DROP");
        assertThat(drops.getAsJsonArray("remediation").get(0).getAsString())
                .isEqualTo("Let the port through with the tool that wrote the rule: sudo iptables -I INPUT -p tcp --dport 4317 -j ACCEPT");
        assertThat(report.getAsJsonObject("diagnosis").get("code").getAsString()).isEqualTo("firewall.drops");
    }

    @Test
    void legacyAdminProhibitedIsUnreachable() throws Exception {
        JsonObject report = checkInNamespace("iptables-legacy",
                "iptables-legacy -A INPUT -p tcp --dport 4317 -j REJECT --reject-with icmp-admin-prohibited && ",
                "10.200.0.1:4317", "20s");
        JsonObject rejects = finding(report, "firewall.rejects");
        assertThat(rejects.getAsJsonObject("evidence").get("tool").getAsString()).isEqualTo("iptables (legacy)");
        assertThat(rejects.getAsJsonObject("evidence").get("rejectWith").getAsString()).isEqualTo("icmp admin-prohibited");
        assertThat(finding(report, "tcp.unreachable")).isNotNull();
        assertThat(report.getAsJsonObject("diagnosis").get("code").getAsString()).isEqualTo("firewall.rejects");
    }

    private static JsonObject checkInNamespace(String tool, String rules, String target, String timeout) throws Exception {
        CliDriver.Result available = JarRunner.run(List.of("unshare", "-n", "sh", "-c", SETUP + "command -v " + tool), 30);
        assumeTrue(available.exitCode() == 0, "unshare -n, ip or " + tool + " is not available or not permitted here: "
                + available.err().strip());
        StringBuilder command = new StringBuilder(SETUP).append(rules).append("exec");
        for (String part : JarRunner.javaJar("check", target, "--timeout", timeout, "-o", "json")) {
            command.append(" '").append(part.replace("'", "'\\''")).append("'");
        }
        CliDriver.Result run = JarRunner.run(List.of("unshare", "-n", "sh", "-c", command.toString()), 60);
        assertThat(run.err()).as("stderr").doesNotContain("Exception");
        return JsonParser.parseString(run.out()).getAsJsonObject();
    }

    private static JsonObject finding(JsonObject report, String code) {
        return StreamSupport.stream(report.getAsJsonArray("findings").spliterator(), false)
                .map(JsonElement::getAsJsonObject)
                .filter(f -> f.get("code").getAsString().equals(code))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + code + " in " + report.getAsJsonArray("findings")));
    }
}
