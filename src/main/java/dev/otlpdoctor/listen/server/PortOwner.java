package dev.otlpdoctor.listen.server;

import java.util.Optional;

/** Names the process that listens on a TCP port, when that can be told cheaply. */
@FunctionalInterface
public interface PortOwner {
    /** For example {@code "pid 1234 (otelcol-contrib)"}; empty when unknown. */
    Optional<String> of(int port);

    /** Knows nothing: for platforms without /proc. */
    PortOwner UNKNOWN = port -> Optional.empty();
}
