package dev.otlpdoctor.probe.local;

import dev.otlpdoctor.probe.FindingSink;
import dev.otlpdoctor.probe.ProbeContext;
import dev.otlpdoctor.probe.ProbeInfo;
import dev.otlpdoctor.probe.Scope;
import dev.otlpdoctor.report.Severity;
import dev.otlpdoctor.report.catalog.LocalCodes;
import dev.otlpdoctor.target.Endpoint;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Who owns the target's ports: a collector (fine), a port forwarder that passes connections to a
 * container, or another program. Another program is reported as information: it may be an OTLP receiver
 * that is not a collector (Jaeger, Tempo…); when the endpoint then fails (refused, or an odd answer) the
 * diagnosis names the conflict as the cause.
 */
public final class ConflictProbe extends LocalProbe {
    private static final ProbeInfo INFO = ProbeInfo.of("conflict", Scope.TARGET)
            .observes("who owns each port: a collector, a port forwarder, another program (local targets only)")
            .reports("bind.port-conflict", "bind.forwarded", "local.unreadable");

    @Override
    public ProbeInfo info() {
        return INFO;
    }
    public ConflictProbe(HostFs fs) {
        super(fs);
    }

    @Override
    public void run(ProbeContext context, FindingSink findings) {
        HostSnapshot snapshot = snapshotOrSkip(context, findings);
        if (snapshot == null) {
            return;
        }
        Set<Integer> collectorPids = new HashSet<>();
        context.facts().get(ProcessProbe.COLLECTORS).orElse(List.of())
                .forEach(c -> collectorPids.add(c.process().pid()));
        for (Endpoint endpoint : endpointsByPort(context)) {
            Set<Integer> reported = new HashSet<>();
            for (Listener listener : snapshot.on(endpoint.port())) {
                ProcessInfo owner = listener.owner();
                if (owner == null) {
                    if (reported.add(-1)) {
                        String why = snapshot.unreadableFds() > 0
                                ? snapshot.unreadableFds() + " processes' /proc/PID/fd are readable only by their user or root"
                                : "no process visible here holds it: it belongs to another PID namespace, e.g. a "
                                        + "container or a sidecar of this pod";
                        findings.add(LocalCodes.LOCAL_UNREADABLE.finding()
                                .endpoint(endpoint.label())
                                .evidence("what", "the owner of " + listener.socket().label() + " (" + why + ")")
                                .detail("Whether a collector or another program holds port " + endpoint.port()
                                        + " was not checked. See it with: sudo ss -tlnp 'sport = :" + endpoint.port() + "'")
                                .build());
                    }
                } else if (!collectorPids.contains(owner.pid()) && reported.add(owner.pid())) {
                    boolean forwarder = Forwarders.isForwarder(owner);
                    findings.add((forwarder ? LocalCodes.BIND_FORWARDED : LocalCodes.BIND_PORT_CONFLICT)
                            .finding()
                            .severity(Severity.INFO)
                            .endpoint(endpoint.label())
                            .evidence("port", endpoint.port())
                            .evidence("address", listener.socket().label())
                            .evidence("pid", owner.pid())
                            .evidence("program", owner.program())
                            .evidence("commandLine", Redaction.commandLine(owner.argv()))
                            .detail(forwarder ? "{address} is held by pid {pid}: {commandLine}"
                                    : "{address} is held by pid {pid}: {commandLine}. It is not a known collector: "
                                    + "fine if it is meant to receive OTLP; a conflict if this port's checks fail.")
                            .build());
                }
            }
        }
    }
}
