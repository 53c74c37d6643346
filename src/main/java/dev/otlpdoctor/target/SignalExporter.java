package dev.otlpdoctor.target;

import dev.otlpdoctor.otlp.Signal;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The effective OTLP exporter settings of one signal: each option from its per-signal variable, else
 * from the variable for all signals, else the specification's default.
 *
 * @param signal the signal
 * @param exporter {@code OTEL_<SIGNAL>_EXPORTER} when set
 * @param options the effective setting of each option that is set
 * @param protocol the effective protocol; {@code null} when its variable holds no valid protocol
 * @param endpoint where the signal is sent; {@code null} when the endpoint variable cannot be parsed
 * @param endpointError why the endpoint could not be parsed ({@code ""} when it could)
 */
public record SignalExporter(Signal signal, Setting exporter, Map<ExporterOption, Setting> options, Protocol protocol,
                             ExporterEndpoint endpoint, String endpointError) {
    /** The specification's default protocol when no {@code _PROTOCOL} variable is set. */
    public static final Protocol DEFAULT_PROTOCOL = Protocol.HTTP_PROTOBUF;

    public SignalExporter {
        options = Collections.unmodifiableMap(options.isEmpty() ? new EnumMap<>(ExporterOption.class)
                : new EnumMap<>(options));
    }

    public Optional<Setting> option(ExporterOption option) {
        return Optional.ofNullable(options.get(option));
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
