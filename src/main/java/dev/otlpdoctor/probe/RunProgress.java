package dev.otlpdoctor.probe;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * How far a run has come: targets finished out of those planned. The runner counts; the command line may
 * show it (a live line on a terminal). Probes never print.
 */
public final class RunProgress {
    private final AtomicInteger total = new AtomicInteger();
    private final AtomicInteger finished = new AtomicInteger();

    void planned(int targets) {
        total.set(targets);
    }

    void finishedOne() {
        finished.incrementAndGet();
    }

    public int total() {
        return total.get();
    }

    public int finished() {
        return finished.get();
    }
}
