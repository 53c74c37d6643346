package dev.otlpdoctor.k8s.manifest;

import dev.otlpdoctor.lint.yaml.Positions;
import dev.otlpdoctor.lint.yaml.YamlNode;
import dev.otlpdoctor.lint.yaml.YamlReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The Kubernetes objects of one or more manifest files ({@code kind: List} unpacked), read by the one bounded
 * YAML reader ({@link YamlReader}: size, aliases, nesting depth, duplicate keys). {@code lint} reads every file
 * given into one set (a Service and its Deployment often live apart); {@code env --manifest} reads one.
 */
public final class Manifests {
    private final List<KubeObject> objects = new ArrayList<>();

    /** Whether a document is a Kubernetes object: a map with apiVersion and kind. */
    public static boolean isKubernetesObject(YamlNode document) {
        return document.isMap() && document.has("apiVersion") && document.has("kind");
    }

    /** The objects of one file; every problem reading it is invalid input naming the file (and line). */
    public static Manifests read(Path file) {
        String name = file.toString();
        return parse(YamlReader.decode(YamlReader.readFile(file), name), name);
    }

    /**
     * The objects of a text ({@code kubectl get … -o json} prints JSON, which is YAML); a problem is invalid
     * input naming {@code name}.
     */
    public static Manifests parse(String text, String name) {
        Manifests manifests = new Manifests();
        manifests.add(name, text, YamlReader.documents(text, name, Positions.of(name)));
        return manifests;
    }

    public void add(String file, String text, List<YamlNode> documents) {
        for (YamlNode document : documents) {
            if (!isKubernetesObject(document)) {
                continue;
            }
            // "kind:" may be empty or not text at all: such an object is linted (and named) as it is.
            String kind = document.textAt("kind");
            if (kind != null && kind.endsWith("List") && document.get("items") != null) {
                document.get("items").items().stream().filter(Manifests::isKubernetesObject)
                        .forEach(item -> objects.add(new KubeObject(file, text, item)));
            } else {
                objects.add(new KubeObject(file, text, document));
            }
        }
    }

    public boolean isEmpty() {
        return objects.isEmpty();
    }

    /** Every object, in file order. */
    public List<KubeObject> all() {
        return List.copyOf(objects);
    }

    public List<KubeObject> ofKind(String... kinds) {
        List<String> wanted = List.of(kinds);
        return objects.stream().filter(o -> wanted.contains(o.kind())).toList();
    }

    /** The {@code data} of a ConfigMap of these manifests, by name. */
    public Optional<YamlNode> configMapData(String name) {
        return ofKind("ConfigMap").stream().filter(c -> c.name().equals(name)).map(c -> c.node().get("data"))
                .filter(d -> d != null && d.isMap()).findFirst();
    }
}
