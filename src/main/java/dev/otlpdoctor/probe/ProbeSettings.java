package dev.otlpdoctor.probe;

import dev.otlpdoctor.otlp.Header;
import dev.otlpdoctor.otlp.Signal;
import dev.otlpdoctor.target.Protocol;
import dev.otlpdoctor.tls.TlsSettings;
import java.net.URI;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The user's choices that change how probes behave, the same for every target of a run. Built with
 * {@link #builder()}, so adding a setting does not touch every caller.
 *
 * @param protocol the protocol asked for; {@link Protocol#AUTO} identifies what answers
 * @param signals the signals to export ({@code --signals})
 * @param headers headers sent with every export ({@code -H}, {@code OTEL_EXPORTER_OTLP_HEADERS}); values never shown
 * @param tls TLS choices ({@code --tls}, {@code --ca-cert}, client certificate, {@code --insecure-skip-verify})
 * @param sendSample send one tagged item per signal instead of empty requests ({@code --send-sample})
 * @param healthUrl the collector's health_check URL ({@code --health-url}); {@code null}: port 13133 of each target
 * @param metricsUrl the collector's own metrics URL ({@code --metrics-url}); {@code null}: port 8888 of each target
 * @param local whether the local probes run ({@code --local}, {@code --no-local}; by default for this machine)
 */
public record ProbeSettings(Protocol protocol, Set<Signal> signals, List<Header> headers,
                            TlsSettings tls, boolean sendSample, URI healthUrl, URI metricsUrl, LocalChecks local) {
    public ProbeSettings {
        signals = signals.isEmpty() ? EnumSet.allOf(Signal.class) : EnumSet.copyOf(signals);
        headers = List.copyOf(headers);
    }

    /** Settings with every optional probe behaviour at its default. */
    public ProbeSettings(Protocol protocol) {
        this(builder().protocol(protocol));
    }

    private ProbeSettings(Builder b) {
        this(b.protocol, b.signals, b.headers, b.tls, b.sendSample, b.healthUrl, b.metricsUrl, b.local);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Collects settings; every one not set keeps its default (all signals, no headers, TLS only for https://). */
    public static final class Builder {
        private Protocol protocol = Protocol.AUTO;
        private Set<Signal> signals = EnumSet.allOf(Signal.class);
        private List<Header> headers = List.of();
        private TlsSettings tls = TlsSettings.defaults();
        private boolean sendSample;
        private URI healthUrl;
        private URI metricsUrl;
        private LocalChecks local = LocalChecks.AUTO;

        private Builder() {
        }

        public Builder protocol(Protocol value) {
            this.protocol = value;
            return this;
        }

        public Builder signals(Set<Signal> value) {
            this.signals = value;
            return this;
        }

        public Builder headers(List<Header> value) {
            this.headers = value;
            return this;
        }

        public Builder tls(TlsSettings value) {
            this.tls = value;
            return this;
        }

        public Builder sendSample(boolean value) {
            this.sendSample = value;
            return this;
        }

        public Builder healthUrl(URI value) {
            this.healthUrl = value;
            return this;
        }

        public Builder metricsUrl(URI value) {
            this.metricsUrl = value;
            return this;
        }

        public Builder local(LocalChecks value) {
            this.local = value;
            return this;
        }

        public ProbeSettings build() {
            return new ProbeSettings(this);
        }
    }
}
