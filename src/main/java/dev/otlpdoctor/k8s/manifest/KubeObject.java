package dev.otlpdoctor.k8s.manifest;

import dev.otlpdoctor.lint.yaml.YamlNode;
import java.util.ArrayList;
import java.util.List;

/**
 * One Kubernetes object of a manifest, with the pod it runs when it runs one.
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

    /**
     * The spec of the pod this object runs: a Pod's own, a CronJob's job template's, else (Deployment,
     * StatefulSet, DaemonSet, ReplicaSet, Job) its pod template's; {@code null} when it has none.
     */
    public YamlNode podSpec() {
        return switch (kind()) {
            case "Pod" -> node.get("spec");
            case "CronJob" -> node.at("spec", "jobTemplate", "spec", "template", "spec");
            default -> node.at("spec", "template", "spec");
        };
    }

    /** The labels of the pods this object's template makes; an empty value at the object when it has none. */
    public YamlNode podLabels() {
        YamlNode labels = kind().equals("Pod") ? node.at("metadata", "labels")
                : node.at("spec", "template", "metadata", "labels");
        return labels == null ? YamlNode.nullValue(node.location()) : labels;
    }

    /** The containers of the pod: init containers first, as they start. */
    public List<KubeContainer> containers() {
        YamlNode pod = podSpec();
        List<KubeContainer> containers = new ArrayList<>();
        if (pod != null) {
            add(containers, pod.get("initContainers"), true);
            add(containers, pod.get("containers"), false);
        }
        return containers;
    }

    private void add(List<KubeContainer> containers, YamlNode list, boolean init) {
        if (list != null) {
            list.items().stream().filter(YamlNode::isMap).forEach(c -> containers.add(new KubeContainer(this, c, init)));
        }
    }
}
