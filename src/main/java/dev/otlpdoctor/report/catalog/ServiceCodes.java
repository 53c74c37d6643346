package dev.otlpdoctor.report.catalog;

import static dev.otlpdoctor.report.Severity.FAIL;
import static dev.otlpdoctor.report.Severity.PASS;
import static dev.otlpdoctor.report.Severity.SKIP;
import static dev.otlpdoctor.report.Severity.WARN;

import dev.otlpdoctor.report.CatalogEntry;
import java.util.List;

/**
 * Codes of the service probe: the collector's systemd unit or container, and what its own log says
 * (docs/service-logs.md).
 */
public final class ServiceCodes {
    private ServiceCodes() {
    }

    public static final CatalogEntry SERVICE_ACTIVE = new CatalogEntry("service.active", PASS,
            "{name} is up ({manager}: {state})",
            "The collector's service manager (systemd, Docker, the kubelet) runs it, and its log since the last start "
                    + "shows none of the errors otlpdoctor recognises.",
            "The unit or container, its state, restart count, since when it runs, its --config values and how many "
                    + "log lines were read from where.",
            List.of());

    public static final CatalogEntry SERVICE_DOWN = new CatalogEntry("service.down", FAIL,
            "the collector's {manager} service {name} is down: {state}",
            "The collector is installed as a service but is not running: it exited (with an error status, a signal, "
                    + "or killed for memory) and systemd gave up (failed), is about to start it again (auto-restart), "
                    + "or Docker/the kubelet restart it in a loop. A collector exits at start when its configuration "
                    + "cannot be loaded or a receiver cannot bind its port; its last log lines say which. A unit stopped on "
                    + "purpose (Result=success) is the cause only when no collector runs on the machine; otherwise it "
                    + "is reported as information.",
            "The unit or container, the manager's state (ActiveState/SubState, Result, exit status; Docker's State), "
                    + "restart count, when it stopped, its --config values, and the error it stopped with when its log "
                    + "shows one (see the collector-log.* finding beside it).",
            List.of("Read why it stopped: {logCommand}",
                    "Fix the cause (the collector-log.* finding names the line), then start it again: {startCommand}",
                    "Validate the config before restarting: {validateCommand}"));

    public static final CatalogEntry SERVICE_RESTARTED = new CatalogEntry("service.restarted", WARN,
            "{name} runs but was restarted {restarts} times",
            "The collector runs now, but its service manager has restarted it: it crashed or was killed since the "
                    + "service started (memory, a panic, a failing config reload). Each restart loses the data in flight "
                    + "and refuses connections while it starts.",
            "The unit or container, its restart count (systemd NRestarts, Docker RestartCount, Kubernetes restartCount) "
                    + "and state.",
            List.of("Look for the reason in its log before the last start: {logCommand}"));

    public static final CatalogEntry SERVICE_UNREADABLE = new CatalogEntry("service.unreadable", SKIP,
            "not checked: {what}",
            "The service probe could not see the collector's service or its log: the machine does not run systemd, "
                    + "systemctl or journalctl is not on PATH, the journal is readable only by root and the "
                    + "systemd-journal/adm groups, or /var/lib/docker and /var/log/pods are readable only by root. "
                    + "Nothing is guessed: what was not read is named.",
            "What could not be read and the reason (the command's exit status and first stderr line, or the file).",
            List.of("Run the check with the permission it needs: sudo otlpdoctor check --local <target>",
                    "Or read the log yourself: journalctl -u <unit> -n 50 --no-pager   (Docker: docker logs --tail 50 "
                            + "<container>; Kubernetes: kubectl logs --previous <pod>)"));

    public static final CatalogEntry LOG_CONFIG_INVALID = new CatalogEntry("collector-log.config-invalid", FAIL,
            "the collector rejected its configuration: {message}",
            "The collector stops at start when it cannot load its configuration: the YAML does not decode into the "
                    + "components' settings ('…' has invalid keys: a misspelt or misplaced key), a component type this "
                    + "build does not include (unknown type), a pipeline that names a component not defined under its "
                    + "section (references receiver \"x\" which is not configured), or another invalid value. Nothing "
                    + "listens until it is fixed.",
            "The collector's log line (secrets redacted), when it was written, where it was read (journal, container "
                    + "log file), and the config file and line it points at when the file is readable.",
            List.of("Fix the configuration at {location}",
                    "Check it before starting: {validateCommand}; otlpdoctor lint {config}",
                    "Start it again: {startCommand}"));

    public static final CatalogEntry LOG_ADDRESS_IN_USE = new CatalogEntry("collector-log.address-in-use", FAIL,
            "the collector could not bind {address}: address already in use",
            "A receiver failed to start because another process already listens on its port ('listen tcp …: bind: "
                    + "address already in use'); the collector then stops. Another collector instance, an older one "
                    + "that is still running, or another program holds the port.",
            "The log line, when and where it was written, the receiver and address it names, and the config line of "
                    + "that endpoint. The diagnosis compares it with the conflict probe's view of the port now.",
            List.of("See who holds the port: sudo ss -tlnp 'sport = :{port}'",
                    "Stop that program, or give the collector another port at {location}, then start it again: {startCommand}"));

    public static final CatalogEntry LOG_START_FAILED = new CatalogEntry("collector-log.start-failed", FAIL,
            "the collector's pipelines failed to start: {message}",
            "The configuration loaded, but building or starting a pipeline component failed (cannot start pipelines, "
                    + "failed to build pipelines, Failed to start component): a receiver, exporter or extension refused "
                    + "its settings at start, e.g. a TLS file that cannot be read. The collector then stops.",
            "The log line, when and where it was written, and the component it names.",
            List.of("Fix the component's settings the message names, then start it again: {startCommand}"));

    public static final CatalogEntry LOG_OOM_KILLED = new CatalogEntry("collector-log.oom-killed", FAIL,
            "the collector was killed for using too much memory",
            "The kernel's OOM killer (or the container's memory limit) ended the collector with SIGKILL (exit status "
                    + "137): it held more data than its memory allows, usually because exports are slower than the data "
                    + "coming in and queues grow, or no memory_limiter is configured.",
            "systemd's Result=oom-kill or 'killed by the OOM killer' line, a SIGKILL exit, Docker's State.OOMKilled, "
                    + "or Kubernetes' lastState.terminated.reason OOMKilled.",
            List.of("Add the memory_limiter processor first in every pipeline (limit_percentage: 80, "
                            + "spike_limit_percentage: 25) so the collector refuses data instead of dying",
                    "Raise the memory limit (systemd MemoryMax=, docker --memory, the pod's resources.limits.memory), "
                            + "and set GOMEMLIMIT to about 80% of it"));

    public static final CatalogEntry LOG_MEMORY_LIMITED = new CatalogEntry("collector-log.memory-limited", WARN,
            "the collector's memory limiter is refusing data",
            "Memory use is above the memory_limiter's soft limit, so the collector refuses incoming data (receivers "
                    + "answer with an error, clients retry or drop). The collector is alive but overloaded, or its "
                    + "exports cannot keep up.",
            "The log line ('Memory usage is above soft limit. Refusing data.' or 'data refused due to high memory "
                    + "usage'), when and where it was written, and how often it occurred.",
            List.of("Check the exporters first: a slow or failing backend makes queues grow",
                    "Give the collector more memory and raise the memory_limiter's limit with it, or scale out"));

    public static final CatalogEntry LOG_EXPORT_FAILED = new CatalogEntry("collector-log.export-failed", WARN,
            "the collector fails to export: {cause}",
            "An exporter cannot deliver to its backend ('Exporting failed.' from the exporter helper): the backend "
                    + "refuses the connection, rejects the credentials (401) or access (403), is unreachable or slow. "
                    + "Data reaches the collector but not the backend; queued data is retried, then dropped.",
            "The log line (credentials redacted), when and where it was written, how often it occurred, and the cause it "
                    + "names.",
            List.of("Check the exporter's endpoint and credentials in the collector's config (the backend's URL, the "
                            + "authorization header or API key)",
                    "Test the backend from this machine, e.g. otlpdoctor check <backend host:port>"));

    static final List<CatalogEntry> ALL = List.of(SERVICE_ACTIVE, SERVICE_DOWN, SERVICE_RESTARTED, SERVICE_UNREADABLE,
            LOG_CONFIG_INVALID, LOG_ADDRESS_IN_USE, LOG_START_FAILED, LOG_OOM_KILLED, LOG_MEMORY_LIMITED, LOG_EXPORT_FAILED);
}
