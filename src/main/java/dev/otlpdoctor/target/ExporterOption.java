package dev.otlpdoctor.target;

import dev.otlpdoctor.otlp.Signal;

/**
 * The OTLP exporter options of the OpenTelemetry specification (specification/protocol/exporter.md).
 * Each is set by {@code OTEL_EXPORTER_OTLP_<OPTION>} and overridden per signal by
 * {@code OTEL_EXPORTER_OTLP_<SIGNAL>_<OPTION>}.
 */
public enum ExporterOption {
    ENDPOINT,
    PROTOCOL,
    HEADERS,
    INSECURE,
    CERTIFICATE,
    CLIENT_KEY,
    CLIENT_CERTIFICATE,
    TIMEOUT,
    COMPRESSION;

    /** {@code OTEL_EXPORTER_OTLP_<SIGNAL>_<OPTION>}: the setting for one signal. */
    public String variable(Signal signal) {
        return "OTEL_EXPORTER_OTLP_" + signal.name() + "_" + name();
    }

    /** {@code OTEL_EXPORTER_OTLP_<OPTION>}: the setting for every signal. */
    public String variable() {
        return "OTEL_EXPORTER_OTLP_" + name();
    }
}
