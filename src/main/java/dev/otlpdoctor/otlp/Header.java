package dev.otlpdoctor.otlp;

/**
 * A request header sent with every OTLP export (gRPC metadata or HTTP header). The value is a secret as
 * far as otlpdoctor knows: it is sent, never shown — reports name the header and where it came from.
 *
 * @param name the header name, lower case (gRPC metadata keys are lower case)
 * @param value the value to send; never printed
 * @param source where it came from: {@code -H} or {@code env OTEL_EXPORTER_OTLP_HEADERS}
 */
public record Header(String name, String value, String source) {

    /** The name and source only: what reports show. */
    public String describe() {
        return name + " (" + source + ")";
    }

    @Override
    public String toString() {
        return describe();
    }
}
