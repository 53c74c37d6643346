package dev.otlpdoctor.probe.local;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the collector processes of a host snapshot and the sockets each listens on. A collector in a
 * container with its own network namespace has sockets that this namespace's /proc/net/tcp does not list;
 * they are read from /proc/PID/net/tcp, which shows the tables of that process's namespace.
 */
final class CollectorFinder {
    private CollectorFinder() {
    }

    static List<CollectorProcess> find(HostFs fs, HostSnapshot snapshot) {
        String ownNamespace = ProcessDetails.ownNetwork(fs);
        List<CollectorProcess> out = new ArrayList<>();
        for (ProcessInfo process : snapshot.processes()) {
            Optional<String> distribution = CollectorMatcher.distribution(process);
            if (distribution.isEmpty()) {
                continue;
            }
            ProcessDetails details = ProcessDetails.read(fs, process);
            boolean ownNetwork = !details.sharesNetwork(ownNamespace);
            List<Listener> listeners = ownNetwork ? namespaceListeners(fs, process)
                    : snapshot.listeners().stream().filter(l -> l.owner() != null && l.owner().pid() == process.pid())
                            .toList();
            out.add(new CollectorProcess(process, distribution.get(), CollectorMatcher.configs(process), details,
                    listeners));
        }
        return out;
    }

    private static List<Listener> namespaceListeners(HostFs fs, ProcessInfo process) {
        String pid = Integer.toString(process.pid());
        try {
            List<ListenSocket> sockets = new ArrayList<>(HostSnapshot.readTable(fs, fs.proc(pid, "net", "tcp"), false));
            sockets.addAll(HostSnapshot.readTable(fs, fs.proc(pid, "net", "tcp6"), true));
            return sockets.stream()
                    // Containers of a pod share the namespace: only the collector's own sockets, when its fds say so.
                    .filter(s -> !process.fdsReadable() || process.socketInodes().contains(s.inode()))
                    .map(s -> new Listener(s, process, process.pid()))
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
