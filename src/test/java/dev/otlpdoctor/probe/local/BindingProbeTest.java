package dev.otlpdoctor.probe.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.otlpdoctor.report.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

class BindingProbeTest extends FixtureTest {

    private ProcFixture collectorListeningOn(String grpcAddress, String httpAddress) {
        long grpc = host.listen(grpcAddress, 4317);
        long http = host.listen(httpAddress, 4318);
        host.listen("0.0.0.0", 22);
        host.process(1, "/sbin/init").uid(0).create();
        host.process(812, "/usr/bin/otelcol-contrib", "--config=/etc/otelcol-contrib/config.yaml").holds(grpc, http).create();
        return host;
    }

    @Test
    void wildcardAndDualStackListenersServeEveryInterface() {
        LocalRun run = LocalRun.of(collectorListeningOn("0.0.0.0", "::").fs(), "localhost");
        assertThat(run.one("bind.all-interfaces", "localhost:4317").evidence().get("listeners"))
                .isEqualTo(List.of("0.0.0.0:4317 pid 812 otelcol-contrib"));
        assertThat(run.one("bind.all-interfaces", "localhost:4318").title()).contains("[::]:4318");
        assertThat(run.all("bind.port-conflict")).isEmpty();
    }

    @Test
    void loopbackBindingWarnsWhenTheTargetIsLoopbackAndFailsForAnotherAddress() {
        collectorListeningOn("127.0.0.1", "::1");
        LocalRun loopback = LocalRun.of(host.fs(), "127.0.0.1");
        assertThat(loopback.one("bind.localhost-only", "127.0.0.1:4317").severity()).isEqualTo(Severity.WARN);
        // ::1 does not accept connections to 127.0.0.1
        assertThat(loopback.one("bind.localhost-only", "127.0.0.1:4318").severity()).isEqualTo(Severity.FAIL);

        LocalRun external = LocalRun.of(host.fs(), "10.200.0.1", true, java.time.Duration.ofSeconds(20));
        assertThat(external.one("bind.localhost-only", "10.200.0.1:4317"))
                .satisfies(f -> {
                    assertThat(f.severity()).isEqualTo(Severity.FAIL);
                    assertThat(f.evidence().get("refusedAddresses")).isEqualTo(List.of("10.200.0.1"));
                    assertThat(f.remediation()).anyMatch(s -> s.contains("endpoint: 0.0.0.0:4317"))
                            .anyMatch(s -> s.contains("${env:MY_POD_IP}:4317"));
                });
    }

    @Test
    void ipv4MappedListenerIsTheIpv4Address() {
        LocalRun run = LocalRun.of(collectorListeningOn("::ffff:127.0.0.1", "::ffff:10.0.0.7").fs(), "127.0.0.1", true,
                java.time.Duration.ofSeconds(20));
        assertThat(run.one("bind.localhost-only", "127.0.0.1:4317").title()).contains("127.0.0.1:4317 only");
        assertThat(run.one("bind.specific-address", "127.0.0.1:4318"))
                .satisfies(f -> {
                    assertThat(f.severity()).isEqualTo(Severity.FAIL);
                    assertThat(f.title()).contains("10.0.0.7:4318");
                });
    }

    @Test
    void dualStackWildcardServesIpv4OnlyWithoutBindV6Only() {
        collectorListeningOn("::", "::");
        assertThat(LocalRun.of(host.fs(), "127.0.0.1").one("bind.all-interfaces", "127.0.0.1:4317").severity())
                .isEqualTo(Severity.PASS);
        host.bindV6Only(true);
        assertThat(LocalRun.of(host.fs(), "127.0.0.1").one("bind.specific-address", "127.0.0.1:4317").severity())
                .isEqualTo(Severity.FAIL);
    }

    @Test
    void aPortNobodyListensOnIsSaidSo() {
        host.listen("0.0.0.0", 22);
        host.established("10.0.0.5", 4317);
        LocalRun run = LocalRun.of(host.fs(), "localhost:4317");
        assertThat(run.one("bind.no-listener", "localhost:4317").evidence()).containsEntry("socketsListening", 1);
        assertThat(run.one("process.not-running").severity()).isEqualTo(Severity.FAIL);
    }

    @Test
    void listenersAreLeftForLaterProbes() {
        LocalRun run = LocalRun.of(collectorListeningOn("0.0.0.0", "::").fs(), "localhost");
        assertThat(run.facts().get(BindingProbe.LISTENERS).orElseThrow())
                .extracting(Listener::describe)
                .contains("0.0.0.0:22 owner unknown (uid 1000)", "0.0.0.0:4317 pid 812 otelcol-contrib", "[::]:4318 pid 812 otelcol-contrib");
    }
}
