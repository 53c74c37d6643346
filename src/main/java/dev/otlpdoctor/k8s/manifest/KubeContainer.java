package dev.otlpdoctor.k8s.manifest;

import dev.otlpdoctor.lint.yaml.YamlNode;
import java.util.List;

/**
 * One container of a pod spec.
 *
 * @param owner the object whose pod runs it
 * @param node its YAML mapping
 * @param init whether it is an init container
 */
public record KubeContainer(KubeObject owner, YamlNode node, boolean init) {

    /** The container's name; {@code ?} when it has none. */
    public String name() {
        String name = node.textAt("name");
        return name == null ? "?" : name;
    }

    /** The image reference; {@code null} when not given. */
    public String image() {
        return node.textAt("image");
    }

    /** The {@code env:} entries (maps with {@code name} and {@code value} or {@code valueFrom}), in order. */
    public List<YamlNode> env() {
        return maps("env");
    }

    /** The {@code envFrom:} sources, in order. */
    public List<YamlNode> envFrom() {
        return maps("envFrom");
    }

    private List<YamlNode> maps(String key) {
        YamlNode list = node.get(key);
        return list == null ? List.of() : list.items().stream().filter(YamlNode::isMap).toList();
    }
}
