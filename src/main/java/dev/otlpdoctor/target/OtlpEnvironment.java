package dev.otlpdoctor.target;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The OTLP exporter endpoint settings of the OpenTelemetry specification, read from an environment:
 * {@code OTEL_EXPORTER_OTLP_ENDPOINT}, the per-signal {@code OTEL_EXPORTER_OTLP_{TRACES,METRICS,LOGS}_ENDPOINT},
 * and the matching {@code _PROTOCOL} variables. Used when {@code check} is given no TARGET.
 */
public final class OtlpEnvironment {
    public static final String ENDPOINT = "OTEL_EXPORTER_OTLP_ENDPOINT";
    public static final String PROTOCOL = "OTEL_EXPORTER_OTLP_PROTOCOL";
    private static final List<String> SIGNALS = List.of("TRACES", "METRICS", "LOGS");

    private final Map<String, String> env;

    public OtlpEnvironment(Map<String, String> env) {
        this.env = env;
    }

    /**
     * The targets an application configured by this environment would export to; {@code localhost}
     * (both standard ports) when no endpoint variable is set. Targets naming the same host and ports
     * are reported once, under the first variable that named them.
     *
     * @param flagProtocol the {@code --protocol} option; {@link Protocol#AUTO} defers to the environment
     */
    public List<Target> targets(Protocol flagProtocol) {
        Map<String, Target> byEndpoints = new LinkedHashMap<>();
        List<String> variables = new ArrayList<>();
        variables.add(ENDPOINT);
        SIGNALS.forEach(s -> variables.add("OTEL_EXPORTER_OTLP_" + s + "_ENDPOINT"));
        for (String variable : variables) {
            String value = value(variable);
            if (value == null) {
                continue;
            }
            TargetParser parser = parserFor(variable, flagProtocol);
            Target target = parser.parse(value, Source.env(variable));
            String key = target.endpoints().stream().map(Endpoint::label).reduce("", (a, b) -> a + " " + b);
            byEndpoints.putIfAbsent(key, target);
        }
        if (byEndpoints.isEmpty()) {
            return List.of(new TargetParser(flagProtocol, "--protocol").parse("localhost", Source.defaulted()));
        }
        return List.copyOf(byEndpoints.values());
    }

    private TargetParser parserFor(String endpointVariable, Protocol flagProtocol) {
        if (flagProtocol != Protocol.AUTO) {
            return new TargetParser(flagProtocol, "--protocol");
        }
        // A per-signal endpoint pairs with its per-signal protocol first, then the general one.
        String signalProtocol = endpointVariable.replace("_ENDPOINT", "_PROTOCOL");
        for (String variable : List.of(signalProtocol, PROTOCOL)) {
            String value = value(variable);
            if (value != null) {
                return new TargetParser(Protocol.parse(value, variable), variable);
            }
        }
        return new TargetParser(Protocol.AUTO, "");
    }

    private String value(String variable) {
        String value = env.get(variable);
        return value == null || value.isBlank() ? null : value.trim();
    }
}
