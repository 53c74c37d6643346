package dev.otlpdoctor.lint.schema;

import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * A check a struct's Validate method makes on its settings, with the collector's error text: {@code key} must
 * be smaller than {@code than} when {@code than} is set (above zero); each of {@code keys} must be at most
 * {@code atMost}; or the string {@code key} must start with {@code prefix} unless the boolean {@code unless}
 * is true.
 *
 * @param key the setting that must be smaller ({@code smaller} form), else null
 * @param than the setting it is compared with
 * @param keys the settings bounded ({@code atMost} form), else empty
 * @param atMost the bound
 * @param prefix the text {@code key} must start with ({@code startsWith} form), else null
 * @param unless a boolean setting that, when true, turns the {@code startsWith} check off, else null
 * @param message the collector's error text
 * @param source the collector source file of the check
 */
record Constraint(String key, String than, List<String> keys, long atMost, String prefix, String unless,
                  String message, String source) {
    static Constraint parse(JsonObject json) {
        List<String> keys = new ArrayList<>();
        if (json.has("keys")) {
            json.getAsJsonArray("keys").forEach(k -> keys.add(k.getAsString()));
        }
        String key = json.has("smaller") ? json.get("smaller").getAsString() : text(json, "key");
        return new Constraint(key, text(json, "than"), List.copyOf(keys),
                json.has("atMost") ? json.get("atMost").getAsLong() : Long.MAX_VALUE, text(json, "startsWith"),
                text(json, "unless"), json.get("message").getAsString(), text(json, "source"));
    }

    private static String text(JsonObject json, String name) {
        return json.has(name) ? json.get(name).getAsString() : null;
    }
}
