package dev.otlpdoctor.lint.schema;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the collector accepts at one place of a component's config, as generated from its Go config
 * structs (scripts/schema/generate.py): the value's type, the keys of a struct, the values an
 * UnmarshalText or Validate method allows, and the keys Validate requires.
 */
public final class SchemaNode {
    /** The value types the collector's decoder (mapstructure, confmap hooks) distinguishes. */
    public enum Type {
        OBJECT("a map of settings"), MAP("a map"), ARRAY("a list"), STRING("a string"), INTEGER("an integer"),
        NUMBER("a number"), BOOLEAN("true or false"), DURATION("a duration such as 5s"),
        HEADERS("a map of header names to values"), ANY("any value");

        private final String description;

        Type(String description) {
            this.description = description;
        }

        /** How findings name the type: "a string", "a list"… */
        public String description() {
            return description;
        }
    }

    private final Type type;
    private final Map<String, SchemaNode> properties;
    private final SchemaNode items;
    private final SchemaNode values;
    private final List<String> allowed;
    private final boolean caseInsensitive;
    private final boolean alsoInteger;
    private final boolean open;
    private final boolean optional;
    private final boolean unsigned;
    private final boolean noSplit;
    private final List<List<String>> requiredOneOf;
    private final List<Constraint> constraints;
    private final String message;
    private final String keyMessage;
    private final String source;

    private SchemaNode(JsonObject json) {
        type = Type.valueOf(json.get("type").getAsString().toUpperCase(Locale.ROOT));
        Map<String, SchemaNode> props = new LinkedHashMap<>();
        if (json.has("properties")) {
            json.getAsJsonObject("properties").entrySet().forEach(e -> props.put(e.getKey(),
                    new SchemaNode(e.getValue().getAsJsonObject())));
        }
        properties = Collections.unmodifiableMap(props);
        items = json.has("items") ? new SchemaNode(json.getAsJsonObject("items")) : null;
        values = json.has("values") ? new SchemaNode(json.getAsJsonObject("values")) : null;
        allowed = json.has("enum") ? strings(json.getAsJsonArray("enum")) : List.of();
        caseInsensitive = flag(json, "caseInsensitive");
        alsoInteger = flag(json, "alsoInteger");
        open = flag(json, "open");
        optional = flag(json, "optional");
        unsigned = flag(json, "unsigned");
        noSplit = flag(json, "noSplit");
        List<List<String>> required = new ArrayList<>();
        if (json.has("requiredOneOf")) {
            json.getAsJsonArray("requiredOneOf").forEach(group -> required.add(strings(group.getAsJsonArray())));
        }
        requiredOneOf = List.copyOf(required);
        List<Constraint> compared = new ArrayList<>();
        if (json.has("constraints")) {
            json.getAsJsonArray("constraints").forEach(c -> compared.add(Constraint.parse(c.getAsJsonObject())));
        }
        constraints = List.copyOf(compared);
        message = json.has("message") ? json.get("message").getAsString() : null;
        keyMessage = json.has("keyMessage") ? json.get("keyMessage").getAsString() : null;
        source = json.has("source") ? json.get("source").getAsString() : null;
    }

    /** A value of a type, with no further restriction. */
    static SchemaNode of(Type type) {
        JsonObject json = new JsonObject();
        json.addProperty("type", type.name().toLowerCase(Locale.ROOT));
        return new SchemaNode(json);
    }

    static SchemaNode parse(JsonObject json) {
        return new SchemaNode(json);
    }

    private static boolean flag(JsonObject json, String name) {
        JsonElement value = json.get(name);
        return value != null && value.getAsBoolean();
    }

    private static List<String> strings(JsonArray array) {
        List<String> out = new ArrayList<>();
        array.forEach(e -> out.add(e.getAsString()));
        return List.copyOf(out);
    }

    public Type type() {
        return type;
    }

    /** The keys of a struct ({@link Type#OBJECT}), squashed structs included. */
    public Map<String, SchemaNode> properties() {
        return properties;
    }

    /** The schema of list items ({@link Type#ARRAY}). */
    public SchemaNode items() {
        return items;
    }

    /** The schema of map values ({@link Type#MAP}). */
    public SchemaNode values() {
        return values;
    }

    /** The values allowed, empty when any value of the type is. */
    public List<String> allowed() {
        return allowed;
    }

    /** Whether {@code text} is one of the allowed values (or no list restricts it). */
    public boolean allows(String text) {
        return allowed.isEmpty() || allowed.stream().anyMatch(a -> caseInsensitive ? a.equalsIgnoreCase(text) : a.equals(text));
    }

    /** A string setting whose Go type is an integer with UnmarshalText: a plain integer is decoded too. */
    public boolean alsoInteger() {
        return alsoInteger;
    }

    /** Keys not listed are accepted as written (a section that is not modelled key by key). */
    public boolean open() {
        return open;
    }

    /** A configoptional section: it also takes {@code enabled: false} to switch it off. */
    public boolean optional() {
        return optional;
    }

    /** A Go unsigned integer: negative values are refused. */
    public boolean unsigned() {
        return unsigned;
    }

    /**
     * A list of a named Go type ({@code []component.ID}): confmap splits a comma-separated string into a list
     * only for {@code []string}, so here a string is refused.
     */
    public boolean noSplit() {
        return noSplit;
    }

    /** Groups of keys of which at least one must be set, as the struct's Validate demands. */
    public List<List<String>> requiredOneOf() {
        return requiredOneOf;
    }

    /** The comparisons between settings the struct's Validate makes. */
    List<Constraint> constraints() {
        return constraints;
    }

    /** The collector's error text for a missing required key, if recorded. */
    public String message() {
        return message;
    }

    /**
     * The collector's own text for a key this struct does not take, where a custom Unmarshal refuses it
     * ({@code %s} is the key), or null when mapstructure's "has invalid keys" message applies.
     */
    public String keyMessage() {
        return keyMessage;
    }

    /** The collector source file the facts of this node were read from, if recorded apart from the component's. */
    public String source() {
        return source;
    }
}
