package dev.otlpdoctor.target;

import dev.otlpdoctor.InvalidInputException;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The OTLP exporter protocol as the OpenTelemetry specification names it
 * ({@code OTEL_EXPORTER_OTLP_PROTOCOL}), plus {@code auto} for "identify what answers": the one protocol type
 * of settings, targets and probes. The {@link Transport} (gRPC or HTTP: what a port serves) and, for OTLP/HTTP,
 * the encoding's content type are derived from it. (What answers on a port before any OTLP is exchanged —
 * HTTP/2, HTTP/2 over TLS, HTTP/1.1 — is an observation of the protocol probe, {@code probe/otlp/Wire}.)
 */
public enum Protocol {
    AUTO("auto", Transport.UNKNOWN, ""),
    GRPC("grpc", Transport.GRPC, "application/grpc"),
    HTTP_PROTOBUF("http/protobuf", Transport.HTTP, "application/x-protobuf"),
    HTTP_JSON("http/json", Transport.HTTP, "application/json");

    private final String value;
    private final Transport transport;
    private final String contentType;

    Protocol(String value, Transport transport, String contentType) {
        this.value = value;
        this.transport = transport;
        this.contentType = contentType;
    }

    /** The request body's media type ({@code ""} for auto). */
    public String contentType() {
        return contentType;
    }

    public String value() {
        return value;
    }

    public Transport transport() {
        return transport;
    }

    /** Parses a protocol name; {@code what} names where the value came from, for the error line. */
    public static Protocol parse(String text, String what) {
        for (Protocol p : values()) {
            if (p.value.equalsIgnoreCase(text.trim())) {
                return p;
            }
        }
        throw new InvalidInputException(what + ": '" + text + "' is not a protocol (expected one of: "
                + Arrays.stream(values()).map(Protocol::value).collect(Collectors.joining(", ")) + ")");
    }

    @Override
    public String toString() {
        return value;
    }
}
