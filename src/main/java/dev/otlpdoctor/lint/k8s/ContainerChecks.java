package dev.otlpdoctor.lint.k8s;

import dev.otlpdoctor.k8s.manifest.KubeContainer;
import dev.otlpdoctor.k8s.manifest.KubeObject;
import dev.otlpdoctor.k8s.manifest.Manifests;
import dev.otlpdoctor.lint.config.Listener;
import dev.otlpdoctor.lint.rules.LintedConfig;
import dev.otlpdoctor.lint.yaml.Located;
import dev.otlpdoctor.lint.yaml.YamlNode;
import dev.otlpdoctor.report.Finding;
import dev.otlpdoctor.report.catalog.K8sCodes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The collector containers of the workloads: whether the config they load is the mounted ConfigMap
 * ({@code k8s.config-not-mounted}), whether they declare the ports the config opens
 * ({@code k8s.container-port-missing}), and whether their probes hit a port that will answer
 * ({@code k8s.probe-port-closed}).
 */
final class ContainerChecks {
    private static final List<String> PROBES = List.of("livenessProbe", "readinessProbe", "startupProbe");

    private ContainerChecks() {
    }

    static List<CollectorContainer> collectorContainers(Manifests manifests, ConfigSources configs,
                                                        List<Finding> findings) {
        List<CollectorContainer> found = new ArrayList<>();
        for (KubeObject workload : manifests.ofKind("Deployment", "DaemonSet", "StatefulSet")) {
            YamlNode podSpec = workload.podSpec();
            for (KubeContainer app : workload.containers()) {
                YamlNode container = app.node();
                if (app.init() || !CollectorImage.isCollector(app.image())) {
                    continue;
                }
                LintedConfig config = ConfigMount.of(container, podSpec)
                        .map(mount -> mountedConfig(workload, container, mount, manifests, configs, findings))
                        .orElse(null);
                CollectorContainer collector = new CollectorContainer(workload, container, config);
                found.add(collector);
                if (config != null) {
                    checkPorts(collector, findings);
                    checkProbes(collector, findings);
                }
            }
        }
        return found;
    }

    private static LintedConfig mountedConfig(KubeObject workload, YamlNode container, ConfigMount mount,
                                              Manifests manifests, ConfigSources configs, List<Finding> findings) {
        String problem = null;
        if (mount.configMap() == null) {
            if (mount.mountsConfigMaps()) {
                problem = "no ConfigMap volume is mounted at that path";
            }
        } else if (mount.key() == null || (configs.knows(mount.configMap())
                && !configs.hasKey(mount.configMap(), mount.key(), manifests))) {
            problem = "the volume of ConfigMap " + mount.configMap() + " puts no key"
                    + (mount.key() == null ? "" : " '" + mount.key() + "'") + " there";
        }
        if (problem != null) {
            findings.add(Located.at(K8sCodes.CONFIG_NOT_MOUNTED.finding(), mount.pathNode().location())
                    .evidence("workload", workload.label())
                    .evidence("container", String.valueOf(container.textAt("name")))
                    .evidence("path", mount.path())
                    .param("problem", problem)
                    .detail("{container} of {workload} reads its config from {path}, but " + problem
                            + ": the collector starts with the image's built-in config, or fails to find the file.")
                    .build());
            return null;
        }
        return mount.configMap() == null ? null : configs.config(mount.configMap(), mount.key());
    }

    private static void checkPorts(CollectorContainer collector, List<Finding> findings) {
        for (Listener listener : collector.config().listeners()) {
            if (!listener.owner().startsWith("receiver ") || listener.loopbackOnly()
                    || collector.declaresPort(listener.port())) {
                continue;
            }
            YamlNode at = Optional.ofNullable(collector.container().get("ports")).orElse(collector.container());
            findings.add(Located.at(K8sCodes.CONTAINER_PORT_MISSING.finding(), at.location())
                    .evidence("workload", collector.workload().label())
                    .evidence("container", collector.name())
                    .evidence("port", listener.port())
                    .param("owner", listener.owner())
                    .detail("The mounted config opens {port} for {owner}; the container's ports do not list it.")
                    .build());
        }
    }

    private static void checkProbes(CollectorContainer collector, List<Finding> findings) {
        for (String probe : PROBES) {
            YamlNode spec = collector.container().get(probe);
            if (spec == null) {
                continue;
            }
            YamlNode port = Optional.ofNullable(spec.at("httpGet", "port")).or(() -> Optional.ofNullable(
                    spec.at("tcpSocket", "port"))).orElse(spec.at("grpc", "port"));
            if (port == null) {
                continue;
            }
            Optional<Integer> number = collector.resolve(port.text());
            if (number.isPresent() && collector.listensOn(number.get())) {
                continue;
            }
            String why = number.isEmpty() ? "no container port is named '" + port.text() + "'"
                    : collector.listener(number.get()).map(l -> l.owner() + " listens on " + l.address()
                            + " only, which the kubelet cannot reach")
                    .orElse(number.get() == 13133 ? "the health_check extension is not enabled in service.extensions"
                            : "the mounted config opens nothing on it");
            findings.add(Located.at(K8sCodes.PROBE_PORT_CLOSED.finding(), port.location())
                    .evidence("workload", collector.workload().label())
                    .evidence("container", collector.name())
                    .evidence("probe", probe)
                    .evidence("port", number.map(Object::toString).orElse(port.text()))
                    .detail("The {probe} of {container} checks port {port}, but " + why + ".")
                    .build());
        }
    }
}
