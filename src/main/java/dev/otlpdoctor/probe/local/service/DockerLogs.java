package dev.otlpdoctor.probe.local.service;

import dev.otlpdoctor.lint.k8s.CollectorImage;
import dev.otlpdoctor.probe.local.CollectorMatcher;
import dev.otlpdoctor.probe.local.CollectorRelease;
import dev.otlpdoctor.probe.local.ConfigArgument;
import dev.otlpdoctor.probe.local.HostFs;
import dev.otlpdoctor.probe.local.ProcessInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** A Docker collector container: its saved state and the end of its json-file log. */
final class DockerLogs {
    private DockerLogs() {
    }

    static ObservedService observe(HostFs fs, DockerContainer c) {
        List<LogLine> lines = List.of();
        String unreadable = null;
        Path log = fs.file(c.logFile());
        if (!Files.exists(log)) {
            unreadable = c.logFile() + " does not exist (the container logs through another driver: docker logs reads it)";
        } else {
            try {
                lines = ServiceProbe.sinceStart(ContainerLogFile.tail(log, c.logFile(), ContainerLogFile.Format.DOCKER_JSON),
                        c.startedAt());
            } catch (IOException e) {
                unreadable = c.logFile() + " is not readable (root only)";
            }
        }
        List<ConfigArgument> configs = c.argv().isEmpty() ? List.of() : CollectorMatcher.configs(
                new ProcessInfo(0, c.argv().get(0), c.argv(), 0, Set.of(), false));
        List<ConfigLocator.ConfigFile> files = new ArrayList<>();
        String inContainer = "<config.yaml>";
        for (ConfigArgument config : configs) {
            String path = config.filePath();
            String host = path == null ? null : c.hostPath(path);
            if (host != null) {
                // shown as the host file, which is the one to edit
                files.add(new ConfigLocator.ConfigFile(host, fs.file(host)));
                inContainer = path;
            }
        }
        String state = c.running() ? "running" : "exited (" + c.exitCode() + ")" + (c.oomKilled() ? ", OOMKilled" : "");
        String oom = c.oomKilled() ? "docker: State.OOMKilled=true, exit code " + c.exitCode() + " (" + c.name() + ")" : null;
        String validate = files.isEmpty() ? "docker run --rm " + c.image() + " validate --config=<config.yaml>"
                : "docker run --rm -v " + files.get(0).shown() + ":" + inContainer + ":ro " + c.image()
                        + " validate --config=" + inContainer;
        return new ObservedService("docker", c.name(), state, c.running(),
                !c.running() && (c.exitCode() != 0 || c.oomKilled()), c.restarts(),
                c.running() ? c.startedAt() : c.finishedAt(), oom, configs.stream().map(ConfigArgument::value).toList(),
                files, lines, unreadable, new ObservedService.Commands("docker logs --tail 50 " + c.name(),
                        "docker restart " + c.name(), validate),
                CollectorImage.version(c.image()).map(v -> new CollectorRelease(v, "image " + c.image())).orElse(null));
    }
}
