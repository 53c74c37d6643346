package dev.otlpdoctor.lint.k8s;

import dev.otlpdoctor.k8s.manifest.KubeContainer;
import dev.otlpdoctor.k8s.manifest.KubeObject;
import dev.otlpdoctor.k8s.manifest.Manifests;
import dev.otlpdoctor.lint.config.CollectorVersion;
import dev.otlpdoctor.lint.yaml.YamlNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The collector release that will load each ConfigMap: the image tag of the collector container that
 * mounts it. Severities that depend on the release (a removed exporter, the localhost default) then fit
 * the release the manifests deploy, not the newest one.
 */
final class ImageVersions {
    private ImageVersions() {
    }

    /** ConfigMap name to the release of a collector container that mounts it. */
    static Map<String, CollectorVersion> byConfigMap(Manifests manifests) {
        Map<String, CollectorVersion> versions = new HashMap<>();
        for (KubeObject workload : manifests.ofKind("Deployment", "DaemonSet", "StatefulSet")) {
            YamlNode podSpec = workload.podSpec();
            YamlNode volumes = podSpec == null ? null : podSpec.get("volumes");
            for (KubeContainer container : workload.containers()) {
                if (container.init()) {
                    continue;
                }
                CollectorImage.version(container.image()).ifPresent(version -> {
                    YamlNode mounts = container.node().get("volumeMounts");
                    for (YamlNode mount : mounts == null ? List.<YamlNode>of() : mounts.items()) {
                        String configMap = configMapOf(volumes, mount.textAt("name"));
                        if (configMap != null) {
                            versions.putIfAbsent(configMap, version);
                        }
                    }
                });
            }
        }
        return versions;
    }

    private static String configMapOf(YamlNode volumes, String volumeName) {
        if (volumes == null || volumeName == null) {
            return null;
        }
        return volumes.items().stream().filter(v -> volumeName.equals(v.textAt("name")))
                .map(v -> v.textAt("configMap", "name")).filter(Objects::nonNull).findFirst().orElse(null);
    }
}
