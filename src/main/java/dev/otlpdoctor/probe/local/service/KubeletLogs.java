package dev.otlpdoctor.probe.local.service;

import dev.otlpdoctor.probe.local.CollectorProcess;
import dev.otlpdoctor.probe.local.ConfigArgument;
import dev.otlpdoctor.probe.local.HostFs;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A collector container of a Kubernetes pod on this node, found through its process's cgroup. The kubelet
 * writes each container's output in the CRI format to {@code /var/log/pods/NAMESPACE_POD_UID/CONTAINER/N.log},
 * N being the container's restart count, and links it as
 * {@code /var/log/containers/POD_NAMESPACE_CONTAINER-CONTAINERID.log}. The file before the current one
 * holds the previous run, the one a crash-looping collector died in.
 */
final class KubeletLogs {
    static final String CONTAINERS = "/var/log/containers";
    private static final Pattern LINK = Pattern.compile("(.+)_(.+)_(.+)-([0-9a-f]{64})\\.log");
    private static final Pattern RUN = Pattern.compile("(\\d+)\\.log");

    private KubeletLogs() {
    }

    static Optional<ObservedService> observe(HostFs fs, Cgroup cgroup, CollectorProcess collector) {
        Path dir = fs.file(CONTAINERS);
        String pod = null;
        String namespace = null;
        String container = null;
        Path podLogDir = null;
        try (DirectoryStream<Path> links = Files.newDirectoryStream(dir, "*-" + cgroup.containerId() + ".log")) {
            for (Path link : links) {
                Matcher m = LINK.matcher(link.getFileName().toString());
                if (m.matches()) {
                    pod = m.group(1);
                    namespace = m.group(2);
                    container = m.group(3);
                    String target = Files.readSymbolicLink(link).toString();
                    podLogDir = (target.startsWith("/") ? fs.file(target) : link.resolveSibling(target)).getParent();
                }
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        if (podLogDir == null) {
            return Optional.empty();
        }
        List<Integer> runs = runs(podLogDir);
        List<LogLine> lines = new ArrayList<>();
        String unreadable = null;
        // The previous run first (why it restarted), then the current one.
        for (int run : runs.subList(Math.max(0, runs.size() - 2), runs.size())) {
            Path file = podLogDir.resolve(run + ".log");
            try {
                lines.addAll(ContainerLogFile.tail(file, fs.display(file), ContainerLogFile.Format.CRI));
            } catch (IOException e) {
                unreadable = fs.display(file) + " is not readable (root only)";
            }
        }
        int restarts = runs.isEmpty() ? 0 : runs.get(runs.size() - 1);
        String name = namespace + "/" + pod + " container " + container;
        List<ConfigLocator.ConfigFile> files = new ArrayList<>();
        for (ConfigArgument c : collector.configs()) {
            if (c.filePath() != null) {
                files.add(new ConfigLocator.ConfigFile(c.filePath(), fs.file(collector.hostPathOf(c.filePath()))));
            }
        }
        String pods = "-n " + namespace + " " + pod + " -c " + container;
        return Optional.of(new ObservedService("kubernetes", name, "running", true, false, restarts,
                collector.details().started(), null, collector.configs().stream().map(ConfigArgument::value).toList(),
                files, lines, unreadable, new ObservedService.Commands("kubectl logs --previous " + pods,
                        "kubectl delete pod -n " + namespace + " " + pod + " (its controller starts a new one)",
                        "kubectl exec " + pods + " -- " + collector.process().argv().get(0) + " validate --config="
                                + (files.isEmpty() ? "<config.yaml>" : files.get(0).shown())), null));
    }

    /** The run numbers of the container's log files, ascending. */
    private static List<Integer> runs(Path dir) {
        List<Integer> runs = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.log")) {
            for (Path f : files) {
                Matcher m = RUN.matcher(f.getFileName().toString());
                if (m.matches()) {
                    runs.add(Integer.parseInt(m.group(1)));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return List.of();
        }
        runs.sort(null);
        return runs;
    }
}
