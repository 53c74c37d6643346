package dev.otlpdoctor.lint.yaml;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML value with the place it was written. Unlike a plain {@code Map}, every value — and every map
 * key — keeps its {@link Location}, so each finding can point at the exact line and column.
 */
public final class YamlNode {
    /** What kind of value a node holds. */
    public enum Kind { MAP, LIST, SCALAR, NULL }

    /**
     * How a scalar was written, which decides its YAML type for the collector: a plain {@code 4317} is an
     * integer, a quoted {@code "4317"} a string; a value produced by {@code ${env:…}} counts as the original
     * string where the collector wants a string (confmap's expanded values), and is typed like plain text
     * elsewhere.
     */
    public enum ScalarForm { PLAIN, QUOTED, SUBSTITUTED }

    private final Kind kind;
    private final Location location;
    private final String text;
    private final ScalarForm form;
    private final Map<String, YamlNode> entries;
    private final Map<String, Location> keyLocations;
    private final List<YamlNode> items;

    private YamlNode(Kind kind, Location location, String text, ScalarForm form, Map<String, YamlNode> entries,
                     Map<String, Location> keyLocations, List<YamlNode> items) {
        this.kind = kind;
        this.location = location;
        this.text = text;
        this.form = form;
        this.entries = entries;
        this.keyLocations = keyLocations;
        this.items = items;
    }

    public static YamlNode scalar(String text, Location location) {
        return scalar(text, ScalarForm.PLAIN, location);
    }

    public static YamlNode scalar(String text, ScalarForm form, Location location) {
        return new YamlNode(Kind.SCALAR, location, text, form, Map.of(), Map.of(), List.of());
    }

    public static YamlNode nullValue(Location location) {
        return new YamlNode(Kind.NULL, location, null, null, Map.of(), Map.of(), List.of());
    }

    /** A map; {@code keyLocations} says where each key is written. */
    public static YamlNode map(Map<String, YamlNode> entries, Map<String, Location> keyLocations, Location location) {
        return new YamlNode(Kind.MAP, location, null, null, Collections.unmodifiableMap(new LinkedHashMap<>(entries)),
                Collections.unmodifiableMap(new LinkedHashMap<>(keyLocations)), List.of());
    }

    public static YamlNode list(List<YamlNode> items, Location location) {
        return new YamlNode(Kind.LIST, location, null, null, Map.of(), Map.of(), List.copyOf(items));
    }

    public Kind kind() {
        return kind;
    }

    public Location location() {
        return location;
    }

    public boolean isMap() {
        return kind == Kind.MAP;
    }

    public boolean isList() {
        return kind == Kind.LIST;
    }

    public boolean isScalar() {
        return kind == Kind.SCALAR;
    }

    /** How the scalar was written; {@code null} for anything else. */
    public ScalarForm form() {
        return form;
    }

    /** The scalar's text; {@code null} for anything else. */
    public String text() {
        return text;
    }

    /** Map entries in file order; empty for anything but a map. */
    public Map<String, YamlNode> entries() {
        return entries;
    }

    /** List items; empty for anything but a list. */
    public List<YamlNode> items() {
        return items;
    }

    /** The value of a map key, or {@code null} when absent (or this is not a map). */
    public YamlNode get(String key) {
        return entries.get(key);
    }

    /** The value at a path of map keys, or {@code null} when any step is missing. */
    public YamlNode at(String... keys) {
        YamlNode node = this;
        for (String key : keys) {
            node = node.get(key);
            if (node == null) {
                return null;
            }
        }
        return node;
    }

    /** The scalar text at a path, or {@code null}. */
    public String textAt(String... keys) {
        YamlNode node = at(keys);
        return node == null ? null : node.text();
    }

    public boolean has(String key) {
        return entries.containsKey(key);
    }

    /** Where a key of this map is written; the map's own location when unknown. */
    public Location keyLocation(String key) {
        return keyLocations.getOrDefault(key, location);
    }
}
