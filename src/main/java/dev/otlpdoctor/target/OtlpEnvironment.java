package dev.otlpdoctor.target;

import dev.otlpdoctor.otlp.Signal;
import dev.otlpdoctor.InvalidInputException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The OTLP exporter endpoint settings of the OpenTelemetry specification, read from an environment:
 * {@code OTEL_EXPORTER_OTLP_ENDPOINT}, the per-signal {@code OTEL_EXPORTER_OTLP_{TRACES,METRICS,LOGS}_ENDPOINT},
 * and the matching {@code _PROTOCOL} variables. Used when {@code check} is given no TARGET, and by
 * {@code env}, which reads every option of every signal ({@link #signals()}).
 */
public final class OtlpEnvironment {
    public static final String ENDPOINT = "OTEL_EXPORTER_OTLP_ENDPOINT";

    private final EnvSettings env;

    public OtlpEnvironment(Map<String, String> env) {
        this(EnvSettings.of(env));
    }

    public OtlpEnvironment(EnvSettings env) {
        this.env = env;
    }

    /** The effective exporter settings of traces, metrics and logs, in that order. */
    public List<SignalExporter> signals() {
        List<SignalExporter> signals = new ArrayList<>();
        for (Signal signal : Signal.values()) {
            signals.add(signal(signal));
        }
        return signals;
    }

    private SignalExporter signal(Signal signal) {
        Map<ExporterOption, Setting> options = new EnumMap<>(ExporterOption.class);
        for (ExporterOption option : ExporterOption.values()) {
            env.get(option.variable(signal)).or(() -> env.get(option.variable()))
                    .ifPresent(setting -> options.put(option, setting));
        }
        Setting exporter = env.get(signal.exporterVariable()).orElse(null);
        Protocol protocol = SignalExporter.DEFAULT_PROTOCOL;
        Setting protocolSetting = options.get(ExporterOption.PROTOCOL);
        if (protocolSetting != null) {
            try {
                protocol = Protocol.parse(protocolSetting.value(), protocolSetting.variable());
            } catch (InvalidInputException e) {
                protocol = null;
            }
            if (protocol == Protocol.AUTO) {
                protocol = null; // "auto" is otlpdoctor's word, not a value SDKs accept
            }
        }
        Setting endpointSetting = options.get(ExporterOption.ENDPOINT);
        Protocol forEndpoint = protocol == null ? SignalExporter.DEFAULT_PROTOCOL : protocol;
        if (endpointSetting == null) {
            return new SignalExporter(signal, exporter, options, protocol,
                    ExporterEndpoint.defaultFor(signal, forEndpoint), "");
        }
        boolean perSignal = endpointSetting.variable().equals(ExporterOption.ENDPOINT.variable(signal));
        try {
            return new SignalExporter(signal, exporter, options, protocol,
                    ExporterEndpoint.parse(endpointSetting, signal, forEndpoint, perSignal), "");
        } catch (InvalidInputException e) {
            return new SignalExporter(signal, exporter, options, protocol, null, e.getMessage());
        }
    }

    /**
     * The targets an application configured by this environment would export to; {@code localhost}
     * (both standard ports) when no endpoint variable is set. Targets naming the same host, ports
     * and path are reported once, under the first variable that named them.
     *
     * @param flagProtocol the {@code --protocol} option; {@link Protocol#AUTO} defers to the environment
     */
    public List<Target> targets(Protocol flagProtocol) {
        Map<String, Target> byEndpoints = new LinkedHashMap<>();
        List<String> variables = new ArrayList<>(List.of(ENDPOINT));
        for (Signal signal : Signal.values()) {
            variables.add(ExporterOption.ENDPOINT.variable(signal));
        }
        for (String variable : variables) {
            String value = value(variable);
            if (value == null) {
                continue;
            }
            ChosenProtocol protocol = protocolFor(variable, flagProtocol);
            Target target = new TargetParser(protocol.protocol(), protocol.origin()).parse(value, Source.env(variable));
            if (protocol.protocol().transport() == Transport.GRPC && !value.contains("://")) {
                target = withExporterTls(target, variable);
            }
            // Same host, port and path: the same requests, probed once. A per-signal URL with its own path
            // is probed on its own: the SDK sends to it as is.
            String key = target.endpoints().stream().map(e -> e.label() + e.basePath()).reduce("", (a, b) -> a + " " + b);
            byEndpoints.putIfAbsent(key, target);
        }
        if (byEndpoints.isEmpty()) {
            return List.of(new TargetParser(flagProtocol, "--protocol").parse("localhost", Source.defaulted()));
        }
        return List.copyOf(byEndpoints.values());
    }

    /**
     * An OTLP/gRPC exporter sends to an endpoint written without scheme over TLS unless {@code _INSECURE}
     * is true (specification/protocol/exporter.md); as a {@code host:port} target it would be probed in
     * plaintext.
     */
    private Target withExporterTls(Target target, String endpointVariable) {
        SchemelessGrpcTls tls = SchemelessGrpcTls.of(optionFor(endpointVariable, ExporterOption.INSECURE).orElse(null));
        List<Endpoint> endpoints = target.endpoints().stream()
                .map(e -> e.withTls(tls.enabled(), tls.reason()))
                .toList();
        return new Target(target.input(), target.host(), endpoints, target.source());
    }

    /** The protocol a target from an endpoint variable is probed with, and where it was chosen. */
    private record ChosenProtocol(Protocol protocol, String origin) {
    }

    private ChosenProtocol protocolFor(String endpointVariable, Protocol flagProtocol) {
        if (flagProtocol != Protocol.AUTO) {
            return new ChosenProtocol(flagProtocol, "--protocol");
        }
        return optionFor(endpointVariable, ExporterOption.PROTOCOL)
                .map(s -> new ChosenProtocol(Protocol.parse(s.value().trim(), s.variable()), s.variable()))
                .orElse(new ChosenProtocol(Protocol.AUTO, ""));
    }

    /**
     * An option for the endpoint set by {@code endpointVariable}: a per-signal endpoint pairs with its
     * per-signal option first, then the general one; the general endpoint with the general option.
     */
    private Optional<Setting> optionFor(String endpointVariable, ExporterOption option) {
        String perSignal = endpointVariable.replace("_" + ExporterOption.ENDPOINT.name(), "_" + option.name());
        return env.get(perSignal).or(() -> env.get(option.variable()));
    }

    private String value(String variable) {
        return env.get(variable).map(s -> s.value().trim()).orElse(null);
    }
}
