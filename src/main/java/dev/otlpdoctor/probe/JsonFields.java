package dev.otlpdoctor.probe;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.List;
import java.util.Optional;

/**
 * Reading fields of JSON that host tools print (kubectl, docker's container state): a missing or mistyped
 * field reads as absent, never as an exception, since the output of another program's version may differ.
 */
public final class JsonFields {
    private JsonFields() {
    }

    /** The object at {@code key}, or an empty one. */
    public static JsonObject object(JsonObject parent, String key) {
        JsonElement e = parent == null ? null : parent.get(key);
        return e != null && e.isJsonObject() ? e.getAsJsonObject() : new JsonObject();
    }

    /** The objects of the array at {@code key}; other elements are passed over. */
    public static List<JsonObject> objects(JsonObject parent, String key) {
        JsonElement e = parent.get(key);
        if (e == null || !e.isJsonArray()) {
            return List.of();
        }
        return e.getAsJsonArray().asList().stream().filter(JsonElement::isJsonObject)
                .map(JsonElement::getAsJsonObject).toList();
    }

    public static Optional<String> string(JsonObject parent, String key) {
        JsonElement e = parent.get(key);
        return e != null && e.isJsonPrimitive() ? Optional.of(e.getAsString()) : Optional.empty();
    }

    public static Optional<Boolean> bool(JsonObject parent, String key) {
        JsonElement e = parent.get(key);
        return e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isBoolean()
                ? Optional.of(e.getAsBoolean()) : Optional.empty();
    }

    /** The integer at {@code key}, or 0. */
    public static int integer(JsonObject parent, String key) {
        JsonElement e = parent.get(key);
        try {
            return e != null && e.isJsonPrimitive() ? e.getAsInt() : 0;
        } catch (NumberFormatException ex) {
            return 0;
        }
    }
}
