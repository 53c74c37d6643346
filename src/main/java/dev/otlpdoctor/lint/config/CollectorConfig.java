package dev.otlpdoctor.lint.config;

import dev.otlpdoctor.lint.yaml.Location;
import dev.otlpdoctor.lint.yaml.YamlNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The model of a collector config after merging and variable expansion: the component sections keyed by
 * component ID, and the service section's pipelines, extensions and telemetry.
 */
public final class CollectorConfig {
    public static final List<String> SECTIONS = List.of("receivers", "processors", "exporters", "extensions", "connectors");

    private final YamlNode root;
    private final Map<String, Map<String, Component>> sections = new LinkedHashMap<>();
    private final List<Pipeline> pipelines = new ArrayList<>();
    private final List<Reference> serviceExtensions = new ArrayList<>();
    private final Deployment deployment;

    public CollectorConfig(YamlNode root, Deployment deployment) {
        this.root = root;
        this.deployment = deployment;
        for (String section : SECTIONS) {
            Map<String, Component> components = new LinkedHashMap<>();
            YamlNode node = root.get(section);
            if (node != null) {
                node.entries().forEach((id, body) -> components.put(id,
                        new Component(section, ComponentId.parse(id), body, node.keyLocation(id))));
            }
            sections.put(section, components);
        }
        YamlNode pipelinesNode = root.at("service", "pipelines");
        if (pipelinesNode != null) {
            pipelinesNode.entries().forEach((id, body) -> pipelines.add(new Pipeline(id, pipelinesNode.keyLocation(id),
                    references(body.get("receivers")), references(body.get("processors")),
                    references(body.get("exporters")))));
        }
        serviceExtensions.addAll(references(root.at("service", "extensions")));
    }

    /**
     * The component IDs of a list. A single string ({@code extensions: health_check}) is refused by the
     * collector (config.wrong-type says so); the other rules read it as the IDs meant, so that they do not
     * report its consequences (an extension "not listed", a receiver "unused") as further mistakes.
     */
    private static List<Reference> references(YamlNode list) {
        List<Reference> refs = new ArrayList<>();
        if (list != null && list.isScalar() && list.kind() != YamlNode.Kind.NULL) {
            for (String id : list.text().split(",")) {
                if (!id.isBlank()) {
                    refs.add(new Reference(id.strip(), list.location()));
                }
            }
        } else if (list != null) {
            for (YamlNode item : list.items()) {
                if (item.isScalar()) {
                    refs.add(new Reference(item.text(), item.location()));
                }
            }
        }
        return refs;
    }

    public YamlNode root() {
        return root;
    }

    public Deployment deployment() {
        return deployment;
    }

    /** The components of one section ({@code receivers}…), by ID, in file order. */
    public Map<String, Component> section(String kind) {
        return sections.get(kind);
    }

    public List<Pipeline> pipelines() {
        return List.copyOf(pipelines);
    }

    public List<Reference> serviceExtensions() {
        return List.copyOf(serviceExtensions);
    }

    /** Whether the service section names this extension, so the collector starts it. */
    public boolean extensionEnabled(String id) {
        return serviceExtensions.stream().anyMatch(r -> r.id().equals(id));
    }

    /** IDs of receivers (and connectors used as receivers) that some pipeline lists. */
    public Set<String> usedReceivers() {
        Set<String> used = new LinkedHashSet<>();
        pipelines.forEach(p -> p.receivers().forEach(r -> used.add(r.id())));
        return used;
    }

    /** Where the service section starts, or the top of the file without one. */
    public Location serviceLocation() {
        return root.has("service") ? root.keyLocation("service") : root.location();
    }
}
