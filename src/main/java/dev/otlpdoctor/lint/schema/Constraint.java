package dev.otlpdoctor.lint.schema;

import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * A comparison a struct's Validate method makes between its integer settings, with the collector's error text.
 * Either {@code key} must be smaller than {@code than} when {@code than} is set (above zero), or each of
 * {@code keys} must be at most {@code atMost}.
 *
 * @param key the setting that must be smaller ({@code smaller} form), else null
 * @param than the setting it is compared with
 * @param keys the settings bounded ({@code atMost} form), else empty
 * @param atMost the bound
 * @param message the collector's error text
 * @param source the collector source file of the check
 */
record Constraint(String key, String than, List<String> keys, long atMost, String message, String source) {
    static Constraint parse(JsonObject json) {
        List<String> keys = new ArrayList<>();
        if (json.has("keys")) {
            json.getAsJsonArray("keys").forEach(k -> keys.add(k.getAsString()));
        }
        return new Constraint(json.has("smaller") ? json.get("smaller").getAsString() : null,
                json.has("than") ? json.get("than").getAsString() : null, List.copyOf(keys),
                json.has("atMost") ? json.get("atMost").getAsLong() : Long.MAX_VALUE,
                json.get("message").getAsString(), json.has("source") ? json.get("source").getAsString() : null);
    }
}
