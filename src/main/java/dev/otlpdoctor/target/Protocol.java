package dev.otlpdoctor.target;

import dev.otlpdoctor.InvalidInputException;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The OTLP exporter protocol as the OpenTelemetry specification names it
 * ({@code OTEL_EXPORTER_OTLP_PROTOCOL}), plus {@code auto} for "identify what answers".
 */
public enum Protocol {
    AUTO("auto", Transport.UNKNOWN),
    GRPC("grpc", Transport.GRPC),
    HTTP_PROTOBUF("http/protobuf", Transport.HTTP),
    HTTP_JSON("http/json", Transport.HTTP);

    private final String value;
    private final Transport transport;

    Protocol(String value, Transport transport) {
        this.value = value;
        this.transport = transport;
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
