package dev.otlpdoctor.probe.local;

import dev.otlpdoctor.probe.FindingSink;
import dev.otlpdoctor.probe.Probe;
import dev.otlpdoctor.probe.ProbeContext;
import dev.otlpdoctor.probe.net.DnsProbe;
import dev.otlpdoctor.report.catalog.LocalCodes;
import dev.otlpdoctor.target.Endpoint;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What the local probes share: they look at the host itself, once per target, and only when the target
 * is this machine. They run in the target chain after dns and before the endpoint probes (docs/local-probes.md).
 */
abstract class LocalProbe implements Probe {
    /** The OTLP ports a collector serves by default, looked at besides the target's own ports. */
    static final List<Integer> OTLP_PORTS = List.of(4317, 4318);

    final HostFs fs;

    LocalProbe(HostFs fs) {
        this.fs = fs;
    }

    @Override
    public boolean appliesTo(ProbeContext context) {
        return LocalTarget.isLocal(context, fs);
    }

    /** The host snapshot, or null after reporting {@code local.unreadable} for what could not be checked. */
    HostSnapshot snapshotOrSkip(ProbeContext context, FindingSink findings) {
        HostSnapshot.Outcome outcome = HostSnapshot.of(context, fs);
        if (outcome.snapshot() == null) {
            findings.add(LocalCodes.LOCAL_UNREADABLE.finding()
                    .evidence("what", outcome.unavailable())
                    .detail("The " + id() + " probe could not look at this machine: " + outcome.unavailable() + ".")
                    .build());
        }
        return outcome.snapshot();
    }

    /** The collector processes of this run: what the process probe found, else found now. */
    List<CollectorProcess> collectors(ProbeContext context, HostSnapshot snapshot) {
        return context.facts().get(ProcessProbe.COLLECTORS).orElseGet(() -> {
            List<CollectorProcess> found = CollectorFinder.find(fs, snapshot);
            context.facts().put(ProcessProbe.COLLECTORS, found);
            return found;
        });
    }

    /** Where a connection to each of the target's ports ends on this machine (see {@link LocalPaths}). */
    List<SocketPath> paths(ProbeContext context, HostSnapshot snapshot) {
        return LocalPaths.of(context, snapshot, collectors(context, snapshot));
    }

    /** The target's endpoints, one per port, in target order. */
    static List<Endpoint> endpointsByPort(ProbeContext context) {
        Set<Integer> seen = new LinkedHashSet<>();
        List<Endpoint> out = new ArrayList<>();
        for (Endpoint endpoint : context.target().endpoints()) {
            if (seen.add(endpoint.port())) {
                out.add(endpoint);
            }
        }
        return out;
    }

    /** The target's ports and the default OTLP ports. */
    static Set<Integer> otlpPorts(ProbeContext context) {
        Set<Integer> ports = new LinkedHashSet<>();
        context.target().endpoints().forEach(e -> ports.add(e.port()));
        ports.addAll(OTLP_PORTS);
        return ports;
    }

    /** The addresses the application connects to: what dns resolved, else the literal, else loopback. */
    static List<InetAddress> targetAddresses(ProbeContext context) {
        List<InetAddress> resolved = context.facts().get(DnsProbe.ADDRESSES).orElse(List.of());
        if (!resolved.isEmpty()) {
            return resolved;
        }
        InetAddress literal = LocalTarget.literal(context.target().host());
        if (literal != null) {
            return List.of(literal);
        }
        return List.of(InetAddress.getLoopbackAddress());
    }
}
