package dev.otlpdoctor.probe.otlp;

/**
 * What the protocol probe found speaking on a port, before any OTLP is exchanged: the HTTP version and
 * whether TLS came first. Not an OTLP protocol ({@code target/Protocol}): an HTTP/2 server may be gRPC or an
 * HTTP receiver over TLS, which the export probes then tell apart.
 */
public enum Wire {
    /** An HTTP/2-only server that sends its SETTINGS frame first: how gRPC servers (the collector's 4317) behave. */
    HTTP2("HTTP/2 (gRPC-style, prior knowledge)"),
    /** TLS with ALPN h2: both the gRPC and the HTTP receiver negotiate it, so the next probes tell them apart. */
    HTTP2_TLS("HTTP/2 over TLS (ALPN h2)"),
    /** An HTTP/1.1 server: the collector's OTLP/HTTP port (4318) without TLS, or a web server or proxy. */
    HTTP1("HTTP/1.1");

    private final String label;

    Wire(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean mayBeGrpc() {
        return this != HTTP1;
    }

    public boolean mayBeHttp() {
        return this != HTTP2;
    }
}
