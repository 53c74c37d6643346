package dev.otlpdoctor.check;

import dev.otlpdoctor.Deadline;
import dev.otlpdoctor.report.ProbeRun;
import dev.otlpdoctor.target.Target;
import java.util.List;

/**
 * A step of a check that concerns the whole run rather than one target: the lint of {@code --config}, the
 * Kubernetes view of {@code --k8s-service}. It runs before the probe chain, under the run's deadline; its
 * runs come first in the report and every target's diagnosis sees them, and it may name targets itself
 * (the Service's cluster DNS name).
 */
@FunctionalInterface
public interface RunStep {

    Result run(Deadline deadline) throws InterruptedException;

    /** What a step adds to the run: its runs for the report, and the targets it found. */
    record Result(List<ProbeRun> runs, List<Target> targets) {
        public Result {
            runs = List.copyOf(runs);
            targets = List.copyOf(targets);
        }

        public static Result of(ProbeRun run) {
            return new Result(List.of(run), List.of());
        }
    }
}
