package dev.otlpdoctor.lint.k8s;

import dev.otlpdoctor.lint.yaml.YamlNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which file a collector container loads, and which ConfigMap key (if any) is mounted at that path:
 * {@code --config=PATH} / {@code --config PATH} (a {@code file:} prefix allowed), else the image default.
 *
 * @param path the config path the container loads
 * @param pathNode where that path is written (the argument, or the image)
 * @param configMap the ConfigMap mounted there, or {@code null}
 * @param key the ConfigMap key that appears at the path, or {@code null}
 * @param mountsConfigMaps whether the container mounts any ConfigMap at all
 */
record ConfigMount(String path, YamlNode pathNode, String configMap, String key, boolean mountsConfigMaps) {

    static Optional<ConfigMount> of(YamlNode container, YamlNode podSpec) {
        Optional<YamlNode> argument = configArgument(container);
        YamlNode pathNode;
        String path;
        if (argument.isPresent()) {
            pathNode = argument.get();
            path = pathNode.text().replaceFirst("^--config=", "").replaceFirst("^file:", "");
            if (path.matches("[a-z]+:.*")) {
                return Optional.empty(); // env:, yaml:, http: sources: not a file in the container
            }
        } else {
            pathNode = container.get("image");
            Optional<String> fallback = CollectorImage.defaultConfigPath(String.valueOf(container.textAt("image")));
            if (fallback.isEmpty()) {
                return Optional.empty();
            }
            path = fallback.get();
        }
        boolean anyConfigMap = false;
        YamlNode mounts = container.get("volumeMounts");
        for (YamlNode mount : mounts == null ? List.<YamlNode>of() : mounts.items()) {
            YamlNode volume = volume(podSpec, mount.textAt("name"));
            if (volume == null || volume.at("configMap", "name") == null) {
                continue;
            }
            anyConfigMap = true;
            String mountPath = String.valueOf(mount.textAt("mountPath")).replaceAll("/+$", "");
            String subPath = mount.textAt("subPath");
            String relative;
            if (subPath != null) {
                if (!path.equals(mountPath)) {
                    continue;
                }
                relative = subPath;
            } else if (path.startsWith(mountPath + "/")) {
                relative = path.substring(mountPath.length() + 1);
            } else {
                continue;
            }
            return Optional.of(new ConfigMount(path, pathNode, volume.textAt("configMap", "name"),
                    keyFor(volume.at("configMap"), relative), true));
        }
        return Optional.of(new ConfigMount(path, pathNode, null, null, anyConfigMap));
    }

    /** The ConfigMap key that appears at a path inside the volume ({@code items} map keys to paths). */
    private static String keyFor(YamlNode configMapVolume, String relative) {
        YamlNode items = configMapVolume.get("items");
        if (items == null) {
            return relative.contains("/") ? null : relative;
        }
        for (YamlNode item : items.items()) {
            if (relative.equals(item.textAt("path"))) {
                return item.textAt("key");
            }
        }
        return null;
    }

    private static YamlNode volume(YamlNode podSpec, String name) {
        YamlNode volumes = podSpec.get("volumes");
        if (volumes == null || name == null) {
            return null;
        }
        return volumes.items().stream().filter(v -> name.equals(v.textAt("name"))).findFirst().orElse(null);
    }

    /** The {@code --config} argument naming a file (its value node), from command and args. */
    private static Optional<YamlNode> configArgument(YamlNode container) {
        List<YamlNode> words = new ArrayList<>();
        for (String field : List.of("command", "args")) {
            YamlNode list = container.get(field);
            if (list != null) {
                words.addAll(list.items().stream().filter(YamlNode::isScalar).toList());
            }
        }
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i).text();
            if (word.startsWith("--config=")) {
                return Optional.of(words.get(i));
            }
            if ((word.equals("--config") || word.equals("-c")) && i + 1 < words.size()) {
                return Optional.of(words.get(i + 1));
            }
        }
        return Optional.empty();
    }
}
