package dev.otlpdoctor.probe.local.service;

import dev.otlpdoctor.InvalidInputException;
import dev.otlpdoctor.lint.yaml.Location;
import dev.otlpdoctor.lint.yaml.Positions;
import dev.otlpdoctor.lint.yaml.YamlNode;
import dev.otlpdoctor.lint.yaml.YamlReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Points a recognised config error at the line of the config file it is about, read with the lint's YAML
 * reader (which keeps the position of every key): the invalid key, the component of an unknown type, the
 * pipeline entry that names a component that is not configured, the endpoint whose port is in use.
 */
final class ConfigLocator {
    private static final List<String> SECTIONS = List.of("receivers", "processors", "exporters", "connectors", "extensions");

    private ConfigLocator() {
    }

    /** {@code shown:line} in the first file that holds what the message names. */
    static Optional<String> locate(List<ConfigFile> files, MessageKind kind, Map<String, String> details) {
        for (ConfigFile file : files) {
            Optional<Location> found = read(file).flatMap(root -> find(root, kind, details));
            if (found.isPresent()) {
                return Optional.of(file.shown() + ":" + found.get().line());
            }
        }
        return Optional.empty();
    }

    /** A config file: the path the collector was given, and where this machine shows it. */
    record ConfigFile(String shown, Path onHost) {
    }

    private static Optional<YamlNode> read(ConfigFile file) {
        try {
            String text = YamlReader.decode(YamlReader.readFile(file.onHost()), file.shown());
            List<YamlNode> docs = YamlReader.documents(text, file.shown(), Positions.of(file.shown()));
            return docs.isEmpty() || !docs.get(0).isMap() ? Optional.empty() : Optional.of(docs.get(0));
        } catch (InvalidInputException e) {
            return Optional.empty(); // not readable, or not YAML: the finding then names no line
        }
    }

    private static Optional<Location> find(YamlNode root, MessageKind kind, Map<String, String> d) {
        if (kind == MessageKind.ADDRESS_IN_USE && d.containsKey("address")) {
            String port = d.get("address").substring(d.get("address").lastIndexOf(':') + 1);
            YamlNode start = d.containsKey("component") ? root.at("receivers", d.get("component")) : null;
            return endpoint(start == null ? root.get("receivers") : start, ":" + port);
        }
        if (kind != MessageKind.CONFIG_INVALID || !d.containsKey("problem")) {
            return Optional.empty();
        }
        switch (d.get("problem")) {
            case "invalid-keys": {
                YamlNode start = component(root, d.get("section"), d.get("componentId"));
                for (String segment : d.get("within").split("\\.")) {
                    if (start != null && start.isMap() && start.has(segment)) {
                        start = start.get(segment);
                    }
                }
                String key = d.get("keys").split(",\\s*")[0];
                return keyBelow(start == null ? root : start, key);
            }
            case "unknown-type": {
                String id = d.get("componentId");
                for (String section : d.containsKey("section") ? List.of(d.get("section")) : SECTIONS) {
                    YamlNode s = root.get(section);
                    if (s != null && s.isMap() && s.has(id)) {
                        return Optional.of(s.keyLocation(id));
                    }
                }
                return Optional.empty();
            }
            case "not-configured": {
                YamlNode list = d.containsKey("pipeline")
                        ? root.at("service", "pipelines", d.get("pipeline"), d.get("section"))
                        : root.at("service", "extensions");
                if (list != null && list.isList()) {
                    return list.items().stream().filter(i -> d.get("componentId").equals(i.text()))
                            .map(YamlNode::location).findFirst();
                }
                return Optional.empty();
            }
            default:
                return Optional.empty();
        }
    }

    private static YamlNode component(YamlNode root, String section, String id) {
        if (id == null) {
            return null;
        }
        for (String s : section == null ? SECTIONS : List.of(section)) {
            YamlNode node = root.at(s, id);
            if (node != null) {
                return node;
            }
        }
        return null;
    }

    /** The first map key named {@code key} at or below {@code node}, depth first in file order. */
    private static Optional<Location> keyBelow(YamlNode node, String key) {
        if (node == null) {
            return Optional.empty();
        }
        if (node.isMap()) {
            if (node.has(key)) {
                return Optional.of(node.keyLocation(key));
            }
            for (YamlNode child : node.entries().values()) {
                Optional<Location> found = keyBelow(child, key);
                if (found.isPresent()) {
                    return found;
                }
            }
        } else if (node.isList()) {
            for (YamlNode child : node.items()) {
                Optional<Location> found = keyBelow(child, key);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    /** The first {@code endpoint:} whose value ends with {@code :PORT} at or below {@code node}. */
    private static Optional<Location> endpoint(YamlNode node, String portSuffix) {
        if (node == null || !node.isMap()) {
            return Optional.empty();
        }
        for (Map.Entry<String, YamlNode> e : node.entries().entrySet()) {
            YamlNode value = e.getValue();
            if (e.getKey().equals("endpoint") && value.isScalar() && value.text() != null && value.text().endsWith(portSuffix)) {
                return Optional.of(value.location());
            }
            Optional<Location> found = endpoint(value, portSuffix);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }
}
