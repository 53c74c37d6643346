package dev.otlpdoctor.probe;

/** When a probe runs: once per target host before its endpoints, once per endpoint (port), or once per target after all its endpoints. */
public enum Scope {
    TARGET,
    ENDPOINT,
    /**
     * Once per target host after every endpoint chain of it has finished, under the same deadline and skip
     * rules: for probes that compare what the collector counted before and after the endpoint probes.
     */
    TARGET_AFTER
}
