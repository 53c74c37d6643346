package dev.otlpdoctor.probe.otlp;

import dev.otlpdoctor.otlp.Signal;
import dev.otlpdoctor.probe.ProbeContext;
import dev.otlpdoctor.target.Source;
import dev.otlpdoctor.target.Target;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The signals to export to an endpoint and their OTLP/HTTP paths, by the OpenTelemetry specification's
 * rules: a base URL ({@code OTEL_EXPORTER_OTLP_ENDPOINT}, a TARGET) gets {@code /v1/<signal>} appended to
 * its path; a per-signal endpoint ({@code OTEL_EXPORTER_OTLP_TRACES_ENDPOINT}) is used as is, for its
 * signal only.
 */
public final class SignalPaths {
    private SignalPaths() {
    }

    static Map<Signal, String> of(ProbeContext context) {
        String base = context.endpoint().basePath();
        Map<Signal, String> paths = new LinkedHashMap<>();
        Optional<Signal> only = perSignal(context.target());
        if (only.isPresent()) {
            paths.put(only.get(), base.isEmpty() ? "/" : base);
            return paths;
        }
        for (Signal signal : context.settings().signals()) {
            paths.put(signal, base + signal.httpPath());
        }
        return paths;
    }

    /** The signals the target's endpoints are sent: a per-signal endpoint's own, else those asked for. */
    public static Set<Signal> expected(Target target, Set<Signal> asked) {
        return perSignal(target).map(Set::of).orElse(asked);
    }

    /** The signal of a target taken from a per-signal endpoint variable ({@code OTEL_EXPORTER_OTLP_TRACES_ENDPOINT}). */
    private static Optional<Signal> perSignal(Target target) {
        Source source = target.source();
        for (Signal signal : Signal.values()) {
            String variable = "OTEL_EXPORTER_OTLP_" + signal.label().toUpperCase(Locale.ROOT) + "_ENDPOINT";
            if (source.kind().equals("env") && source.name().equals(variable)) {
                return Optional.of(signal);
            }
        }
        return Optional.empty();
    }
}
