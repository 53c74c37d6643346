package dev.otlpdoctor.envlint;

import dev.otlpdoctor.InvalidInputException;
import dev.otlpdoctor.lint.yaml.YamlReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * The containers and ConfigMaps of a Kubernetes manifest (multi-document YAML, {@code kind: List}
 * included), with the line each starts on. Pods, the pod templates of workloads (Deployment,
 * StatefulSet, DaemonSet, ReplicaSet, Job) and of CronJobs are searched. Parsing is bounded: file size,
 * aliases, no recursive keys, and nesting depth (lint's depth-limited composer).
 */
public final class KubernetesManifest {
    static final int MAX_BYTES = 4 * 1024 * 1024;
    private static final int MAX_ALIASES = 50;

    /**
     * One container of a pod spec.
     *
     * @param owner {@code Kind/name} of the object that holds it
     * @param name the container name
     * @param init whether it is an init container
     * @param node its YAML mapping
     */
    public record Container(String owner, String name, boolean init, MappingNode node) {
        /** A list of strings of the container ({@code command}, {@code args}); empty when absent. */
        public List<String> strings(String key) {
            List<String> values = new ArrayList<>();
            sequence(node, key).ifPresent(seq -> seq.getValue().forEach(n -> values.add(scalarText(n))));
            return values;
        }
    }

    private final String label;
    private final List<Container> containers = new ArrayList<>();
    private final Map<String, MappingNode> configMapData = new LinkedHashMap<>();

    private KubernetesManifest(String label) {
        this.label = label;
    }

    public static KubernetesManifest load(Path file) {
        String label = file.toString();
        KubernetesManifest manifest = new KubernetesManifest(label);
        String text = InputFile.read(file, MAX_BYTES);
        LoadSettings settings = LoadSettings.builder()
                .setLabel(label)
                .setMaxAliasesForCollections(MAX_ALIASES)
                .setAllowRecursiveKeys(false)
                .setAllowDuplicateKeys(false)
                .setCodePointLimit(MAX_BYTES)
                .setBufferSize(YamlReader.bufferSize(text))
                .build();
        try {
            Composer documents = YamlReader.depthLimitedComposer(settings, text);
            while (documents.hasNext()) {
                manifest.addObject(documents.next());
            }
        } catch (MarkedYamlEngineException e) {
            String where = e.getProblemMark().map(m -> label + ":" + (m.getLine() + 1) + ":" + (m.getColumn() + 1))
                    .orElse(label);
            throw new InvalidInputException(where + ": not valid YAML: " + e.getProblem());
        } catch (YamlEngineException e) {
            throw new InvalidInputException(label + ": not valid YAML: " + e.getMessage());
        }
        return manifest;
    }

    public String label() {
        return label;
    }

    public List<Container> containers() {
        return List.copyOf(containers);
    }

    /** The {@code data} of a ConfigMap defined in the same file, by name. */
    public Optional<MappingNode> configMapData(String name) {
        return Optional.ofNullable(configMapData.get(name));
    }

    private void addObject(Node node) {
        if (!(node instanceof MappingNode object)) {
            return;
        }
        String kind = scalar(object, "kind").orElse("");
        String name = mapping(object, "metadata").flatMap(m -> scalar(m, "name")).orElse("?");
        if (kind.equals("List")) {
            sequence(object, "items").ifPresent(items -> items.getValue().forEach(this::addObject));
            return;
        }
        if (kind.equals("ConfigMap")) {
            mapping(object, "data").ifPresent(data -> configMapData.put(name, data));
            return;
        }
        Optional<MappingNode> spec = mapping(object, "spec");
        Optional<MappingNode> podSpec = kind.equals("Pod") ? spec
                : kind.equals("CronJob") ? spec.flatMap(s -> mapping(s, "jobTemplate")).flatMap(j -> mapping(j, "spec"))
                        .flatMap(KubernetesManifest::templateSpec)
                : spec.flatMap(KubernetesManifest::templateSpec);
        podSpec.ifPresent(pod -> {
            addContainers(kind + "/" + name, pod, "initContainers", true);
            addContainers(kind + "/" + name, pod, "containers", false);
        });
    }

    private void addContainers(String owner, MappingNode podSpec, String key, boolean init) {
        sequence(podSpec, key).ifPresent(list -> list.getValue().forEach(c -> {
            if (c instanceof MappingNode container) {
                containers.add(new Container(owner, scalar(container, "name").orElse("?"), init, container));
            }
        }));
    }

    private static Optional<MappingNode> templateSpec(MappingNode spec) {
        return mapping(spec, "template").flatMap(t -> mapping(t, "spec"));
    }

    static Optional<Node> child(MappingNode node, String key) {
        for (NodeTuple tuple : node.getValue()) {
            if (tuple.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
                return Optional.of(tuple.getValueNode());
            }
        }
        return Optional.empty();
    }

    static Optional<MappingNode> mapping(MappingNode node, String key) {
        return child(node, key).filter(MappingNode.class::isInstance).map(MappingNode.class::cast);
    }

    static Optional<SequenceNode> sequence(MappingNode node, String key) {
        return child(node, key).filter(SequenceNode.class::isInstance).map(SequenceNode.class::cast);
    }

    static Optional<String> scalar(MappingNode node, String key) {
        return child(node, key).filter(ScalarNode.class::isInstance).map(n -> ((ScalarNode) n).getValue());
    }

    static String scalarText(Node node) {
        return node instanceof ScalarNode s ? s.getValue() : "";
    }

    /** The 1-based line a node starts on. */
    static int line(Node node) {
        return node.getStartMark().map(m -> m.getLine() + 1).orElse(0);
    }
}
