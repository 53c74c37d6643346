package dev.otlpdoctor.listen.server;

import dev.otlpdoctor.listen.tally.Misdirection;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;

/**
 * What listen's servers start (dev.otlpdoctor.listen.OtlpServers).
 *
 * @param bind            address both servers bind to (loopback unless the user says otherwise)
 * @param grpcPort        OTLP/gRPC port; 0 picks a free port, {@link #OFF} starts no gRPC server
 * @param httpPort        OTLP/HTTP port; 0 picks a free port, {@link #OFF} starts no HTTP server
 * @param maxMessageBytes largest gRPC message and HTTP body accepted (before and after decompression)
 * @param tlsCert         PEM certificate chain, or null for plaintext
 * @param tlsKey          PEM PKCS#8 private key of {@code tlsCert}
 * @param requiredHeader  header every request must carry, or null
 * @param workers         request-handling threads per server; their queue is bounded
 * @param limits          connection cap, in-flight byte budget and idle timeout
 */
public record ListenConfig(InetAddress bind, int grpcPort, int httpPort, int maxMessageBytes,
                           Path tlsCert, Path tlsKey, RequiredHeader requiredHeader, int workers, Limits limits) {
    /**
     * What bounds listen's resources whatever clients do (docs/listen.md, "Limits").
     *
     * @param maxConnections   open connections of both servers together; more are closed at once and counted
     * @param maxInFlightBytes bytes held for requests not yet answered, across all connections
     * @param idleTimeout      how long a connection may stay silent: HTTP before a request's headers or body,
     *                         gRPC before its HTTP/2 preface and while it has no call
     */
    public record Limits(int maxConnections, long maxInFlightBytes, Duration idleTimeout) {
        public static final Limits DEFAULT = new Limits(1024, InFlightBudget.defaultBytes(), Duration.ofSeconds(30));
    }

    /** With the default limits. */
    public ListenConfig(InetAddress bind, int grpcPort, int httpPort, int maxMessageBytes, Path tlsCert, Path tlsKey,
                        RequiredHeader requiredHeader, int workers) {
        this(bind, grpcPort, httpPort, maxMessageBytes, tlsCert, tlsKey, requiredHeader, workers, Limits.DEFAULT);
    }

    public static final int OFF = Misdirection.Ports.OFF;
    /** The collector's gRPC limit: configgrpc sets none by default, so grpc-go's 4 MiB applies. */
    public static final int GRPC_DEFAULT_MAX_MESSAGE = 4 * 1024 * 1024;
    /** The collector's OTLP/HTTP body limit: confighttp's default max_request_body_size, 20 MiB. */
    public static final int HTTP_DEFAULT_MAX_BODY = 20 * 1024 * 1024;

    /** Plaintext, no header, both servers on free ports of {@code bind}: what tests start. */
    public static ListenConfig ephemeral(InetAddress bind) {
        return new ListenConfig(bind, 0, 0, 0, null, null, null, 4);
    }

    public ListenConfig withRequiredHeader(RequiredHeader header) {
        return new ListenConfig(bind, grpcPort, httpPort, maxMessageBytes, tlsCert, tlsKey, header, workers, limits);
    }

    public ListenConfig withMaxMessageBytes(int max) {
        return new ListenConfig(bind, grpcPort, httpPort, max, tlsCert, tlsKey, requiredHeader, workers, limits);
    }

    public ListenConfig withTls(Path cert, Path key) {
        return new ListenConfig(bind, grpcPort, httpPort, maxMessageBytes, cert, key, requiredHeader, workers, limits);
    }

    public ListenConfig withLimits(Limits newLimits) {
        return new ListenConfig(bind, grpcPort, httpPort, maxMessageBytes, tlsCert, tlsKey, requiredHeader, workers, newLimits);
    }

    public boolean tls() {
        return tlsCert != null;
    }

    /** The gRPC limit: the given maximum, else the collector's default. */
    public int grpcMaxMessage() {
        return maxMessageBytes > 0 ? maxMessageBytes : GRPC_DEFAULT_MAX_MESSAGE;
    }

    /** The HTTP limit: the given maximum, else the collector's default. */
    public int httpMaxBody() {
        return maxMessageBytes > 0 ? maxMessageBytes : HTTP_DEFAULT_MAX_BODY;
    }
}
