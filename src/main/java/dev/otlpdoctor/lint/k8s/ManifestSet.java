package dev.otlpdoctor.lint.k8s;

import dev.otlpdoctor.lint.yaml.YamlNode;
import java.util.ArrayList;
import java.util.List;

/** The Kubernetes objects of every manifest file given, linted together (a Service and its Deployment often live apart). */
public final class ManifestSet {
    private final List<KubeObject> objects = new ArrayList<>();

    /** Whether a document is a Kubernetes object: a map with apiVersion and kind. */
    public static boolean isKubernetesObject(YamlNode document) {
        return document.isMap() && document.has("apiVersion") && document.has("kind");
    }

    public void add(String file, String text, List<YamlNode> documents) {
        for (YamlNode document : documents) {
            if (!isKubernetesObject(document)) {
                continue;
            }
            // "kind:" may be empty or not text at all: such an object is linted (and named) as it is.
            String kind = document.textAt("kind");
            if (kind != null && kind.endsWith("List") && document.get("items") != null) {
                document.get("items").items().stream().filter(ManifestSet::isKubernetesObject)
                        .forEach(item -> objects.add(new KubeObject(file, text, item)));
            } else {
                objects.add(new KubeObject(file, text, document));
            }
        }
    }

    public boolean isEmpty() {
        return objects.isEmpty();
    }

    public List<KubeObject> ofKind(String... kinds) {
        List<String> wanted = List.of(kinds);
        return objects.stream().filter(o -> wanted.contains(o.kind())).toList();
    }
}
