package dev.otlpdoctor.probe;

import dev.otlpdoctor.target.Protocol;
import java.time.Duration;

/**
 * The user's choices that change how probes behave, the same for every target of a run.
 *
 * @param timeout the run's one overall deadline
 * @param protocol the protocol asked for; {@link Protocol#AUTO} identifies what answers
 */
public record ProbeSettings(Duration timeout, Protocol protocol) {
}
