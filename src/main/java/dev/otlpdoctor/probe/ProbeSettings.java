package dev.otlpdoctor.probe;

import dev.otlpdoctor.otlp.Header;
import dev.otlpdoctor.otlp.Signal;
import dev.otlpdoctor.probe.tls.TlsSettings;
import dev.otlpdoctor.target.Protocol;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The user's choices that change how probes behave, the same for every target of a run.
 *
 * @param timeout the run's one overall deadline
 * @param protocol the protocol asked for; {@link Protocol#AUTO} identifies what answers
 * @param signals the signals to export ({@code --signals})
 * @param headers headers sent with every export ({@code -H}, {@code OTEL_EXPORTER_OTLP_HEADERS}); values never shown
 * @param tls TLS choices ({@code --tls}, {@code --ca-cert}, client certificate, {@code --insecure-skip-verify})
 * @param sendSample send one tagged item per signal instead of empty requests ({@code --send-sample})
 */
public record ProbeSettings(Duration timeout, Protocol protocol, Set<Signal> signals, List<Header> headers,
                            TlsSettings tls, boolean sendSample) {
    public ProbeSettings {
        signals = signals.isEmpty() ? EnumSet.allOf(Signal.class) : EnumSet.copyOf(signals);
        headers = List.copyOf(headers);
    }

    /** Defaults for everything but the deadline and protocol: all signals, no headers, TLS only for https://. */
    public ProbeSettings(Duration timeout, Protocol protocol) {
        this(timeout, protocol, EnumSet.allOf(Signal.class), List.of(), TlsSettings.defaults(), false);
    }
}
