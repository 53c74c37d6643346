package dev.otlpdoctor.probe.otlp;

import dev.otlpdoctor.probe.Deadline;

/**
 * How long one network exchange may wait: the time left of the run, minus a small reserve so that a probe
 * whose exchange times out still records its finding before the runner stops waiting at the deadline.
 */
final class CallBudget {
    private static final int RESERVE_MILLIS = 100;

    private CallBudget() {
    }

    static int millis(Deadline deadline) {
        int remaining = deadline.remainingMillis();
        return Math.max(1, remaining - Math.min(RESERVE_MILLIS, remaining / 10));
    }
}
