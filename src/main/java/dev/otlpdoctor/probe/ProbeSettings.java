package dev.otlpdoctor.probe;

import dev.otlpdoctor.target.Protocol;
import java.time.Duration;

/**
 * The user's choices that change how probes behave, the same for every target of a run.
 *
 * @param timeout the run's one overall deadline
 * @param protocol the protocol asked for; {@link Protocol#AUTO} identifies what answers
 * @param local {@code --local}: the target is this machine, so the local probes run whatever its name
 */
public record ProbeSettings(Duration timeout, Protocol protocol, boolean local) {

    public ProbeSettings(Duration timeout, Protocol protocol) {
        this(timeout, protocol, false);
    }
}
