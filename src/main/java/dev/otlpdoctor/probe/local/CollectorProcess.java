package dev.otlpdoctor.probe.local;

import java.util.List;

/**
 * A running collector found in /proc, with what a later check of its configuration needs.
 *
 * @param process the process
 * @param distribution which collector build it is, e.g. {@code OpenTelemetry Collector Contrib}
 * @param configs every {@code --config} value, in command-line order (empty: the build's default)
 * @param details executable, user, start time, container and namespace
 * @param listeners the sockets it listens on, read from its own network namespace when that is not ours
 */
public record CollectorProcess(ProcessInfo process, String distribution, List<ConfigArgument> configs,
                               ProcessDetails details, List<Listener> listeners) {
    public CollectorProcess {
        configs = List.copyOf(configs);
        listeners = List.copyOf(listeners);
    }

    /**
     * Where this process's file system shows {@code path} from here: through /proc/PID/root, so a config
     * inside a container is readable from the host (given the permission).
     */
    public String hostPathOf(String path) {
        if (path.startsWith("/")) {
            return "/proc/" + process.pid() + "/root" + path;
        }
        return details.cwd() == null ? path : "/proc/" + process.pid() + "/root" + details.cwd() + "/" + path;
    }
}
