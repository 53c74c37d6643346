package dev.otlpdoctor.probe.local;

import dev.otlpdoctor.Deadline;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Who listens on a TCP port of this machine, read from /proc as the local probes read it: for messages
 * such as "port 4317 is already in use by pid 1234 (otelcol-contrib)". Processes of other users cannot
 * be inspected without privileges: then nobody is named.
 */
public final class PortHolder {
    private PortHolder() {
    }

    /** For example {@code "pid 1234 (otelcol-contrib)"}; empty when unknown or when {@code within} ran out. */
    public static Optional<String> of(HostFs host, int port, Duration within) {
        HostSnapshot snapshot = HostSnapshot.take(host, Deadline.after(within)).snapshot();
        if (snapshot == null) {
            return Optional.empty();
        }
        return snapshot.on(port).stream()
                .map(Listener::owner)
                .filter(Objects::nonNull)
                .findFirst()
                .map(process -> "pid " + process.pid() + " (" + process.name() + ")");
    }
}
