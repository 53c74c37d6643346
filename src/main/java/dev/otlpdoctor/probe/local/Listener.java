package dev.otlpdoctor.probe.local;

/**
 * A listening socket with the process that holds it.
 *
 * @param socket the socket
 * @param owner the process holding it, or null when no readable /proc/PID/fd names its inode
 * @param namespaceOf null for a socket of this machine's (this process's) network namespace; else the pid
 *                    of the collector whose own network namespace (a container) it was read from
 */
public record Listener(ListenSocket socket, ProcessInfo owner, Integer namespaceOf) {

    /** {@code 127.0.0.1:4317 pid 812 otelcol-contrib}, as evidence. */
    public String describe() {
        String who = owner == null ? "owner unknown (uid " + socket.uid() + ")" : "pid " + owner.pid() + " " + owner.program();
        return socket.label() + " " + who + (namespaceOf == null ? "" : " (inside the network namespace of pid "
                + namespaceOf + ")");
    }
}
