package dev.otlpdoctor.probe;

/**
 * One step of the diagnostic chain. A probe observes, emits findings and records facts for later
 * probes; it never prints. Every network step it takes is bounded by {@link ProbeContext#deadline()}.
 */
public interface Probe {

    /** What this probe is: id, scope, the probes it needs, what it observes and reports. */
    ProbeInfo info();

    /** Short stable id shown in reports, e.g. {@code tcp}. */
    default String id() {
        return info().id();
    }

    default Scope scope() {
        return info().scope();
    }

    /** Whether this probe belongs to the chain for the context's target or endpoint at all. */
    default boolean appliesTo(ProbeContext context) {
        return true;
    }

    void run(ProbeContext context, FindingSink findings) throws InterruptedException;

    /**
     * Loads what {@link #run} will need that is slow to start in a fresh JVM (TLS, an HTTP client), without
     * touching the network. It is called once per JVM on a background thread ({@link Preparation}), so that
     * cost overlaps the work before this probe instead of adding to it. Whatever fails here fails
     * again, and is reported, when the probe runs.
     */
    default void prepare() {
    }
}
