package dev.otlpdoctor.lint.k8s;

import dev.otlpdoctor.k8s.manifest.KubeObject;
import dev.otlpdoctor.k8s.manifest.Manifests;
import dev.otlpdoctor.lint.config.Listener;
import dev.otlpdoctor.lint.yaml.Located;
import dev.otlpdoctor.lint.yaml.YamlNode;
import dev.otlpdoctor.report.Finding;
import dev.otlpdoctor.report.catalog.K8sCodes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Services against the collector pods: a selector that matches no pod template
 * ({@code k8s.selector-mismatch}), a targetPort where nothing listens ({@code k8s.target-port-mismatch}),
 * and OTLP ports of the config the Service does not expose ({@code k8s.service-port-missing}).
 */
final class ServiceChecks {
    private ServiceChecks() {
    }

    static void check(Manifests manifests, List<CollectorContainer> collectors, List<Finding> findings) {
        List<KubeObject> workloads = manifests.ofKind("Deployment", "DaemonSet", "StatefulSet");
        for (KubeObject service : manifests.ofKind("Service")) {
            YamlNode selector = service.node().at("spec", "selector");
            if (selector == null || !selector.isMap() || workloads.isEmpty()) {
                continue;
            }
            boolean selectsCollector = collectors.stream().anyMatch(c -> matches(selector, c.podLabels()));
            if (!selectsCollector && !looksLikeCollectorService(service)) {
                continue; // an application's Service whose pods may live in other files
            }
            boolean selectsAny = workloads.stream().anyMatch(w -> matches(selector, w.podLabels()));
            if (!selectsAny) {
                findings.add(Located.at(K8sCodes.SELECTOR_MISMATCH.finding(), selector.location())
                        .evidence("service", service.name())
                        .evidence("selector", text(selector))
                        .param("podLabels", workloads.stream().map(w -> text(w.podLabels())).collect(Collectors.joining(" | ")))
                        .detail("No pod template in the manifests has all the labels {selector}; pod labels: "
                                + workloads.stream().map(w -> w.label() + " " + text(w.podLabels()))
                                .collect(Collectors.joining("; ")) + ".")
                        .build());
                continue;
            }
            collectors.stream().filter(c -> matches(selector, c.podLabels()))
                    .forEach(c -> checkPorts(service, c, findings));
        }
    }

    private static void checkPorts(KubeObject service, CollectorContainer collector, List<Finding> findings) {
        YamlNode ports = service.node().at("spec", "ports");
        List<Integer> reached = new ArrayList<>();
        for (YamlNode port : ports == null ? List.<YamlNode>of() : ports.items()) {
            YamlNode target = Optional.ofNullable(port.get("targetPort")).orElse(port.get("port"));
            if (target == null) {
                continue;
            }
            Optional<Integer> number = collector.resolve(target.text());
            number.ifPresent(reached::add);
            if (collector.config() == null && number.isPresent()) {
                continue;
            }
            if (number.isEmpty() || !collector.listensOn(number.get())) {
                findings.add(Located.at(K8sCodes.TARGET_PORT_MISMATCH.finding(), target.location())
                        .evidence("service", service.name())
                        .evidence("servicePort", String.valueOf(port.textAt("port")))
                        .evidence("targetPort", target.text())
                        .evidence("container", collector.name())
                        .detail(number.isEmpty()
                                ? "targetPort '{targetPort}' names no port of container {container}."
                                : "Port {targetPort} of {container} has no receiver or extension of the mounted "
                                        + "config listening on it (the config opens "
                                        + collector.config().listeners().stream().map(Listener::address)
                                        .collect(Collectors.joining(", ")) + ").")
                        .build());
            }
        }
        if (collector.config() == null) {
            return;
        }
        for (Listener listener : collector.config().listeners()) {
            boolean otlp = listener.owner().startsWith("receiver ") && (listener.owner().endsWith("(grpc)")
                    || listener.owner().endsWith("(http)"));
            if (otlp && !listener.loopbackOnly() && !reached.contains(listener.port())) {
                findings.add(Located.at(K8sCodes.SERVICE_PORT_MISSING.finding(),
                                ports == null ? service.node().location() : ports.location())
                        .evidence("service", service.name())
                        .evidence("port", listener.port())
                        .param("protocol", listener.owner().endsWith("(grpc)") ? "OTLP/gRPC" : "OTLP/HTTP")
                        .detail("{owner} listens on " + listener.address() + ", but no port of Service {service} "
                                + "targets {port}.")
                        .param("owner", listener.owner())
                        .build());
            }
        }
    }

    /** OTLP ports (current and legacy) or an OTLP/collector name among the Service's ports. */
    private static boolean looksLikeCollectorService(KubeObject service) {
        YamlNode ports = service.node().at("spec", "ports");
        for (YamlNode port : ports == null ? List.<YamlNode>of() : ports.items()) {
            String text = (port.textAt("name") + " " + port.textAt("port") + " " + port.textAt("targetPort"))
                    .toLowerCase(Locale.ROOT);
            if (text.matches(".*\\b(4317|4318|55680|55681)\\b.*") || text.contains("otlp") || text.contains("otel")) {
                return true;
            }
        }
        return service.name().contains("otel") || service.name().contains("collector");
    }

    private static boolean matches(YamlNode selector, YamlNode labels) {
        for (Map.Entry<String, YamlNode> entry : selector.entries().entrySet()) {
            YamlNode value = labels.get(entry.getKey());
            if (value == null || !String.valueOf(value.text()).equals(entry.getValue().text())) {
                return false;
            }
        }
        return true;
    }

    private static String text(YamlNode map) {
        return map.entries().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue().text())
                .collect(Collectors.joining(","));
    }
}
