package dev.otlpdoctor.listen.tally;

/**
 * A connection that spoke the wrong protocol for its port: gRPC (HTTP/2) to the HTTP port, HTTP/1.x to
 * the gRPC port, TLS to a plaintext port, plaintext to a TLS port. Seen by the server's first-bytes sniffer
 * in the first bytes, before any request exists.
 *
 * @param kind        what was seen where
 * @param client      peer address
 * @param requestLine the HTTP/1.x request line when there was one ({@code POST /v1/traces}), else null
 * @param userAgent   the User-Agent of that request, or null
 * @param fix         the exporter setting to change, with the real host and ports of this listen
 */
public record Misdirection(Kind kind, String client, String requestLine, String userAgent, String fix) {
    public enum Kind {
        GRPC_ON_HTTP_PORT, HTTP1_ON_GRPC_PORT, TLS_ON_PLAINTEXT_PORT, PLAINTEXT_ON_TLS_PORT
    }

    boolean probe() {
        return UserAgent.isOtlpdoctor(userAgent);
    }

    /** Where listen listens, for the fixes: connect host, both ports ({@link #OFF} when off), TLS. */
    public record Ports(String host, int grpcPort, int httpPort, boolean tls) {
        /** A server that is not started. */
        public static final int OFF = -1;

        String url(int port) {
            return (tls ? "https://" : "http://") + host + ":" + port;
        }
    }

    public static Misdirection grpcOnHttpPort(Ports ports, String client) {
        String fix = "a gRPC exporter is sending to the HTTP port " + ports.httpPort()
                + ": set OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf"
                + (ports.grpcPort() == Ports.OFF ? "" : ", or OTEL_EXPORTER_OTLP_ENDPOINT=" + ports.url(ports.grpcPort()));
        return new Misdirection(Kind.GRPC_ON_HTTP_PORT, client, null, null, fix);
    }

    public static Misdirection http1OnGrpcPort(Ports ports, String client, String requestLine, String userAgent) {
        String fix = "an HTTP exporter is sending " + (requestLine == null ? "HTTP/1.1" : requestLine)
                + " to the gRPC port " + ports.grpcPort() + ": set OTEL_EXPORTER_OTLP_PROTOCOL=grpc"
                + (ports.httpPort() == Ports.OFF ? "" : ", or OTEL_EXPORTER_OTLP_ENDPOINT=" + ports.url(ports.httpPort()));
        return new Misdirection(Kind.HTTP1_ON_GRPC_PORT, client, requestLine, userAgent, fix);
    }

    public static Misdirection tlsOnPlaintextPort(Ports ports, String client, boolean grpcPort) {
        int port = grpcPort ? ports.grpcPort() : ports.httpPort();
        String fix = "a TLS handshake on the plaintext " + (grpcPort ? "gRPC" : "HTTP") + " port " + port
                + ": the exporter's endpoint uses https://; set OTEL_EXPORTER_OTLP_ENDPOINT=" + ports.url(port)
                + (grpcPort ? " (or OTEL_EXPORTER_OTLP_INSECURE=true)" : "")
                + ", or start listen with --tls-cert and --tls-key";
        return new Misdirection(Kind.TLS_ON_PLAINTEXT_PORT, client, null, null, fix);
    }

    public static Misdirection plaintextOnTlsPort(Ports ports, String client, boolean grpcPort, String requestLine,
                                           String userAgent) {
        int port = grpcPort ? ports.grpcPort() : ports.httpPort();
        String what = requestLine != null ? "plaintext HTTP/1.1 (" + requestLine + ")"
                : grpcPort ? "plaintext gRPC (HTTP/2)" : "plaintext";
        String fix = what + " on the TLS " + (grpcPort ? "gRPC" : "HTTP") + " port " + port
                + ": set OTEL_EXPORTER_OTLP_ENDPOINT=" + ports.url(port)
                + " and OTEL_EXPORTER_OTLP_CERTIFICATE to listen's --tls-cert"
                + (grpcPort ? " (and OTEL_EXPORTER_OTLP_INSECURE=false)" : "");
        return new Misdirection(Kind.PLAINTEXT_ON_TLS_PORT, client, requestLine, userAgent, fix);
    }
}
