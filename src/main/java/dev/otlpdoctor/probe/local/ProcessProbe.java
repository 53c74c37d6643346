package dev.otlpdoctor.probe.local;

import dev.otlpdoctor.probe.Fact;
import dev.otlpdoctor.probe.FindingSink;
import dev.otlpdoctor.probe.ProbeContext;
import dev.otlpdoctor.probe.ProbeInfo;
import dev.otlpdoctor.probe.Scope;
import dev.otlpdoctor.report.Finding;
import dev.otlpdoctor.report.Severity;
import dev.otlpdoctor.report.catalog.LocalCodes;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Is a collector running on this machine, and with which configuration? Finds collector processes in
 * /proc by program name and arguments (see {@link CollectorMatcher}) and reports each with its pid,
 * executable, user, start time, container and every {@code --config} value; a collector that listens on
 * no OTLP port has a receiver that is not enabled.
 */
public final class ProcessProbe extends LocalProbe {
    private static final ProbeInfo INFO = ProbeInfo.of("process", Scope.TARGET)
            .observes("collector processes in `/proc` (local targets only): pid, executable, user, start time, container, every `--config`; which of them is on the target's path")
            .reports("process.running", "process.not-running", "process.no-otlp-listener", "local.unreadable");

    @Override
    public ProbeInfo info() {
        return INFO;
    }
    /** The collectors running on this machine, with their --config values, for the config lint and later probes. */
    public static final Fact<List<CollectorProcess>> COLLECTORS = Fact.named("local-collectors");
    /**
     * The collectors on the target's path: serving one of its ports, nearest to a refused one, or — when
     * nothing serves it — running in this network namespace without opening it. Their configs explain the
     * path; every other collector is context.
     */
    public static final Fact<Set<CollectorProcess>> ON_PATH = Fact.named("local-collectors-on-path");

    public ProcessProbe(HostFs fs) {
        super(fs);
    }

    @Override
    public void run(ProbeContext context, FindingSink findings) {
        HostSnapshot snapshot = snapshotOrSkip(context, findings);
        if (snapshot == null) {
            return;
        }
        List<CollectorProcess> collectors = collectors(context, snapshot);
        List<SocketPath> paths = paths(context, snapshot);
        Set<Integer> ports = otlpPorts(context);
        String portList = ports.stream().map(String::valueOf).collect(Collectors.joining(", "));
        // A collector that opened none of the ports explains a refusal only when no collector serves the
        // target and it runs in this network namespace; otherwise it is another collector, reported as context.
        boolean served = paths.stream().anyMatch(p -> p.reach().reaches() && p.collector() != null);
        boolean nothingListens = paths.stream().anyMatch(p -> p.reach() == SocketPath.Reach.NOTHING);
        String ownNamespace = ProcessDetails.ownNetwork(fs);
        Set<CollectorProcess> onPath = new HashSet<>();
        for (CollectorProcess collector : collectors) {
            boolean candidate = collector.details().sharesNetwork(ownNamespace) && !served && nothingListens;
            if (candidate || paths.stream().anyMatch(p -> p.collector() == collector)) {
                onPath.add(collector);
            }
            findings.add(running(collector, onPath(collector, paths), context.target().host()));
            boolean listensOnOtlp = collector.listeners().stream().anyMatch(l -> ports.contains(l.socket().port()));
            if (!listensOnOtlp && collector.process().fdsReadable()) {
                findings.add(noOtlpListener(collector, portList, candidate));
            }
        }
        context.facts().put(ON_PATH, onPath);
        if (collectors.isEmpty() && snapshot.hidepid()) {
            findings.add(LocalCodes.LOCAL_UNREADABLE.finding()
                    .evidence("what", "other users' processes, so whether a collector runs (/proc is mounted with "
                            + "hidepid, which hides them)")
                    .detail("Only this user's processes are visible. A collector running as another user (e.g. a "
                            + "systemd service) cannot be seen without root.")
                    .build());
        } else if (collectors.isEmpty()) {
            findings.add(notRunning(snapshot, endpointsByPort(context).stream().map(e -> e.port()).toList()));
        }
        if (!snapshot.complete()) {
            findings.add(LocalCodes.LOCAL_UNREADABLE.finding()
                    .evidence("what", "processes after the first " + snapshot.processes().size()
                            + " (the run's deadline was reached while scanning /proc)")
                    .detail("Give the run more time, e.g. --timeout 15s, to scan every process.")
                    .build());
        }
    }

    /** Why the collector is or is not on the target's path: null when it serves one of the target's ports. */
    private static String onPath(CollectorProcess collector, List<SocketPath> paths) {
        if (paths.stream().anyMatch(p -> p.reach().reaches() && p.collector() == collector)) {
            return null;
        }
        String listening = collector.listeners().isEmpty() ? "no port that could be read"
                : collector.listeners().stream().map(l -> l.socket().label()).distinct().collect(Collectors.joining(", "));
        return collector.listeners().stream().anyMatch(l -> l.namespaceOf() != null)
                ? "it listens on " + listening + " inside its own network namespace"
                        + (collector.details().container() == null ? "" : " (" + collector.details().container() + ")")
                        + ", which no published port of this target reaches"
                : "it listens on " + listening + ", none of which the target's connections reach";
    }

    private static Finding running(CollectorProcess collector, String notOnPath, String target) {
        ProcessInfo p = collector.process();
        ProcessDetails d = collector.details();
        Finding.Builder b = LocalCodes.PROCESS_RUNNING.finding()
                .evidence("pid", p.pid())
                .evidence("program", p.program())
                .evidence("distribution", collector.distribution())
                .evidence("exe", d.exe() == null ? "not readable (needs root)" : d.exe())
                .evidence("user", d.user())
                .evidence("started", d.started() == null ? "unknown" : d.started().toString())
                .evidence("configs", collector.configs().stream().map(ConfigArgument::value).toList())
                .evidence("listening", p.fdsReadable() || !collector.listeners().isEmpty()
                        ? collector.listeners().stream().map(Listener::describe).toList()
                        : List.of("not readable: it runs as another user (run as root to see its sockets)"))
                .evidence("commandLine", Redaction.commandLine(p.argv()));
        if (d.container() != null) {
            b.evidence("container", d.container());
        }
        if (d.netns() != null) {
            b.evidence("networkNamespace", d.netns());
        }
        String configs = collector.configs().isEmpty() ? "no --config (the build's default configuration)"
                : "--config " + collector.configs().stream().map(ConfigArgument::value).collect(Collectors.joining(", "));
        if (notOnPath != null) {
            b.severity(Severity.INFO).evidence("onPath", false);
        }
        return b.detail(collector.distribution() + " runs as pid {pid} (" + d.user() + ")"
                        + (d.container() == null ? "" : " in a " + d.container()) + " with " + configs + "."
                        + (notOnPath == null ? "" : " It is not on the path of " + target + ": " + notOnPath + "."))
                .build();
    }

    private static Finding noOtlpListener(CollectorProcess collector, String portList, boolean explainsRefusal) {
        String config = collector.configs().stream().map(ConfigArgument::filePath).filter(f -> f != null)
                .findFirst().orElse("<config.yaml>");
        List<String> listening = collector.listeners().stream().map(l -> l.socket().label()).toList();
        return LocalCodes.PROCESS_NO_OTLP_LISTENER.finding()
                .severity(explainsRefusal ? Severity.FAIL : Severity.INFO)
                .evidence("pid", collector.process().pid())
                .evidence("program", collector.process().program())
                .evidence("listening", listening)
                .evidence("configs", collector.configs().stream().map(ConfigArgument::value).toList())
                .param("ports", portList)
                .param("config", config)
                .detail("pid {pid} listens on " + (listening.isEmpty() ? "no TCP port at all" : String.join(", ", listening))
                        + ", none of them " + portList + "." + (explainsRefusal ? ""
                        : " Another collector serves the target, or this one runs in another network namespace: "
                                + "it is not on the target's path."))
                .build();
    }

    /** No collector: a failure when nothing listens on the target's ports either. */
    private static Finding notRunning(HostSnapshot snapshot, List<Integer> ports) {
        String portList = ports.stream().map(String::valueOf).collect(Collectors.joining(", "));
        List<String> held = snapshot.listeners().stream().filter(l -> ports.contains(l.socket().port()))
                .map(Listener::describe).toList();
        Finding.Builder b = LocalCodes.PROCESS_NOT_RUNNING.finding()
                .evidence("processesScanned", snapshot.processes().size())
                .evidence("listening", held);
        if (held.isEmpty()) {
            return b.detail("None of the {processesScanned} processes is a known collector, and nothing listens on "
                    + portList + ".").build();
        }
        // Something holds an OTLP port: a collector under an unknown name, or another program (see the conflict probe).
        return b.severity(Severity.INFO)
                .detail("None of the {processesScanned} processes is a known collector, but " + String.join("; ", held)
                        + ". If that is a collector under another name, all is well; otherwise the port is taken.")
                .build();
    }
}
