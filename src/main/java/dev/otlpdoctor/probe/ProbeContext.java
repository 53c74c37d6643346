package dev.otlpdoctor.probe;

import dev.otlpdoctor.Deadline;
import dev.otlpdoctor.target.Endpoint;
import dev.otlpdoctor.target.Target;
import java.util.concurrent.ExecutorService;

/**
 * What a probe works with.
 *
 * @param target the target being checked
 * @param endpoint the endpoint for {@link Scope#ENDPOINT} probes; {@code null} for target-wide probes
 * @param settings the run's settings
 * @param deadline the run's one deadline
 * @param facts what earlier probes learned (endpoint scope falls back to the target's)
 * @param executor for bounded sub-tasks, e.g. connecting to several addresses at once
 * @param run what the run computes once for all its targets
 */
public record ProbeContext(Target target, Endpoint endpoint, ProbeSettings settings, Deadline deadline,
                           Facts facts, ExecutorService executor, RunMemo run) {

    /** A context of a run of its own (one probe run alone, as tests do). */
    public ProbeContext(Target target, Endpoint endpoint, ProbeSettings settings, Deadline deadline, Facts facts,
                        ExecutorService executor) {
        this(target, endpoint, settings, deadline, facts, executor, new RunMemo());
    }

    /** The label findings of this context are reported under: {@code host:port}, or the host. */
    public String label() {
        return endpoint == null ? target.host() : endpoint.label();
    }
}
