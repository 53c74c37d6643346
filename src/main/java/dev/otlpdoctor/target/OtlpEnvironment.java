package dev.otlpdoctor.target;

import dev.otlpdoctor.InvalidInputException;
import dev.otlpdoctor.otlp.Signal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The one resolver of the OTLP exporter settings of the OpenTelemetry specification
 * (specification/protocol/exporter.md): every {@code OTEL_EXPORTER_OTLP_[SIGNAL_]OPTION} of every signal
 * ({@link #signals()}, with the problems an SDK would meet as data), and from them the targets to probe
 * ({@link #targets(Protocol)}). {@code check} without TARGET, {@code env} and {@code env --check} all read
 * an environment through this class, so they agree on endpoints, protocols, TLS and de-duplication.
 */
public final class OtlpEnvironment {
    public static final String ENDPOINT = "OTEL_EXPORTER_OTLP_ENDPOINT";

    private final EnvSettings env;
    private final List<SignalExporter> signals;

    public OtlpEnvironment(Map<String, String> env) {
        this(EnvSettings.of(env));
    }

    public OtlpEnvironment(EnvSettings env) {
        this.env = env;
        List<SignalExporter> resolved = new ArrayList<>();
        for (Signal signal : Signal.values()) {
            resolved.add(resolve(signal));
        }
        this.signals = List.copyOf(resolved);
    }

    /** The effective exporter settings of traces, metrics and logs, in that order. */
    public List<SignalExporter> signals() {
        return signals;
    }

    private SignalExporter resolve(Signal signal) {
        Map<ExporterOption, Setting> options = new EnumMap<>(ExporterOption.class);
        for (ExporterOption option : ExporterOption.values()) {
            env.get(option.variable(signal)).or(() -> env.get(option.variable()))
                    .ifPresent(setting -> options.put(option, setting));
        }
        Setting exporter = env.get(signal.exporterVariable()).orElse(null);
        List<ExporterProblem> problems = new ArrayList<>();
        Protocol protocol = SignalExporter.DEFAULT_PROTOCOL;
        Setting protocolSetting = options.get(ExporterOption.PROTOCOL);
        if (protocolSetting != null) {
            protocol = parseProtocol(protocolSetting, problems);
        }
        Setting endpointSetting = options.get(ExporterOption.ENDPOINT);
        Protocol forEndpoint = protocol == null ? SignalExporter.DEFAULT_PROTOCOL : protocol;
        ExporterEndpoint endpoint;
        if (endpointSetting == null) {
            endpoint = ExporterEndpoint.defaultFor(signal, forEndpoint);
        } else {
            boolean perSignal = endpointSetting.variable().equals(ExporterOption.ENDPOINT.variable(signal));
            try {
                endpoint = ExporterEndpoint.parse(endpointSetting, signal, forEndpoint, perSignal);
            } catch (InvalidInputException e) {
                endpoint = null;
                problems.add(new ExporterProblem(ExporterOption.ENDPOINT, endpointSetting, e.getMessage()));
            }
        }
        return new SignalExporter(signal, exporter, options, protocol, endpoint, problems);
    }

    private static Protocol parseProtocol(Setting setting, List<ExporterProblem> problems) {
        try {
            Protocol protocol = Protocol.parse(setting.value(), setting.variable());
            if (protocol != Protocol.AUTO) {
                return protocol;
            }
            problems.add(new ExporterProblem(ExporterOption.PROTOCOL, setting, setting.variable()
                    + ": 'auto' is otlpdoctor's --protocol value, not one SDKs accept (expected one of: grpc, "
                    + "http/protobuf, http/json)"));
        } catch (InvalidInputException e) {
            problems.add(new ExporterProblem(ExporterOption.PROTOCOL, setting, e.getMessage()));
        }
        return null;
    }

    /**
     * For {@code check} without TARGET: the first setting an SDK could not use among the signals exported over
     * OTLP, as the one-line invalid input. The protocol variables do not count when {@code --protocol} overrides them.
     */
    public void requireUsable(Protocol flagProtocol) {
        for (SignalExporter signal : signals) {
            if (!signal.otlpEnabled()) {
                continue;
            }
            blocking(signal, flagProtocol).ifPresent(problem -> {
                throw new InvalidInputException(problem.message());
            });
        }
    }

    /** The problem that keeps a signal's endpoint from being probed; a bad protocol does not when --protocol is given. */
    private static Optional<ExporterProblem> blocking(SignalExporter signal, Protocol flagProtocol) {
        return signal.problems().stream()
                .filter(p -> p.option() != ExporterOption.PROTOCOL || flagProtocol == Protocol.AUTO)
                .findFirst();
    }

    /**
     * The targets an application configured by this environment exports to: the effective endpoint of every
     * signal exported over OTLP, probed with the signal's protocol and the TLS its exporter would use. Signals
     * sent the same requests (host, port, protocol, TLS and base path; a per-signal URL is its signal's own) share
     * one target. Only when no signal's endpoint is set is the specification's default endpoint probed: on
     * localhost, both standard ports when no protocol is set (SDKs differ in their default).
     *
     * <p>A signal without {@code _PROTOCOL} is probed by the port's convention (4317 gRPC, 4318 HTTP), else the
     * protocol probes identify what answers: the specification's default, http/protobuf, is not what every SDK
     * does, and {@code env} warns when the port does not fit it ({@code env.protocol-port-mismatch}).
     *
     * @param flagProtocol the {@code --protocol} option; {@link Protocol#AUTO} defers to the environment
     */
    public ExporterTargets targets(Protocol flagProtocol) {
        Map<String, Target> byRequests = new LinkedHashMap<>();
        List<String> notProbed = new ArrayList<>();
        Set<Signal> defaulted = EnumSet.noneOf(Signal.class);
        boolean anySet = false;
        for (SignalExporter signal : signals) {
            Setting setting = signal.option(ExporterOption.ENDPOINT).orElse(null);
            anySet |= setting != null;
            if (!signal.otlpEnabled() || blocking(signal, flagProtocol).isPresent()) {
                continue;
            }
            if (setting == null) {
                defaulted.add(signal.signal());
            } else if (env.unresolved().containsKey(setting.variable())) {
                notProbed.add(signal.signal().label() + ": " + setting.variable()
                        + " is resolved only at run time, so it is not probed");
            } else {
                add(byRequests, targetOf(signal, setting, flagProtocol));
            }
        }
        if (!anySet) {
            for (SignalExporter signal : signals) {
                if (defaulted.contains(signal.signal())) {
                    ChosenProtocol protocol = ChosenProtocol.of(signal, flagProtocol);
                    add(byRequests, new TargetParser(protocol.protocol(), protocol.origin())
                            .parse("localhost", Source.defaulted()).forSignals(Set.of(signal.signal()), false));
                }
            }
        }
        return new ExporterTargets(List.copyOf(byRequests.values()), notProbed);
    }

    /** Targets sent the same requests are one: the second adds its signals to the first. */
    private static void add(Map<String, Target> byRequests, Target target) {
        String key = requestsKey(target);
        Target known = byRequests.get(key);
        if (known == null) {
            byRequests.put(key, target);
        } else {
            Set<Signal> signals = EnumSet.copyOf(known.signals());
            signals.addAll(target.signals());
            byRequests.put(key, known.forSignals(signals, known.signalUrl()));
        }
    }

    /** What makes two targets the same requests: each endpoint's address, protocol, TLS and path. */
    private static String requestsKey(Target target) {
        String endpoints = target.endpoints().stream()
                .map(e -> e.label() + " " + e.transport() + " " + e.protocol() + " " + e.tls() + " " + e.basePath())
                .collect(Collectors.joining(", "));
        return target.signalUrl() ? target.signals().iterator().next() + " " + endpoints : endpoints;
    }

    private static Target targetOf(SignalExporter signal, Setting setting, Protocol flagProtocol) {
        ChosenProtocol protocol = ChosenProtocol.of(signal, flagProtocol);
        Target target = new TargetParser(protocol.protocol(), protocol.origin()).parse(setting.value(), setting.source());
        if (protocol.protocol().transport() == Transport.GRPC && signal.endpoint().scheme().isEmpty()) {
            // An OTLP/gRPC exporter sends to an endpoint without scheme over TLS unless _INSECURE is true; as a
            // host:port target it would be probed in plaintext.
            SchemelessGrpcTls tls = SchemelessGrpcTls.of(signal.option(ExporterOption.INSECURE).orElse(null));
            target = target.withEndpoints(target.endpoints().stream()
                    .map(e -> e.withTls(tls.enabled(), tls.reason())).toList());
        }
        return target.forSignals(Set.of(signal.signal()), signal.endpoint().perSignal());
    }

    /** The protocol a signal's endpoint is probed with, and where it was chosen. */
    private record ChosenProtocol(Protocol protocol, String origin) {
        static ChosenProtocol of(SignalExporter signal, Protocol flagProtocol) {
            if (flagProtocol != Protocol.AUTO) {
                return new ChosenProtocol(flagProtocol, "--protocol");
            }
            if (signal.protocolSet()) {
                return new ChosenProtocol(signal.protocol(), signal.option(ExporterOption.PROTOCOL).orElseThrow().variable());
            }
            return new ChosenProtocol(Protocol.AUTO, "--protocol");
        }
    }
}
