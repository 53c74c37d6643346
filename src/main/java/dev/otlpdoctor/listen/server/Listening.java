package dev.otlpdoctor.listen.server;

import dev.otlpdoctor.listen.tally.ClientAddress;
import dev.otlpdoctor.listen.tally.Misdirection;

/**
 * Where a started listen listens: its settings and the ports it bound (a port given as 0 is known only
 * once bound). What the banner, the JSON summary and the wrong-port fixes print.
 *
 * @param grpcPort the bound gRPC port, or {@link ListenConfig#OFF}
 * @param httpPort the bound HTTP port, or {@link ListenConfig#OFF}
 */
public record Listening(ListenConfig config, int grpcPort, int httpPort) {
    /** Where an application on this machine connects: never the wildcard address. */
    public String connectHost() {
        return config.bind().isAnyLocalAddress() ? "127.0.0.1" : ClientAddress.hostForUrl(config.bind());
    }

    /** The exporter endpoint of {@code port}: scheme, connect host and port. */
    public String endpoint(int port) {
        return (config.tls() ? "https://" : "http://") + connectHost() + ":" + port;
    }

    /** The same, as the wrong-port fixes need it. */
    public Misdirection.Ports ports() {
        return new Misdirection.Ports(connectHost(), grpcPort, httpPort, config.tls());
    }
}
