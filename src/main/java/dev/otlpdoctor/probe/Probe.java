package dev.otlpdoctor.probe;

import java.util.List;

/**
 * One step of the diagnostic chain. A probe observes, emits findings and records facts for later
 * probes; it never prints. Every network step it takes is bounded by {@link ProbeContext#deadline()}.
 */
public interface Probe {

    /** Short stable id shown in reports, e.g. {@code tcp}. */
    String id();

    Scope scope();

    /**
     * The earlier probes this one needs. When one of them failed or was skipped, the runner skips this
     * probe and reports why.
     */
    default List<Class<? extends Probe>> requires() {
        return List.of();
    }

    /** What this probe observes and the codes it reports: docs/probes.md is generated from it. */
    default ProbeDoc doc() {
        return new ProbeDoc("", List.of());
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
