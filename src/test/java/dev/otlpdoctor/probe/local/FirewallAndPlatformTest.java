package dev.otlpdoctor.probe.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.otlpdoctor.report.Finding;
import dev.otlpdoctor.report.Severity;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class FirewallAndPlatformTest extends FixtureTest {

    @Test
    void namesEachFirewallWithItsOpenPortCommands() {
        host.write("etc/ufw/ufw.conf", "# /etc/ufw/ufw.conf\nENABLED=yes\nLOGLEVEL=low\n");
        host.write("proc/modules", "nf_tables 352256 3 nft_compat, Live 0x0000000000000000\n"
                + "ip_tables 32768 0 - Live 0x0000000000000000\nx_tables 53248 2 nft_compat,ip_tables, Live 0x0\n");
        host.process(410, "/usr/bin/python3", "-s", "/usr/sbin/firewalld", "--nofork", "--nopid").uid(0).create();
        Finding firewall = LocalRun.of(host.fs(), "localhost").one("firewall.present");
        assertThat(firewall.severity()).isEqualTo(Severity.INFO);
        assertThat(firewall.title()).isEqualTo("firewall on this host: ufw, firewalld, nftables");
        assertThat(firewall.remediation())
                .contains("ufw: sudo ufw allow 4317/tcp && sudo ufw allow 4318/tcp")
                .contains("firewalld: sudo firewall-cmd --permanent --add-port=4317/tcp --add-port=4318/tcp"
                        + " && sudo firewall-cmd --reload")
                .anyMatch(s -> s.startsWith("nftables: sudo nft add rule inet filter input tcp dport '{ 4317, 4318 }' accept"));
    }

    @Test
    void savedIptablesRulesAreAHint() {
        host.write("etc/iptables/rules.v4", "*filter\n:INPUT DROP [0:0]\nCOMMIT\n");
        Finding firewall = LocalRun.of(host.fs(), "localhost:4317").one("firewall.present");
        assertThat(firewall.remediation()).anyMatch(s -> s.contains("sudo iptables -I INPUT -p tcp -m multiport --dports 4317 -j ACCEPT"));
    }

    @Test
    void noFirewallNoFinding() {
        assertThat(LocalRun.of(host.fs(), "localhost").all("firewall.present")).isEmpty();
    }

    @Test
    void withoutProcEveryLocalProbeSaysWhatWasNotChecked() throws Exception {
        host.delete();
        java.nio.file.Files.createDirectories(host.root());
        LocalRun run = LocalRun.of(HostFs.at(host.root(), java.nio.ByteOrder.LITTLE_ENDIAN), "localhost");
        assertThat(run.probesRun()).containsExactly("process", "binding", "conflict", "firewall");
        assertThat(run.all("local.unreadable")).hasSize(4).allSatisfy(f -> {
            assertThat(f.severity()).isEqualTo(Severity.SKIP);
            assertThat(f.title()).isEqualTo("not checked: /proc/net/tcp is not readable (this is not Linux, or /proc is "
                    + "not mounted): processes, listening sockets and their owners");
            assertThat(f.remediation()).anyMatch(s -> s.contains("ss -tlnp")).anyMatch(s -> s.contains("sudo"));
        });
    }

    @Test
    void localProbesApplyOnlyToThisMachineUnlessAsked() {
        host.listen("0.0.0.0", 4317);
        assertThat(LocalRun.of(host.fs(), "collector.example.com").probesRun()).isEmpty();
        assertThat(LocalRun.of(host.fs(), "192.0.2.44:4317").probesRun()).isEmpty();
        assertThat(LocalRun.of(host.fs(), "collector.example.com", true, Duration.ofSeconds(5)).probesRun())
                .containsExactly("process", "binding", "conflict", "firewall");
        assertThat(LocalRun.of(host.fs(), "[::1]:4317").probesRun()).hasSize(4);
        assertThat(LocalRun.of(host.fs(), "0.0.0.0:4317").probesRun()).hasSize(4);
        assertThat(LocalRun.of(host.fs(), "collector.localhost").probesRun()).hasSize(4);
    }

    @Test
    void thisMachinesHostNameIsLocal() {
        host.write("proc/sys/kernel/hostname", "build-box-7\n");
        assertThat(LocalRun.of(host.fs(), "build-box-7:4317").probesRun()).hasSize(4);
    }
}
