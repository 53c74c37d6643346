package dev.otlpdoctor.probe.local.service;

import static dev.otlpdoctor.probe.JsonFields.integer;
import static dev.otlpdoctor.probe.JsonFields.object;
import static dev.otlpdoctor.probe.JsonFields.objects;
import static dev.otlpdoctor.probe.JsonFields.string;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.otlpdoctor.Deadline;
import dev.otlpdoctor.k8s.Kubectl;
import dev.otlpdoctor.probe.local.CollectorMatcher;
import dev.otlpdoctor.probe.local.ConfigArgument;
import dev.otlpdoctor.probe.local.ProcessInfo;
import dev.otlpdoctor.report.Finding;
import dev.otlpdoctor.report.ProbeRun;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * For {@code check --k8s-service}: the container statuses of the pods the Service selects (restartCount,
 * the waiting reason such as CrashLoopBackOff, {@code lastState.terminated} exit code and reason such as
 * OOMKilled) and, for a container that restarted or is not running, the log of its previous run:
 * {@code kubectl logs --previous POD -c CONTAINER -n NS --timestamps --tail=200 --limit-bytes=262144}.
 * The same findings as for a systemd unit or a Docker container come out of it, as a run of their own
 * ({@code service}) beside the {@code k8s} step.
 */
public final class PodStatuses {
    static final String PROBE_ID = "service";
    /** Sidecars a mesh injects: their restarts are not the collector's. */
    private static final Set<String> SIDECARS = Set.of("istio-proxy", "linkerd-proxy", "istio-init", "linkerd-init");
    /** Previous-run logs read per run at most: a crash-looping DaemonSet has one per node. */
    private static final int MAX_LOGS = 3;

    private PodStatuses() {
    }

    /**
     * The run of findings about the pods' collector containers, or empty when every one runs and never
     * restarted (nothing to say beyond the k8s step). {@code endpoint} is what the findings are about.
     */
    public static Optional<ProbeRun> inspect(List<JsonObject> pods, String endpoint, Map<String, String> env,
                                             Deadline deadline) throws InterruptedException {
        long start = System.nanoTime();
        Deadline budget = ServiceProbe.budget(deadline);
        Optional<Kubectl> kubectl = Kubectl.find(env);
        List<Finding> findings = new ArrayList<>();
        Instant now = Instant.now();
        int logsRead = 0;
        for (JsonObject pod : pods) {
            JsonObject meta = object(pod, "metadata");
            String name = string(meta, "name").orElse("?");
            String namespace = string(meta, "namespace").orElse("default");
            for (JsonElement s : arr(object(pod, "status"), "containerStatuses")) {
                JsonObject status = s.getAsJsonObject();
                String container = string(status, "name").orElse("?");
                JsonObject state = object(status, "state");
                int restarts = integer(status, "restartCount");
                if (SIDECARS.contains(container) || (state.has("running") && restarts == 0)) {
                    continue;
                }
                List<LogLine> lines = List.of();
                String unreadable = null;
                String logCommand = "kubectl logs --previous -n " + namespace + " " + name + " -c " + container;
                if (kubectl.isEmpty()) {
                    unreadable = "kubectl is not on PATH";
                } else if (logsRead++ >= MAX_LOGS) {
                    unreadable = "only the first " + MAX_LOGS + " containers' previous logs are read in one run";
                } else {
                    Kubectl.Result logs = kubectl.get().run(List.of("logs", "--previous", name, "-c", container, "-n",
                            namespace, "--timestamps", "--tail=" + ContainerLogFile.MAX_LINES,
                            "--limit-bytes=" + ContainerLogFile.MAX_BYTES), budget);
                    if (logs.ok()) {
                        lines = timestamped(logs.output(), logCommand);
                    } else {
                        unreadable = "kubectl logs --previous: " + LogRedactor.redact(logs.error());
                    }
                }
                ObservedService observed = observe(pod, status, namespace, name, container, lines, unreadable, logCommand);
                ServiceFindings.report(observed, now, false, f -> findings.add(f.attributedTo(PROBE_ID, endpoint)));
            }
        }
        if (findings.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(ProbeRun.of(PROBE_ID, endpoint, (System.nanoTime() - start) / 1_000_000, findings));
    }

    private static ObservedService observe(JsonObject pod, JsonObject status, String namespace, String name,
                                           String container, List<LogLine> lines, String unreadable, String logCommand) {
        JsonObject state = object(status, "state");
        JsonObject last = object(object(status, "lastState"), "terminated");
        JsonObject terminated = state.has("terminated") ? object(state, "terminated") : last;
        boolean running = state.has("running");
        StringBuilder described = new StringBuilder();
        if (running) {
            described.append("running");
        } else if (state.has("waiting")) {
            described.append("waiting: ").append(string(object(state, "waiting"), "reason").orElse("?"));
        } else {
            described.append("terminated");
        }
        if (terminated.has("exitCode")) {
            described.append(running || state.has("waiting") ? "; last run " : " ").append("exit code ")
                    .append(integer(terminated, "exitCode")).append(" (").append(string(terminated, "reason").orElse("?"))
                    .append(")");
        }
        String reason = string(terminated, "reason").orElse("");
        String oom = reason.equals("OOMKilled") ? "kubernetes: lastState.terminated.reason=OOMKilled, exit code "
                + integer(terminated, "exitCode") + " (" + name + " " + container + ")" : null;
        Instant since = running ? instant(string(object(state, "running"), "startedAt").orElse(null))
                : instant(string(terminated, "finishedAt").orElse(null));
        List<String> argv = new ArrayList<>();
        for (JsonObject spec : objects(object(pod, "spec"), "containers")) {
            if (string(spec, "name").orElse("").equals(container)) {
                arr(spec, "command").forEach(a -> argv.add(a.getAsString()));
                if (argv.isEmpty()) {
                    argv.add("otelcol"); // the image's entrypoint: only the arguments matter here
                }
                arr(spec, "args").forEach(a -> argv.add(a.getAsString()));
            }
        }
        List<ConfigArgument> configs = argv.isEmpty() ? List.of()
                : CollectorMatcher.configs(new ProcessInfo(0, argv.get(0), argv, 0, Set.of(), false));
        String config = configs.isEmpty() ? "<config.yaml>" : configs.get(0).value();
        return new ObservedService("kubernetes", namespace + "/" + name + " container " + container, described.toString(),
                running, !running, integer(status, "restartCount"), since, oom, configs.stream().map(ConfigArgument::value).toList(),
                List.of(), lines, unreadable, new ObservedService.Commands(logCommand,
                        "kubectl delete pod -n " + namespace + " " + name + " (its controller starts a new one)",
                        "otelcol-contrib validate --config=" + config + " (with the ConfigMap's file)"), null);
    }

    /** {@code kubectl logs --timestamps}: each line starts with its RFC 3339 time and a space. */
    static List<LogLine> timestamped(String output, String source) {
        List<LogLine> out = new ArrayList<>();
        for (String line : output.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            int space = line.indexOf(' ');
            Instant time = space > 0 ? instant(line.substring(0, space)) : null;
            out.add(new LogLine(time, time == null ? line : line.substring(space + 1), source));
        }
        return out.size() > ContainerLogFile.MAX_LINES ? out.subList(out.size() - ContainerLogFile.MAX_LINES, out.size()) : out;
    }

    private static Instant instant(String value) {
        try {
            return value == null ? null : Instant.parse(value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static List<JsonElement> arr(JsonObject parent, String key) {
        return parent.get(key) != null && parent.get(key).isJsonArray() ? parent.getAsJsonArray(key).asList() : List.of();
    }
}
