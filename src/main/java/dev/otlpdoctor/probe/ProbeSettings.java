package dev.otlpdoctor.probe;

import dev.otlpdoctor.target.Protocol;
import java.net.URI;
import java.time.Duration;

/**
 * The user's choices that change how probes behave, the same for every target of a run. Built with
 * {@link #builder(Duration)}, so adding a setting does not touch every caller.
 *
 * @param timeout the run's one overall deadline
 * @param protocol the protocol asked for; {@link Protocol#AUTO} identifies what answers
 * @param sendSample send one tagged span, metric point and log record instead of empty requests
 * @param healthUrl the collector's health_check URL ({@code --health-url}); {@code null}: port 13133 of each target
 * @param metricsUrl the collector's own metrics URL ({@code --metrics-url}); {@code null}: port 8888 of each target
 * @param local {@code --local}: the target is this machine, so the local probes run whatever its name
 */
public record ProbeSettings(Duration timeout, Protocol protocol, boolean sendSample, URI healthUrl, URI metricsUrl,
                            boolean local) {

    /** Settings with every optional probe behaviour at its default. */
    public ProbeSettings(Duration timeout, Protocol protocol) {
        this(builder(timeout).protocol(protocol));
    }

    private ProbeSettings(Builder b) {
        this(b.timeout, b.protocol, b.sendSample, b.healthUrl, b.metricsUrl, b.local);
    }

    public static Builder builder(Duration timeout) {
        return new Builder(timeout);
    }

    /** Collects settings; every one not set keeps its default. */
    public static final class Builder {
        private final Duration timeout;
        private Protocol protocol = Protocol.AUTO;
        private boolean sendSample;
        private URI healthUrl;
        private URI metricsUrl;
        private boolean local;

        private Builder(Duration timeout) {
            this.timeout = timeout;
        }

        public Builder protocol(Protocol value) {
            this.protocol = value;
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

        public Builder local(boolean value) {
            this.local = value;
            return this;
        }

        public ProbeSettings build() {
            return new ProbeSettings(this);
        }
    }
}
