package dev.otlpdoctor.probe.otlp;

import dev.otlpdoctor.otlp.Signal;
import dev.otlpdoctor.probe.ProbeContext;
import dev.otlpdoctor.target.Source;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The signals to export to an endpoint and their OTLP/HTTP paths, by the OpenTelemetry specification's
 * rules: a base URL ({@code OTEL_EXPORTER_OTLP_ENDPOINT}, a TARGET) gets {@code /v1/<signal>} appended to
 * its path; a per-signal endpoint ({@code OTEL_EXPORTER_OTLP_TRACES_ENDPOINT}) is used as is, for its
 * signal only.
 */
final class SignalPaths {
    private SignalPaths() {
    }

    static Map<Signal, String> of(ProbeContext context) {
        String base = context.endpoint().basePath();
        Map<Signal, String> paths = new LinkedHashMap<>();
        Source source = context.target().source();
        for (Signal signal : Signal.values()) {
            String perSignal = "OTEL_EXPORTER_OTLP_" + signal.label().toUpperCase(Locale.ROOT) + "_ENDPOINT";
            if (source.kind().equals("env") && source.name().equals(perSignal)) {
                paths.put(signal, base.isEmpty() ? "/" : base);
                return paths;
            }
        }
        for (Signal signal : context.settings().signals()) {
            paths.put(signal, base + signal.httpPath());
        }
        return paths;
    }
}
