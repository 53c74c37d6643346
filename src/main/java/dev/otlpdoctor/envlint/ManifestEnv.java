package dev.otlpdoctor.envlint;

import dev.otlpdoctor.InvalidInputException;
import dev.otlpdoctor.envlint.KubernetesManifest.Container;
import dev.otlpdoctor.target.EnvSettings;
import dev.otlpdoctor.target.Setting;
import dev.otlpdoctor.target.Source;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;

/**
 * The environment a container of a Kubernetes manifest starts with, as the kubelet builds it:
 * {@code envFrom} first, then {@code env} in order, {@code $(NAME)} references expanded from the
 * variables defined before ({@code $$} is a literal {@code $}). ConfigMaps in the same file are
 * resolved; Secrets and pod fields ({@code valueFrom}) exist only in the cluster and are reported as
 * references, never guessed.
 */
public final class ManifestEnv {
    private final KubernetesManifest manifest;
    private final Container container;
    private final EnvSettings.Builder settings = EnvSettings.builder();
    /** Variables known only at run time that are not OTLP settings themselves, with what they come from. */
    private final Map<String, String> runtimeOnly = new HashMap<>();

    private ManifestEnv(KubernetesManifest manifest, Container container) {
        this.manifest = manifest;
        this.container = container;
    }

    /**
     * @param containerName the container to read; {@code null} picks the only one, or the only one that
     *     sets OTEL_* variables
     */
    public static EnvInput load(Path file, String containerName) {
        KubernetesManifest manifest = KubernetesManifest.load(file);
        Container container = choose(manifest, containerName);
        ManifestEnv env = new ManifestEnv(manifest, container);
        env.read();
        String description = manifest.label() + ", " + container.owner() + ", container " + container.name();
        return new EnvInput("manifest", description, manifest.label(), container.name(), env.settings.build(),
                ContainerContext.yes("the settings come from a Kubernetes manifest"), false);
    }

    private static Container choose(KubernetesManifest manifest, String name) {
        List<Container> all = manifest.containers();
        if (all.isEmpty()) {
            throw new InvalidInputException(manifest.label() + ": no Pod or workload with containers found");
        }
        if (name != null) {
            return all.stream().filter(c -> c.name().equals(name)).findFirst()
                    .orElseThrow(() -> new InvalidInputException(manifest.label() + ": no container '" + name
                            + "' (containers: " + names(all) + ")"));
        }
        List<Container> apps = all.stream().filter(c -> !c.init()).toList();
        if (apps.size() == 1) {
            return apps.get(0);
        }
        List<Container> otel = apps.stream().filter(ManifestEnv::setsOtel).toList();
        if (otel.size() == 1) {
            return otel.get(0);
        }
        throw new InvalidInputException(manifest.label() + ": " + apps.size() + " containers (" + names(apps)
                + "): choose one with --container NAME");
    }

    private static boolean setsOtel(Container c) {
        return KubernetesManifest.sequence(c.node(), "env").map(seq -> seq.getValue().stream()
                .anyMatch(e -> e instanceof MappingNode m
                        && KubernetesManifest.scalar(m, "name").orElse("").startsWith("OTEL_"))).orElse(false);
    }

    private static String names(List<Container> containers) {
        return containers.stream().map(c -> c.name() + " in " + c.owner()).collect(Collectors.joining(", "));
    }

    private void read() {
        KubernetesManifest.sequence(container.node(), "envFrom").ifPresent(list -> list.getValue().forEach(node -> {
            if (node instanceof MappingNode from) {
                readEnvFrom(from);
            }
        }));
        KubernetesManifest.sequence(container.node(), "env").ifPresent(list -> list.getValue().forEach(node -> {
            if (node instanceof MappingNode entry) {
                readEnv(entry);
            }
        }));
    }

    private void readEnvFrom(MappingNode from) {
        String prefix = KubernetesManifest.scalar(from, "prefix").orElse("");
        Optional<String> configMap = KubernetesManifest.mapping(from, "configMapRef")
                .flatMap(r -> KubernetesManifest.scalar(r, "name"));
        Optional<MappingNode> data = configMap.flatMap(manifest::configMapData);
        if (data.isPresent()) {
            for (NodeTuple tuple : data.get().getValue()) {
                String key = KubernetesManifest.scalarText(tuple.getKeyNode());
                settings.set(new Setting(prefix + key, KubernetesManifest.scalarText(tuple.getValueNode()),
                        source(tuple.getKeyNode())));
            }
            return;
        }
        String reference = configMap.map(n -> "configMapRef " + n + " (not in this file)")
                .or(() -> KubernetesManifest.mapping(from, "secretRef").flatMap(r -> KubernetesManifest.scalar(r, "name"))
                        .map(n -> "secretRef " + n))
                .orElse("an unknown source");
        String label = "envFrom (line " + KubernetesManifest.line(from) + ")";
        settings.unresolved(new Setting(label, reference + ", which may set any variable", source(from)));
    }

    private void readEnv(MappingNode entry) {
        String name = KubernetesManifest.scalar(entry, "name").orElse("");
        if (name.isEmpty()) {
            return;
        }
        Source source = source(entry);
        Optional<String> value = KubernetesManifest.scalar(entry, "value");
        Optional<MappingNode> valueFrom = KubernetesManifest.mapping(entry, "valueFrom");
        if (valueFrom.isPresent()) {
            Optional<String> fromConfigMap = configMapValue(valueFrom.get());
            if (fromConfigMap.isPresent()) {
                expand(name, fromConfigMap.get(), source);
                return;
            }
            String reference = describe(valueFrom.get());
            if (name.startsWith("OTEL_")) {
                settings.unresolved(new Setting(name, reference, source));
            } else {
                runtimeOnly.put(name, reference);
            }
            return;
        }
        expand(name, value.orElse(""), source);
    }

    /** Expands {@code $(NAME)} as the kubelet does; a run-time-only variable becomes a placeholder. */
    private void expand(String name, String raw, Source source) {
        StringBuilder value = new StringBuilder();
        StringBuilder references = new StringBuilder();
        int i = 0;
        while (i < raw.length()) {
            char c = raw.charAt(i);
            if (c == '$' && i + 1 < raw.length() && raw.charAt(i + 1) == '$') {
                value.append('$');
                i += 2;
                continue;
            }
            int close = raw.indexOf(')', i);
            if (c == '$' && i + 1 < raw.length() && raw.charAt(i + 1) == '(' && close > i) {
                String ref = raw.substring(i + 2, close);
                Optional<String> known = settings.valueOf(ref);
                String runtime = runtimeOnly.get(ref);
                if (known.isPresent()) {
                    value.append(known.get());
                } else if (runtime != null || settings.isUnresolved(ref)) {
                    value.append(ref);
                    references.append(references.length() == 0 ? "" : "; ").append("$(").append(ref).append(") = ")
                            .append(runtime != null ? runtime : "set at run time").append(", shown as ").append(ref);
                } else {
                    value.append(raw, i, close + 1);
                }
                i = close + 1;
                continue;
            }
            value.append(c);
            i++;
        }
        Setting setting = new Setting(name, value.toString(), source);
        if (references.length() > 0 && name.startsWith("OTEL_")) {
            settings.partlyResolved(setting, new Setting(name, references.toString(), source));
        } else {
            settings.set(setting);
        }
    }

    private Optional<String> configMapValue(MappingNode valueFrom) {
        Optional<MappingNode> ref = KubernetesManifest.mapping(valueFrom, "configMapKeyRef");
        if (ref.isEmpty()) {
            return Optional.empty();
        }
        String key = KubernetesManifest.scalar(ref.get(), "key").orElse("");
        return KubernetesManifest.scalar(ref.get(), "name").flatMap(manifest::configMapData)
                .flatMap(data -> KubernetesManifest.scalar(data, key));
    }

    private static String describe(MappingNode valueFrom) {
        for (NodeTuple tuple : valueFrom.getValue()) {
            String kind = KubernetesManifest.scalarText(tuple.getKeyNode());
            if (tuple.getValueNode() instanceof MappingNode ref) {
                String target = KubernetesManifest.scalar(ref, "fieldPath")
                        .or(() -> KubernetesManifest.scalar(ref, "resource"))
                        .orElseGet(() -> KubernetesManifest.scalar(ref, "name").orElse("?") + "/"
                                + KubernetesManifest.scalar(ref, "key").orElse("?"));
                return "valueFrom " + kind + " " + target;
            }
        }
        return "valueFrom";
    }

    private Source source(Node node) {
        return Source.manifest(manifest.label(), KubernetesManifest.line(node), container.name());
    }
}
