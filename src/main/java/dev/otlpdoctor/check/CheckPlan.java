package dev.otlpdoctor.check;

import dev.otlpdoctor.probe.ProbeSettings;
import dev.otlpdoctor.target.Target;
import java.util.List;

/**
 * What one check run does, decided before anything runs: the run-wide steps in order, the targets given,
 * and the settings every probe shares. {@link Checker#run} carries it out under one deadline.
 */
public record CheckPlan(List<RunStep> steps, List<Target> targets, ProbeSettings settings) {
    public CheckPlan {
        steps = List.copyOf(steps);
        targets = List.copyOf(targets);
    }

    /** The plan of probing {@code targets}, with no run-wide step. */
    public static CheckPlan of(List<Target> targets, ProbeSettings settings) {
        return new CheckPlan(List.of(), targets, settings);
    }
}
