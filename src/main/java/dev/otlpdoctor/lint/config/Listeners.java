package dev.otlpdoctor.lint.config;

import dev.otlpdoctor.lint.yaml.Location;
import dev.otlpdoctor.lint.yaml.YamlNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The sockets a config makes the collector open: receivers that a pipeline uses (unused ones are never
 * started), extensions listed in {@code service.extensions}, and the internal telemetry metrics
 * endpoint. Defaults are the collector's (docs/collector-behaviour.md).
 */
public final class Listeners {
    /** The release whose components default to {@code localhost} instead of {@code 0.0.0.0}. */
    public static final CollectorVersion LOCALHOST_DEFAULT = CollectorVersion.v(104);
    /** The release whose internal metrics default to {@code localhost:8888} instead of {@code :8888}. */
    static final CollectorVersion TELEMETRY_LOCALHOST_DEFAULT = CollectorVersion.v(111);
    /** From this release {@code service.telemetry.metrics.address} is ignored. */
    public static final CollectorVersion TELEMETRY_ADDRESS_IGNORED = CollectorVersion.v(123);

    private static final Map<String, Integer> EXTENSION_PORTS = Map.of(
            "health_check", 13133, "pprof", 1777, "zpages", 55679);

    private Listeners() {
    }

    /** Host used when a component's endpoint is not written. */
    public static String defaultHost(Deployment deployment, CollectorVersion version) {
        if (deployment == Deployment.OPERATOR || !version.atLeast(LOCALHOST_DEFAULT)) {
            return "0.0.0.0";
        }
        return "localhost";
    }

    public static List<Listener> of(CollectorConfig config, CollectorVersion version) {
        List<Listener> listeners = new ArrayList<>();
        String host = defaultHost(config.deployment(), version);
        for (String id : config.usedReceivers()) {
            Component receiver = config.section("receivers").get(id);
            if (receiver == null) {
                continue;
            }
            if (receiver.id().type().equals("otlp")) {
                otlp(receiver, "grpc", 4317, host, listeners);
                otlp(receiver, "http", 4318, host, listeners);
            } else {
                explicit(receiver, "receiver " + id, listeners);
            }
        }
        for (Reference ref : config.serviceExtensions()) {
            Component extension = config.section("extensions").get(ref.id());
            if (extension == null) {
                continue;
            }
            Integer port = EXTENSION_PORTS.get(extension.id().type());
            YamlNode endpoint = extension.body().get("endpoint");
            if (endpoint == null && port != null) {
                listeners.add(new Listener("extension " + ref.id(), ref.id(), host, port, true, extension.location()));
            } else {
                explicit(extension, "extension " + ref.id(), listeners);
            }
        }
        telemetry(config, version).ifPresent(listeners::add);
        return listeners;
    }

    private static void otlp(Component receiver, String protocol, int port, String host, List<Listener> out) {
        YamlNode settings = receiver.body().at("protocols", protocol);
        if (receiver.body().at("protocols") == null || !receiver.body().at("protocols").has(protocol)) {
            return;
        }
        String owner = "receiver " + receiver.id() + " (" + protocol + ")";
        YamlNode endpoint = settings == null ? null : settings.get("endpoint");
        if (endpoint == null || endpoint.text() == null) {
            Location at = receiver.body().at("protocols").keyLocation(protocol);
            out.add(new Listener(owner, receiver.id().toString(), host, port, true, at));
        } else {
            parse(endpoint.text()).ifPresent(hp -> out.add(new Listener(owner, receiver.id().toString(), hp.host(),
                    hp.port(), false, endpoint.location())));
        }
    }

    private static void explicit(Component component, String owner, List<Listener> out) {
        YamlNode endpoint = component.body().get("endpoint");
        if (endpoint != null && endpoint.text() != null) {
            parse(endpoint.text()).ifPresent(hp -> out.add(new Listener(owner, component.id().toString(), hp.host(),
                    hp.port(), false, endpoint.location())));
        }
    }

    private static Optional<Listener> telemetry(CollectorConfig config, CollectorVersion version) {
        YamlNode metrics = config.root().at("service", "telemetry", "metrics");
        String owner = "service.telemetry metrics";
        if (metrics != null && "none".equalsIgnoreCase(metrics.textAt("level"))) {
            return Optional.empty();
        }
        if (metrics != null && metrics.get("readers") != null) {
            for (YamlNode reader : metrics.get("readers").items()) {
                YamlNode prometheus = reader.at("pull", "exporter", "prometheus");
                if (prometheus != null && prometheus.textAt("port") != null) {
                    String host = prometheus.textAt("host") == null ? "" : prometheus.textAt("host");
                    return portOf(prometheus.textAt("port")).map(port -> new Listener(owner, "service.telemetry",
                            host, port, false, prometheus.get("port").location()));
                }
            }
            return Optional.empty();
        }
        if (metrics != null && metrics.textAt("address") != null && !version.atLeast(TELEMETRY_ADDRESS_IGNORED)) {
            YamlNode address = metrics.get("address");
            return parse(address.text()).map(hp -> new Listener(owner, "service.telemetry", hp.host(), hp.port(), false,
                    address.location()));
        }
        String host = version.atLeast(TELEMETRY_LOCALHOST_DEFAULT) ? "localhost" : "";
        return Optional.of(new Listener(owner, "service.telemetry", host, 8888, true, config.serviceLocation()));
    }

    /** {@code host:port}, {@code :port}, {@code [v6]:port}; empty when there is no numeric port. */
    static Optional<Listener> parse(String endpoint) {
        String text = endpoint.trim();
        int colon = text.lastIndexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        String host = text.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        String h = host;
        return portOf(text.substring(colon + 1)).map(port -> new Listener("", "", h, port, false, null));
    }

    private static Optional<Integer> portOf(String text) {
        try {
            int port = Integer.parseInt(text.trim());
            return port > 0 && port < 65536 ? Optional.of(port) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
