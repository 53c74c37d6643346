package dev.otlpdoctor.probe;

import dev.otlpdoctor.target.Protocol;
import java.net.URI;
import java.time.Duration;

/**
 * The user's choices that change how probes behave, the same for every target of a run.
 *
 * @param timeout the run's one overall deadline
 * @param protocol the protocol asked for; {@link Protocol#AUTO} identifies what answers
 * @param sendSample send one tagged span, metric point and log record instead of empty requests
 * @param healthUrl the collector's health_check URL ({@code --health-url}); {@code null}: port 13133 of each target
 * @param metricsUrl the collector's own metrics URL ({@code --metrics-url}); {@code null}: port 8888 of each target
 */
public record ProbeSettings(Duration timeout, Protocol protocol, boolean sendSample, URI healthUrl, URI metricsUrl) {

    /** Settings with the collector extras at their defaults. */
    public ProbeSettings(Duration timeout, Protocol protocol) {
        this(timeout, protocol, false, null, null);
    }
}
