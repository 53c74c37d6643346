package dev.otlpdoctor.diagnose;

import dev.otlpdoctor.probe.local.CollectorProcess;
import dev.otlpdoctor.probe.local.ListenSocket;
import dev.otlpdoctor.probe.local.Listener;
import dev.otlpdoctor.probe.local.ProcessDetails;
import dev.otlpdoctor.probe.local.ProcessInfo;
import dev.otlpdoctor.probe.local.SocketPath;
import dev.otlpdoctor.probe.local.firewall.Dnat;
import dev.otlpdoctor.probe.local.firewall.FirewallRule;
import dev.otlpdoctor.probe.local.firewall.FirewallVerdict;
import dev.otlpdoctor.probe.local.firewall.FirewallView;
import dev.otlpdoctor.report.Finding;
import dev.otlpdoctor.report.ProbeRun;
import dev.otlpdoctor.report.catalog.NetworkCodes;
import dev.otlpdoctor.report.catalog.OtlpCodes;
import dev.otlpdoctor.report.catalog.RunCodes;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Facts as the probes record them, for diagnosis tests: findings attributed to a probe and endpoint, and
 * the typed socket hops the local probes resolve. The target is {@code collector} at 10.0.0.5.
 */
final class PathFixtures {
    static final String GRPC = "collector:4317";
    static final String HTTP = "collector:4318";
    static final InetAddress TARGET = address("10.0.0.5");

    private PathFixtures() {
    }

    static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(literal, e);
        }
    }

    static Finding at(String probe, String endpoint, Finding finding) {
        return finding.attributedTo(probe, endpoint);
    }

    static ProbeRun run(String probe, String endpoint, Finding... findings) {
        return ProbeRun.of(probe, endpoint, 1, java.util.Arrays.stream(findings).map(f -> at(probe, endpoint, f)).toList());
    }

    static ProbeRun tcpOpen(String endpoint) {
        return run("tcp", endpoint, NetworkCodes.TCP_OPEN.finding().evidence("address", "10.0.0.5")
                .evidence("port", port(endpoint)).evidence("latencyMs", 1).build());
    }

    static ProbeRun tcpRefused(String endpoint) {
        return run("tcp", endpoint, NetworkCodes.TCP_REFUSED.finding().evidence("address", "10.0.0.5")
                .evidence("port", port(endpoint)).build());
    }

    static ProbeRun tcpTimeout(String endpoint) {
        return run("tcp", endpoint, NetworkCodes.TCP_TIMEOUT.finding().evidence("address", "10.0.0.5")
                .evidence("port", port(endpoint)).evidence("waitedMs", 5000).build());
    }

    /** Every signal accepted over the endpoint's protocol. */
    static ProbeRun accepted(String endpoint) {
        String probe = endpoint.endsWith(":4318") ? "http" : "grpc";
        return run(probe, endpoint, ok("traces", probe), ok("metrics", probe), ok("logs", probe));
    }

    static Finding ok(String signal, String protocol) {
        return OtlpCodes.OTLP_OK.finding().evidence("signal", signal).evidence("protocol", protocol).build();
    }

    static ProbeRun skipped(String probe, String endpoint, String reason) {
        return run(probe, endpoint, RunCodes.PROBE_SKIPPED.finding().param("probe", probe).evidence("reason", reason).build());
    }

    static int port(String endpoint) {
        return Integer.parseInt(endpoint.substring(endpoint.lastIndexOf(':') + 1));
    }

    static ProcessInfo process(int pid, String program, String... args) {
        List<String> argv = new java.util.ArrayList<>(List.of("/usr/bin/" + program));
        argv.addAll(List.of(args));
        return new ProcessInfo(pid, program, argv, 0, Set.of(), true);
    }

    static CollectorProcess collector(int pid, String container) {
        return new CollectorProcess(process(pid, "otelcol-contrib"), "OpenTelemetry Collector Contrib", List.of(),
                new ProcessDetails("/usr/bin/otelcol-contrib", "otel (uid 999)", null, container,
                        container == null ? "net:[1]" : "net:[2]", "/"), List.of());
    }

    static Listener listener(String bound, int port, ProcessInfo owner, Integer namespaceOf) {
        return new Listener(new ListenSocket(address(bound), port, 1000 + port, 0), owner, namespaceOf);
    }

    /** A socket hop served here by a collector (or another program when {@code collector} is null). */
    static SocketPath served(String endpoint, CollectorProcess collector, ProcessInfo owner) {
        int port = port(endpoint);
        return new SocketPath(endpoint, port, List.of(TARGET), SocketPath.Reach.SERVED,
                listener("0.0.0.0", port, collector == null ? owner : collector.process(), null), null, collector, null,
                List.of());
    }

    static SocketPath missed(String endpoint, SocketPath.Reach reach, String bound, CollectorProcess collector) {
        int port = port(endpoint);
        boolean inside = reach == SocketPath.Reach.UNPUBLISHED;
        Listener near = listener(bound, port, collector.process(), inside ? collector.process().pid() : null);
        return new SocketPath(endpoint, port, List.of(TARGET), reach, null, null, collector, inside ? near : null,
                List.of(near));
    }

    static SocketPath forwarded(String endpoint, String boundInside, CollectorProcess collector) {
        int port = port(endpoint);
        ProcessInfo proxy = process(700, "docker-proxy", "-host-port", String.valueOf(port), "-container-port",
                String.valueOf(port));
        return new SocketPath(endpoint, port, List.of(TARGET), SocketPath.Reach.FORWARDED,
                listener("0.0.0.0", port, proxy, null), new SocketPath.Forward("docker-proxy pid 700", port), collector,
                listener(boundInside, port, collector.process(), collector.process().pid()), List.of());
    }

    /** A ruleset that decides every port of the target alike: {@code action} by {@code rule}. */
    static FirewallView ruleset(FirewallVerdict.Action action, String rejectWith, FirewallRule.Tool tool) {
        FirewallRule rule = new FirewallRule(tool, "inet", "filter", "input",
                "tcp dport { 4317, 4318 } " + (action == FirewallVerdict.Action.DROP ? "drop" : "reject with " + rejectWith),
                "7");
        return new FirewallView() {
            @Override
            public Optional<String> unavailable() {
                return Optional.empty();
            }

            @Override
            public FirewallVerdict verdictFor(InetAddress address, int port) {
                return new FirewallVerdict(address, port, action, action == FirewallVerdict.Action.ACCEPT ? null : rule,
                        rejectWith);
            }

            @Override
            public Optional<Dnat> dnatFor(InetAddress address, int port) {
                return Optional.empty();
            }
        };
    }

    /** A ruleset that could not be read, with the reason. */
    static FirewallView unreadable(String reason) {
        return new FirewallView() {
            @Override
            public Optional<String> unavailable() {
                return Optional.of(reason);
            }

            @Override
            public FirewallVerdict verdictFor(InetAddress address, int port) {
                throw new IllegalStateException(reason);
            }

            @Override
            public Optional<Dnat> dnatFor(InetAddress address, int port) {
                throw new IllegalStateException(reason);
            }
        };
    }

    static SocketPath nothing(String endpoint) {
        return new SocketPath(endpoint, port(endpoint), List.of(TARGET), SocketPath.Reach.NOTHING, null, null, null, null,
                List.of());
    }
}
