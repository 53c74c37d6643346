package dev.otlpdoctor.target;

/** Formatting of host and port the way URLs and {@code curl} write them. */
public final class HostPort {
    private HostPort() {
    }

    /** {@code host:port}; an IPv6 literal is wrapped in brackets ({@code [::1]:4317}). */
    public static String format(String host, int port) {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
}
