package dev.otlpdoctor.report.catalog;

import static dev.otlpdoctor.report.Severity.FAIL;
import static dev.otlpdoctor.report.Severity.PASS;

import dev.otlpdoctor.report.CatalogEntry;
import java.util.List;

/** Codes of the protocol probe: what really answers on a port. */
public final class ProtocolCodes {
    private ProtocolCodes() {
    }

    public static final CatalogEntry PROTOCOL_IDENTIFIED = new CatalogEntry("protocol.identified", PASS,
            "{found} answers on port {port}",
            "The server spoke the protocol the client expects (or, with --protocol auto and an unconventional "
                    + "port, the one the next probes use).",
            "What the server sent first (an HTTP/2 SETTINGS frame) or how it answered a minimal HTTP/1.1 request, "
                    + "and the ALPN protocol with TLS.",
            List.of());

    public static final CatalogEntry PROTOCOL_MISMATCH = new CatalogEntry("protocol.mismatch", FAIL,
            "port {port} speaks {found}, but the client expects {expected}",
            "The classic mix-up of the two OTLP ports: a gRPC exporter pointed at the OTLP/HTTP port (4318) gets "
                    + "an HTTP/1.1 answer it cannot read (UNAVAILABLE, 'protocol error', 'malformed header'), and "
                    + "an HTTP exporter pointed at the gRPC port (4317) gets an HTTP/2-only server that drops it "
                    + "(connection reset, 'malformed HTTP response', HTTP 415 from gRPC).",
            "What answered on the port, what the client expects and why (port convention, --protocol, "
                    + "OTEL_EXPORTER_OTLP_PROTOCOL).",
            List.of("Either use the protocol this port speaks: OTEL_EXPORTER_OTLP_PROTOCOL={fixProtocol} with "
                            + "OTEL_EXPORTER_OTLP_ENDPOINT=http://{host}:{port}",
                    "Or keep the protocol and use its port: OTEL_EXPORTER_OTLP_ENDPOINT=http://{host}:{otherPort} "
                            + "(the collector's default for {expected})",
                    "Check the result: otlpdoctor check {host}:{otherPort} --protocol {expectedProtocol}"));

    public static final CatalogEntry PROTOCOL_UNKNOWN = new CatalogEntry("protocol.unknown", FAIL,
            "port {port} answers, but not with HTTP or gRPC: {answer}",
            "Something else listens on the port: another service holds it (a database, SSH, a message broker), "
                    + "or a proxy that closes connections it does not recognise. An OTLP exporter cannot talk to it.",
            "The first bytes the server sent (made printable and capped) or that it closed the connection.",
            List.of("Find out what listens on the port on the server: ss -tlnp | grep ':{port}'",
                    "Point the application at the collector's OTLP ports (4317 gRPC, 4318 HTTP) or move the other "
                            + "service: two programs cannot share a port."));

    public static final CatalogEntry PROTOCOL_SILENT = new CatalogEntry("protocol.silent", FAIL,
            "port {port} accepts connections but never answers",
            "The server accepted the TCP connection but sent nothing back to a minimal request before the "
                    + "deadline: a hung process, a proxy waiting for a backend that does not answer, or a service "
                    + "that waits for its own protocol.",
            "How long the probe waited after its request.",
            List.of("Check what listens on the port on the server: ss -tlnp | grep ':{port}'",
                    "If it is the collector, look at its logs and at its CPU and memory: a collector that is "
                            + "starved or deadlocked accepts connections but never answers.",
                    "Behind a load balancer or proxy, check that its backend (the collector pod) is healthy."));

    public static final CatalogEntry PROTOCOL_NOT_OTLP = new CatalogEntry("protocol.not-otlp", FAIL,
            "{what} answered, not an OTLP receiver: {answer}",
            "The request reached a server that is not an OTLP receiver: an HTML page from a reverse proxy or load "
                    + "balancer, another web service on the port, or a gateway error page. The application's "
                    + "exports end there.",
            "The HTTP status, content type, Server header and the start of the body (capped, printable).",
            List.of("Find the server that answered: curl -sv {url} -o /dev/null",
                    "If a proxy sits in front of the collector, route {path} to the collector's OTLP/HTTP port "
                            + "(4318) or its OTLP/gRPC port (4317, HTTP/2 end to end)."));

    static final List<CatalogEntry> ALL = List.of(PROTOCOL_IDENTIFIED, PROTOCOL_MISMATCH, PROTOCOL_UNKNOWN,
            PROTOCOL_SILENT, PROTOCOL_NOT_OTLP);
}
