package dev.otlpdoctor.target;

import java.util.Locale;

/** The three OTLP signals, with the names the exporter variables and the OTLP/HTTP paths use for them. */
public enum Signal {
    TRACES,
    METRICS,
    LOGS;

    /** {@code traces}: the name in reports. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code /v1/traces}: the path OTLP/HTTP appends to a base endpoint for this signal. */
    public String httpPath() {
        return "/v1/" + label();
    }

    /** {@code OTEL_EXPORTER_OTLP_TRACES_<option>}. */
    public String variable(ExporterOption option) {
        return "OTEL_EXPORTER_OTLP_" + name() + "_" + option.name();
    }

    /** {@code OTEL_TRACES_EXPORTER}: which exporter the SDK uses for this signal. */
    public String exporterVariable() {
        return "OTEL_" + name() + "_EXPORTER";
    }
}
