package dev.otlpdoctor.probe.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.otlpdoctor.Deadline;
import dev.otlpdoctor.probe.Facts;
import dev.otlpdoctor.probe.LocalChecks;
import dev.otlpdoctor.probe.ProbeContext;
import dev.otlpdoctor.probe.ProbeSettings;
import dev.otlpdoctor.probe.RunMemo;
import dev.otlpdoctor.probe.local.firewall.FirewallVerdict;
import dev.otlpdoctor.probe.local.firewall.FirewallView;
import dev.otlpdoctor.probe.local.firewall.RulesetFixture;
import dev.otlpdoctor.report.Finding;
import dev.otlpdoctor.report.Severity;
import dev.otlpdoctor.target.Protocol;
import dev.otlpdoctor.target.Source;
import dev.otlpdoctor.target.TargetParser;
import java.net.InetAddress;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The firewall probe on captured rulesets served by stand-in nft and iptables scripts in the host fixture. */
class FirewallProbeTest extends FixtureTest {

    @Test
    void aDropRuleIsReportedPerEndpointWithTheToolsCommand() {
        RulesetFixture.install(host.root(), "nft-drop");
        LocalRun run = LocalRun.of(host.fs(), "localhost:4317");
        Finding drops = run.one("firewall.drops");
        assertThat(drops.severity()).isEqualTo(Severity.WARN);
        assertThat(drops.endpoint()).isEqualTo("localhost:4317");
        assertThat(drops.title()).isEqualTo("firewall drops connections to 127.0.0.1:4317: nft rule in inet filter input");
        assertThat(drops.evidence()).containsEntry("address", "127.0.0.1").containsEntry("port", 4317)
                .containsEntry("tool", "nft").containsEntry("family", "inet").containsEntry("table", "filter")
                .containsEntry("chain", "input").containsEntry("rule", "tcp dport 4317 drop").containsEntry("handle", "3")
                .doesNotContainKey("rejectWith");
        assertThat(drops.remediation().get(0)).isEqualTo("Let the port through with the tool that wrote the rule: sudo nft insert rule inet filter input tcp dport 4317 accept"
                + "   (or delete the rule: sudo nft delete rule inet filter input handle 3)");
        assertThat(drops.detail()).contains("clients wait until they time out");
        // the rule itself is the finding; firewall.present is for a firewall that lets the target through
        assertThat(run.all("firewall.present")).isEmpty();
        FirewallView view = run.facts().get(FirewallProbe.VIEW).orElseThrow();
        assertThat(view.verdictFor(InetAddress.getLoopbackAddress(), 4317).action()).isEqualTo(FirewallVerdict.Action.DROP);
    }

    @Test
    void theWildcardAddressIsReachedOverLoopback() {
        RulesetFixture.install(host.root(), "nft-drop");
        assertThat(LocalRun.of(host.fs(), "0.0.0.0:4317").one("firewall.drops").evidence()).containsEntry("address", "127.0.0.1");
    }

    @Test
    void aRejectNamesItsTypeAndFirewalldsCommand() {
        RulesetFixture.install(host.root(), "firewalld-like-no-lo");
        LocalRun run = LocalRun.of(host.fs(), "localhost");
        assertThat(run.all("firewall.rejects")).hasSize(2);
        Finding grpc = run.one("firewall.rejects", "localhost:4317");
        assertThat(grpc.title()).isEqualTo("firewall rejects connections to 127.0.0.1:4317 with icmpx admin-prohibited: "
                + "firewalld rule in inet firewalld filter_INPUT");
        assertThat(grpc.evidence()).containsEntry("rejectWith", "icmpx admin-prohibited")
                .containsEntry("rule", "reject with icmpx admin-prohibited");
        assertThat(grpc.remediation().get(0)).isEqualTo("Let the port through with the tool that wrote the rule: sudo firewall-cmd --permanent --add-port=4317/tcp && sudo firewall-cmd --reload");
        assertThat(grpc.detail()).contains("'no route to host'");
        assertThat(run.one("firewall.rejects", "localhost:4318").remediation().get(0)).contains("--add-port=4318/tcp");
    }

    @Test
    void aRefusingRejectSaysItLooksLikeNothingListens() {
        RulesetFixture.install(host.root(), "iptables-nft-reject");
        Finding reject = LocalRun.of(host.fs(), "127.0.0.1:4318").one("firewall.rejects");
        assertThat(reject.evidence()).containsEntry("tool", "iptables (nf_tables backend)").containsEntry("rejectWith", "tcp reset");
        assertThat(reject.remediation().get(0)).isEqualTo("Let the port through with the tool that wrote the rule: sudo iptables -I INPUT -p tcp --dport 4318 -j ACCEPT");
        assertThat(reject.detail()).contains("'connection refused'");
    }

    @Test
    void aDropPolicyIsReportedAsTheChainsPolicy() {
        RulesetFixture.install(host.root(), "nft-policy-drop");
        Finding drops = LocalRun.of(host.fs(), "localhost:4318").one("firewall.drops");
        assertThat(drops.evidence()).containsEntry("rule", "policy drop of the chain").containsEntry("handle", "none");
        assertThat(drops.detail()).contains("the policy of the chain (no rule matched)");
    }

    @Test
    void rulesNotUnderstoodAreNamedAsEvidence() {
        RulesetFixture.install(host.root(), "nft-unknown-expression");
        Finding drops = LocalRun.of(host.fs(), "localhost:4317").one("firewall.drops");
        assertThat(drops.evidence()).containsKey("notUnderstood");
        assertThat(drops.detail()).contains("might decide first: inet filter input: tcp dport 4317 limit rate 10/second accept");
    }

    @Test
    void aFirewallThatLetsTheTargetThroughIsInformation() {
        RulesetFixture.install(host.root(), "ufw");
        LocalRun run = LocalRun.of(host.fs(), "localhost:4317");
        assertThat(run.all("firewall.drops")).isEmpty();
        assertThat(run.all("firewall.rejects")).isEmpty();
        Finding present = run.one("firewall.present");
        assertThat(present.severity()).isEqualTo(Severity.INFO);
        assertThat(present.title()).startsWith("firewall on this host: ufw");
        assertThat(present.detail()).contains("127.0.0.1:4317 accepted by ip filter ufw-before-input: -A ufw-before-input -i lo -j ACCEPT");
        assertThat(present.remediation()).anyMatch(s -> s.startsWith("ufw (for other hosts, if they are filtered): sudo ufw allow 4317/tcp"));
    }

    @Test
    void whatOtherHostsMeetIsPartOfTheInformation() {
        RulesetFixture.install(host.root(), "ufw");
        LocalRun run = LocalRun.of(host.fs(), "10.200.0.1:4317", true, Duration.ofSeconds(20));
        Finding present = run.one("firewall.present");
        assertThat(present.detail()).contains("10.200.0.1:4317 accepted by ip filter ufw-before-input: -A ufw-before-input -i lo -j ACCEPT")
                .contains("Connections from other hosts are not: 10.200.0.1:4317 dropped by ip filter ufw-user-input: "
                        + "-A ufw-user-input -p tcp -m tcp --dport 4317 -j DROP");
        assertThat(present.remediation()).contains("for other hosts: sudo ufw allow 4317/tcp");
    }

    @Test
    void anEmptyRulesetSaysNothing() {
        RulesetFixture.install(host.root(), "nft-drop")
                .script("nft", "case \"$1\" in -j) echo '{\"nftables\": [{\"metainfo\": {\"version\": \"1.0.6\"}}]}' ;; esac\n");
        LocalRun run = LocalRun.of(host.fs(), "localhost");
        assertThat(run.findings()).filteredOn(f -> f.code().startsWith("firewall.")).isEmpty();
        assertThat(run.facts().get(FirewallProbe.VIEW).orElseThrow().unavailable()).isEmpty();
    }

    @Test
    void withoutRootItSkipsWithTheReasonAndOnlyNamesConfiguredFirewalls() {
        RulesetFixture.install(host.root(), "nft-drop").uid(1000);
        host.write("etc/ufw/ufw.conf", "ENABLED=yes\n");
        LocalRun run = LocalRun.of(host.fs(), "localhost:4317");
        Finding skip = run.one("firewall.unreadable");
        assertThat(skip.severity()).isEqualTo(Severity.SKIP);
        assertThat(skip.title()).isEqualTo("firewall rules not checked: reading the ruleset needs root (nft list ruleset)");
        assertThat(run.all("firewall.drops")).isEmpty();
        assertThat(run.one("firewall.present").evidence()).containsEntry("firewalls", "ufw");
        assertThat(run.facts().get(FirewallProbe.VIEW).orElseThrow().unavailable())
                .contains("reading the ruleset needs root (nft list ruleset)");
    }

    @Test
    void theRulesetIsReadOncePerRunForAllTargets() throws Exception {
        RulesetFixture.install(host.root(), "nft-drop");
        java.nio.file.Path nft = host.root().resolve("usr/sbin/nft");
        java.nio.file.Path calls = host.root().resolve("calls");
        String original = Files.readString(nft);
        Files.writeString(nft, original.replace("#!/bin/sh\n", "#!/bin/sh\necho \"$1\" >> '" + calls + "'\n"));
        HostFs fs = host.fs();
        FirewallProbe probe = new FirewallProbe(fs);
        Deadline deadline = Deadline.after(Duration.ofSeconds(20));
        RunMemo run = new RunMemo();
        List<Finding> findings = new ArrayList<>();
        for (String target : List.of("localhost:4317", "127.0.0.1:4318", "[::1]:4317")) {
            ProbeContext context = new ProbeContext(new TargetParser(Protocol.AUTO, "--protocol").parse(target, Source.argument(1)),
                    null, ProbeSettings.builder().local(LocalChecks.AUTO).build(), deadline, new Facts(), null, run);
            probe.run(context, findings::add);
            assertThat(context.facts().get(FirewallProbe.VIEW)).isPresent();
        }
        assertThat(Files.readAllLines(calls)).containsExactly("-j", "-a");
        // 127.0.0.1:4318 is let through (firewall.present names the accepting ruleset); 4317 is dropped on both addresses
        assertThat(findings).extracting(Finding::code).containsExactly("firewall.drops", "firewall.present",
                "firewall.drops");
    }
}
