package dev.otlpdoctor.lint.config;

import dev.otlpdoctor.lint.yaml.Location;
import dev.otlpdoctor.lint.yaml.YamlNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Merges several config files the way the collector merges several {@code --config} sources
 * (confmap's Resolver, docs/collector-behaviour.md): in order, maps merged key by key, a later file's
 * scalar or list replacing the earlier value (lists are not appended by default), and a key written
 * with no value ({@code processors:}) replacing the earlier map with null.
 */
public final class ConfigMerger {
    private ConfigMerger() {
    }

    public static YamlNode merge(List<YamlNode> documents) {
        YamlNode result = null;
        for (YamlNode document : documents) {
            result = result == null ? document : merge(result, document);
        }
        return result;
    }

    static YamlNode merge(YamlNode earlier, YamlNode later) {
        if (!earlier.isMap() || !later.isMap()) {
            return later;
        }
        Map<String, YamlNode> entries = new LinkedHashMap<>(earlier.entries());
        Map<String, Location> keys = new LinkedHashMap<>();
        earlier.entries().keySet().forEach(k -> keys.put(k, earlier.keyLocation(k)));
        later.entries().forEach((key, value) -> {
            YamlNode before = entries.get(key);
            entries.put(key, before == null ? value : merge(before, value));
            keys.put(key, later.keyLocation(key));
        });
        return YamlNode.map(entries, keys, earlier.location());
    }
}
