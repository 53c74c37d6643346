package dev.otlpdoctor.probe.local.service;

import dev.otlpdoctor.Deadline;
import dev.otlpdoctor.probe.Fact;
import dev.otlpdoctor.probe.FindingSink;
import dev.otlpdoctor.probe.HostCommand;
import dev.otlpdoctor.probe.Probe;
import dev.otlpdoctor.probe.ProbeContext;
import dev.otlpdoctor.probe.ProbeInfo;
import dev.otlpdoctor.probe.Scope;
import dev.otlpdoctor.probe.local.CollectorMatcher;
import dev.otlpdoctor.probe.local.CollectorProcess;
import dev.otlpdoctor.probe.local.CollectorRelease;
import dev.otlpdoctor.probe.local.ConfigArgument;
import dev.otlpdoctor.probe.local.HostFs;
import dev.otlpdoctor.probe.local.LocalTarget;
import dev.otlpdoctor.probe.local.ProcessInfo;
import dev.otlpdoctor.probe.local.ProcessProbe;
import dev.otlpdoctor.report.catalog.ServiceCodes;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Why the collector is down: finds its service — a systemd unit (by name, ExecStart, or a running
 * collector's cgroup) or a Docker/Kubernetes container (by a running collector's cgroup, or a stopped
 * Docker container's saved state) — and reads the last lines of its log, bounded in lines, bytes and the
 * run's deadline, read-only (docs/service-logs.md). The collector's own messages in them become findings
 * with the line (redacted), when it was written, where it was read, and the config line it points at.
 * What cannot be read (no systemd, no journal access, root-only directories) is a {@code service.unreadable}
 * skip naming it, never a guess.
 */
public final class ServiceProbe implements Probe {
    private static final ProbeInfo INFO = ProbeInfo.of("service", Scope.TARGET)
            .observes("the collector's systemd unit (by name, `ExecStart` or the collector's cgroup) or Docker/Kubernetes container, and the last lines of its log: journal, json-file or CRI log; a stopped unit's or container's config linted as `otlpdoctor lint` does (local targets only, [service-logs.md](service-logs.md))")
            .reports("service.*", "collector-log.*", "config.*");

    @Override
    public ProbeInfo info() {
        return INFO;
    }
    /** At most this much of the run is spent on systemctl and journalctl: the network probes come after. */
    static final Duration MAX_BUDGET = Duration.ofSeconds(5);

    /** Every collector service found, with its state and the error it stopped with, for the diagnosis. */
    public static final Fact<List<ServiceStatus>> STATUS = Fact.named("collector-services");

    private static final Fact<Observation> OBSERVATION = Fact.named("collector-services-observed");

    private final HostFs fs;
    private final Map<String, String> env;
    /** @param env the environment whose PATH holds systemctl and journalctl (tests put stand-ins there) */
    public ServiceProbe(HostFs fs, Map<String, String> env) {
        this.fs = fs;
        this.env = Map.copyOf(env);
    }

    @Override
    public boolean appliesTo(ProbeContext context) {
        return LocalTarget.isLocal(context, fs);
    }

    @Override
    public void run(ProbeContext context, FindingSink findings) throws InterruptedException {
        List<CollectorProcess> running = context.facts().get(ProcessProbe.COLLECTORS).orElse(List.of());
        Observation observation = context.run().get(OBSERVATION, () -> observeOnce(running, context.deadline()));
        Instant now = Instant.now();
        List<ServiceStatus> statuses = new ArrayList<>();
        for (ObservedService service : observation.services()) {
            statuses.add(ServiceFindings.report(service, now, !running.isEmpty(), findings));
            if (!service.running() && (service.manager().equals("systemd") || service.manager().equals("docker"))) {
                UnitConfigLint.lint(service, findings);
            }
        }
        context.facts().put(STATUS, statuses);
        // When no collector runs and no service was found, what could not be looked at may hide it: say so.
        // With a collector running or a service found, the other managers' blind spots do not matter.
        if (observation.services().isEmpty() && running.isEmpty()) {
            for (Unread u : observation.unread()) {
                findings.add(ServiceCodes.SERVICE_UNREADABLE.finding()
                        .evidence("what", u.what())
                        .evidence("reason", u.why())
                        .detail("Whether the collector is installed as a service was not checked there: " + u.why() + ".")
                        .build());
            }
        }
    }

    /** What was read about the services, and what could not be looked at (and why). */
    private record Observation(List<ObservedService> services, List<Unread> unread) {
    }

    private record Unread(String what, String why) {
    }

    /**
     * The services of this machine, read once per run: every local target of a run (localhost, this host's
     * addresses…) is the same machine, so systemctl and journalctl run once.
     */
    private Observation observeOnce(List<CollectorProcess> running, Deadline deadline) {
        try {
            return observe(running, budget(deadline));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Observation(List.of(), List.of(new Unread("services", "the run was interrupted")));
        }
    }

    private Observation observe(List<CollectorProcess> running, Deadline deadline) throws InterruptedException {
        Set<String> runningUnits = new LinkedHashSet<>();
        Set<String> runningContainers = new LinkedHashSet<>();
        List<ObservedService> observed = new ArrayList<>();
        List<Unread> unread = new ArrayList<>();
        for (CollectorProcess collector : running) {
            Cgroup cgroup = cgroupOf(collector.process().pid());
            if (cgroup.unit() != null) {
                runningUnits.add(cgroup.unit());
            } else if (cgroup.containerId() != null) {
                runningContainers.add(cgroup.containerId());
                if (cgroup.runtime().equals("kubernetes")) {
                    KubeletLogs.observe(fs, cgroup, collector).ifPresent(observed::add);
                }
            }
        }
        systemd(runningUnits, deadline, observed, unread);
        docker(runningContainers, observed, unread);
        return new Observation(List.copyOf(observed), List.copyOf(unread));
    }

    /**
     * The part of the run's deadline the host programs may use: half of what is left, at most
     * {@link #MAX_BUDGET}, so a journalctl that hangs cannot leave the TCP and OTLP probes without time.
     */
    static Deadline budget(Deadline run) {
        return run.step(2, MAX_BUDGET);
    }

    private Cgroup cgroupOf(int pid) {
        try {
            return Cgroup.parse(HostFs.read(fs.proc(Integer.toString(pid), "cgroup"), HostFs.SMALL_FILE_CAP));
        } catch (IOException e) {
            return new Cgroup(null, null, null, null);
        }
    }

    private void systemd(Set<String> runningUnits, Deadline deadline, List<ObservedService> observed,
                         List<Unread> unreadable) throws InterruptedException {
        // sd_booted(3): systemd runs as the init system exactly when /run/systemd/system exists
        if (!Files.isDirectory(fs.file("/run/systemd/system"))) {
            unreadable.add(new Unread("systemd units", "this machine does not run systemd (no /run/systemd/system)"));
            return;
        }
        Optional<HostCommand> systemctl = HostCommand.find("systemctl", env, Systemctl.MAX_OUTPUT_BYTES);
        if (systemctl.isEmpty()) {
            unreadable.add(new Unread("systemd units", "systemctl is not on PATH"));
            return;
        }
        Systemctl.Units units = new Systemctl(systemctl.get(), fs).collectorUnits(runningUnits, deadline);
        if (units.unreadable() != null) {
            unreadable.add(new Unread("systemd units", units.unreadable()));
            return;
        }
        Optional<HostCommand> journalctl = HostCommand.find("journalctl", env, JournalReader.MAX_OUTPUT_BYTES);
        for (SystemdUnit unit : units.units()) {
            List<LogLine> lines = List.of();
            String why = null;
            if (journalctl.isEmpty()) {
                why = "journalctl is not on PATH";
            } else {
                JournalReader.Result journal = JournalReader.unit(journalctl.get(), unit.name(), deadline);
                lines = sinceStart(journal.lines(), unit.startedAt());
                why = journal.unreadable();
            }
            observed.add(observe(unit, lines, why));
        }
    }

    private ObservedService observe(SystemdUnit unit, List<LogLine> lines, String logUnreadable) {
        List<String> argv = unit.expandedExecStart();
        String program = argv.isEmpty() ? "otelcol" : argv.get(0);
        List<ConfigArgument> configs = argv.isEmpty() ? List.of()
                : CollectorMatcher.configs(new ProcessInfo(0, program, argv, 0, Set.of(), false));
        List<ConfigLocator.ConfigFile> files = new ArrayList<>();
        for (ConfigArgument c : configs) {
            if (c.filePath() != null && c.filePath().startsWith("/")) {
                files.add(new ConfigLocator.ConfigFile(c.filePath(), fs.file(c.filePath())));
            }
        }
        String state = unit.activeState() + "/" + unit.subState() + ", Result=" + unit.result()
                + (unit.execMainCode() == 0 ? "" : ", " + exit(unit));
        String oom = unit.result().equals("oom-kill") ? "systemd: Result=oom-kill (" + unit.name() + ")" : null;
        String config = files.isEmpty() ? "<config.yaml>" : files.get(0).shown();
        return new ObservedService("systemd", unit.name(), state, unit.running(), unit.crashed(), unit.restarts(),
                unit.running() ? unit.activeSince() : unit.inactiveSince(), oom,
                configs.stream().map(ConfigArgument::value).toList(), files, lines, logUnreadable,
                new ObservedService.Commands("journalctl -u " + unit.name() + " -n 50 --no-pager",
                        "sudo systemctl restart " + unit.name(), program + " validate --config=" + config),
                program.startsWith("/")
                        ? CollectorRelease.ofBinary(fs.file(program), fs.file(program).getFileName().toString()).orElse(null)
                        : null);
    }

    /** {@code ExecMainCode}: 1 CLD_EXITED (status is the exit code), 2 CLD_KILLED and 3 CLD_DUMPED (status is the signal). */
    private static String exit(SystemdUnit unit) {
        return unit.execMainCode() == 1 ? "exit status " + unit.execMainStatus()
                : "killed by signal " + unit.execMainStatus() + (unit.killedBySigkill() ? " (SIGKILL)" : "");
    }

    private void docker(Set<String> runningContainers, List<ObservedService> observed, List<Unread> unreadable) {
        List<DockerContainer> found = DockerContainer.collectors(fs);
        if (found == null) {
            unreadable.add(new Unread("Docker containers", DockerContainer.CONTAINERS + " is readable only by root"));
            return;
        }
        List<DockerContainer> containers = new ArrayList<>(found);
        for (String id : runningContainers) {
            if (containers.stream().noneMatch(c -> c.id().equals(id))) {
                DockerContainer.read(fs, id).ifPresent(containers::add);
            }
        }
        for (DockerContainer c : containers) {
            observed.add(DockerLogs.observe(fs, c));
        }
    }

    /** The lines of the last run: from its main process's start on (a second earlier, for clock rounding). */
    static List<LogLine> sinceStart(List<LogLine> lines, Instant start) {
        if (start == null) {
            return lines;
        }
        Instant from = start.minusSeconds(1);
        return lines.stream().filter(l -> l.time() == null || !l.time().isBefore(from)).toList();
    }
}
