package dev.otlpdoctor.lint.k8s;

import dev.otlpdoctor.k8s.manifest.KubeObject;
import dev.otlpdoctor.lint.config.Listener;
import dev.otlpdoctor.lint.rules.LintedConfig;
import dev.otlpdoctor.lint.yaml.YamlNode;
import java.util.Optional;

/**
 * A collector container of a Deployment, DaemonSet or StatefulSet, with the config it will load when the
 * manifests show it.
 *
 * @param workload the workload
 * @param container the container spec
 * @param config the mounted config, or {@code null} when the manifests do not show it
 */
record CollectorContainer(KubeObject workload, YamlNode container, LintedConfig config) {

    String name() {
        return String.valueOf(container.textAt("name"));
    }

    YamlNode podLabels() {
        return workload.podLabels();
    }

    /** The number of a named container port. */
    Optional<Integer> portNamed(String name) {
        YamlNode ports = container.get("ports");
        if (ports == null) {
            return Optional.empty();
        }
        return ports.items().stream().filter(p -> name.equals(p.textAt("name")))
                .map(p -> Ports.number(p.textAt("containerPort"))).filter(Optional::isPresent).map(Optional::get)
                .findFirst();
    }

    boolean declaresPort(int port) {
        YamlNode ports = container.get("ports");
        return ports != null && ports.items().stream()
                .anyMatch(p -> Ports.number(p.textAt("containerPort")).orElse(-1) == port);
    }

    /** A port given as a number or a container port name, resolved to a number. */
    Optional<Integer> resolve(String port) {
        return Ports.number(port).or(() -> port == null ? Optional.empty() : portNamed(port));
    }

    /** Whether the mounted config opens this port for other pods and the kubelet (not on loopback only). */
    boolean listensOn(int port) {
        return config != null && config.listeners().stream().anyMatch(l -> l.port() == port && !l.loopbackOnly());
    }

    Optional<Listener> listener(int port) {
        return config == null ? Optional.empty()
                : config.listeners().stream().filter(l -> l.port() == port).findFirst();
    }
}
