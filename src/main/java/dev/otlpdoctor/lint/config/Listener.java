package dev.otlpdoctor.lint.config;

import dev.otlpdoctor.lint.yaml.Location;
import java.util.Locale;

/**
 * A socket the collector will open for this config.
 *
 * @param owner what opens it, e.g. {@code receiver otlp (grpc)}, {@code extension health_check}
 * @param componentId the component ID, e.g. {@code otlp/2}; {@code service.telemetry} for internal metrics
 * @param host the host part of the endpoint: {@code 0.0.0.0}, {@code localhost}, empty for all interfaces
 * @param port the port
 * @param defaulted {@code true} when no endpoint is written and the component's default applies
 * @param location the endpoint setting, or the component when it is defaulted
 */
public record Listener(String owner, String componentId, String host, int port, boolean defaulted, Location location) {

    /** Whether only this machine (or pod) can connect: a loopback host. */
    public boolean loopbackOnly() {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.startsWith("127.") || h.equals("::1") || h.equals("[::1]");
    }

    /** Whether it listens on every interface. */
    public boolean allInterfaces() {
        return host.isEmpty() || host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]");
    }

    /** Whether two listeners would fight over the same socket: same port, and overlapping addresses. */
    public boolean conflictsWith(Listener other) {
        if (port != other.port) {
            return false;
        }
        if (allInterfaces() || other.allInterfaces()) {
            return true;
        }
        if (loopbackOnly() && other.loopbackOnly()) {
            return true;
        }
        return host.equalsIgnoreCase(other.host);
    }

    public String address() {
        return host + ":" + port;
    }
}
