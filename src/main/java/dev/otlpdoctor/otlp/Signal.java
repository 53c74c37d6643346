package dev.otlpdoctor.otlp;

import dev.otlpdoctor.DoctorException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** The OTLP signals otlpdoctor exports, with their OTLP/HTTP path and OTLP/gRPC service. */
public enum Signal {
    TRACES("traces", "opentelemetry.proto.collector.trace.v1.TraceService"),
    METRICS("metrics", "opentelemetry.proto.collector.metrics.v1.MetricsService"),
    LOGS("logs", "opentelemetry.proto.collector.logs.v1.LogsService");

    private final String label;
    private final String grpcService;

    Signal(String label, String grpcService) {
        this.label = label;
        this.grpcService = grpcService;
    }

    public String label() {
        return label;
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
                    .orElseThrow(() -> DoctorException.usage(what + ": '" + part.trim() + "' is not a signal (expected "
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
