package dev.otlpdoctor.envlint;

import dev.otlpdoctor.InvalidInputException;
import dev.otlpdoctor.k8s.manifest.KubeContainer;
import dev.otlpdoctor.k8s.manifest.Manifests;
import dev.otlpdoctor.lint.yaml.YamlNode;
import dev.otlpdoctor.target.EnvSettings;
import dev.otlpdoctor.target.Setting;
import dev.otlpdoctor.target.Source;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The environment a container of a Kubernetes manifest starts with, as the kubelet builds it:
 * {@code envFrom} first, then {@code env} in order, {@code $(NAME)} references expanded from the
 * variables defined before ({@code $$} is a literal {@code $}). ConfigMaps in the same file are
 * resolved; Secrets and pod fields ({@code valueFrom}) exist only in the cluster and are reported as
 * references, never guessed. The manifest is read by the one bounded YAML reader and Kubernetes object model
 * that {@code lint} uses ({@link Manifests}).
 */
public final class ManifestEnv {
    private final Manifests manifest;
    private final String file;
    private final KubeContainer container;
    private final EnvSettings.Builder settings = EnvSettings.builder();
    /** Variables known only at run time that are not OTLP settings themselves, with what they come from. */
    private final Map<String, String> runtimeOnly = new HashMap<>();

    private ManifestEnv(Manifests manifest, String file, KubeContainer container) {
        this.manifest = manifest;
        this.file = file;
        this.container = container;
    }

    /**
     * @param containerName the container to read; {@code null} picks the only one, or the only one that
     *     sets OTEL_* variables
     */
    public static EnvInput load(Path file, String containerName) {
        Manifests manifest = Manifests.read(file);
        String label = file.toString();
        KubeContainer container = choose(manifest, label, containerName);
        ManifestEnv env = new ManifestEnv(manifest, label, container);
        env.read();
        String description = label + ", " + container.owner().label() + ", container " + container.name();
        return new EnvInput("manifest", description, label, container.name(), env.settings.build(),
                ContainerContext.yes("the settings come from a Kubernetes manifest"), false);
    }

    private static KubeContainer choose(Manifests manifest, String label, String name) {
        List<KubeContainer> all = manifest.all().stream().flatMap(o -> o.containers().stream()).toList();
        if (all.isEmpty()) {
            throw new InvalidInputException(label + ": no Pod or workload with containers found");
        }
        if (name != null) {
            return all.stream().filter(c -> c.name().equals(name)).findFirst()
                    .orElseThrow(() -> new InvalidInputException(label + ": no container '" + name
                            + "' (containers: " + names(all) + ")"));
        }
        List<KubeContainer> apps = all.stream().filter(c -> !c.init()).toList();
        if (apps.size() == 1) {
            return apps.get(0);
        }
        List<KubeContainer> otel = apps.stream().filter(ManifestEnv::setsOtel).toList();
        if (otel.size() == 1) {
            return otel.get(0);
        }
        throw new InvalidInputException(label + ": " + apps.size() + " containers (" + names(apps)
                + "): choose one with --container NAME");
    }

    private static boolean setsOtel(KubeContainer c) {
        return c.env().stream().anyMatch(e -> String.valueOf(e.textAt("name")).startsWith("OTEL_"));
    }

    private static String names(List<KubeContainer> containers) {
        return containers.stream().map(c -> c.name() + " in " + c.owner().label()).collect(Collectors.joining(", "));
    }

    private void read() {
        container.envFrom().forEach(this::readEnvFrom);
        container.env().forEach(this::readEnv);
    }

    private void readEnvFrom(YamlNode from) {
        String prefix = text(from.get("prefix"));
        Optional<String> configMap = Optional.ofNullable(from.textAt("configMapRef", "name"));
        Optional<YamlNode> data = configMap.flatMap(manifest::configMapData);
        if (data.isPresent()) {
            data.get().entries().forEach((key, value) -> settings.set(new Setting(prefix + key, text(value),
                    source(data.get().keyLocation(key).line()))));
            return;
        }
        String reference = configMap.map(n -> "configMapRef " + n + " (not in this file)")
                .or(() -> Optional.ofNullable(from.textAt("secretRef", "name")).map(n -> "secretRef " + n))
                .orElse("an unknown source");
        String label = "envFrom (line " + from.location().line() + ")";
        settings.unresolved(new Setting(label, reference + ", which may set any variable", source(from)));
    }

    private void readEnv(YamlNode entry) {
        String name = text(entry.get("name"));
        if (name.isEmpty()) {
            return;
        }
        Source source = source(entry);
        YamlNode valueFrom = entry.get("valueFrom");
        if (valueFrom != null && valueFrom.isMap()) {
            Optional<String> fromConfigMap = configMapValue(valueFrom);
            if (fromConfigMap.isPresent()) {
                expand(name, fromConfigMap.get(), source);
                return;
            }
            String reference = describe(valueFrom);
            if (name.startsWith("OTEL_")) {
                settings.unresolved(new Setting(name, reference, source));
            } else {
                runtimeOnly.put(name, reference);
            }
            return;
        }
        expand(name, text(entry.get("value")), source);
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

    private Optional<String> configMapValue(YamlNode valueFrom) {
        YamlNode ref = valueFrom.get("configMapKeyRef");
        if (ref == null) {
            return Optional.empty();
        }
        String key = text(ref.get("key"));
        return Optional.ofNullable(ref.textAt("name")).flatMap(manifest::configMapData)
                .map(data -> data.get(key)).filter(YamlNode::isScalar).map(YamlNode::text);
    }

    private static String describe(YamlNode valueFrom) {
        for (Map.Entry<String, YamlNode> entry : valueFrom.entries().entrySet()) {
            YamlNode ref = entry.getValue();
            if (ref.isMap()) {
                String target = Optional.ofNullable(ref.textAt("fieldPath"))
                        .or(() -> Optional.ofNullable(ref.textAt("resource")))
                        .orElseGet(() -> Optional.ofNullable(ref.textAt("name")).orElse("?") + "/"
                                + Optional.ofNullable(ref.textAt("key")).orElse("?"));
                return "valueFrom " + entry.getKey() + " " + target;
            }
        }
        return "valueFrom";
    }

    /** A scalar's text; {@code ""} for anything else, as the kubelet reads a missing value. */
    private static String text(YamlNode node) {
        return node == null || node.text() == null ? "" : node.text();
    }

    private Source source(YamlNode node) {
        return source(node.location().line());
    }

    private Source source(int line) {
        return Source.manifest(file, line, container.name());
    }
}
