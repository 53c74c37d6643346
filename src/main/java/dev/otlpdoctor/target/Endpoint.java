package dev.otlpdoctor.target;

/**
 * One port of a target that the probe chain checks.
 *
 * @param host the host name or address literal as the user wrote it (IPv6 without brackets)
 * @param port the TCP port
 * @param transport what the user expects there (or {@link Transport#UNKNOWN})
 * @param tls whether the client side asks for TLS ({@code https://}, or an exporter's rules)
 * @param basePath the path prefix of a URL target, without a trailing slash ({@code ""} when none)
 * @param transportReason why that transport is expected, e.g. "port 4317 convention" or "--protocol"
 * @param tlsReason why the client side does or does not use TLS when an exporter's rules decided it, e.g.
 *                  "no scheme and OTEL_EXPORTER_OTLP_INSECURE not true: gRPC defaults to TLS"; {@code ""} when the URL's
 *                  scheme (or its absence) alone decides
 * @param protocol the OTLP protocol the client side uses when it is known ({@code --protocol}, or the
 *                 exporter's {@code _PROTOCOL}): for OTLP/HTTP it names the one encoding to check;
 *                 {@link Protocol#AUTO} when not known
 */
public record Endpoint(String host, int port, Transport transport, boolean tls, String basePath,
                       String transportReason, String tlsReason, Protocol protocol) {

    /** An endpoint whose TLS, if any, comes from an {@code https://} URL, and whose client protocol is not known. */
    public Endpoint(String host, int port, Transport transport, boolean tls, String basePath, String transportReason) {
        this(host, port, transport, tls, basePath, transportReason, "", Protocol.AUTO);
    }

    /** The same endpoint with the client's TLS decided by an exporter's rules. */
    public Endpoint withTls(boolean tls, String tlsReason) {
        return new Endpoint(host, port, transport, tls, basePath, transportReason, tlsReason, protocol);
    }

    /** {@code host:port}, with IPv6 literals in brackets: the form a person would type. */
    public String label() {
        return HostPort.format(host, port);
    }
}
