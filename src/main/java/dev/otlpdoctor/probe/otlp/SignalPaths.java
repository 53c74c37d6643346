package dev.otlpdoctor.probe.otlp;

import dev.otlpdoctor.otlp.Signal;
import dev.otlpdoctor.probe.ProbeContext;
import dev.otlpdoctor.target.Target;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
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
        Target target = context.target();
        Map<Signal, String> paths = new LinkedHashMap<>();
        if (target.signalUrl()) {
            paths.put(target.signals().iterator().next(), base.isEmpty() ? "/" : base);
            return paths;
        }
        for (Signal signal : expected(target, context.settings().signals())) {
            paths.put(signal, base + signal.httpPath());
        }
        return paths;
    }

    /**
     * The signals a target is sent: those asked for ({@code --signals}); of a target an exporter sends only some
     * signals to, those of them asked for, or all of them when none is asked for.
     */
    public static Set<Signal> expected(Target target, Set<Signal> asked) {
        if (target.signals().isEmpty()) {
            return asked;
        }
        Set<Signal> both = EnumSet.noneOf(Signal.class);
        both.addAll(target.signals());
        both.retainAll(asked);
        return both.isEmpty() ? target.signals() : both;
    }
}
