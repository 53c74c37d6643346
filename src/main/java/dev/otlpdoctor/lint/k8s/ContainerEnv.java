package dev.otlpdoctor.lint.k8s;

import dev.otlpdoctor.k8s.manifest.KubeContainer;
import dev.otlpdoctor.k8s.manifest.KubeObject;
import dev.otlpdoctor.k8s.manifest.Manifests;
import dev.otlpdoctor.lint.yaml.YamlNode;
import java.util.HashMap;
import java.util.Map;

/**
 * The variables the collector containers of the manifests set ({@code env}), so that a config in a
 * ConfigMap that uses {@code ${env:MY_POD_IP}} is not reported as using an unset variable. A literal
 * {@code value} is used as is; {@code valueFrom} (the pod IP, a Secret) is only known at run time and is
 * taken as empty, which for an endpoint host means all interfaces — as the pod IP is not loopback.
 */
final class ContainerEnv {
    private ContainerEnv() {
    }

    static Map<String, String> of(Manifests manifests) {
        Map<String, String> variables = new HashMap<>();
        for (KubeObject workload : manifests.ofKind("Deployment", "DaemonSet", "StatefulSet")) {
            for (KubeContainer container : workload.containers()) {
                if (container.init() || !CollectorImage.isCollector(container.image())) {
                    continue;
                }
                for (YamlNode variable : container.env()) {
                    String name = variable.textAt("name");
                    if (name != null) {
                        String value = variable.textAt("value");
                        variables.put(name, value == null ? "" : value);
                    }
                }
            }
        }
        return variables;
    }
}
