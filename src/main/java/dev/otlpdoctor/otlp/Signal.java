package dev.otlpdoctor.otlp;

import dev.otlpdoctor.InvalidInputException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** The OTLP signals otlpdoctor exports, with their OTLP/HTTP path and OTLP/gRPC service. */
public enum Signal {
    TRACES("traces", "opentelemetry.proto.collector.trace.v1.TraceService", "spans", "spans"),
    METRICS("metrics", "opentelemetry.proto.collector.metrics.v1.MetricsService", "metric_points", "data points"),
    LOGS("logs", "opentelemetry.proto.collector.logs.v1.LogsService", "log_records", "log records");

    private final String label;
    private final String grpcService;
    private final String items;
    private final String unit;

    Signal(String label, String grpcService, String items, String unit) {
        this.label = label;
        this.grpcService = grpcService;
        this.items = items;
        this.unit = unit;
    }

    /** What one item of this signal is, in words: spans, data points, log records. */
    public String unit() {
        return unit;
    }

    /** The signal whose OTLP/HTTP path is exactly {@code path}, or null (the collector's mux matches exactly). */
    public static Signal forHttpPath(String path) {
        return Arrays.stream(values()).filter(s -> s.httpPath().equals(path)).findFirst().orElse(null);
    }

    public String label() {
        return label;
    }

    /**
     * The item word of the collector's per-signal counters ({@code otelcol_receiver_accepted_spans}):
     * {@code spans}, {@code metric_points}, {@code log_records}.
     */
    public String items() {
        return items;
    }

    /** {@code OTEL_TRACES_EXPORTER}: which exporter an SDK uses for this signal. */
    public String exporterVariable() {
        return "OTEL_" + name() + "_EXPORTER";
    }

    /** The signal whose counters use this item word; {@code null} for another word. */
    public static Signal ofItems(String items) {
        return Arrays.stream(values()).filter(s -> s.items.equals(items)).findFirst().orElse(null);
    }

    /** The signal of a label such as the collector's {@code otel_signal="traces"}; {@code null} for another. */
    public static Signal ofLabel(String label) {
        return Arrays.stream(values()).filter(s -> s.label.equals(label)).findFirst().orElse(null);
    }

    /** The default OTLP/HTTP path, {@code /v1/traces}; a URL target's base path goes before it. */
    public String httpPath() {
        return "/v1/" + label;
    }

    /** The full gRPC method name, {@code /opentelemetry.proto.collector.trace.v1.TraceService/Export}. */
    public String grpcMethod() {
        return "/" + grpcService + "/Export";
    }

    public String grpcService() {
        return grpcService;
    }

    /** Parses {@code traces,metrics,logs} (any order, any subset); bad input is exit 2 naming {@code what}. */
    public static Set<Signal> parseList(String text, String what) {
        Set<Signal> signals = EnumSet.noneOf(Signal.class);
        for (String part : text.split(",")) {
            String name = part.trim().toLowerCase(Locale.ROOT);
            Signal signal = Arrays.stream(values()).filter(s -> s.label.equals(name)).findFirst()
                    .orElseThrow(() -> new InvalidInputException(what + ": '" + part.trim() + "' is not a signal (expected "
                            + Arrays.stream(values()).map(Signal::label).collect(Collectors.joining(", ")) + ")"));
            signals.add(signal);
        }
        return signals;
    }

    @Override
    public String toString() {
        return label;
    }
}
