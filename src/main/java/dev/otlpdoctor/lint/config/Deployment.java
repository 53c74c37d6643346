package dev.otlpdoctor.lint.config;

/** Where a config will run, which changes what an endpoint left unset means. */
public enum Deployment {
    /** A config file on its own: run by a collector on a host or in a container we know nothing about. */
    STANDALONE,
    /** Mounted into a pod from a ConfigMap: only addresses other than loopback are reachable from outside. */
    POD,
    /**
     * The OpenTelemetry Operator's OpenTelemetryCollector resource: the operator fills unset receiver
     * endpoints with {@code 0.0.0.0} before it deploys the config.
     */
    OPERATOR;

    public boolean inPod() {
        return this != STANDALONE;
    }
}
