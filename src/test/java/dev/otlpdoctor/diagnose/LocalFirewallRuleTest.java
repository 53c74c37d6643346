package dev.otlpdoctor.diagnose;

import static org.assertj.core.api.Assertions.assertThat;

import dev.otlpdoctor.report.Diagnosis;
import dev.otlpdoctor.report.ProbeRun;
import dev.otlpdoctor.report.catalog.LocalCodes;
import dev.otlpdoctor.report.catalog.NetworkCodes;
import dev.otlpdoctor.target.Protocol;
import dev.otlpdoctor.target.Source;
import dev.otlpdoctor.target.Target;
import dev.otlpdoctor.target.TargetParser;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LocalFirewallRuleTest {
    private final Target target = new TargetParser(Protocol.AUTO, "--protocol").parse("10.0.0.5:4317", Source.argument(1));

    private ProbeRun timeout() {
        return ProbeRun.of("tcp", "10.0.0.5:4317", 5000, List.of(NetworkCodes.TCP_TIMEOUT.finding()
                .evidence("address", "10.0.0.5").evidence("port", 4317).evidence("waitedMs", 5000)
                .build().attributedTo("tcp", "10.0.0.5:4317")));
    }

    @Test
    void droppedConnectionsOnAHostWithAFirewallPutTheFirewallCommandsFirst() {
        ProbeRun firewall = ProbeRun.of("firewall", "10.0.0.5", 1, List.of(LocalCodes.FIREWALL_PRESENT.finding()
                .evidence("firewalls", "ufw")
                .step("ufw: sudo ufw allow 4317/tcp")
                .build().attributedTo("firewall", "10.0.0.5")));
        Diagnosis diagnosis = new Diagnoser().diagnose(target, List.of(firewall, timeout()), PathFacts.networkOnly(Set.of())).diagnosis();
        assertThat(diagnosis.code()).isEqualTo("tcp.timeout");
        assertThat(diagnosis.summary()).contains("this machine has a host firewall (ufw)");
        assertThat(diagnosis.remediation().get(1)).isEqualTo("ufw: sudo ufw allow 4317/tcp");
        assertThat(diagnosis.remediation()).anyMatch(s -> s.contains("security group"));
    }

    @Test
    void withoutAFirewallFindingTheGenericRuleDecides() {
        Diagnosis diagnosis = new Diagnoser().diagnose(target, List.of(timeout()), PathFacts.networkOnly(Set.of())).diagnosis();
        assertThat(diagnosis.code()).isEqualTo("tcp.timeout");
        assertThat(diagnosis.remediation()).noneMatch(s -> s.startsWith("ufw:"));
    }
}
