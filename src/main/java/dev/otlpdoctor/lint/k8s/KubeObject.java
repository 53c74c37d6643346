package dev.otlpdoctor.lint.k8s;

import dev.otlpdoctor.lint.yaml.YamlNode;

/**
 * One Kubernetes object of a manifest.
 *
 * @param file the manifest file
 * @param text the whole file's text (to place positions inside embedded configs)
 * @param node the object
 */
public record KubeObject(String file, String text, YamlNode node) {

    public String kind() {
        return String.valueOf(node.textAt("kind"));
    }

    public String name() {
        String name = node.textAt("metadata", "name");
        return name == null ? "(unnamed)" : name;
    }

    public String label() {
        return kind() + "/" + name();
    }
}
