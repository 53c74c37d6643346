package dev.otlpdoctor.target;

import dev.otlpdoctor.otlp.Signal;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The effective OTLP exporter settings of one signal: each option from its per-signal variable, else
 * from the variable for all signals, else the specification's default.
 *
 * @param signal the signal
 * @param exporter {@code OTEL_<SIGNAL>_EXPORTER} when set
 * @param options the effective setting of each option that is set
 * @param protocol the effective protocol (the specification's default when unset); {@code null} when its
 *                 variable holds no valid protocol
 * @param endpoint where the signal is sent; {@code null} when the endpoint variable cannot be parsed
 * @param problems the settings of this signal an SDK cannot use (protocol, endpoint), in that order
 */
public record SignalExporter(Signal signal, Setting exporter, Map<ExporterOption, Setting> options, Protocol protocol,
                             ExporterEndpoint endpoint, List<ExporterProblem> problems) {
    /** The specification's default protocol when no {@code _PROTOCOL} variable is set. */
    public static final Protocol DEFAULT_PROTOCOL = Protocol.HTTP_PROTOBUF;

    public SignalExporter {
        options = Collections.unmodifiableMap(options.isEmpty() ? new EnumMap<>(ExporterOption.class)
                : new EnumMap<>(options));
        problems = List.copyOf(problems);
    }

    public Optional<Setting> option(ExporterOption option) {
        return Optional.ofNullable(options.get(option));
    }

    /** The problem with one option's setting, if it has one. */
    public Optional<ExporterProblem> problem(ExporterOption option) {
        return problems.stream().filter(p -> p.option() == option).findFirst();
    }

    /** The protocol the exporter speaks as far as the settings say: the default also when the variable is invalid. */
    public Protocol effectiveProtocol() {
        return protocol == null ? DEFAULT_PROTOCOL : protocol;
    }

    /** Whether a {@code _PROTOCOL} variable names the protocol (else the SDK's own default applies). */
    public boolean protocolSet() {
        return protocol != null && options.containsKey(ExporterOption.PROTOCOL);
    }

    /** Whether the exporter uses TLS, and why. */
    public ExporterTls tls() {
        return ExporterTls.of(endpoint, effectiveProtocol(), options.get(ExporterOption.INSECURE));
    }

    /** Whether the SDK would use its OTLP exporter for this signal ({@code OTEL_<SIGNAL>_EXPORTER} unset or lists otlp). */
    public boolean otlpEnabled() {
        if (exporter == null) {
            return true;
        }
        for (String name : exporter.value().split(",")) {
            if (name.trim().equalsIgnoreCase("otlp")) {
                return true;
            }
        }
        return false;
    }
}
