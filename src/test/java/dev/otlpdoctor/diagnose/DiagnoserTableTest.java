package dev.otlpdoctor.diagnose;

import static dev.otlpdoctor.diagnose.PathFixtures.GRPC;
import static dev.otlpdoctor.diagnose.PathFixtures.HTTP;
import static dev.otlpdoctor.diagnose.PathFixtures.accepted;
import static dev.otlpdoctor.diagnose.PathFixtures.collector;
import static dev.otlpdoctor.diagnose.PathFixtures.forwarded;
import static dev.otlpdoctor.diagnose.PathFixtures.missed;
import static dev.otlpdoctor.diagnose.PathFixtures.nothing;
import static dev.otlpdoctor.diagnose.PathFixtures.ok;
import static dev.otlpdoctor.diagnose.PathFixtures.process;
import static dev.otlpdoctor.diagnose.PathFixtures.ruleset;
import static dev.otlpdoctor.diagnose.PathFixtures.run;
import static dev.otlpdoctor.diagnose.PathFixtures.served;
import static dev.otlpdoctor.diagnose.PathFixtures.skipped;
import static dev.otlpdoctor.diagnose.PathFixtures.tcpOpen;
import static dev.otlpdoctor.diagnose.PathFixtures.tcpRefused;
import static dev.otlpdoctor.diagnose.PathFixtures.tcpTimeout;
import static dev.otlpdoctor.diagnose.PathFixtures.unreadable;
import static org.assertj.core.api.Assertions.assertThat;

import dev.otlpdoctor.otlp.Signal;
import dev.otlpdoctor.probe.local.CollectorProcess;
import dev.otlpdoctor.probe.local.SocketPath;
import dev.otlpdoctor.probe.local.firewall.FirewallRule;
import dev.otlpdoctor.probe.local.firewall.FirewallVerdict;
import dev.otlpdoctor.probe.local.firewall.FirewallView;
import dev.otlpdoctor.report.Finding;
import dev.otlpdoctor.report.Hop;
import dev.otlpdoctor.report.ProbeRun;
import dev.otlpdoctor.report.Severity;
import dev.otlpdoctor.report.catalog.CollectorCodes;
import dev.otlpdoctor.report.catalog.ConfigCodes;
import dev.otlpdoctor.report.catalog.K8sLiveCodes;
import dev.otlpdoctor.report.catalog.LocalCodes;
import dev.otlpdoctor.report.catalog.NetworkCodes;
import dev.otlpdoctor.report.catalog.OtlpCodes;
import dev.otlpdoctor.report.catalog.ProtocolCodes;
import dev.otlpdoctor.report.catalog.TlsCodes;
import dev.otlpdoctor.target.Protocol;
import dev.otlpdoctor.target.Source;
import dev.otlpdoctor.target.Target;
import dev.otlpdoctor.target.TargetParser;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The diagnosis over multi-fact situations: each row is what the probes recorded for one target (findings,
 * and the typed socket hops of its path) and what the user must be told: the root cause's code, the hop of
 * the path it sits on, and the target's status. Rows combine facts that compete — a second collector, a
 * container, a firewall, a stale config — with proof or its absence.
 */
class DiagnoserTableTest {
    static final Target COLLECTOR = new TargetParser(Protocol.AUTO, "--protocol").parse("collector", Source.argument(1));
    static final Target GRPC_ONLY = new TargetParser(Protocol.AUTO, "--protocol").parse("collector:4317", Source.argument(1));
    private static final CollectorProcess HERE = collector(812, null);
    private static final CollectorProcess CONTAINER = collector(4100, "docker container 3f2a1b9c0d4e");

    static Stream<Arguments> table() {
        return Stream.of(
                // Proven: every signal accepted on every endpoint. Nothing inferred makes it fail.
                when("healthy collector, both ports").runs(tcpOpen(GRPC), accepted(GRPC), tcpOpen(HTTP), accepted(HTTP))
                        .paths(served(GRPC, HERE, null), served(HTTP, HERE, null)).expect(null, null, Severity.PASS),
                when("healthy, and another collector in a container that opened no OTLP port")
                        .runs(tcpOpen(GRPC), accepted(GRPC), tcpOpen(HTTP), accepted(HTTP),
                                local(LocalCodes.PROCESS_NO_OTLP_LISTENER, Severity.INFO))
                        .paths(served(GRPC, HERE, null), served(HTTP, HERE, null)).expect(null, null, Severity.PASS),
                when("healthy, and a stale probe result says another collector listens on no OTLP port (fail)")
                        .runs(tcpOpen(GRPC), accepted(GRPC), tcpOpen(HTTP), accepted(HTTP),
                                local(LocalCodes.PROCESS_NO_OTLP_LISTENER, Severity.FAIL))
                        .expect("process.no-otlp-listener", Hop.PROCESS, Severity.WARN),
                when("healthy, two collectors on one host (the second on 14317/14318)")
                        .runs(tcpOpen(GRPC), accepted(GRPC), tcpOpen(HTTP), accepted(HTTP),
                                local(LocalCodes.PROCESS_RUNNING, Severity.INFO))
                        .paths(served(GRPC, HERE, null), served(HTTP, HERE, null)).expect(null, null, Severity.PASS),
                when("healthy, and a container's collector bound to its own 127.0.0.1 (reported at fail)")
                        .runs(tcpOpen(GRPC), accepted(GRPC), tcpOpen(HTTP), accepted(HTTP),
                                endpointFinding(GRPC, LocalCodes.BIND_LOCALHOST_ONLY, Severity.FAIL))
                        .expect("bind.localhost-only", Hop.SOCKET, Severity.WARN),
                when("healthy, and --config has the removed logging exporter")
                        .runs(tcpOpen(GRPC), accepted(GRPC), tcpOpen(HTTP), accepted(HTTP),
                                config(ConfigCodes.DEPRECATED_COMPONENT, Severity.FAIL))
                        .expect("config.deprecated-component", Hop.PROCESS, Severity.WARN),
                when("healthy receiver, exporter failing with a full queue")
                        .runs(tcpOpen(GRPC), accepted(GRPC), tcpOpen(HTTP), accepted(HTTP), exporterFailing())
                        .expect("collector.exporter-failing", Hop.EXPORTER, Severity.WARN),
                when("healthy, the server's certificate skipped on request (--insecure-skip-verify)")
                        .runs(tcpOpen(GRPC), run("tls", GRPC, TlsCodes.TLS_VERIFICATION_SKIPPED.finding()
                                        .evidence("problem", "untrusted").evidence("wouldBe", "tls.untrusted").build()),
                                accepted(GRPC)).target(GRPC_ONLY)
                        .expect("tls.verification-skipped", Hop.RECEIVER, Severity.WARN),
                when("healthy, partial success on every signal").target(GRPC_ONLY)
                        .runs(tcpOpen(GRPC), run("grpc", GRPC, partial("traces"), partial("metrics"), partial("logs")))
                        .expect("otlp.partial-success", Hop.PIPELINE, Severity.WARN),
                when("healthy behind a port forwarder into a container (docker-proxy)")
                        .runs(tcpOpen(GRPC), accepted(GRPC), tcpOpen(HTTP), accepted(HTTP),
                                endpointFinding(GRPC, LocalCodes.BIND_FORWARDED, Severity.INFO))
                        .paths(forwarded(GRPC, "0.0.0.0", CONTAINER), forwarded(HTTP, "0.0.0.0", CONTAINER))
                        .expect(null, null, Severity.PASS),
                when("healthy, another program holds 4317 on 127.0.0.1 while the collector serves 10.0.0.5")
                        .runs(tcpOpen(GRPC), accepted(GRPC), tcpOpen(HTTP), accepted(HTTP),
                                endpointFinding(GRPC, LocalCodes.BIND_PORT_CONFLICT, Severity.INFO))
                        .paths(served(GRPC, HERE, null), served(HTTP, HERE, null)).expect(null, null, Severity.PASS),
                when("only traces asked for, and accepted").signals(Signal.TRACES).target(GRPC_ONLY)
                        .runs(tcpOpen(GRPC), run("grpc", GRPC, ok("traces", "grpc"))).expect(null, null, Severity.PASS),

                // Not proven: no probe failed, but no export proves the target.
                when("the deadline cut the exports off").target(GRPC_ONLY)
                        .runs(tcpOpen(GRPC), skipped("grpc", GRPC, "the run's deadline (--timeout 250ms) was reached"))
                        .expect("run.not-proven", Hop.RUN, Severity.FAIL),
                when("traces accepted, metrics and logs never tried").target(GRPC_ONLY)
                        .runs(tcpOpen(GRPC), run("grpc", GRPC, ok("traces", "grpc")))
                        .expect("run.not-proven", Hop.RUN, Severity.FAIL),
                when("every signal throttled (429 / RESOURCE_EXHAUSTED)").target(GRPC_ONLY)
                        .runs(tcpOpen(GRPC), run("grpc", GRPC, throttled("traces"), throttled("metrics"), throttled("logs")))
                        .expect("otlp.throttled", Hop.PIPELINE, Severity.FAIL),
                when("exports accepted only past a certificate the exporter refuses").target(GRPC_ONLY)
                        .runs(tcpOpen(GRPC), run("tls", GRPC, TlsCodes.TLS_UNTRUSTED.finding().build()), accepted(GRPC))
                        .expect("tls.untrusted", Hop.RECEIVER, Severity.FAIL),
                when("exports accepted only over the server's TLS while the client is plaintext").target(GRPC_ONLY)
                        .runs(tcpOpen(GRPC), run("tls", GRPC, TlsCodes.TLS_MISMATCH.finding().evidence("port", 4317).build()),
                                accepted(GRPC))
                        .expect("tls.mismatch", Hop.RECEIVER, Severity.FAIL),
                when("TLS asked for, and the handshake never came").target(GRPC_ONLY)
                        .runs(tcpOpen(GRPC), run("protocol", GRPC, TlsCodes.TLS_NO_ANSWER.finding()
                                .severity(Severity.FAIL).evidence("waitedMs", 4000).build()))
                        .expect("tls.no-answer", Hop.RECEIVER, Severity.FAIL),

                // The name hop.
                when("the name does not resolve").runs(run("dns", "collector", NetworkCodes.DNS_UNRESOLVED.finding()
                                .evidence("host", "collector").build()),
                                skipped("tcp", GRPC, "dns failed"), skipped("tcp", HTTP, "dns failed"))
                        .expect("dns.unresolved", Hop.NAME, Severity.FAIL),
                when("the resolver never answered").runs(run("dns", "collector", NetworkCodes.DNS_TIMEOUT.finding()
                                .evidence("host", "collector").evidence("waitedMs", 10000).build()))
                        .expect("dns.timeout", Hop.NAME, Severity.FAIL),
                when("a cluster DNS name, checked from outside the cluster")
                        .runs(run("k8s", "collector", K8sLiveCodes.OUTSIDE_CLUSTER.finding().evidence("host", "collector")
                                        .param("namespace", "obs").param("service", "otel").build()),
                                run("dns", "collector", NetworkCodes.DNS_UNRESOLVED.finding().evidence("host", "collector").build()))
                        .expect("k8s.outside-cluster", Hop.NAME, Severity.FAIL),

                // The route and the packet filter.
                when("no route to the address").runs(run("tcp", GRPC, NetworkCodes.TCP_UNREACHABLE.finding()
                                .evidence("address", "10.0.0.5").evidence("port", 4317).build()),
                                run("tcp", HTTP, NetworkCodes.TCP_UNREACHABLE.finding()
                                        .evidence("address", "10.0.0.5").evidence("port", 4318).build()))
                        .expect("tcp.unreachable", Hop.ROUTE, Severity.FAIL),
                when("every SYN dropped").runs(tcpTimeout(GRPC), tcpTimeout(HTTP))
                        .expect("tcp.timeout", Hop.FIREWALL, Severity.FAIL),
                when("dropped, and a host firewall is present").runs(tcpTimeout(GRPC), tcpOpen(HTTP), accepted(HTTP),
                                local(LocalCodes.FIREWALL_PRESENT, Severity.INFO))
                        .expect("tcp.timeout", Hop.FIREWALL, Severity.FAIL),
                when("dropped, while the collector is also bound to loopback only (the packet filter comes first)")
                        .runs(tcpTimeout(GRPC), tcpTimeout(HTTP), local(LocalCodes.FIREWALL_PRESENT, Severity.INFO),
                                endpointFinding(GRPC, LocalCodes.BIND_LOCALHOST_ONLY, Severity.FAIL))
                        .paths(missed(GRPC, SocketPath.Reach.LOOPBACK_ONLY, "127.0.0.1", HERE),
                                missed(HTTP, SocketPath.Reach.LOOPBACK_ONLY, "127.0.0.1", HERE))
                        .expect("tcp.timeout", Hop.FIREWALL, Severity.FAIL),

                when("an nft rule drops 4317/4318 (read from the kernel's ruleset)")
                        .runs(tcpTimeout(GRPC), tcpTimeout(HTTP), firewallFinding(GRPC, LocalCodes.FIREWALL_DROPS))
                        .firewall(ruleset(FirewallVerdict.Action.DROP, null, FirewallRule.Tool.NFTABLES))
                        .expect("firewall.drops", Hop.FIREWALL, Severity.FAIL),
                when("collector on 0.0.0.0, a rule rejects 4317/4318 with tcp reset: refused is not 'nothing listens'")
                        .runs(tcpRefused(GRPC), tcpRefused(HTTP), firewallFinding(GRPC, LocalCodes.FIREWALL_REJECTS))
                        .paths(served(GRPC, HERE, null), served(HTTP, HERE, null))
                        .firewall(ruleset(FirewallVerdict.Action.REJECT, "tcp reset", FirewallRule.Tool.IPTABLES_NFT))
                        .expect("firewall.rejects", Hop.FIREWALL, Severity.FAIL),
                when("a REJECT rule, and a second collector on other ports")
                        .runs(tcpRefused(GRPC), tcpRefused(HTTP), local(LocalCodes.PROCESS_NO_OTLP_LISTENER, Severity.INFO),
                                firewallFinding(GRPC, LocalCodes.FIREWALL_REJECTS))
                        .paths(served(GRPC, HERE, null), served(HTTP, HERE, null))
                        .firewall(ruleset(FirewallVerdict.Action.REJECT, "tcp reset", FirewallRule.Tool.FIREWALLD))
                        .expect("firewall.rejects", Hop.FIREWALL, Severity.FAIL),
                when("a rule rejects with icmpx admin-prohibited: the client sees no route to host")
                        .runs(run("tcp", GRPC, NetworkCodes.TCP_UNREACHABLE.finding().evidence("address", "10.0.0.5")
                                        .evidence("port", 4317).build()),
                                run("tcp", HTTP, NetworkCodes.TCP_UNREACHABLE.finding().evidence("address", "10.0.0.5")
                                        .evidence("port", 4318).build()))
                        .firewall(ruleset(FirewallVerdict.Action.REJECT, "icmpx admin-prohibited", FirewallRule.Tool.UFW))
                        .expect("firewall.rejects", Hop.FIREWALL, Severity.FAIL),
                when("a DROP rule, while the collector is also bound to loopback only (the packet filter comes first)")
                        .runs(tcpTimeout(GRPC), tcpTimeout(HTTP),
                                endpointFinding(GRPC, LocalCodes.BIND_LOCALHOST_ONLY, Severity.FAIL))
                        .paths(missed(GRPC, SocketPath.Reach.LOOPBACK_ONLY, "127.0.0.1", HERE),
                                missed(HTTP, SocketPath.Reach.LOOPBACK_ONLY, "127.0.0.1", HERE))
                        .firewall(ruleset(FirewallVerdict.Action.DROP, null, FirewallRule.Tool.NFTABLES))
                        .expect("firewall.drops", Hop.FIREWALL, Severity.FAIL),
                when("refused although a socket here accepts the address, ruleset not readable (not root)")
                        .runs(tcpRefused(GRPC), tcpRefused(HTTP))
                        .paths(served(GRPC, HERE, null), served(HTTP, HERE, null))
                        .firewall(unreadable("reading the ruleset needs root (nft list ruleset)"))
                        .expect("tcp.refused", Hop.SOCKET, Severity.FAIL),
                when("timed out, the ruleset read and accepting: not this host's firewall")
                        .runs(tcpTimeout(GRPC), tcpTimeout(HTTP), local(LocalCodes.FIREWALL_PRESENT, Severity.INFO))
                        .firewall(ruleset(FirewallVerdict.Action.ACCEPT, null, FirewallRule.Tool.NFTABLES))
                        .expect("tcp.timeout", Hop.FIREWALL, Severity.FAIL),
                when("healthy, and the ruleset accepts the target")
                        .runs(tcpOpen(GRPC), accepted(GRPC), tcpOpen(HTTP), accepted(HTTP))
                        .paths(served(GRPC, HERE, null), served(HTTP, HERE, null))
                        .firewall(ruleset(FirewallVerdict.Action.ACCEPT, null, FirewallRule.Tool.UFW))
                        .expect(null, null, Severity.PASS),

                // The socket hop: the collector runs, but not where the connection goes.
                when("nothing listens on either port").runs(tcpRefused(GRPC), tcpRefused(HTTP))
                        .expect("tcp.refused", Hop.SOCKET, Severity.FAIL),
                when("refused, collector bound to 127.0.0.1").runs(tcpRefused(GRPC), tcpRefused(HTTP),
                                endpointFinding(GRPC, LocalCodes.BIND_LOCALHOST_ONLY, Severity.FAIL),
                                endpointFinding(HTTP, LocalCodes.BIND_LOCALHOST_ONLY, Severity.FAIL))
                        .paths(missed(GRPC, SocketPath.Reach.LOOPBACK_ONLY, "127.0.0.1", HERE),
                                missed(HTTP, SocketPath.Reach.LOOPBACK_ONLY, "127.0.0.1", HERE))
                        .expect("bind.localhost-only", Hop.SOCKET, Severity.FAIL),
                when("refused, collector bound to its pod IP while the app uses another address")
                        .runs(tcpRefused(GRPC), tcpRefused(HTTP),
                                endpointFinding(GRPC, LocalCodes.BIND_SPECIFIC_ADDRESS, Severity.FAIL),
                                endpointFinding(HTTP, LocalCodes.BIND_SPECIFIC_ADDRESS, Severity.FAIL))
                        .paths(missed(GRPC, SocketPath.Reach.OTHER_ADDRESS, "10.244.1.7", HERE),
                                missed(HTTP, SocketPath.Reach.OTHER_ADDRESS, "10.244.1.7", HERE))
                        .expect("bind.specific-address", Hop.SOCKET, Severity.FAIL),
                when("refused, collector in a container on 0.0.0.0:4317, port not published")
                        .runs(tcpRefused(GRPC), tcpRefused(HTTP),
                                endpointFinding(GRPC, LocalCodes.BIND_NOT_PUBLISHED, Severity.FAIL),
                                endpointFinding(HTTP, LocalCodes.BIND_NOT_PUBLISHED, Severity.FAIL))
                        .paths(missed(GRPC, SocketPath.Reach.UNPUBLISHED, "0.0.0.0", CONTAINER),
                                missed(HTTP, SocketPath.Reach.UNPUBLISHED, "0.0.0.0", CONTAINER))
                        .expect("bind.not-published", Hop.SOCKET, Severity.FAIL),
                when("refused through a forwarder: the container's collector is bound to its loopback")
                        .runs(tcpRefused(GRPC), tcpRefused(HTTP),
                                endpointFinding(GRPC, LocalCodes.BIND_LOCALHOST_ONLY, Severity.FAIL))
                        .paths(forwarded(GRPC, "127.0.0.1", CONTAINER), forwarded(HTTP, "127.0.0.1", CONTAINER))
                        .expect("bind.localhost-only", Hop.SOCKET, Severity.FAIL),
                when("behind a forwarder the connection is accepted, then closed: the container's collector is on its loopback")
                        .target(GRPC_ONLY)
                        .runs(tcpOpen(GRPC), run("protocol", GRPC, ProtocolCodes.PROTOCOL_UNKNOWN.finding()
                                        .evidence("port", 4317).evidence("answer", "closed the connection without a byte").build()),
                                endpointFinding(GRPC, LocalCodes.BIND_LOCALHOST_ONLY, Severity.FAIL))
                        .paths(forwarded(GRPC, "127.0.0.1", CONTAINER))
                        .expect("bind.localhost-only", Hop.SOCKET, Severity.FAIL),
                when("refused, bound to 127.0.0.1, and the config leaves the endpoint at localhost (the socket comes first)")
                        .runs(tcpRefused(GRPC), tcpRefused(HTTP), config(ConfigCodes.ENDPOINT_LOCALHOST, Severity.WARN),
                                endpointFinding(GRPC, LocalCodes.BIND_LOCALHOST_ONLY, Severity.FAIL))
                        .paths(missed(GRPC, SocketPath.Reach.LOOPBACK_ONLY, "127.0.0.1", HERE),
                                missed(HTTP, SocketPath.Reach.LOOPBACK_ONLY, "127.0.0.1", HERE))
                        .expect("bind.localhost-only", Hop.SOCKET, Severity.FAIL),
                when("refused, nothing listens, and another collector's config (context, info) says localhost")
                        .runs(tcpRefused(GRPC), tcpRefused(HTTP), config(ConfigCodes.ENDPOINT_LOCALHOST, Severity.INFO))
                        .paths(nothing(GRPC), nothing(HTTP))
                        .expect("tcp.refused", Hop.SOCKET, Severity.FAIL),
                when("a web server holds 4317 and answers HTTP/1.1 404").target(GRPC_ONLY)
                        .runs(tcpOpen(GRPC), endpointFinding(GRPC, LocalCodes.BIND_PORT_CONFLICT, Severity.INFO),
                                run("protocol", GRPC, mismatch("HTTP/1.1", "GET /v1/traces was answered 'HTTP/1.0 404 File not found'")))
                        .paths(served(GRPC, null, process(5150, "python3", "-m", "http.server", "4317")))
                        .expect("bind.port-conflict", Hop.SOCKET, Severity.FAIL),
                when("an OTLP/HTTP receiver (405) on 4317 for a gRPC client, held by an unknown program").target(GRPC_ONLY)
                        .runs(tcpOpen(GRPC), endpointFinding(GRPC, LocalCodes.BIND_PORT_CONFLICT, Severity.INFO),
                                run("protocol", GRPC, mismatch("HTTP/1.1", "GET /v1/traces was answered 'HTTP/1.1 405 Method Not Allowed'")))
                        .paths(served(GRPC, null, process(5151, "java")))
                        .expect("protocol.mismatch", Hop.RECEIVER, Severity.FAIL),
                when("a gRPC client on the collector's HTTP port").target(GRPC_ONLY)
                        .runs(tcpOpen(GRPC), run("protocol", GRPC, mismatch("HTTP/1.1", "GET /v1/traces was answered 'HTTP/1.1 405 Method Not Allowed'")))
                        .paths(served(GRPC, HERE, null)).expect("protocol.mismatch", Hop.RECEIVER, Severity.FAIL),

                // The process hop.
                when("refused, no collector process").runs(tcpRefused(GRPC), tcpRefused(HTTP),
                                local(LocalCodes.PROCESS_NOT_RUNNING, Severity.FAIL))
                        .paths(nothing(GRPC), nothing(HTTP)).expect("process.not-running", Hop.PROCESS, Severity.FAIL),
                when("refused, the collector runs but opened no OTLP port").runs(tcpRefused(GRPC), tcpRefused(HTTP),
                                local(LocalCodes.PROCESS_NO_OTLP_LISTENER, Severity.FAIL))
                        .paths(nothing(GRPC), nothing(HTTP)).expect("process.no-otlp-listener", Hop.PROCESS, Severity.FAIL),
                when("refused, and --config has the removed logging exporter (no collector runs)")
                        .runs(tcpRefused(GRPC), tcpRefused(HTTP), config(ConfigCodes.DEPRECATED_COMPONENT, Severity.FAIL))
                        .expect("config.deprecated-component", Hop.PROCESS, Severity.FAIL),
                when("a running collector with the removed logging exporter, bound to 127.0.0.1, probed from elsewhere")
                        .runs(tcpRefused(GRPC), tcpRefused(HTTP), config(ConfigCodes.DEPRECATED_COMPONENT, Severity.FAIL),
                                endpointFinding(GRPC, LocalCodes.BIND_LOCALHOST_ONLY, Severity.FAIL))
                        .paths(missed(GRPC, SocketPath.Reach.LOOPBACK_ONLY, "127.0.0.1", HERE),
                                missed(HTTP, SocketPath.Reach.LOOPBACK_ONLY, "127.0.0.1", HERE))
                        .expect("bind.localhost-only", Hop.SOCKET, Severity.FAIL),
                when("4318 refused, and the config enables no http protocol").runs(tcpOpen(GRPC), accepted(GRPC),
                                tcpRefused(HTTP), config(ConfigCodes.PROTOCOL_MISSING, Severity.WARN))
                        .expect("config.protocol-missing", Hop.RECEIVER, Severity.FAIL),
                when("a container's collector not published, and a second collector here on other ports")
                        .runs(tcpRefused(GRPC), tcpRefused(HTTP), local(LocalCodes.PROCESS_NO_OTLP_LISTENER, Severity.INFO),
                                endpointFinding(GRPC, LocalCodes.BIND_NOT_PUBLISHED, Severity.FAIL))
                        .paths(missed(GRPC, SocketPath.Reach.UNPUBLISHED, "0.0.0.0", CONTAINER),
                                missed(HTTP, SocketPath.Reach.UNPUBLISHED, "0.0.0.0", CONTAINER))
                        .expect("bind.not-published", Hop.SOCKET, Severity.FAIL),

                // The receiver, the pipelines, the exporter.
                when("logs and metrics without a pipeline").target(GRPC_ONLY)
                        .runs(tcpOpen(GRPC), run("grpc", GRPC, ok("traces", "grpc"), notAccepted("metrics"), notAccepted("logs")))
                        .expect("signal.not-accepted", Hop.PIPELINE, Severity.FAIL),
                when("the receiver wants a token").target(GRPC_ONLY)
                        .runs(tcpOpen(GRPC), run("grpc", GRPC, auth("traces"), auth("metrics"), auth("logs")))
                        .expect("auth.required", Hop.RECEIVER, Severity.FAIL),
                when("something other than a receiver answers (a proxy's HTML page)").target(GRPC_ONLY)
                        .runs(tcpOpen(GRPC), run("protocol", GRPC, ProtocolCodes.PROTOCOL_NOT_OTLP.finding()
                                .evidence("port", 4317).build()))
                        .expect("protocol.not-otlp", Hop.RECEIVER, Severity.FAIL),
                when("the collector pushes back: receiver refusing, nothing accepted").target(GRPC_ONLY)
                        .runs(tcpOpen(GRPC), run("collector-metrics", "collector", CollectorCodes.RECEIVER_REFUSING.finding()
                                .severity(Severity.FAIL).evidence("receiver", "otlp").evidence("refused", 10)
                                .evidence("signal", "traces").build()))
                        .expect("collector.receiver-refusing", Hop.RECEIVER, Severity.FAIL));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void namesTheFirstBrokenHop(String situation, Case facts, String code, Hop hop, Severity status) {
        TargetVerdict verdict = new Diagnoser().diagnose(facts.target, facts.runs, facts.facts());
        assertThat(verdict.status()).as(situation + ": status").isEqualTo(status);
        if (code == null) {
            assertThat(verdict.diagnosis()).as(situation).isNull();
            assertThat(verdict.verdict()).as(situation).contains("accepted over");
            return;
        }
        assertThat(verdict.diagnosis()).as(situation).isNotNull();
        assertThat(verdict.diagnosis().code()).as(situation).isEqualTo(code);
        assertThat(verdict.diagnosis().hop()).as(situation + ": hop").isEqualTo(hop);
        assertThat(verdict.diagnosis().remediation()).as(situation + ": the fix").isNotEmpty();
        assertThat(verdict.diagnosis().alsoCheck()).as(situation).doesNotContain(code);
        assertThat(verdict.verdict()).as(situation).isEqualTo(verdict.diagnosis().title());
    }

    @Test
    void allAcceptedSaysWhatWasProven() {
        TargetVerdict verdict = new Diagnoser().diagnose(GRPC_ONLY, List.of(tcpOpen(GRPC), accepted(GRPC)),
                PathFacts.networkOnly(Set.of()));
        assertThat(verdict.verdict()).isEqualTo("traces, metrics, logs accepted over grpc at collector:4317");
    }

    @Test
    void notProvenNamesWhatIsMissingAndWhatStoppedIt() {
        TargetVerdict verdict = new Diagnoser().diagnose(COLLECTOR, List.of(tcpOpen(GRPC), accepted(GRPC), tcpOpen(HTTP),
                skipped("http", HTTP, "the run's deadline was reached")), PathFacts.networkOnly(Set.of()));
        assertThat(verdict.diagnosis().title()).isEqualTo("not proven: collector:4318 (traces, metrics, logs)");
        assertThat(verdict.diagnosis().summary()).contains("the run's deadline was reached");
        assertThat(verdict.diagnosis().remediation().get(0)).contains("--timeout");
    }

    @Test
    void aRuleBlockingBothPortsGivesTheFixOfEachPortFirst() {
        Case facts = when("both ports rejected").runs(tcpRefused(GRPC), tcpRefused(HTTP),
                        firewallFinding(GRPC, LocalCodes.FIREWALL_REJECTS), firewallFinding(HTTP, LocalCodes.FIREWALL_REJECTS))
                .paths(served(GRPC, HERE, null), served(HTTP, HERE, null))
                .firewall(ruleset(FirewallVerdict.Action.REJECT, "tcp reset", FirewallRule.Tool.NFTABLES));
        List<String> steps = new Diagnoser().diagnose(facts.target, facts.runs, facts.facts()).diagnosis().remediation();
        assertThat(steps.get(0)).endsWith("handle 7 (4317)");
        assertThat(steps.get(1)).endsWith("handle 7 (4318)");
        assertThat(steps.get(2)).startsWith("List the rules");
        assertThat(steps).doesNotHaveDuplicates();
    }

    @Test
    void theTableCoversAtLeastFortySituations() {
        assertThat(table().count()).isGreaterThanOrEqualTo(40);
    }

    // ---- building the rows ----

    /** The facts of one row: the target, its probe runs and its socket hops. */
    static final class Case {
        final String situation;
        Target target = COLLECTOR;
        final List<ProbeRun> runs = new ArrayList<>();
        final List<SocketPath> paths = new ArrayList<>();
        Set<Signal> signals = EnumSet.allOf(Signal.class);
        FirewallView firewall;

        Case(String situation) {
            this.situation = situation;
        }

        Case target(Target value) {
            target = value;
            return this;
        }

        Case runs(ProbeRun... value) {
            runs.addAll(List.of(value));
            return this;
        }

        Case paths(SocketPath... value) {
            paths.addAll(List.of(value));
            return this;
        }

        Case signals(Signal... value) {
            signals = EnumSet.copyOf(List.of(value));
            return this;
        }

        PathFacts facts() {
            return new PathFacts(signals, paths, firewall);
        }

        Case firewall(FirewallView value) {
            firewall = value;
            return this;
        }

        Arguments expect(String code, Hop hop, Severity status) {
            return Arguments.of(situation, this, code, hop, status);
        }

        @Override
        public String toString() {
            return situation;
        }
    }

    private static Case when(String situation) {
        return new Case(situation);
    }

    private static ProbeRun local(dev.otlpdoctor.report.CatalogEntry code, Severity severity) {
        return run("process", "collector", code.finding().severity(severity).evidence("pid", 4100)
                .evidence("program", "otelcol-contrib").param("ports", "4317, 4318").param("config", "config.yaml")
                .evidence("firewalls", "ufw").build());
    }

    private static ProbeRun endpointFinding(String endpoint, dev.otlpdoctor.report.CatalogEntry code, Severity severity) {
        return run("binding", endpoint, code.finding().severity(severity).endpoint(endpoint)
                .evidence("port", PathFixtures.port(endpoint)).param("bound", "127.0.0.1:" + PathFixtures.port(endpoint))
                .param("where", "docker container 3f2a1b9c0d4e").evidence("address", "0.0.0.0")
                .evidence("pid", 5150).evidence("program", "python3").build());
    }

    private static ProbeRun firewallFinding(String endpoint, dev.otlpdoctor.report.CatalogEntry code) {
        return run("firewall", endpoint, code.finding().endpoint(endpoint).evidence("address", "10.0.0.5")
                .evidence("port", PathFixtures.port(endpoint)).evidence("tool", "nft").evidence("family", "inet")
                .evidence("table", "filter").evidence("chain", "input").evidence("rule", "tcp dport 4317 drop")
                .evidence("rejectWith", "tcp reset")
                .param("fix", "sudo nft delete rule inet filter input handle 7 (" + PathFixtures.port(endpoint) + ")").build());
    }

    private static ProbeRun config(dev.otlpdoctor.report.CatalogEntry code, Severity severity) {
        return run("config", "config.yaml", code.finding().severity(severity).evidence("missing", "http")
                .evidence("component", "logging").evidence("file", "config.yaml").evidence("line", 12).build());
    }

    private static ProbeRun exporterFailing() {
        return run("collector-metrics", "collector", CollectorCodes.EXPORTER_FAILING.finding().severity(Severity.FAIL)
                .evidence("exporter", "otlphttp/vendor").evidence("failed", 12).evidence("signal", "traces").build(),
                CollectorCodes.QUEUE_FULL.finding().severity(Severity.FAIL).build());
    }

    private static Finding mismatch(String found, String how) {
        return ProtocolCodes.PROTOCOL_MISMATCH.finding().evidence("port", 4317).evidence("found", found)
                .evidence("expected", "OTLP/gRPC").evidence("how", how).build();
    }

    private static Finding partial(String signal) {
        return OtlpCodes.OTLP_PARTIAL_SUCCESS.finding().evidence("signal", signal).evidence("protocol", "grpc").build();
    }

    private static Finding throttled(String signal) {
        return OtlpCodes.OTLP_THROTTLED.finding().evidence("signal", signal).evidence("answer", "RESOURCE_EXHAUSTED").build();
    }

    private static Finding notAccepted(String signal) {
        return OtlpCodes.SIGNAL_NOT_ACCEPTED.finding().evidence("signal", signal).evidence("answer", "UNIMPLEMENTED").build();
    }

    private static Finding auth(String signal) {
        return OtlpCodes.AUTH_REQUIRED.finding().evidence("signal", signal).evidence("answer", "UNAUTHENTICATED").build();
    }
}
