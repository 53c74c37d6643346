package dev.otlpdoctor.probe;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs {@link Probe#prepare()} for the probes of a chain on a daemon thread, once per JVM: what they
 * load stays loaded. On a fresh JVM the TLS stack and the HTTP client take longer to start than the
 * network exchanges they serve take; started early (the command line starts it before it parses the
 * options), that start overlaps the work before the first probe that needs them. Nobody waits for it.
 */
public final class Preparation {
    private static final AtomicBoolean STARTED = new AtomicBoolean();

    private Preparation() {
    }

    /** Starts preparing {@code chain}'s probes, in chain order, unless this JVM has already started. */
    public static void startInBackground(ProbeChain chain) {
        if (!STARTED.compareAndSet(false, true)) {
            return;
        }
        Thread thread = new Thread(() -> prepare(chain), "prepare-probes");
        thread.setDaemon(true);
        thread.start();
    }

    /** Prepares every probe in chain order; one that fails does not stop the others. */
    static void prepare(ProbeChain chain) {
        for (Probe probe : chain.probes()) {
            try {
                probe.prepare();
            } catch (RuntimeException e) {
                // Only a head start: the probe meets the same problem when it runs, and reports it then.
            }
        }
    }
}
