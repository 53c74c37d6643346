package dev.otlpdoctor.lint.k8s;

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
    static Map<String, CollectorVersion> byConfigMap(ManifestSet manifests) {
        Map<String, CollectorVersion> versions = new HashMap<>();
        for (KubeObject workload : manifests.ofKind("Deployment", "DaemonSet", "StatefulSet")) {
            YamlNode podSpec = workload.node().at("spec", "template", "spec");
            YamlNode containers = podSpec == null ? null : podSpec.get("containers");
            YamlNode volumes = podSpec == null ? null : podSpec.get("volumes");
            for (YamlNode container : containers == null ? List.<YamlNode>of() : containers.items()) {
                CollectorImage.version(container.textAt("image")).ifPresent(version -> {
                    YamlNode mounts = container.get("volumeMounts");
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
