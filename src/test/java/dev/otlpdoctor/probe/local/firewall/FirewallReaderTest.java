package dev.otlpdoctor.probe.local.firewall;

import static org.assertj.core.api.Assertions.assertThat;

import dev.otlpdoctor.Deadline;
import dev.otlpdoctor.probe.local.HostFs;
import dev.otlpdoctor.probe.local.firewall.FirewallRule.Tool;
import dev.otlpdoctor.probe.local.firewall.FirewallVerdict.Action;
import java.net.InetAddress;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reader and evaluator on rulesets captured from the real nft, iptables, iptables-legacy and ufw (capture.sh). */
class FirewallReaderTest {
    @TempDir
    Path root;

    private FirewallView view(String name) {
        RulesetFixture.install(root, name);
        return read();
    }

    private FirewallView read() {
        return FirewallReader.read(HostFs.at(root, ByteOrder.LITTLE_ENDIAN), Deadline.after(Duration.ofSeconds(20)));
    }

    private static InetAddress ip(String literal) {
        return AddressSet.literal(literal);
    }

    @Test
    void nativeDropAfterAnEstablishedAccept() {
        FirewallView view = view("nft-drop");
        assertThat(view.unavailable()).isEmpty();
        FirewallVerdict drop = view.verdictFor(ip("10.200.0.1"), 4317);
        assertThat(drop.action()).isEqualTo(Action.DROP);
        assertThat(drop.rule()).isEqualTo(new FirewallRule(Tool.NFTABLES, "inet", "filter", "input", "tcp dport 4317 drop", "3"));
        assertThat(drop.certain()).isTrue();
        assertThat(drop.looksRefused()).isFalse();
        assertThat(OpenPort.command(drop)).isEqualTo("sudo nft insert rule inet filter input tcp dport 4317 accept"
                + "   (or delete the rule: sudo nft delete rule inet filter input handle 3)");
        assertThat(view.verdictFor(ip("::1"), 4317).action()).isEqualTo(Action.DROP);
        assertThat(view.verdictFor(ip("10.200.0.1"), 4318).action()).isEqualTo(Action.ACCEPT);
    }

    @Test
    void nativeRejectWithTcpResetThroughANamedSet() {
        FirewallView view = view("nft-reject-reset");
        for (int port : new int[] {4317, 4318}) {
            FirewallVerdict verdict = view.verdictFor(ip("127.0.0.1"), port);
            assertThat(verdict.action()).isEqualTo(Action.REJECT);
            assertThat(verdict.rejectWith()).isEqualTo("tcp reset");
            assertThat(verdict.looksRefused()).isTrue();
            assertThat(verdict.rule().text()).isEqualTo("tcp dport @otlp reject with tcp reset");
        }
        assertThat(view.verdictFor(ip("127.0.0.1"), 4319).action()).isEqualTo(Action.ACCEPT);
    }

    @Test
    void adminProhibitedIsUnreachableNotRefusedAndPrefixesAndRangesMatch() {
        FirewallView view = view("nft-reject-admin");
        FirewallVerdict inet = view.verdictFor(ip("10.200.0.1"), 4317);
        assertThat(inet.action()).isEqualTo(Action.REJECT);
        assertThat(inet.rejectWith()).isEqualTo("icmpx admin-prohibited");
        assertThat(inet.looksRefused()).isFalse();
        assertThat(view.verdictFor(ip("10.200.0.1"), 4401).action()).isEqualTo(Action.ACCEPT);
        assertThat(view.verdictFor(ip("127.0.0.1"), 4317).action()).as("outside 10.200.0.0/24").isEqualTo(Action.ACCEPT);
        FirewallVerdict ip6 = view.verdictFor(ip("::1"), 4317);
        assertThat(ip6.rejectWith()).isEqualTo("icmpv6 admin-prohibited");
        assertThat(ip6.rule().table()).isEqualTo("fw6");
    }

    @Test
    void rulesForAnotherPortProtocolOrAddressDoNotMatch() {
        FirewallView view = view("nft-other-port-and-address");
        FirewallVerdict verdict = view.verdictFor(ip("10.200.0.1"), 4317);
        assertThat(verdict.action()).isEqualTo(Action.ACCEPT);
        assertThat(verdict.rule()).isNull();
        assertThat(verdict.certain()).isTrue();
        assertThat(view.verdictFor(ip("127.0.0.1"), 4318).action()).isEqualTo(Action.DROP);
        assertThat(view.verdictFor(ip("::1"), 4317).rule().text()).isEqualTo("ip6 daddr ::1 tcp dport 4317 drop");
    }

    @Test
    void aJumpIntoAUserChainAndItsReturn() {
        FirewallView view = view("nft-user-chain");
        FirewallVerdict verdict = view.verdictFor(ip("10.200.0.1"), 4317);
        assertThat(verdict.action()).isEqualTo(Action.REJECT);
        assertThat(verdict.rule().chain()).isEqualTo("otlp");
        assertThat(verdict.rejectWith()).isEqualTo("icmpx port-unreachable");
        assertThat(verdict.looksRefused()).isTrue();
        assertThat(view.verdictFor(ip("127.0.0.1"), 4317).action()).as("returned before the reject").isEqualTo(Action.ACCEPT);
    }

    @Test
    void aDropPolicyDecidesWhenNoRuleDoes() {
        FirewallView view = view("nft-policy-drop");
        FirewallVerdict verdict = view.verdictFor(ip("127.0.0.1"), 4317);
        assertThat(verdict.action()).isEqualTo(Action.DROP);
        assertThat(verdict.rule()).isNull();
        assertThat(verdict.policy().chain()).isEqualTo("input");
        assertThat(verdict.policy().text()).contains("policy drop");
        assertThat(verdict.decidedBy()).isEqualTo(verdict.policy());
        assertThat(OpenPort.command(verdict)).isEqualTo("sudo nft insert rule inet filter input tcp dport 4317 accept");
        assertThat(view.verdictFor(ip("127.0.0.1"), 22).rule().text()).isEqualTo("tcp dport 22 accept");
    }

    @Test
    void aRuleNotUnderstoodIsNeverDecidingButMakesTheVerdictUncertain() {
        FirewallView view = view("nft-unknown-expression");
        FirewallVerdict verdict = view.verdictFor(ip("127.0.0.1"), 4317);
        assertThat(verdict.action()).isEqualTo(Action.DROP);
        assertThat(verdict.rule().text()).isEqualTo("tcp dport 4317 drop");
        assertThat(verdict.certain()).isFalse();
        assertThat(verdict.uncertain()).extracting(FirewallRule::text)
                .containsExactly("tcp dport 4317 limit rate 10/second accept"); // the skuid rule is for port 9999
    }

    @Test
    void nativeDnatInTheOutputAndPreroutingChains() {
        FirewallView view = view("nft-dnat");
        Dnat local = view.dnatFor(ip("10.200.0.1"), 4317).orElseThrow();
        assertThat(local.toAddress()).isEqualTo(ip("172.17.0.2"));
        assertThat(local.toPort()).isEqualTo(4317);
        assertThat(local.rule().text()).isEqualTo("ip daddr 10.200.0.1 tcp dport 4317 dnat to 172.17.0.2:4317");
        Dnat fromElsewhere = view.dnatFor(ip("10.200.0.1"), 4318).orElseThrow();
        assertThat(fromElsewhere.rule().chain()).isEqualTo("prerouting");
        assertThat(view.dnatFor(ip("10.200.0.1"), 4319)).isEmpty();
        assertThat(view.verdictFor(ip("10.200.0.1"), 4317).action()).isEqualTo(Action.ACCEPT);
    }

    @Test
    void iptablesNftRulesAreDecodedFromIptablesSave() {
        FirewallView view = view("iptables-nft-drop");
        FirewallVerdict verdict = view.verdictFor(ip("10.200.0.1"), 4317);
        assertThat(verdict.action()).isEqualTo(Action.DROP);
        assertThat(verdict.rule().writtenBy()).isEqualTo(Tool.IPTABLES_NFT);
        assertThat(verdict.rule().text()).isEqualTo("-A INPUT -d 10.200.0.1/32 -p tcp -m tcp --dport 4317 -j DROP");
        assertThat(verdict.rule().family()).isEqualTo("ip");
        assertThat(verdict.certain()).as("the conntrack match is decoded: a new connection is not ESTABLISHED").isTrue();
        assertThat(OpenPort.command(verdict)).isEqualTo("sudo iptables -I INPUT -p tcp --dport 4317 -j ACCEPT");
        assertThat(view.verdictFor(ip("127.0.0.1"), 4317).action()).isEqualTo(Action.ACCEPT);
        assertThat(view.verdictFor(ip("::1"), 4317).action()).as("an ip table does not see IPv6").isEqualTo(Action.ACCEPT);
    }

    @Test
    void iptablesNftRejectWithTcpResetAndMultiport() {
        FirewallView view = view("iptables-nft-reject");
        FirewallVerdict verdict = view.verdictFor(ip("127.0.0.1"), 4318);
        assertThat(verdict.action()).isEqualTo(Action.REJECT);
        assertThat(verdict.rejectWith()).isEqualTo("tcp reset");
        assertThat(verdict.rule().text()).contains("--dports 4317,4318").contains("--reject-with tcp-reset");
        assertThat(verdict.certain()).isTrue();
    }

    @Test
    void withoutIptablesNftSaveTheXtRulesStayUnknown() {
        RulesetFixture.install(root, "iptables-nft-reject").remove("iptables-nft-save");
        FirewallVerdict verdict = read().verdictFor(ip("127.0.0.1"), 4317);
        assertThat(verdict.action()).isEqualTo(Action.ACCEPT);
        assertThat(verdict.certain()).isFalse();
        assertThat(verdict.uncertain()).extracting(FirewallRule::text).singleElement().asString().contains("reject with tcp reset");
    }

    @Test
    void dockersDnatIsDecodedAndLoopbackIsLeftToDockerProxy() {
        FirewallView view = view("docker-dnat");
        Dnat dnat = view.dnatFor(ip("10.200.0.1"), 4317).orElseThrow();
        assertThat(dnat.toAddress()).isEqualTo(ip("172.17.0.2"));
        assertThat(dnat.rule().writtenBy()).isEqualTo(Tool.DOCKER);
        assertThat(dnat.rule().chain()).isEqualTo("DOCKER");
        assertThat(view.dnatFor(ip("127.0.0.1"), 4317)).as("! -d 127.0.0.0/8").isEmpty();
        assertThat(view.dnatFor(ip("10.200.0.1"), 4318)).isEmpty();
    }

    @Test
    void legacyIptablesIsReadWithIptablesLegacySave() {
        FirewallView view = view("legacy-reject");
        FirewallVerdict reject = view.verdictFor(ip("127.0.0.1"), 4317);
        assertThat(reject.action()).isEqualTo(Action.REJECT);
        assertThat(reject.rejectWith()).isEqualTo("icmp port-unreachable");
        assertThat(reject.looksRefused()).isTrue();
        assertThat(reject.rule()).isEqualTo(new FirewallRule(Tool.IPTABLES_LEGACY, "ipv4", "filter", "INPUT",
                "-A INPUT -p tcp -m tcp --dport 4317 -j REJECT --reject-with icmp-port-unreachable", "1"));
        assertThat(view.verdictFor(ip("127.0.0.1"), 4318).action()).isEqualTo(Action.DROP);
        assertThat(view.verdictFor(ip("::1"), 4317).action()).isEqualTo(Action.ACCEPT);
    }

    @Test
    void firewalldAcceptsLoopbackAndRejectsTheRestOfItsZone() {
        FirewallVerdict lo = view("firewalld-like").verdictFor(ip("10.200.0.1"), 4317);
        assertThat(lo.action()).isEqualTo(Action.ACCEPT);
        assertThat(lo.rule()).isEqualTo(new FirewallRule(Tool.FIREWALLD, "inet", "firewalld", "filter_INPUT", "iifname \"lo\" accept", "8"));
        assertThat(lo.certain()).isTrue();
    }

    @Test
    void firewalldRejectNamesFirewallCmd() {
        FirewallView view = view("firewalld-like-no-lo");
        FirewallVerdict verdict = view.verdictFor(ip("10.200.0.1"), 4317);
        assertThat(verdict.action()).isEqualTo(Action.REJECT);
        assertThat(verdict.rejectWith()).isEqualTo("icmpx admin-prohibited");
        assertThat(verdict.rule().writtenBy()).isEqualTo(Tool.FIREWALLD);
        assertThat(OpenPort.command(verdict)).isEqualTo("sudo firewall-cmd --permanent --add-port=4317/tcp && sudo firewall-cmd --reload");
        assertThat(view.verdictFor(ip("10.200.0.1"), 22).rule().chain()).isEqualTo("filter_IN_public");
    }

    @Test
    void realUfwAcceptsLoopbackBeforeItsDenyRules() {
        FirewallView view = view("ufw");
        FirewallVerdict verdict = view.verdictFor(ip("10.200.0.1"), 4317);
        assertThat(verdict.action()).isEqualTo(Action.ACCEPT);
        assertThat(verdict.rule().writtenBy()).isEqualTo(Tool.UFW);
        assertThat(verdict.rule().text()).isEqualTo("-A ufw-before-input -i lo -j ACCEPT");
        assertThat(view.verdictFor(ip("::1"), 4318).rule().text()).isEqualTo("-A ufw6-before-input -i lo -j ACCEPT");
        assertThat(((RulesetView) view).tools()).contains(Tool.UFW);
    }

    @Test
    void fromOtherHostsUfwsOwnDenyAndRejectRulesDecide() {
        RulesetView view = (RulesetView) view("ufw");
        FirewallVerdict deny = view.verdictFromElsewhere(ip("10.200.0.1"), 4317);
        assertThat(deny.action()).isEqualTo(Action.DROP);
        assertThat(deny.rule().text()).isEqualTo("-A ufw-user-input -p tcp -m tcp --dport 4317 -j DROP");
        assertThat(OpenPort.command(deny)).isEqualTo("sudo ufw allow 4317/tcp");
        FirewallVerdict reject = view.verdictFromElsewhere(ip("10.200.0.1"), 4318);
        assertThat(reject.action()).isEqualTo(Action.REJECT);
        assertThat(reject.rejectWith()).isEqualTo("tcp reset");
        FirewallVerdict other = view.verdictFromElsewhere(ip("10.200.0.1"), 9000);
        assertThat(other.action()).isEqualTo(Action.DROP);
        assertThat(other.rule()).isNull();
        assertThat(other.policy().chain()).isEqualTo("INPUT");
        assertThat(other.policy().writtenBy()).isEqualTo(Tool.UFW);
    }

    @Test
    void fromOtherHostsFirewalldsZoneRejectsButTheInterfaceIsNotKnown() {
        RulesetView view = (RulesetView) view("firewalld-like");
        FirewallVerdict verdict = view.verdictFromElsewhere(ip("10.200.0.1"), 4317);
        assertThat(verdict.action()).isEqualTo(Action.REJECT);
        assertThat(verdict.rule().text()).isEqualTo("reject with icmpx admin-prohibited");
        assertThat(verdict.uncertain()).extracting(FirewallRule::text).containsExactly("iifname \"eth0\" goto filter_IN_public");
        assertThat(view.verdictFromElsewhere(ip("10.200.0.1"), 22).action()).isEqualTo(Action.ACCEPT);
    }

    @Test
    void aRuleOfAnUnknownShapeIsKeptAsNotUnderstood() {
        RulesetFixture.install(root, "nft-drop").script("nft", "case \"$1\" in -j) /bin/cat <<'EOF'\n"
                + "{\"nftables\": [{\"table\": {\"family\": \"inet\", \"name\": \"t\"}},"
                + " {\"chain\": {\"family\": \"inet\", \"table\": \"t\", \"name\": \"input\", \"type\": \"filter\","
                + " \"hook\": \"input\", \"prio\": \"filter\", \"policy\": \"accept\"}},"
                + " {\"rule\": {\"family\": \"inet\", \"table\": \"t\", \"chain\": \"input\", \"handle\": 4,"
                + " \"expr\": [{\"match\": \"not an object\"}, {\"drop\": null}]}}]}\nEOF\n;; esac\n");
        FirewallVerdict verdict = read().verdictFor(ip("127.0.0.1"), 4317);
        assertThat(verdict.action()).isEqualTo(Action.ACCEPT);
        assertThat(verdict.uncertain()).extracting(FirewallRule::handle).containsExactly("4");
    }

    @Test
    void withoutRootNothingIsRead() {
        RulesetFixture.install(root, "nft-drop").uid(1000);
        assertThat(read().unavailable()).contains("reading the ruleset needs root (nft list ruleset)");
    }

    @Test
    void withoutNftItSaysSo() {
        RulesetFixture.install(root, "nft-drop").remove("nft");
        assertThat(read().unavailable()).hasValueSatisfying(r -> assertThat(r).startsWith("nft is not installed"));
    }

    @Test
    void aFailingNftGivesItsErrorLine() {
        RulesetFixture.install(root, "nft-drop").script("nft", "echo 'netlink: Error: cache initialization failed: Operation not permitted' >&2\nexit 1\n");
        assertThat(read().unavailable()).contains("nft -j list ruleset failed: nft exited with status 1: "
                + "netlink: Error: cache initialization failed: Operation not permitted");
    }

    @Test
    void outputThatIsNotTheJsonRulesetIsUnreadable() {
        RulesetFixture.install(root, "nft-drop").script("nft", "echo 'table inet filter {'\n");
        assertThat(read().unavailable()).hasValueSatisfying(r -> assertThat(r).startsWith("nft printed something that is not"));
    }
}
