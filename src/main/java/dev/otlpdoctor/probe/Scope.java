package dev.otlpdoctor.probe;

/** Whether a probe runs once per target host or once per endpoint (port) of it. */
public enum Scope {
    TARGET,
    ENDPOINT
}
