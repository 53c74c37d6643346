package dev.otlpdoctor.otlp;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * OTLP/JSON through protobuf's JsonFormat. OTLP/JSON differs from the canonical protobuf JSON mapping
 * in two ways (opentelemetry-proto, docs/specification.md, "JSON Protobuf Encoding"): trace and span
 * ids are hex strings, not base64, and enums are integers. Ids are converted on the way in and out;
 * the rest is JsonFormat's. The probes send and {@code listen} reads OTLP/JSON through this one class.
 */
public final class OtlpJson {
    private static final Set<String> ID_FIELDS = Set.of("traceId", "spanId", "parentSpanId",
            "trace_id", "span_id", "parent_span_id");
    private static final JsonFormat.Parser PARSER = JsonFormat.parser().ignoringUnknownFields();
    private static final JsonFormat.Printer PRINTER =
            JsonFormat.printer().omittingInsignificantWhitespace().printingEnumsAsInts();

    private OtlpJson() {
    }

    /** Parses OTLP/JSON into {@code builder}; anything that is not valid OTLP/JSON throws. */
    public static void merge(String json, Message.Builder builder) throws InvalidProtocolBufferException {
        JsonElement tree;
        try {
            tree = JsonParser.parseString(json);
            convertIds(tree, OtlpJson::hexToBase64);
        } catch (RuntimeException e) {
            throw new InvalidProtocolBufferException("not OTLP/JSON: " + e.getMessage());
        }
        PARSER.merge(tree.toString(), builder);
    }

    public static String print(Message message) {
        try {
            JsonElement tree = JsonParser.parseString(PRINTER.print(message));
            convertIds(tree, OtlpJson::base64ToHex);
            return tree.toString();
        } catch (InvalidProtocolBufferException e) {
            // Only Any fields with unknown types fail to print; OTLP messages have none.
            throw new IllegalStateException(e);
        }
    }

    private static void convertIds(JsonElement element, UnaryOperator<String> convert) {
        if (element.isJsonArray()) {
            for (JsonElement child : (JsonArray) element) {
                convertIds(child, convert);
            }
        } else if (element.isJsonObject()) {
            JsonObject object = element.getAsJsonObject();
            for (Map.Entry<String, JsonElement> member : object.entrySet()) {
                JsonElement value = member.getValue();
                if (ID_FIELDS.contains(member.getKey()) && value.isJsonPrimitive()
                        && value.getAsJsonPrimitive().isString()) {
                    member.setValue(new JsonPrimitive(convert.apply(value.getAsString())));
                } else {
                    convertIds(value, convert);
                }
            }
        }
    }

    private static String hexToBase64(String hex) {
        try {
            return Base64.getEncoder().encodeToString(HexFormat.of().parseHex(hex));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid id '" + hex + "': expected hex digits");
        }
    }

    private static String base64ToHex(String base64) {
        return HexFormat.of().formatHex(Base64.getDecoder().decode(base64));
    }
}
